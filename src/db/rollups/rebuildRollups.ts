/**
 * Full rebuild of an organisation's rollups (every level in src/db/rollups/levels.ts) from raw
 * answers, without blocking the organisation's respondents (docs/analytics.md "Rebuild"). Writers
 * only queue changes (src/db/rollups/rollupQueue.ts); the rebuild holds ROLLUP_WRITER_LOCK for its
 * whole run, so no fold runs meanwhile:
 *
 * 1. mark the organisation as rebuilding (rollup_state.rebuilding, shown by GET /analytics/freshness);
 * 2. in one REPEATABLE READ transaction (one snapshot S): delete and refill every level from the
 *    answers in S, and delete the queued changes visible in S (a writer commits its answers and its
 *    queued change together, so exactly those are already counted); commit;
 * 3. replay the changes queued after S, and clear the mark.
 *
 * Step 3 runs whether step 2 committed or not (a failed refill leaves the old rollups, and the queue
 * still holds everything not folded into them). At every commit, rollups plus the queue equal the raw
 * aggregation, and readers add the queue, so dashboards stay exact throughout. One rebuild per
 * organisation at a time (a session advisory lock; a second one waits).
 */
import type pg from 'pg';
import { inTransaction } from '../tx.ts';
import { deleteOrgRollups, fillRollupLevels } from './buildRollups.ts';
import { ROLLUP_LEVELS } from './levels.ts';
import { listRebuildingOrgIds, replayPendingResponses, ROLLUP_WRITER_LOCK, setRollupsRebuilding } from './rollupQueue.ts';
import { addDays, addMonths, monthStart } from '../../core/time/orgCalendar.ts';
import { setQualityRulesKeys } from '../quality/responseFlags.ts';

// "This organisation's rollup rows are being written": held for the whole rebuild, so neither another
// rebuild nor a fold (rollupQueue.ts) runs meanwhile.
const REBUILD_LOCK = ROLLUP_WRITER_LOCK;

export interface RebuildProgress {
  /** Called once the batches are known (one survey x `batchDays` org-local days for day levels, then one survey x month for block and month levels). */
  start(totalBatches: number): void;
  /** Called after each batch with the rollup rows it wrote. */
  batch(rows: number): void;
}

export interface RebuildResult {
  orgId: string;
  batches: number;
  scoreRows: number;
  responseRows: number;
  ms: number;
}

interface Batch {
  surveyId: string;
  from: string;
  to: string;
}

/** Where a rebuild can be held or made to fail (tests): after writers were switched to queueing, and before the refill commits. */
export type RebuildPoint = 'queueing' | 'refilled';

/**
 * Rebuilds one organisation's rollups. Batches follow org-local midnights, so no rollup day spans
 * two batches. Waits while another rebuild of the organisation runs.
 * @param batchDays days per batch (bounds each statement's work and drives the progress bar)
 * @param pause awaited at each {@link RebuildPoint}; throwing there fails the rebuild (tests)
 * @returns counts of written rows and elapsed time
 * @throws whatever stopped the refill (progress callbacks may throw to cut it off); the changes
 *   queued meanwhile are replayed first, so the old rollups stay exact
 */
export async function rebuildOrgRollups(
  pool: pg.Pool,
  orgId: string,
  opts: { batchDays?: number; progress?: RebuildProgress; pause?: (point: RebuildPoint) => Promise<void> } = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const batchDays = Math.max(1, Math.floor(opts.batchDays ?? 7));
  const rebuilt = await withRebuildLock(pool, orgId, 'wait', async (client) => {
    const org = await client.query(`select timezone from orgs where id = $1`, [orgId]);
    if (!org.rows[0]) throw new Error(`No organisation ${orgId}`);
    await inTransaction(client, (tx) => setRollupsRebuilding(tx, orgId, true));
    let result: RebuildResult | undefined;
    let failure: unknown;
    try {
      await opts.pause?.('queueing');
      result = await inTransaction(client, async (tx) => {
        const r = await refill(tx, orgId, batchDays, opts.progress);
        // Under REPEATABLE READ this removes only the queued changes of S, which the refill counted;
        // later ones stay for step 3. Nothing else deletes queued rows, so no serialization failure.
        await tx.query(`/* rebuildRollups.dropCounted */ delete from rollup_pending where org_id = $1`, [orgId]);
        await opts.pause?.('refilled');
        return r;
      }, 'isolation level repeatable read');
    } catch (err) {
      failure = err;
    }
    try {
      await finishRollupRebuild(client, orgId);
    } catch (err) {
      failure ??= err;
    }
    if (failure !== undefined) throw failure;
    return result!;
  });
  return { ...rebuilt!, ms: Date.now() - started };
}

