/**
 * @module `escalate-cases` (cron every 5 minutes): every open case past its SLA due time moves one level
 * up the location hierarchy (src/core/closedLoop/escalation.ts): the manager of the next ancestor
 * becomes its owner, or at the top the organisation's admins are told; a new due time from now, an
 * `escalated` timeline event, and `escalated` notifications to the new and the previous owner.
 * Idempotent: each case moves in its own transaction under a row lock, re-checked (still overdue, same
 * level), and the new due time lies in the future, so a retry or a second worker finds nothing to do.
 */
import type pg from 'pg';
import { z } from 'zod';
import { nextEscalation } from '../../core/closedLoop/escalation.ts';
import { caseDueAt } from '../../core/closedLoop/sla.ts';
import { escalateCaseRow, listOverdueCases, lockOverdueCase, managersAbove, wholeOrgAdminIds } from '../../db/cases/escalation.ts';
import { insertNotifications } from '../../db/cases/notifications.ts';
import { insertCaseEvent } from '../../db/cases/openCase.ts';
import { businessHoursAt } from '../../db/cases/routing.ts';
import { withTransaction } from '../../db/tx.ts';
import { defineJob } from '../jobs/queue.ts';

const BATCH = 100;

/** Escalates one case if it is (still) overdue. @returns the level it reached, or null when nothing was done. */
export async function escalateCase(pool: pg.Pool, orgId: string, caseId: string, now: Date): Promise<number | null> {
  return withTransaction(pool, async (tx) => {
    const c = await lockOverdueCase(tx, orgId, caseId, now);
    if (!c) return null;
    const step = nextEscalation(c.escalationLevel, await managersAbove(tx, orgId, c.locationId), c.ownerUserId);
    if (!step) return null;
    const hours = await businessHoursAt(tx, orgId, c.locationId);
    const dueAt = caseDueAt(now, c.priority, hours.hours, hours.timeZone);
    const newOwner = step.kind === 'manager' ? step.userId : null;
    if (!(await escalateCaseRow(tx, orgId, c.id, c.escalationLevel, { level: step.level, ownerUserId: newOwner, dueAt }))) return null;
    await insertCaseEvent(tx, {
      orgId, caseId: c.id, kind: 'escalated', actorUserId: null, at: now,
      body: { level: step.level, fromUserId: c.ownerUserId, toUserId: newOwner, locationId: step.kind === 'manager' ? step.locationId : null, top: step.kind === 'top', dueAt: dueAt.toISOString() },
    });
    const told = step.kind === 'manager' ? [step.userId] : await wholeOrgAdminIds(tx, orgId);
    const recipients = c.ownerUserId ? [...told, c.ownerUserId] : told;
    await insertNotifications(tx, orgId, recipients, { kind: 'escalated', caseId: c.id, body: { number: c.number, title: c.title, level: step.level, top: step.kind === 'top' } });
    return step.level;
  });
}

/** Escalates every overdue case, in batches. */
export async function escalateOverdueCases(pool: pg.Pool, now: Date, aborted: () => boolean = () => false): Promise<{ escalated: number }> {
  let escalated = 0;
  const seen = new Set<string>();
  for (;;) {
    const due = (await listOverdueCases(pool, now, BATCH)).filter((c) => !seen.has(c.id));
    if (due.length === 0 || aborted()) return { escalated };
    for (const c of due) {
      seen.add(c.id);
      if ((await escalateCase(pool, c.orgId, c.id, now)) !== null) escalated++;
    }
  }
}

export const escalateCasesJob = defineJob({
  name: 'escalate-cases',
  payload: z.object({}),
  schedule: 'every 5 minutes (cron)',
  cron: '*/5 * * * *',
  policy: 'short',
  // The next run in 5 minutes picks up what a failed run left.
  retry: { limit: 1, delaySeconds: 30, backoff: false },
  expireInSeconds: 15 * 60,
  async handler(_payload, ctx) {
    return escalateOverdueCases(ctx.pool, new Date(), ctx.aborted);
  },
});
