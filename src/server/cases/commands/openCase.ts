/**
 * @module Opening a case (docs/closed-loop.md "Cases"): by an alert rule, from the feedback mailbox, or by
 * hand. One transaction: the owner by routing (src/db/cases/routing.ts), the SLA due time from the
 * location's business hours (src/core/closedLoop/sla.ts), the row, its `created` event, and the owner's
 * (or team's) notification. A source that already has a case gets no second one.
 */
import type pg from 'pg';
import { caseDueAt } from '../../../core/closedLoop/sla.ts';
import type { CaseChannel, CasePriority, CaseSourceKind } from '../../../core/closedLoop/model.ts';
import { withTransaction } from '../../../db/tx.ts';
import { businessHoursAt, routeCase } from '../../../db/cases/routing.ts';
import { insertCase } from '../../../db/cases/openCase.ts';
import { insertNotifications } from '../../../db/cases/notifications.ts';
import { teamMemberIds } from '../../../db/cases/teams.ts';

export interface OpenCaseInput {
  orgId: string;
  title: string;
  description?: string;
  priority: CasePriority;
  channel: CaseChannel;
  source?: { kind: CaseSourceKind; id: string } | null;
  alertRuleId?: string | null;
  contactId?: string | null;
  customerName?: string | null;
  customerEmail?: string | null;
  customerPhone?: string | null;
  locationId: string | null;
  /** An owner chosen by hand; routing decides otherwise. */
  ownerUserId?: string | null;
  triggerScore?: number | null;
  triggerMetric?: string | null;
  createdBy?: string | null;
  now?: Date;
}

export interface OpenedCase {
  id: string;
  number: number;
  /** False when the source already had a case (its id is returned). */
  created: boolean;
  ownerUserId: string | null;
  teamId: string | null;
}

export async function openCase(pool: pg.Pool, input: OpenCaseInput): Promise<OpenedCase> {
  return withTransaction(pool, (tx) => openCaseInTransaction(tx, input));
}

/** {@link openCase} in the caller's transaction (the feedback mailbox stores a letter and its case together). */
export async function openCaseInTransaction(tx: pg.PoolClient, input: OpenCaseInput): Promise<OpenedCase> {
  const now = input.now ?? new Date();
  {
    const owner = input.ownerUserId
      ? { ownerUserId: input.ownerUserId, teamId: null }
      : await routeCase(tx, input.orgId, { locationId: input.locationId, channel: input.channel, priority: input.priority });
    const hours = await businessHoursAt(tx, input.orgId, input.locationId);
    const row = await insertCase(tx, {
      orgId: input.orgId,
      title: input.title,
      description: input.description ?? '',
      priority: input.priority,
      channel: input.channel,
      source: input.source ?? null,
      alertRuleId: input.alertRuleId ?? null,
      contactId: input.contactId ?? null,
      customerName: input.customerName ?? null,
      customerEmail: input.customerEmail ?? null,
      customerPhone: input.customerPhone ?? null,
      locationId: input.locationId,
      ownerUserId: owner.ownerUserId,
      teamId: owner.teamId,
      triggerScore: input.triggerScore ?? null,
      triggerMetric: input.triggerMetric ?? null,
      dueAt: caseDueAt(now, input.priority, hours.hours, hours.timeZone),
      createdBy: input.createdBy ?? null,
      createdAt: now,
    });
    if (row.created) {
      const notify = owner.ownerUserId ? [owner.ownerUserId] : owner.teamId ? await teamMemberIds(tx, input.orgId, owner.teamId) : [];
      const others = notify.filter((u) => u !== input.createdBy);
      await insertNotifications(tx, input.orgId, others, { kind: 'case_assigned', caseId: row.id, body: { number: row.number, title: input.title } });
    }
    return { ...row, ...owner };
  }
}
