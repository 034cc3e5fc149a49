/**
 * The rollup queue (table rollup_pending, migration 035; docs/analytics.md "Rollups"): every change
 * to what the rollups count goes through here. Writers (submitResponse, setResponseExclusion) only
 * append (response, ±1) in their own transaction, one short insert; a background fold
 * (foldPendingResponses, run by src/server/jobs/foldRollupsJob.ts) later moves batches of queued
 * changes into the rollup levels, each batch's delete and apply in one transaction; and every
 * rollup reader adds the still-queued changes (pendingResponsesSql), so dashboards are exact at
 * every commit while respondents never wait on rollup rows.
 *
 * One fold or one rebuild (src/db/rollups/rebuildRollups.ts) of an organisation at a time, across
 * processes: both hold the advisory lock ROLLUP_WRITER_LOCK on it. The rebuild's REPEATABLE READ
 * delete of the queue therefore never meets a concurrent delete (no serialization failure).
 */
import type pg from 'pg';
import { releaseClient, type Queryable } from '../connection.ts';
import { inTransaction } from '../tx.ts';
import { replayResponsesToRollups } from './applyResponse.ts';
import { refreshResponseQuality } from '../quality/responseFlags.ts';

// Advisory-lock namespaces: 727001 migrations, 727002 the rebuild job runner, 727003 (unused since
// writers stopped touching rollups), 727004 "this organisation's rollup rows are being written".
/** Held by a fold (transaction) or a rebuild (session) of the organisation; second key hashtext(org id). */
export const ROLLUP_WRITER_LOCK = 727_004;

/** Queued changes one fold transaction takes at most (see docs/bench.md "Ingest"). */
export const FOLD_BATCH = 2_000;

/**
 * Counts (sign = 1) or uncounts (sign = -1) responses in the rollups, on the caller's transaction,
 * by queueing the change: the fold applies it later and readers add it meanwhile. Call it as
 * applyResponsesToRollups would be called (with -1 while the responses still count); the queued
 * change is applied whatever the responses' state then (replayResponsesToRollups).
 */
export async function recordResponsesForRollups(tx: Queryable, orgId: string, responseIds: string[], sign: 1 | -1): Promise<void> {
  if (responseIds.length === 0) return;
  await tx.query(
    `/* recordResponsesForRollups */ insert into rollup_pending (org_id, response_id, sign) select $1, unnest($2::uuid[]), $3`,
    [orgId, responseIds, sign],
  );
}

/**
 * For rollup readers: SQL yielding `(response_id uuid, net int)`, the organisation's queued
 * responses and what each still owes the rollups (the sum of its queued signs; never 0). A reader
 * adds, to what it reads from a rollup level, each such response's raw rows (answers or the response
 * itself, excluded or not) times `net`, inside the same statement (one snapshot), e.g.
 *   `... union all select a.question_id, a.score, p.net, ... from (${pendingResponsesSql('$1')}) p
 *        join answers a on a.org_id = $1 and a.response_id = p.response_id where ...`
 * Reads rollup_pending by its primary key (org_id, seq): the queue is short while the fold keeps up.
 * @param orgParam placeholder (or literal) of the organisation id
 */
export function pendingResponsesSql(orgParam: string): string {
  return `select q.response_id, sum(q.sign)::int as net from rollup_pending q
           where q.org_id = ${orgParam}::uuid group by q.response_id having sum(q.sign) <> 0`;
}

/** Marks the organisation's rollups as being rebuilt (GET /analytics/freshness says so). */
export async function setRollupsRebuilding(tx: Queryable, orgId: string, rebuilding: boolean): Promise<void> {
  await tx.query(
    `/* setRollupsRebuilding */ insert into rollup_state (org_id, rebuilding) values ($1, $2)
     on conflict (org_id) do update set rebuilding = excluded.rebuilding, changed_at = now()`,
    [orgId, rebuilding],
  );
}

/**
 * Applies the queued changes the caller's transaction sees (all of them, or the `limit` oldest) to the
 * rollups and removes them, in that transaction. Changes are netted per response (their signs
 * alternate: counted, uncounted, counted…), then each response's rows are added net times. The caller
 * holds ROLLUP_WRITER_LOCK (fold or rebuild), so no other delete competes.
 * @returns the number of queued changes applied
 */
