/**
 * /app/staff/focus-groups/:id: one session: who took part, the questions, the analysis of the notes (overall
 * sentiment, themes), the notes with each sentence marked by sentiment (a glyph, a hidden word and an underline
 * style, not colour alone) and its themes, the suggested findings (negative sentences by theme), and the findings,
 * each linkable to one of the organisation's action plans (/app/action-plans/<id>).
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { api } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { Field } from '../components/Field.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { FocusFinding, FocusSession, FocusSessionAnswer } from '../../core/api/focusSessions.ts';
import type { ActionPlansAnswer } from '../../core/api/actionPlans.ts';
import type { SentimentLabel } from '../../core/nlp/labels.ts';
import { SENTIMENT_GLYPH, SentimentBadge, themeName } from './focusUi.tsx';
import '../support/support.css';
import './focusGroups.css';

type Notice = { text: string; kind: 'success' | 'error' } | null;
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function FocusSessionPage() {
  const { id } = useParams();
  const state = useLoad<FocusSessionAnswer>(`/focus-sessions/${id}`);
  return (
    <div className="an-page">
      <Loadable state={state} height={300}>{(data) => <SessionView session={data.session} reload={state.reload} />}</Loadable>
    </div>
  );
}

function SessionView({ session: s, reload }: { session: FocusSession; reload: () => Promise<void> }) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice>(null);
  const plans = useLoad<ActionPlansAnswer>(s.canEdit ? '/action-plans' : null);

  /** Runs a change, then shows the session as stored and says what happened. */
  const act = async (change: () => Promise<unknown>, done: MessageKey) => {
    setNotice(null);
    try {
      await change();
      await reload();
      setNotice({ text: t(done), kind: 'success' });
    } catch (err) {
      setNotice({ text: errorText(err), kind: 'error' });
    }
  };
  const addFinding = (text: string, theme: string | null) => act(() => api.post(`/focus-sessions/${s.id}/findings`, { text, theme }), 'fg.findingAdded');
  const remove = async () => {
    try {
      await api.delete(`/focus-sessions/${s.id}`);
      void navigate('/app/staff/focus-groups');
    } catch (err) {
      setNotice({ text: errorText(err), kind: 'error' });
    }
  };

  return (
    <>
      <p><Link to="/app/staff/focus-groups">{t('fg.back')}</Link></p>
      <div className="an-page-head">
        <PageTitle title={s.title} />
        {s.canEdit && <Link to={`/app/staff/focus-groups/${s.id}/edit`} className="button secondary" data-testid="fg-edit">{t('fg.edit')}</Link>}
      </div>
      <p className="fg-meta">
        <span className="badge">{t(`fg.kind.${s.kind}` as MessageKey)}</span>
        <span>{date(`${s.heldOn}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })}</span>
        <span>{s.location ? <bdi>{s.location.name}</bdi> : t('fg.location.none')}</span>
        {s.moderator && <span>{t('fg.moderatedBy', { name: s.moderator })}</span>}
      </p>
      <LiveStatus message={notice?.text ?? null} kind={notice?.kind} />

      <section className="card" aria-labelledby="fg-people-h">
        <h2 id="fg-people-h">{t('fg.participants')}</h2>
        {s.participants.length === 0 ? <p className="muted">{t('fg.noParticipants')}</p> : (
          <ul data-testid="fg-participant-list">
            {s.participants.map((p, i) => <li key={i}><bdi>{p.role}</bdi>: {t('fg.people', { n: p.count })}{p.name && <> (<bdi>{p.name}</bdi>)</>}</li>)}
          </ul>
        )}
        {s.questions.length > 0 && (
          <>
            <h3>{t('fg.questions')}</h3>
            <ol>{s.questions.map((q, i) => <li key={i}><bdi>{q}</bdi></li>)}</ol>
          </>
        )}
      </section>

      <Analysis session={s} />
      <Notes session={s} onAdd={s.canEdit ? addFinding : null} />
      {s.canEdit && <Suggestions session={s} onAdd={addFinding} />}
      <Findings session={s} plans={plans.data?.items ?? null} act={act} />

      {s.canEdit && <p><ConfirmButton label={t('fg.delete')} question={t('fg.deleteQuestion')} onConfirm={remove} /></p>}
    </>
  );
}

function Analysis({ session: s }: { session: FocusSession }) {
  const { t, num, date, lang } = useI18n();
  const a = s.analysis;
  if (!a || a.sentences.length === 0) return null;
  return (
    <section className="card" aria-labelledby="fg-analysis-h" data-testid="fg-analysis">
      <h2 id="fg-analysis-h">{t('fg.analysis')}</h2>
      <div className="fg-summary">
        <p>{t('fg.overall')} <SentimentBadge sentiment={a.sentiment} /></p>
        <p>{t('fg.sentenceCounts', { neg: a.counts.negative, neu: a.counts.neutral, pos: a.counts.positive })}</p>
        {s.analysedAt && <p className="muted">{t('fg.analysedAt', { date: date(s.analysedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>}
      </div>
      <h3>{t('fg.themes')}</h3>
      {a.themes.length === 0 ? <p className="muted">{t('fg.noThemes')}</p> : (
        <SupportTable testId="fg-themes" caption={t('fg.themes')}>
          <thead><tr><th scope="col">{t('fg.col.theme')}</th><th scope="col">{t('fg.col.sentences')}</th><th scope="col">{t('fg.col.negative')}</th></tr></thead>
          <tbody>
            {a.themes.map((th) => (
              <tr key={th.id}>
                <th scope="row">{themeName(s.themeNames, th.id, lang)}</th>
                <td>{num(th.count, 0)}</td>
                <td>{num(th.negative, 0)}</td>
              </tr>
            ))}
          </tbody>
        </SupportTable>
      )}
    </section>
  );
}

function SentenceMark({ sentiment }: { sentiment: SentimentLabel }) {
  const { t, lang } = useI18n();
  return <><span className="fg-glyph" aria-hidden="true">{SENTIMENT_GLYPH[sentiment]}</span><span className="visually-hidden" lang={lang}>{t(`fg.sentence.${sentiment}` as MessageKey)}: </span></>;
}

function Notes({ session: s, onAdd }: { session: FocusSession; onAdd: ((text: string, theme: string | null) => void) | null }) {
  const { t, lang } = useI18n();
  const sentences = s.analysis?.sentences ?? [];
  const paragraphs: { index: number; sentence: (typeof sentences)[number] }[][] = [];
  sentences.forEach((sentence, index) => (paragraphs[sentence.paragraph] ??= []).push({ index, sentence }));
  return (
    <section className="card fg-notes" aria-labelledby="fg-notes-h" data-testid="fg-notes-view">
      <h2 id="fg-notes-h">{t('fg.notes')}</h2>
      {sentences.length === 0 ? <p className="muted">{t('fg.noNotes')}</p> : (
        <>
          <p className="muted">{t('fg.legend', { neg: SENTIMENT_GLYPH.negative, pos: SENTIMENT_GLYPH.positive, neu: SENTIMENT_GLYPH.neutral })}</p>
          <div lang={s.language} dir={s.language === 'fa' ? 'rtl' : 'ltr'}>
            {paragraphs.filter(Boolean).map((list, p) => (
              <p key={p}>
                {list.map(({ index, sentence }) => (
                  <span key={index}>
                    <span className={`fg-s fg-${sentence.sentiment}`} data-testid={`fg-sentence-${index}`} data-sentiment={sentence.sentiment}>
                      <SentenceMark sentiment={sentence.sentiment} /><bdi>{sentence.text}</bdi>
                    </span>
                    {sentence.themes.length > 0 && <span className="fg-theme-tag" lang={lang}>[{sentence.themes.map((id) => themeName(s.themeNames, id, lang)).join(', ')}]</span>}
                    {onAdd && (
                      <button type="button" className="secondary fg-add" onClick={() => onAdd(sentence.text, sentence.themes[0] ?? null)}
                        aria-label={t('fg.fromSentence', { text: sentence.text })} title={t('fg.fromSentence', { text: sentence.text })} data-testid={`fg-from-sentence-${index}`}>+</button>
                    )}
                    {' '}
                  </span>
                ))}
              </p>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Suggestions({ session: s, onAdd }: { session: FocusSession; onAdd: (text: string, theme: string | null) => void }) {
  const { t, lang } = useI18n();
  const sentences = s.analysis?.sentences ?? [];
  if (sentences.length === 0) return null;
  return (
    <section className="card" aria-labelledby="fg-suggest-h" data-testid="fg-suggestions">
      <h2 id="fg-suggest-h">{t('fg.suggestions')}</h2>
      <p className="muted">{t('fg.suggestionsHint')}</p>
      {s.suggestions.length === 0 ? <p className="muted">{t('fg.noSuggestions')}</p> : s.suggestions.map((g) => (
        <div key={g.theme ?? ''} className="fg-suggestion">
          <h3>{g.theme ? themeName(s.themeNames, g.theme, lang) : t('fg.noTheme')}</h3>
          <ul>
            {g.sentences.map((i) => (
              <li key={i}>
                <bdi lang={s.language}>{sentences[i]!.text}</bdi>{' '}
                <button type="button" className="secondary" onClick={() => onAdd(sentences[i]!.text, g.theme)} data-testid={`fg-make-${g.theme ?? 'none'}-${i}`}>
                  {t('fg.makeFinding')}<span className="visually-hidden">: {sentences[i]!.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Findings({ session: s, plans, act }: {
  session: FocusSession;
  plans: ActionPlansAnswer['items'] | null;
  act: (change: () => Promise<unknown>, done: MessageKey) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [theme, setTheme] = useState('');
  const themes = [...new Set([...(s.analysis?.themes.map((x) => x.id) ?? [])])];
  const add = async (e: FormEvent) => {
    e.preventDefault();
    await act(() => api.post(`/focus-sessions/${s.id}/findings`, { text, theme: theme || null }), 'fg.findingAdded');
    setText('');
  };
  return (
    <section className="card" aria-labelledby="fg-findings-h" data-testid="fg-findings">
      <h2 id="fg-findings-h">{t('fg.findings')}</h2>
      {s.findingList.length === 0 ? <p className="muted">{t('fg.noFindings')}</p> : (
        <ul className="plain">
          {s.findingList.map((f) => <FindingItem key={f.id} finding={f} session={s} plans={plans} act={act} />)}
        </ul>
      )}
      {s.canEdit && (
        <form onSubmit={add} className="fg-link-form">
          <Field label={t('fg.findingText')}>
            {(p) => <textarea {...p} dir="auto" rows={2} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} data-testid="fg-finding-text" />}
          </Field>
          <Field label={t('fg.findingTheme')}>
            {(p) => <select {...p} value={theme} onChange={(e) => setTheme(e.target.value)}>
              <option value="">{t('fg.noTheme')}</option>
              {themes.map((id) => <option key={id} value={id}>{themeName(s.themeNames, id, lang)}</option>)}
            </select>}
          </Field>
          <button type="submit" className="secondary" disabled={!text.trim()}>{t('fg.addFinding')}</button>
        </form>
      )}
    </section>
  );
}

function FindingItem({ finding: f, session: s, plans, act }: {
  finding: FocusFinding;
  session: FocusSession;
  plans: ActionPlansAnswer['items'] | null;
  act: (change: () => Promise<unknown>, done: MessageKey) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [plan, setPlan] = useState('');
  const link = async (e: FormEvent) => {
    e.preventDefault();
    if (plan) await act(() => api.put(`/focus-findings/${f.id}`, { actionPlanId: plan }), 'fg.linked');
  };
  return (
    <li className="fg-finding" data-testid="fg-finding">
      <p className="fg-finding-text"><bdi dir="auto">{f.text}</bdi></p>
      <p className="fg-meta">
        <span>{t('fg.col.theme')}: {f.theme ? themeName(s.themeNames, f.theme, lang) : t('fg.noTheme')}</span>
        <span data-testid="fg-finding-plan">
          {t('fg.plan')}:{' '}
          {f.actionPlan ? <Link to={`/app/action-plans/${f.actionPlan.id}`}><bdi>{f.actionPlan.title}</bdi></Link> : f.actionPlanId ? t('fg.planHidden') : t('fg.planNone')}
        </span>
      </p>
      {s.canEdit && (
        <div className="fg-actions">
          {f.actionPlanId ? (
            <button type="button" className="secondary" onClick={() => act(() => api.put(`/focus-findings/${f.id}`, { actionPlanId: null }), 'fg.unlinked')}>
              {t('fg.unlink')}<span className="visually-hidden">: {f.text}</span>
            </button>
          ) : plans && plans.length === 0 ? <p className="muted">{t('fg.noPlans')}</p> : (
            <form onSubmit={link} className="fg-link-form">
              <Field label={<>{t('fg.linkPlan')}<span className="visually-hidden"> ({f.text})</span></>}>
                {(p) => <select {...p} value={plan} onChange={(e) => setPlan(e.target.value)} data-testid="fg-plan-select">
                  <option value="">{t('fg.planNone')}</option>
                  {(plans ?? []).map((ap) => <option key={ap.id} value={ap.id}>{ap.title}</option>)}
                </select>}
              </Field>
              <button type="submit" className="secondary" disabled={!plan} data-testid="fg-link">{t('fg.link')}</button>
            </form>
          )}
          <ConfirmButton label={t('fg.deleteFinding')} question={t('fg.deleteFindingQuestion')}
            onConfirm={() => act(() => api.delete(`/focus-findings/${f.id}`), 'fg.findingDeleted')} />
        </div>
      )}
    </li>
  );
}
