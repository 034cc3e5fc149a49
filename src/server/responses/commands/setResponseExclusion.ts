/**
 * Excludes responses from metrics or includes them again (data validation). The responses and their
 * answers are kept and marked; rollups are adjusted in the same transaction (or the change queued
 * during a rollup rebuild: recordResponsesForRollups), only for the responses whose state actually
 * changes, so repeating a call is harmless. Every change is audited, one entry per response.
 */
import type pg from 'pg';
import { pathInScope, type Principal } from '../../../core/access/index.ts';
import { isUuid } from '../../../core/ids.ts';
import { recordResponsesForRollups } from '../../../db/rollups/rollupQueue.ts';
import { lockResponsesForExclusion, setAnswersExcluded, setResponsesExcluded } from '../../../db/responses/exclusion.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { notFound } from '../../../http/errors.ts';

export interface SetResponseExclusionInput {
  responseId: string;
  excluded: boolean;
  reason?: string;
}

/**
 * One response (POST /responses/:id/exclude and /include).
 * @returns whether the state changed
 * @throws not_found when the response is not in the caller's organisation and locations
 */
export async function setResponseExclusion(tx: pg.PoolClient, actor: Principal, input: SetResponseExclusionInput): Promise<{ changed: boolean }> {
  if (!isUuid(input.responseId)) throw notFound('Response not found');
  const result = await setResponsesExclusion(tx, actor, { responseIds: [input.responseId], excluded: input.excluded, reason: input.reason });
  if (result.found.length === 0) throw notFound('Response not found');
  return { changed: result.changed.length > 0 };
}

/**
 * Many responses at once (bulk exclusion of one data-quality reason). Responses outside the caller's
 * organisation or locations are left alone and not reported.
 * @returns the ids found in scope and those whose state changed
 */
export async function setResponsesExclusion(
  tx: pg.PoolClient,
  actor: Principal,
  input: { responseIds: string[]; excluded: boolean; reason?: string },
): Promise<{ found: string[]; changed: string[] }> {
  const ids = input.responseIds.filter(isUuid);
  if (ids.length === 0) return { found: [], changed: [] };
  // Row locks: two concurrent calls must not both see "not excluded" and subtract twice.
  const rows = await lockResponsesForExclusion(tx, actor.orgId, ids);
  const found = rows.filter((r) => pathInScope(actor, r.path));
  const changed: string[] = found.filter((r) => r.excluded !== input.excluded).map((r) => r.id);
  if (changed.length === 0) return { found: found.map((r) => r.id), changed };
  // Rollups count only non-excluded answers: subtract while still included, add once included again.
  if (input.excluded) await recordResponsesForRollups(tx, actor.orgId, changed, -1);
  await setResponsesExcluded(tx, actor.orgId, changed, input.excluded, input.reason || null);
  await setAnswersExcluded(tx, actor.orgId, changed, input.excluded);
  if (!input.excluded) await recordResponsesForRollups(tx, actor.orgId, changed, 1);
  for (const id of changed) {
    await writeAudit(tx, {
      orgId: actor.orgId, actorId: actor.userId, action: input.excluded ? 'response.exclude' : 'response.include',
      targetType: 'response', targetId: id, detail: input.excluded ? { reason: input.reason ?? null } : {},
    });
  }
  return { found: found.map((r) => r.id), changed };
}
