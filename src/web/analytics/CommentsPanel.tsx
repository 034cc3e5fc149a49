/** Latest open-text comments with score group, location and date; filter by group; load more; long ones fold. */
import { useEffect, useId, useRef, useState } from 'react';
import { SCORE_GROUPS } from '../../core/surveys/types.ts';
import { useI18n } from '../i18n.tsx';
import { api } from '../api.ts';
import { analyticsPath, type DashboardContext } from './dashboard.ts';
import type { CommentsAnswer } from '../../core/api/analytics.ts';
import type { Comment } from './types.ts';
import { ErrorBox, Panel, Skeleton } from './ui.tsx';
import { channelLabel } from './FilterBar.tsx';
import { foldText } from './labels.ts';

const PAGE = 20;
/** Characters of a comment shown before "show more" (about three lines on a phone). */
const FOLD_AT = 240;

export function CommentsPanel({ ctx }: { ctx: DashboardContext }) {
  const { t, num, date } = useI18n();
  const [group, setGroup] = useState('');
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [nonce, setNonce] = useState(0);
  const ticket = useRef(0);
  const basePath = (before?: string) =>
    analyticsPath(ctx, `/surveys/${ctx.surveyId}/comments`, { limit: PAGE, group: group || undefined, before });
  const firstPath = basePath();

  const load = async (before?: string) => {
    const my = ++ticket.current;
    setBusy(true);
    try {
      const d = await api.get<CommentsAnswer>(basePath(before));
      if (my !== ticket.current) return;
      setComments((prev) => (before && prev ? [...prev, ...d.comments] : d.comments));
      setMore(d.comments.length === PAGE);
      setError(null);
    } catch (e) {
      if (my === ticket.current) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (my === ticket.current) setBusy(false);
    }
  };
  // Start over whenever the filters or the group change.
  useEffect(() => {
    void load();
    // Deliberately not every dependency (react-hooks/exhaustive-deps would flag it; that plugin is not installed here).
  }, [firstPath, nonce]);

  return (
    <Panel
      title={t('an.comments.title')}
      id="comments"
      actions={
        <label className="inline">
          {t('an.comments.group')}
          <select value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('an.filters.all')}</option>
            {SCORE_GROUPS.map((g) => <option key={g} value={g}>{t(`an.group.${g}`)}</option>)}
          </select>
        </label>
      }
    >
      {error && <ErrorBox error={error} onRetry={() => setNonce((n) => n + 1)} />}
      {comments === null ? (!error && <Skeleton height={240} />) : comments.length === 0 ? <p className="muted">{t('an.comments.empty')}</p> : (
        <ul className="an-comments" aria-busy={busy}>
          {comments.map((c) => (
            <li key={`${c.responseId}-${c.questionKey}`} className="an-comment">
              <CommentText text={c.text} />
              <p className="muted an-comment-meta">
                {c.group && <span className={`badge group-${c.group}`}>{t(`an.group.${c.group}`)}{c.score !== null ? `${t('shell.sep')}${num(c.score, 0)}` : ''}</span>}
                {c.locationName && <span dir="auto">{c.locationName}</span>}
                <span>{channelLabel(t, c.channel)}</span>
                <time dateTime={c.submittedAt}>{date(c.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {comments && more && (
        <button type="button" className="secondary" disabled={busy} onClick={() => load(comments.at(-1)?.submittedAt)}>
          {busy ? t('an.loading') : t('an.comments.more')}
        </button>
      )}
    </Panel>
  );
}

/** A comment, folded after FOLD_AT characters behind a "show more" button that says whether it is open. */
export function CommentText({ text }: { text: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const { head, folded } = foldText(text, FOLD_AT);
  return (
    <>
      <p dir="auto" className="an-comment-text" id={id}>{open || !folded ? text : `${head}…`}</p>
      {folded && (
        <button type="button" className="link-button small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          {open ? t('an.comments.showLess') : t('an.comments.showMore')}
        </button>
      )}
    </>
  );
}
