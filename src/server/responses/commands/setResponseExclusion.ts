/**
 * Excludes a response from metrics or includes it again (data validation). The response and its
 * answers are kept and marked; rollups are adjusted in the same transaction (or the change queued
 * during a rollup rebuild: recordResponsesForRollups), only when the state actually changes, so
 * repeating a call is harmless.
 */
import type pg from 'pg';
import { pathInScope, type Principal } from '../../../core/access/index.ts';
import { recordResponsesForRollups } from '../../../db/rollups/rollupQueue.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { notFound } from '../../http/errors.ts';

export interface SetResponseExclusionInput {
  responseId: string;
  excluded: boolean;
  reason?: string;
}

/**
 * @returns whether the state changed
 * @throws not_found when the response is not in the caller's organisation and locations
 */
export async function setResponseExclusion(tx: pg.PoolClient, actor: Principal, input: SetResponseExclusionInput): Promise<{ changed: boolean }> {
  // Row lock: two concurrent exclude calls must not both see "not excluded" and subtract twice.
  const { rows } = await tx.query(
    `select r.excluded, l.path
       from responses r left join locations l on l.org_id = r.org_id and l.id = r.location_id
      where r.org_id = $1 and r.id = $2
        for update of r`,
    [actor.orgId, input.responseId],
  );
  const row = rows[0];
  if (!row || !pathInScope(actor, row.path ?? null)) throw notFound('Response not found');
  if (row.excluded === input.excluded) return { changed: false };
  const ids = [input.responseId];
  // Rollups count only non-excluded answers: subtract while still included, add once included again.
  if (input.excluded) await recordResponsesForRollups(tx, actor.orgId, ids, -1);
  await tx.query(`update responses set excluded = $3, exclusion_reason = $4 where org_id = $1 and id = $2`, [
    actor.orgId,
    input.responseId,
    input.excluded,
    input.excluded ? input.reason || null : null,
  ]);
  await tx.query(`update answers set excluded = $3 where org_id = $1 and response_id = $2`, [actor.orgId, input.responseId, input.excluded]);
  if (!input.excluded) await recordResponsesForRollups(tx, actor.orgId, ids, 1);
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: input.excluded ? 'response.exclude' : 'response.include',
    targetType: 'response', targetId: input.responseId, detail: input.excluded ? { reason: input.reason ?? null } : {},
  });
  return { changed: true };
}