/** Step 2's work: delete and refill every level, in batches, on the caller's snapshot. */
async function refill(tx: pg.PoolClient, orgId: string, batchDays: number, progress?: RebuildProgress): Promise<RebuildResult> {
  const org = await tx.query(`select timezone from orgs where id = $1`, [orgId]);
  const tz = org.rows[0].timezone as string;
  await deleteOrgRollups(tx, orgId);

  // min/max per survey read the responses_survey_time index (org_id, survey_id, submitted_at).
  const spans = await tx.query(
    `/* rebuildRollups.spans */
     select s.id as survey_id,
            to_char((min(r.submitted_at) at time zone $2)::date, 'YYYY-MM-DD') as lo,
            to_char((max(r.submitted_at) at time zone $2)::date, 'YYYY-MM-DD') as hi
       from surveys s join responses r on r.org_id = s.org_id and r.survey_id = s.id
      where s.org_id = $1
      group by s.id order by s.id`,
    [orgId, tz],
  );
  const batches: Batch[] = [];
  const months: Batch[] = [];
  for (const s of spans.rows) {
    for (let d = s.lo as string; d <= s.hi; d = addDays(d, batchDays)) {
      batches.push({ surveyId: s.survey_id, from: d, to: addDays(d, batchDays) });
    }
    for (let m = monthStart(s.lo as string); m <= s.hi; m = addMonths(m, 1)) {
      months.push({ surveyId: s.survey_id, from: m, to: addMonths(m, 1) });
    }
  }
  progress?.start(batches.length + months.length);
  let scoreRows = 0;
  let responseRows = 0;
  // Day levels: window on responses (responses_survey_time), then answers by primary key. Block and
  // month levels afterwards, one batch per survey and month (blocks never cross a month). Everything
  // was deleted above and the steps do not overlap, so each row is inserted once (no upserts).
  const responsesOfDays = `and r.survey_id = $2
              and r.submitted_at >= ($3::date::timestamp at time zone $5)
              and r.submitted_at < ($4::date::timestamp at time zone $5)`;
  const steps = [
    ...batches.map((b) => ({
      where: responsesOfDays,
      params: [b.surveyId, b.from, b.to, tz],
      grains: ['day' as const],
      fresh: true,
    })),
    ...months.map((m) => ({
      where: responsesOfDays,
      params: [m.surveyId, m.from, m.to, tz],
      grains: ['block' as const, 'month' as const],
      fresh: true,
    })),
  ];
  for (const step of steps) {
    const counts = await fillRollupLevels(tx, orgId, step);
    let written = 0;
    for (const l of ROLLUP_LEVELS) {
      const n = counts[l.table] ?? 0;
      written += n;
      if (l.kind === 'scores') scoreRows += n;
      else responseRows += n;
    }
    progress?.batch(written);
  }
  // The flags just stored (with the day batches) follow the questions of this snapshot.
  await setQualityRulesKeys(tx, orgId);
  return { orgId, batches: steps.length, scoreRows, responseRows, ms: 0 };
}

/**
 * Step 3: replays the queue and clears the rebuilding mark: the bulk first, then what was queued
 * meanwhile together with the mark, in one transaction. Writers are never held (they only insert).
 */
async function finishRollupRebuild(client: pg.PoolClient, orgId: string): Promise<void> {
  await inTransaction(client, (tx) => replayPendingResponses(tx, orgId));
  await inTransaction(client, async (tx) => {
    await setRollupsRebuilding(tx, orgId, false);
    await replayPendingResponses(tx, orgId);
  });
}

/**
 * At start: finishes rebuilds a stopped process left switched to queueing (their refill rolled back
 * or committed; either way the queue holds the rest). Skips organisations whose rebuild is running
 * in another process.
 */
export async function finishInterruptedRollupRebuilds(pool: pg.Pool, log: (m: string) => void = () => {}): Promise<void> {
  for (const orgId of await listRebuildingOrgIds(pool)) {
    await withRebuildLock(pool, orgId, 'try', async (client) => {
      log(`Applying the changes queued during an interrupted rollup rebuild of organisation ${orgId}...`);
      await finishRollupRebuild(client, orgId);
    });
  }
}

/**
 * Runs `fn` on one connection holding the organisation's rebuild lock (`wait` for it, or `try` and
 * skip when another session holds it).
 */
async function withRebuildLock<T>(pool: pg.Pool, orgId: string, mode: 'wait' | 'try', fn: (client: pg.PoolClient) => Promise<T>): Promise<T | undefined> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    if (mode === 'wait') await client.query(`/* rebuildRollups.lock */ select pg_advisory_lock($1, hashtext($2::text))`, [REBUILD_LOCK, orgId]);
    else if (!(await client.query(`select pg_try_advisory_lock($1, hashtext($2::text)) as ok`, [REBUILD_LOCK, orgId])).rows[0].ok) return undefined;
    try {
      return await fn(client);
    } finally {
      // Should the unlock fail, the connection is closed instead, which releases the lock too.
      await client.query(`select pg_advisory_unlock($1, hashtext($2::text))`, [REBUILD_LOCK, orgId]).catch((err: Error) => (broken = err));
    }
  } finally {
    client.release(broken);
  }
}

/** Ids of all organisations, or just the given one (validated to exist). */
export async function listOrgIds(pool: pg.Pool, orgId?: string): Promise<string[]> {
  if (orgId !== undefined) {
    if (!/^[0-9a-f-]{36}$/i.test(orgId)) throw new Error(`Not an organisation id: ${orgId}`);
    const { rows } = await pool.query(`select id from orgs where id = $1`, [orgId]);
    if (!rows[0]) throw new Error(`No organisation ${orgId}`);
    return [orgId];
  }
  const { rows } = await pool.query(`select id from orgs order by created_at, id`);
  return rows.map((r) => r.id as string);
}
