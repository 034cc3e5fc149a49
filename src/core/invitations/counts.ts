/**
 * Invitation counts and the response rate (METRICS.md: responses / invitations delivered, bounces
 * excluded). The rate's numerator counts responses to delivered invitations only, so it stays within
 * 0..1; responses to invitations only put in the outbox are counted in `responses` but have no rate.
 */
import type { InvitationCounts } from '../api/invitations.ts';
import { SKIP_REASONS, type SkipReason } from '../contacts/frequency.ts';

/** One group of invitations of one status (and skip reason), as counted in SQL. */
export interface StatusCountRow {
  status: string;
  skipReason: string | null;
  n: number;
  opened: number;
  responded: number;
  reminders: number;
}

export function emptyCounts(): InvitationCounts {
  return {
    invitations: 0, pending: 0, skipped: 0, sent: 0, delivered: 0, bounced: 0, failed: 0, opened: 0, responses: 0,
    remindersSent: 0, responseRate: null, skipReasons: {},
  };
}

export function foldCounts(rows: StatusCountRow[]): InvitationCounts {
  const c = emptyCounts();
  let deliveredResponses = 0;
  for (const r of rows) {
    c.invitations += r.n;
    c.opened += r.opened;
    c.responses += r.responded;
    c.remindersSent += r.reminders;
    switch (r.status) {
      case 'queued':
      case 'sending':
        c.pending += r.n;
        break;
      case 'skipped':
        c.skipped += r.n;
        if (r.skipReason && (SKIP_REASONS as readonly string[]).includes(r.skipReason)) {
          const reason = r.skipReason as SkipReason;
          c.skipReasons[reason] = (c.skipReasons[reason] ?? 0) + r.n;
        }
        break;
      case 'sent':
        c.sent += r.n;
        break;
      case 'delivered':
        c.delivered += r.n;
        deliveredResponses += r.responded;
        break;
      case 'bounced':
        c.bounced += r.n;
        break;
      case 'failed':
        c.failed += r.n;
        break;
    }
  }
  c.responseRate = c.delivered > 0 ? deliveredResponses / c.delivered : null;
  return c;
}