export async function replayPendingResponses(tx: Queryable, orgId: string, limit?: number): Promise<number> {
  // Index paths only, whatever the statistics say (stale after a burst of answers, or absent): the
  // queue by its primary key (org_id, seq), each response's answers by theirs. A scan of the
  // organisation per fold is what stale statistics chose before (docs/analytics.md "Rollups").
  await tx.query(`set local enable_seqscan = off; set local enable_hashjoin = off; set local enable_mergejoin = off`);
  const { rows } = await tx.query(
    limit === undefined
      ? `/* replayPendingResponses */
         with d as (delete from rollup_pending where org_id = $1 returning response_id, sign)
         select response_id, sum(sign)::int as net, count(*)::int as changes from d group by response_id`
      : `/* replayPendingResponses.batch */
         with b as (select seq from rollup_pending where org_id = $1 order by org_id, seq limit $2),
              d as (delete from rollup_pending q where q.org_id = $1 and q.seq = any(array(select seq from b)) returning response_id, sign)
         select response_id, sum(sign)::int as net, count(*)::int as changes from d group by response_id`,
    limit === undefined ? [orgId] : [orgId, limit],
  );
  const byNet = new Map<number, string[]>();
  for (const r of rows) if (r.net !== 0) byNet.set(r.net, [...(byNet.get(r.net) ?? []), r.response_id]);
  for (const net of [...byNet.keys()].sort((a, b) => a - b)) await replayResponsesToRollups(tx, orgId, byNet.get(net)!, net);
  // Their data-quality flags too (a change that nets to 0 may still have changed the exclusion reason).
  await refreshResponseQuality(tx, orgId, rows.map((r) => r.response_id as string));
  return rows.reduce((s, r) => s + r.changes, 0);
}

export interface FoldResult {
  /** 'busy': another fold or a rebuild holds the organisation (it, or a later fold, applies the rest). */
  status: 'done' | 'busy';
  /** Queued changes applied. */
  folded: number;
  /** Transactions used. */
  batches: number;
}

/**
 * Moves the organisation's queued changes into the rollups, `batch` at a time, each batch in one
 * transaction (delete and apply commit together: a crash loses nothing and counts nothing twice),
 * until the queue is empty. Gives up at once ('busy') when another fold or a rebuild holds the
 * organisation.
 * @param opts.stop checked between batches (shutdown)
 */
export async function foldPendingResponses(pool: pg.Pool, orgId: string, opts: { batch?: number; stop?: () => boolean } = {}): Promise<FoldResult> {
  const batch = Math.max(1, opts.batch ?? FOLD_BATCH);
  const client = await pool.connect();
  let folded = 0;
  let batches = 0;
  let failure: unknown;
  try {
    for (;;) {
      const n = await inTransaction(client, async (tx) => {
        const { rows } = await tx.query(`/* foldPendingResponses.lock */ select pg_try_advisory_xact_lock($1, hashtext($2::text)) as ok`, [
          ROLLUP_WRITER_LOCK,
          orgId,
        ]);
        if (!rows[0].ok) return null;
        return replayPendingResponses(tx, orgId, batch);
      });
      if (n === null) return { status: 'busy', folded, batches };
      if (n > 0) {
        folded += n;
        batches += 1;
      }
      if (n < batch || opts.stop?.()) return { status: 'done', folded, batches };
    }
  } catch (err) {
    failure = err;
    throw err;
  } finally {
    releaseClient(client, failure);
  }
}

/** Organisations with queued changes (folded at start). */
export async function listOrgsWithPendingChanges(db: Queryable): Promise<string[]> {
  // A loose index scan over the primary key: one probe per organisation, not one per queued row.
  const { rows } = await db.query(
    `/* listOrgsWithPendingChanges */
     with recursive o as (
       (select org_id from rollup_pending order by org_id limit 1)
       union all
       select (select q.org_id from rollup_pending q where q.org_id > o.org_id order by q.org_id limit 1) from o where o.org_id is not null
     ) select org_id from o where org_id is not null`,
  );
  return rows.map((r) => r.org_id as string);
}

export interface RollupFreshness {
  rebuilding: boolean;
  /** Queued changes not yet folded into the rollup tables (readers add them). */
  pending: number;
  /** Age of the oldest queued change (0 when none). */
  lagSeconds: number;
}

/** How far the organisation's rollup tables are behind its answers (GET /analytics/freshness). */
export async function getRollupFreshness(db: Queryable, orgId: string): Promise<RollupFreshness> {
  const { rows } = await db.query(
    `/* getRollupFreshness */
     select coalesce((select rebuilding from rollup_state where org_id = $1), false) as rebuilding,
            count(*)::int as pending,
            coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as lag
       from rollup_pending where org_id = $1`,
    [orgId],
  );
  return { rebuilding: rows[0].rebuilding, pending: rows[0].pending, lagSeconds: Math.max(0, Math.floor(rows[0].lag)) };
}

/** Organisations marked as rebuilding: a rebuild that stopped before it could finish. */
export async function listRebuildingOrgIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(`select org_id from rollup_state where rebuilding order by org_id`);
  return rows.map((r) => r.org_id as string);
}
