/**
 * @module Changing a case (docs/closed-loop.md "Cases"): status, priority, owner, team and title, one case
 * (PATCH /cases/:id) or many at once (POST /cases/bulk, all or nothing). Each change is a timeline event;
 * a person's status change or assignment is the case's first action when it has none yet; a new owner
 * is notified. The owner must be someone who may work cases and can see the case's location.
 */
import type pg from 'pg';
import { effectiveLocationPaths, isRole, pathInScope, roleAllows, scopeOf, type Principal } from '../../../core/access/index.ts';
import { isFirstActionEvent, isReopen, moveRefusal } from '../../../core/closedLoop/cases.ts';
import { caseDueAt } from '../../../core/closedLoop/sla.ts';
import { CASE_PRIORITIES, CASE_STATUSES, type CaseEventKind, type CasePriority, type CaseStatus } from '../../../core/closedLoop/model.ts';
import type { CasePatch } from '../../../core/api/cases.ts';
import { isUuid } from '../../../core/ids.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Queryable } from '../../../db/connection.ts';
import { withTransaction } from '../../../db/tx.ts';
import { getCase, type CaseRow } from '../../../db/cases/getCase.ts';
import { insertCaseEvent } from '../../../db/cases/openCase.ts';
import { insertNotifications } from '../../../db/cases/notifications.ts';
import { businessHoursAt } from '../../../db/cases/routing.ts';
import { getAssignee, lockCasesInScope, teamExists, updateCase, type CaseChanges } from '../../../db/cases/updateCase.ts';
import { invalid, notFound } from '../../../http/errors.ts';

/** The case in the caller's scope, locked for this transaction; 404 when it is not there or not theirs to see. */
export async function lockCase(tx: Queryable, actor: Principal, caseId: string): Promise<CaseRow> {
  const c = await getCase(tx, scopeOf(actor), caseId, { forUpdate: true });
  if (!c) throw notFound('Case not found');
  return c;
}

/** Someone who may own a case at `locationPath`, or a 400 naming the field. */
export async function checkAssignee(tx: Queryable, orgId: string, userId: string, locationPath: string | null, field: string): Promise<{ name: string }> {
  const a = await getAssignee(tx, orgId, userId);
  if (!a || !isRole(a.role) || !roleAllows(a.role, 'case.work')) throw invalid(`${field}: not a user who may work cases`, { field });
  if (!pathInScope({ locationPaths: effectiveLocationPaths(a.role, a.locationPaths) }, locationPath)) {
    throw invalid(`${field}: this user cannot see the case's location`, { field });
  }
  return { name: a.name };
}

interface PendingEvent {
  kind: CaseEventKind;
  body: Record<string, unknown>;
}

/**
 * Applies `patch` to the locked case `c` in `tx`: refuses moves the rules forbid (409) and owners who may
 * not have it (400), writes the changes, their events and the new owner's notification.
 * @returns how many fields changed (0: nothing to do)
 */
