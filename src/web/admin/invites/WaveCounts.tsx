/** A wave's (or a channel's) counts as a definition list, the response rate first, with its definition. */
import { useI18n, type MessageKey } from '../../i18n.tsx';
import type { InvitationCounts } from '../../../core/api/invitations.ts';

const ROWS: [keyof InvitationCounts, MessageKey][] = [
  ['invitations', 'inv.count.invitations'], ['pending', 'inv.count.pending'], ['skipped', 'inv.count.skipped'], ['sent', 'inv.count.sent'],
  ['delivered', 'inv.count.delivered'], ['bounced', 'inv.count.bounced'], ['failed', 'inv.count.failed'], ['opened', 'inv.count.opened'],
  ['responses', 'inv.count.responses'], ['remindersSent', 'inv.count.reminders'],
];

export function WaveCounts({ counts }: { counts: InvitationCounts }) {
  const { t, num, pct } = useI18n();
  return (
    <dl className="wave-counts">
      <div className="wave-rate">
        <dt>{t('inv.count.rate')}</dt>
        <dd>{counts.responseRate === null ? t('inv.rateNone') : pct(counts.responseRate * 100, 1)}</dd>
        <dd className="muted">{t('inv.rateHint')}</dd>
      </div>
      {ROWS.map(([key, label]) => (
        <div key={key}>
          <dt>{t(label)}</dt>
          <dd>{num(counts[key] as number, 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Skip reasons with their counts, in words. */
export function SkipReasons({ skipped }: { skipped: InvitationCounts['skipReasons'] }) {
  const { t } = useI18n();
  const entries = Object.entries(skipped).filter(([, n]) => (n ?? 0) > 0);
  if (entries.length === 0) return null;
  return (
    <ul className="wave-skips">
      {entries.map(([reason, n]) => (
        <li key={reason}>{t('inv.preview.skipped', { n: n ?? 0, reason: t(`inv.skip.${reason}` as MessageKey) })}</li>
      ))}
    </ul>
  );
}
