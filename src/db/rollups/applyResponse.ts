/**
 * Keeps every rollup level (src/db/rollups/levels.ts) in step with answers inside the caller's
 * transaction: +1 per scored answer and per response when a response is stored or re-included, -1
 * when it is excluded. One base row (dim_key = '') plus one row per organisation dimension present in
 * the response's hidden fields. Only responses that are not excluded count: to exclude, call with -1
 * before marking them excluded; to re-include, mark them first and then call with +1 (see
 * src/server/responses/commands).
 */
import type { Queryable } from '../connection.ts';
import { applyToLevels } from './fillLevels.ts';
import { refreshResponseQuality } from '../quality/responseFlags.ts';

/** Adds (sign = 1) or removes (sign = -1) the given responses and their scored answers to or from every rollup level. */
export async function applyResponsesToRollups(db: Queryable, orgId: string, responseIds: string[], sign: 1 | -1 = 1): Promise<void> {
  if (responseIds.length === 0) return;
  // Rows that drop to zero stay until the next rebuild; every metric treats them as absent.
  await applyToLevels(db, orgId, responseIds, sign);
  // Whatever counts responses directly (bulk fixtures) stores their data-quality flags too, as the fold does.
  await refreshResponseQuality(db, orgId, responseIds);
}

/**
 * Adds each given response's rows `factor` times, whether it is excluded now or not: a queued change
 * (src/db/rollups/rollupQueue.ts) says the response started (+1) or stopped (-1) counting when it
 * was made, and its answers do not change, so the sum of its queued signs times its rows is exactly
 * what it owes the rollups, whatever its state when the queue is replayed.
 */
export async function replayResponsesToRollups(db: Queryable, orgId: string, responseIds: string[], factor: number): Promise<void> {
  if (responseIds.length === 0 || factor === 0) return;
  await applyToLevels(db, orgId, responseIds, factor, true);
}
