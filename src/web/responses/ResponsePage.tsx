/**
 * /app/responses/:id — one response: every answer of the survey version it answered, its location,
 * channel, language, time, hidden fields, data-quality flags and the exclusion switch (kept but left
 * out of every metric; reversible). The switch changes at once and is undone if the server refuses.
 */
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api.ts';
import { isMessageKey, useI18n, type Translate } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { channelLabel, languageName } from '../analytics/FilterBar.tsx';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';
import { localize } from '../../core/surveys/localize.ts';
import type { ListedAnswer, OneResponse, OneResponseAnswer } from './types.ts';
import './responses.css';

export function ResponsePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const state = useLoad<OneResponseAnswer>(`/responses/${encodeURIComponent(id)}`);
  if (state.error && !state.loading) {
    return <div className="an-page"><h1>{t('rs.one.title')}</h1><ErrorBox error={state.error} onRetry={state.reload} /></div>;
  }
  if (!state.data) return <div className="an-page"><h1>{t('rs.one.title')}</h1><Skeleton height={420} /></div>;
  return <ResponseView key={state.data.response.id} r={state.data.response} />;
}

function ResponseView({ r }: { r: OneResponse }) {
  const { t, num, date, lang } = useI18n();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const back = from && from.startsWith('/app/') ? from : `/app/surveys/${encodeURIComponent(r.survey.id)}/responses`;
  const hidden = Object.entries(r.hidden);
  return (
    <div className="an-page rs-page">
      <p><Link to={back}>{t('rs.one.back')}</Link></p>
      <div className="an-page-head">
        <h1>{t('rs.one.title')} · <time dateTime={r.submittedAt}>{date(r.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time></h1>
      </div>
      <ExclusionSwitch r={r} />
      <div className="rs-one">
        <section className="card" aria-labelledby="rs-answers">
          <h2 id="rs-answers">{t('rs.one.answers')}</h2>
          <dl className="rs-answers" data-testid="response-answers">
            {r.questions.map((q) => (
              <div key={q.key}>
                <dt dir="auto">{localize(q.text, lang, 'en') || q.key}</dt>
                <dd><AnswerText answer={r.answers[q.key]} options={q.options} scaleMax={q.scale?.max ?? (q.type === 'nps' ? 10 : undefined)} /></dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="rs-details">
          <h2 id="rs-details">{t('rs.one.details')}</h2>
          <dl className="rs-details">
            <div><dt>{t('rs.one.survey')}</dt><dd dir="auto"><Link to={`/app/surveys/${encodeURIComponent(r.survey.id)}`}>{r.survey.name || localize(r.survey.title, lang, 'en')}</Link></dd></div>
            <div><dt>{t('rs.one.location')}</dt><dd>{r.location ? <><bdi>{r.location.name}</bdi>{r.location.code && <> <bdi className="muted rs-code">{r.location.code}</bdi></>}</> : t('rs.one.noLocation')}</dd></div>
            <div><dt>{t('rs.one.channel')}</dt><dd>{channelLabel(t, r.channel)}</dd></div>
            <div><dt>{t('rs.one.language')}</dt><dd>{languageName(r.language, t)}</dd></div>
            {r.partial && <div><dt>{t('rs.partial')}</dt><dd>{t('rs.one.partial')}</dd></div>}
            {r.durationMs !== null && <div><dt>{t('rs.one.duration')}</dt><dd>{t('rs.one.seconds', { n: num(r.durationMs / 1000, 1) })}</dd></div>}
            <div><dt>{t('rs.one.id')}</dt><dd className="rs-id">{r.id}</dd></div>
          </dl>
          <h3>{t('rs.one.flags')}</h3>
          {r.flags.length === 0 ? <p className="muted">{t('rs.one.noFlags')}</p> : (
            <p data-testid="response-flags">{r.flags.map((f) => <span key={f} className={`badge reason-${f}`}>{t(`an.reason.${f}`)}</span>)}</p>
          )}
          {r.displayOrder && <DisplayOrderList r={r} order={r.displayOrder} />}
          <h3>{t('rs.one.hidden')}</h3>
          {hidden.length === 0 ? <p className="muted">{t('rs.one.noHidden')}</p> : (
            <dl className="rs-details" data-testid="response-hidden">
              {hidden.map(([k, v]) => <div key={k}><dt>{k}</dt><dd dir="auto">{String(v)}</dd></div>)}
            </dl>
          )}
        </section>
      </div>
    </div>
  );
}

/** The order the respondent was shown: the randomised questions and each randomised question's options. */
function DisplayOrderList({ r, order }: { r: OneResponse; order: Record<string, string[]> }) {
  const { t, lang } = useI18n();
  const question = (key: string) => r.questions.find((q) => q.key === key);
  const text = (key: string) => localize(question(key)?.text, lang, 'en') || key;
  const label = (key: string, value: string) => localize(question(key)?.options.find((o) => o.value === value)?.label, lang, 'en') || value;
  return (
    <>
      <h3>{t('rs.one.order')}</h3>
      <dl className="rs-details" data-testid="response-order">
        {Object.entries(order).map(([key, values]) => (
          <div key={key}>
            <dt dir="auto">{key === '@questions' ? t('rs.one.orderQuestions') : text(key)}</dt>
            <dd><ol className="rs-order">{values.map((v) => <li key={v}><bdi>{key === '@questions' ? text(v) : label(key, v)}</bdi></li>)}</ol></dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function AnswerText({ answer, options, scaleMax }: { answer?: ListedAnswer; options: OneResponse['questions'][number]['options']; scaleMax?: number }) {
  const { t, num, lang } = useI18n();
  if (!answer) return <span className="muted">{t('rs.one.unanswered')}</span>;
  const label = (v: string) => localize(options.find((o) => o.value === v)?.label, lang, 'en') || v;
  if (answer.score !== undefined) return <>{num(answer.score, 0)}{scaleMax !== undefined && <span className="muted"> / {num(scaleMax, 0)}</span>}</>;
  if (answer.choices?.length) return <bdi>{answer.choices.map(label).join(', ')}</bdi>;
  if (answer.choice) return <bdi>{label(answer.choice)}</bdi>;
  // A respondent's text keeps its own direction (a Russian comment in the Persian interface).
  if (answer.text) return <span className="rs-text" dir="auto">{answer.text}</span>;
  return <span className="muted">{t('rs.one.unanswered')}</span>;
}

function ExclusionSwitch({ r }: { r: OneResponse }) {
  const { t } = useI18n();
  const mayExclude = useSession().can('response.exclude');
  const [excluded, setExcluded] = useState(r.excluded);
  const [reason, setReason] = useState(r.exclusionReason);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const toggle = async () => {
    const next = !excluded;
    setExcluded(next);
    setPending(true);
    setStatus(t('rs.one.saving'));
    try {
      if (next) await api.post(`/responses/${encodeURIComponent(r.id)}/exclude`, { reason: 'manual' });
      else await api.post(`/responses/${encodeURIComponent(r.id)}/include`, {});
      setReason(next ? 'manual' : null);
      setStatus(t(next ? 'rs.one.nowExcluded' : 'rs.one.nowIncluded'));
    } catch (e) {
      setExcluded(!next);
      setStatus(t('rs.one.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className={`card rs-switch${excluded ? ' is-excluded' : ''}`}>
      {mayExclude ? (
        <button type="button" role="switch" aria-checked={excluded} aria-describedby="rs-switch-hint" disabled={pending} onClick={toggle} data-testid="exclusion-switch">
          <span className="rs-switch-track" aria-hidden="true"><span className="rs-switch-thumb" /></span>
          <span>{t('rs.one.exclusion')}</span>
        </button>
      ) : (
        <p><strong>{t('rs.one.exclusion')}</strong>: {excluded ? t('an.quality.isExcluded') : t('an.quality.isIncluded')}</p>
      )}
      <p id="rs-switch-hint" className="muted small">
        {excluded && reason ? <>{t('rs.one.reason', { reason: reasonLabel(t, reason) })} · </> : null}
        {t('rs.one.exclusionHint')}
      </p>
      <p role="status" aria-live="polite" className="an-status" data-testid="exclusion-status">{status}</p>
    </div>
  );
}

/** A data-quality reason by its translated name; a free-text reason as stored. */
function reasonLabel(t: Translate, reason: string): string {
  for (const key of [`an.reason.${reason}`, `rs.reason.${reason}`]) {
    if (isMessageKey(key)) return t(key);
  }
  return reason;
}
