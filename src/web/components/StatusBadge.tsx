/** A survey's status as a coloured badge with a text label (colour is never the only cue). */
import { useI18n, type MessageKey } from '../i18n.tsx';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}