export async function applyCasePatch(tx: Queryable, actor: Principal, c: CaseRow, patch: CasePatch, now: Date): Promise<number> {
  const changes: CaseChanges = {};
  const events: PendingEvent[] = [];
  if (patch.status !== undefined && patch.status !== c.status) {
    const refusal = moveRefusal(c.status, patch.status);
    if (refusal === 'resolve_needs_root_cause') {
      throw invalid('status: resolving needs a root cause; use POST /api/v1/cases/:id/resolve', { field: 'status' });
    }
    if (refusal) throw new DomainError('conflict', `status: case #${c.number} cannot move from ${c.status} to ${patch.status}`, { field: 'status', number: c.number });
    changes.status = patch.status;
    if (patch.status === 'closed') changes.closedAt = now;
    if (isReopen(c.status, patch.status)) {
      changes.resolvedAt = null;
      changes.closedAt = null;
    }
    events.push({ kind: 'status', body: { from: c.status, to: patch.status } });
  }
  if (patch.priority !== undefined && patch.priority !== c.priority) {
    changes.priority = patch.priority;
    // The SLA follows the priority: due time counted again from when the case was opened.
    const hours = await businessHoursAt(tx, actor.orgId, c.locationId);
    changes.dueAt = caseDueAt(c.createdAt, patch.priority, hours.hours, hours.timeZone);
    events.push({ kind: 'priority', body: { from: c.priority, to: patch.priority } });
  }
  let newOwner: string | null = null;
  const ownerChanged = patch.ownerUserId !== undefined && patch.ownerUserId !== c.ownerUserId;
  const teamChanged = patch.teamId !== undefined && patch.teamId !== c.teamId;
  if (ownerChanged || teamChanged) {
    const ownerUserId = ownerChanged ? (patch.ownerUserId ?? null) : c.ownerUserId;
    const teamId = teamChanged ? (patch.teamId ?? null) : c.teamId;
    let ownerName: string | null = null;
    if (ownerChanged && ownerUserId) {
      ownerName = (await checkAssignee(tx, actor.orgId, ownerUserId, c.locationPath, 'ownerUserId')).name;
      newOwner = ownerUserId;
    }
    if (teamChanged && teamId && !(await teamExists(tx, actor.orgId, teamId))) throw invalid('teamId: no such team', { field: 'teamId' });
    if (ownerChanged) changes.ownerUserId = ownerUserId;
    if (teamChanged) changes.teamId = teamId;
    events.push({ kind: 'assigned', body: { fromOwnerUserId: c.ownerUserId, ownerUserId, ownerName, fromTeamId: c.teamId, teamId } });
  }
  if (patch.title !== undefined && patch.title !== c.title) {
    changes.title = patch.title;
    events.push({ kind: 'title', body: { from: c.title, to: patch.title } });
  }
  if (events.length === 0) return 0;
  await updateCase(tx, actor.orgId, c.id, changes, now, events.some((e) => isFirstActionEvent(e.kind, actor.userId)));
  for (const e of events) await insertCaseEvent(tx, { orgId: actor.orgId, caseId: c.id, kind: e.kind, actorUserId: actor.userId, body: e.body, at: now });
  if (newOwner && newOwner !== actor.userId) {
    await insertNotifications(tx, actor.orgId, [newOwner], { kind: 'case_assigned', caseId: c.id, body: { number: c.number, title: changes.title ?? c.title } });
  }
  return events.length;
}

/** PATCH /cases/:id in one transaction. */
export async function changeCase(pool: pg.Pool, actor: Principal, caseId: string, patch: CasePatch, now: Date): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    await applyCasePatch(tx, actor, c, patch, now);
  });
}

export type BulkAction = 'assign' | 'status' | 'priority';

/** The bulk action's value as a patch, or a 400 naming `value`. */
export function bulkPatch(action: BulkAction, value: string | null): CasePatch {
  if (action === 'assign') {
    if (value !== null && !isUuid(value)) throw invalid('value: a user id, or null to unassign', { field: 'value' });
    return { ownerUserId: value };
  }
  if (action === 'status') {
    if (!(CASE_STATUSES as readonly string[]).includes(value ?? '')) throw invalid(`value: use ${CASE_STATUSES.join(', ')}`, { field: 'value' });
    return { status: value as CaseStatus };
  }
  if (!(CASE_PRIORITIES as readonly string[]).includes(value ?? '')) throw invalid(`value: use ${CASE_PRIORITIES.join(', ')}`, { field: 'value' });
  return { priority: value as CasePriority };
}

/**
 * POST /cases/bulk: every case must be in the caller's scope and accept the change, or nothing changes
 * (one transaction; the first refusal names the case's number).
 * @returns how many cases changed
 */
export async function bulkChangeCases(pool: pg.Pool, actor: Principal, ids: readonly string[], patch: CasePatch, now: Date): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const unique = [...new Set(ids)];
    const found = await lockCasesInScope(tx, scopeOf(actor), unique);
    if (found.length !== unique.length) {
      const missing = unique.filter((id) => !found.some((f) => f.id === id));
      throw notFound(`${missing.length} of the chosen cases were not found; nothing was changed`);
    }
    let updated = 0;
    for (const { id } of found) {
      const c = await getCase(tx, scopeOf(actor), id);
      if (!c) throw notFound('Case not found; nothing was changed');
      try {
        if ((await applyCasePatch(tx, actor, c, patch, now)) > 0) updated++;
      } catch (err) {
        if (err instanceof DomainError) throw new DomainError(err.code, `#${c.number}: ${err.message}; nothing was changed`, { ...err.details, number: c.number });
        throw err;
      }
    }
    return updated;
  });
}
