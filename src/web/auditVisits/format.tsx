/** Small shared pieces of the visits and waves pages: status badges and the score with its autofail marker. */
import { useI18n, type MessageKey } from '../i18n.tsx';

export function VisitStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge av-status av-status-${status}`}>{t(`av.status.${status}` as MessageKey)}</span>;
}

/** "66.7%" or "No score", with a visible "Autofail" marker (text, not only colour). */
export function VisitScore({ score, autofail }: { score: number | null; autofail: boolean }) {
  const { t, pct } = useI18n();
  return (
    <span className="av-score">
      <strong>{score === null ? t('av.noScore') : pct(score, 1)}</strong>
      {autofail && <span className="badge av-autofail">{t('av.autofail')}</span>}
    </span>
  );
}

/** A result line of an action (LiveStatus). */
export type Msg = { text: string; kind: 'success' | 'error' } | null;

/** The message of a failed request, for the page. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
