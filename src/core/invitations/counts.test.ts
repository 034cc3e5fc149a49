import { describe, expect, it } from 'vitest';
import { emptyCounts, foldCounts } from './counts.ts';

const row = (status: string, n: number, extra: Partial<{ skipReason: string; opened: number; responded: number; reminders: number }> = {}) => ({
  status, skipReason: extra.skipReason ?? null, n, opened: extra.opened ?? 0, responded: extra.responded ?? 0, reminders: extra.reminders ?? 0,
});

describe('foldCounts', () => {
  it('is empty with no rows, and has no rate', () => {
    expect(foldCounts([])).toEqual(emptyCounts());
  });
  it('counts each status and computes responses / delivered, bounces excluded', () => {
    // 40 delivered (12 answered, 20 opened, 15 reminders), 5 bounced, 3 skipped by the gap, 2 opted out, 4 queued, 1 failed
    const c = foldCounts([
      row('delivered', 40, { opened: 20, responded: 12, reminders: 15 }),
      row('bounced', 5),
      row('skipped', 3, { skipReason: 'contact_gap' }),
      row('skipped', 2, { skipReason: 'unsubscribed' }),
      row('queued', 3),
      row('sending', 1),
      row('failed', 1),
    ]);
    expect(c).toEqual({
      invitations: 55, pending: 4, skipped: 5, sent: 0, delivered: 40, bounced: 5, failed: 1, opened: 20, responses: 12,
      remindersSent: 15, responseRate: 12 / 40, skipReasons: { contact_gap: 3, unsubscribed: 2 },
    });
  });
  it('leaves outbox-only answers out of the rate', () => {
    const c = foldCounts([row('sent', 10, { responded: 4, opened: 5 }), row('delivered', 4, { responded: 1 })]);
    expect(c.responses).toBe(5);
    expect(c.responseRate).toBe(0.25);
    expect(foldCounts([row('sent', 10, { responded: 4 })]).responseRate).toBeNull();
  });
});
