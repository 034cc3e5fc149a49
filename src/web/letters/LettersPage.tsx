/**
 * /app/cases/letters: the letters read from the feedback mailbox (docs/closed-loop.md "Feedback mailbox"), newest
 * first, filtered by kind and sentiment (kept in the address), each with its sender, store, sentiment, themes and
 * linked case; and, for those who configure cases for the whole organisation, the mailbox settings and status.
 */
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { EmptyState, PageTitle } from '../components/index.ts';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';
import { ThemeChips } from '../reviews/ReviewText.tsx';
import { nativeName, isLanguage } from '../../core/i18n/languages.ts';
import type { FeedbackMessage, FeedbackMessagesAnswer } from '../../core/api/feedbackMailbox.ts';
import type { ThemeItem, ThemesAnswer } from '../../core/api/comments.ts';
import { MailboxSettings } from './MailboxSettings.tsx';
import './letters.css';

const PAGE = 25;
const KINDS = ['feedback', 'reply'] as const;
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;

export function LettersPage() {
  const { t, num } = useI18n();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const ids = useId();
  const kind = KINDS.find((k) => k === params.get('kind'));
  const sentiment = SENTIMENTS.find((s) => s === params.get('sentiment'));
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const list = useLoad<FeedbackMessagesAnswer>(`/feedback-messages${qs({ kind, sentiment, limit: PAGE, offset })}`);
  const themes = useLoad<ThemesAnswer>(can('response.read') ? '/text/themes' : null);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'offset') next.delete('offset');
    setParams(next, { replace: key !== 'offset' });
  };
  const d = list.data;
  const filtered = !!kind || !!sentiment;
  return (
    <section className="letters-page">
      <PageTitle title={t('fl.title')} />
      <p className="muted">{t('fl.intro')}</p>
      {can('case.configure') && me?.locationPaths === null && <MailboxSettings />}
      <form className="card letters-filters" aria-label={t('fl.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('fl.kind')}</label>
          <select id={`${ids}-kind`} value={kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('fl.kind.all')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{t(`fl.kind.${k}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-sentiment`}>{t('fl.sentiment')}</label>
          <select id={`${ids}-sentiment`} value={sentiment ?? ''} onChange={(e) => setFilter('sentiment', e.target.value)}>
            <option value="">{t('fl.sentiment.all')}</option>
            {SENTIMENTS.map((s) => <option key={s} value={s}>{t(`fl.sentiment.${s}`)}</option>)}
          </select>
        </div>
        <p className="letters-count" role="status" aria-live="polite">{d ? t('fl.count', { n: d.total }) : ''}</p>
      </form>
      {list.error && <ErrorBox error={list.error} onRetry={() => void list.reload()} />}
      {!d && !list.error && <Skeleton height={240} label={t('fl.title')} />}
      {d && d.items.length === 0 && (
        <EmptyState title={filtered ? t('fl.emptyFiltered') : t('fl.empty')}>{!filtered && <p className="muted">{t('fl.emptyHelp')}</p>}</EmptyState>
      )}
      {d && d.items.length > 0 && (
        <>
          <ol className="letters-list" data-testid="letters">
            {d.items.map((m) => <LetterItem key={m.id} m={m} themes={themes.data?.themes ?? []} />)}
          </ol>
          {d.total > PAGE && (
            <nav className="toolbar letters-pages" aria-label={t('fl.range', { from: num(offset + 1, 0), to: num(offset + d.items.length, 0), total: num(d.total, 0) })}>
              <button type="button" className="secondary" disabled={offset === 0} onClick={() => setFilter('offset', String(Math.max(0, offset - PAGE)))}>{t('fl.newer')}</button>
              <span>{t('fl.range', { from: num(offset + 1, 0), to: num(offset + d.items.length, 0), total: num(d.total, 0) })}</span>
              <button type="button" className="secondary" disabled={offset + PAGE >= d.total} onClick={() => setFilter('offset', String(offset + PAGE))}>{t('fl.older')}</button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function LetterItem({ m, themes }: { m: FeedbackMessage; themes: readonly ThemeItem[] }) {
  const { t, date } = useI18n();
  const caseText = m.case
    ? `${m.kind === 'reply' ? t('fl.replyTo', { number: m.case.number }) : t('fl.case', { number: m.case.number })} · ${t(`fl.caseStatus.${m.case.status}` as MessageKey)}`
    : t('fl.noCase');
  return (
    <li className="card letter" data-sentiment={m.sentiment ?? 'none'}>
      <h2 className="letter-subject" dir="auto">{m.subject || t('fl.noSubject')}</h2>
      <dl className="letter-meta">
        <div><dt>{t('fl.from')}</dt><dd>{m.fromName && <><bdi>{m.fromName}</bdi> </>}<bdi dir="ltr">{m.fromName ? `<${m.fromAddress}>` : m.fromAddress}</bdi></dd></div>
        <div><dt>{t('fl.received')}</dt><dd>{date(m.receivedAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd></div>
        <div><dt>{t('fl.store')}</dt><dd>{m.location ? <bdi>{m.location.name}</bdi> : t('fl.noStore')}</dd></div>
        {m.sentiment && <div><dt>{t('fl.sentiment')}</dt><dd><span className={`badge letter-sentiment-${m.sentiment}`}>{t(`fl.sentiment.${m.sentiment}`)}</span></dd></div>}
        {m.language && isLanguage(m.language) && <div><dt className="visually-hidden">{t('fl.language', { lang: '' })}</dt><dd className="muted">{t('fl.language', { lang: nativeName(m.language) })}</dd></div>}
        <div><dt className="visually-hidden">{t('fl.noCase')}</dt><dd>{m.case ? <Link to={`/app/cases/${m.case.id}`}>{caseText}</Link> : <span className="muted">{caseText}</span>}</dd></div>
      </dl>
      <ThemeChips ids={m.themes} themes={themes} />
      {m.note && <p className="muted small">{t(`fl.note.${m.note}`)}</p>}
      {m.attachments > 0 && <p className="muted small">{t('fl.attachments', { n: m.attachments })}</p>}
      {m.body && (
        <details className="letter-body">
          <summary>{t('fl.showText')}</summary>
          <p dir="auto">{m.body}</p>
        </details>
      )}
    </li>
  );
}
