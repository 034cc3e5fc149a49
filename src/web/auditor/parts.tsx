/** Small pieces of the auditor's pages. */
import { useI18n } from '../i18n.tsx';

export function AssignmentStatus({ status, label }: { status: string; label: string }) {
  return <span className={`badge auditor-status auditor-status-${status}`} data-testid="assignment-status">{label}</span>;
}

export function ScoreLine({ score, autofail }: { score: number | null; autofail: boolean }) {
  const { t, pct } = useI18n();
  if (autofail) return <span className="auditor-score">{t('am.autofail')}</span>;
  return score === null ? null : <span className="auditor-score" data-testid="score">{t('am.score', { score: pct(score) })}</span>;
}
