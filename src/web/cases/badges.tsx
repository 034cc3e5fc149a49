/** Small labels of a case: status, priority and due time (overdue in words and colour, never colour alone). */
import { useI18n, type MessageKey } from '../i18n.tsx';

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge cs-status-${status}`}>{t(`cs.status.${status}` as MessageKey)}</span>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useI18n();
  return <span className={`badge cs-priority-${priority}`}>{t(`cs.priority.${priority}` as MessageKey)}</span>;
}

export function DueCell({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t, date } = useI18n();
  if (!dueAt) return <span className="muted">—</span>;
  return (
    <span className={overdue ? 'cs-due cs-due-over' : 'cs-due'}>
      <time dateTime={dueAt}>{date(dueAt, { dateStyle: 'short', timeStyle: 'short' })}</time>
      {overdue && <> <span className="badge cs-overdue-badge">{t('cs.overdue')}</span></>}
    </span>
  );
}
