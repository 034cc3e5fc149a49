/**
 * @module Working a case (docs/closed-loop.md "Cases"): an internal note with @mentions, resolving with a
 * root cause, and compensation within the role's limit. One transaction each, on the locked case; each
 * writes its timeline event and records the case's first action when it has none.
 */
import type pg from 'pg';
import { effectiveLocationPaths, isRole, pathInScope, type Principal } from '../../../core/access/index.ts';
import { compensationLimitOf, compensationRefusal, parseMentions, resolveRefusal, type CompensationLimit } from '../../../core/closedLoop/cases.ts';
import type { CompensationKind } from '../../../core/closedLoop/model.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Queryable } from '../../../db/connection.ts';
import { withTransaction } from '../../../db/tx.ts';
import { insertCaseEvent } from '../../../db/cases/openCase.ts';
import { insertNotifications } from '../../../db/cases/notifications.ts';
import {
  activeRootCauseExists, getCompensationLimits, insertCompensation, listCasePeople, sumCaseCompensation, updateCase,
} from '../../../db/cases/updateCase.ts';
import { invalid } from '../../../http/errors.ts';
import { lockCase } from './changeCase.ts';

/** POST /cases/:id/notes: the note, and a `mention` notification for each @mentioned user who can see the case. */
export async function addCaseNote(pool: pg.Pool, actor: Principal, caseId: string, text: string, now: Date): Promise<{ eventId: string; mentioned: number }> {
  return withTransaction(pool, async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    // Only colleagues who can open the case may be mentioned: a mention must not reveal it to others.
    const people = (await listCasePeople(tx, actor.orgId)).filter(
      (p) => isRole(p.role) && pathInScope({ locationPaths: effectiveLocationPaths(p.role, p.locationPaths) }, c.locationPath),
    );
    const mentions = parseMentions(text, people);
    const eventId = await insertCaseEvent(tx, { orgId: actor.orgId, caseId: c.id, kind: 'note', actorUserId: actor.userId, body: { text }, mentions, at: now });
    await updateCase(tx, actor.orgId, c.id, {}, now, true);
    const notify = mentions.filter((id) => id !== actor.userId);
    await insertNotifications(tx, actor.orgId, notify, { kind: 'mention', caseId: c.id, body: { number: c.number, title: c.title, excerpt: text.slice(0, 200) } });
    return { eventId, mentioned: notify.length };
  });
}

export interface ResolveInput {
  rootCauseId?: string | null;
  controllable?: boolean | null;
  resolution: string;
  askCustomer: boolean;
}

/**
 * POST /cases/:id/resolve: status resolved with its root cause, the controllable flag and the resolution.
 * @returns whether the recovery survey should be sent (the caller enqueues it after the commit)
 */
export async function resolveCase(pool: pg.Pool, actor: Principal, caseId: string, input: ResolveInput, now: Date): Promise<{ askCustomer: boolean }> {
  return withTransaction(pool, async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    const refusal = resolveRefusal(c.status, input);
    if (refusal?.field === 'status') throw new DomainError('conflict', `status: a ${c.status} case cannot be resolved; reopen it first`, { field: 'status' });
    if (refusal?.field === 'rootCauseId') throw invalid('rootCauseId: choose the root cause', { field: 'rootCauseId' });
    if (refusal?.field === 'controllable') throw invalid('controllable: say whether the cause was controllable (true or false)', { field: 'controllable' });
    if (!(await activeRootCauseExists(tx, actor.orgId, input.rootCauseId!))) throw invalid('rootCauseId: no such root cause', { field: 'rootCauseId' });
    await updateCase(tx, actor.orgId, c.id, {
      status: 'resolved', resolvedAt: now, closedAt: null, rootCauseId: input.rootCauseId!, controllable: input.controllable!, resolution: input.resolution || null,
    }, now, true);
    await insertCaseEvent(tx, { orgId: actor.orgId, caseId: c.id, kind: 'status', actorUserId: actor.userId, body: { from: c.status, to: 'resolved' }, at: now });
    await insertCaseEvent(tx, {
      orgId: actor.orgId, caseId: c.id, kind: 'root_cause', actorUserId: actor.userId, at: now,
      body: { rootCauseId: input.rootCauseId, controllable: input.controllable, resolution: input.resolution, askCustomer: input.askCustomer },
    });
    return { askCustomer: input.askCustomer };
  });
}

/** The caller's compensation limit (API keys: the role they carry, analyst). */
export async function compensationLimitFor(db: Queryable, actor: Principal): Promise<CompensationLimit> {
  return compensationLimitOf(actor.role, await getCompensationLimits(db, actor.orgId));
}

/** POST /cases/:id/compensations: within the caller's per-case limit (403 when their role gives none, 400 above it). */
export async function giveCompensation(
  pool: pg.Pool, actor: Principal, caseId: string, input: { amount: number; kind: CompensationKind; note?: string | null }, now: Date,
): Promise<{ eventId: string }> {
  return withTransaction(pool, async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    const limit = await compensationLimitFor(tx, actor);
    const given = await sumCaseCompensation(tx, actor.orgId, c.id);
    const refusal = compensationRefusal(limit, input.amount, given);
    if (refusal === 'not_allowed') throw new DomainError('forbidden', 'Your role may not give compensation (Settings → Cases sets the limits)');
    if (refusal === 'over_limit' && limit.kind === 'max') {
      const left = Math.max(0, Math.round((limit.amount - given) * 100) / 100);
      throw invalid(`amount: over your limit of ${limit.amount} ${c.currency} per case (${left} left on this case)`, { field: 'amount', limit: limit.amount, left });
    }
    const compensationId = await insertCompensation(tx, {
      orgId: actor.orgId, caseId: c.id, amount: input.amount, currency: c.currency, kind: input.kind, note: input.note ?? null, givenBy: actor.userId, at: now,
    });
    const eventId = await insertCaseEvent(tx, {
      orgId: actor.orgId, caseId: c.id, kind: 'compensation', actorUserId: actor.userId, at: now,
      body: { compensationId, amount: input.amount, currency: c.currency, kind: input.kind, note: input.note ?? null },
    });
    await updateCase(tx, actor.orgId, c.id, {}, now, true);
    return { eventId };
  });
}
