/**
 * What keeps rollups exact while an organisation's rollups are rebuilt without blocking its
 * respondents (migration 035, docs/analytics.md "Rebuild"). Outside a rebuild, every change is applied
 * to the rollups in the writer's transaction. During one (`rollup_state.rebuilding`), writers queue
 * (response, ±1) in `rollup_pending` instead, and the rebuild replays the queue when it ends.
 *
 * The flag is read under a shared transaction-level advisory lock on the organisation (the "gate");
 * the rebuild takes it exclusively to switch the flag, so it waits for writers that are applying to
 * the rollups and no writer decides on a flag that is about to change.
 */
import type pg from 'pg';
import type { Queryable } from '../connection.ts';
import { applyResponsesToRollups, replayResponsesToRollups } from './applyResponse.ts';

// Advisory-lock namespaces (727001: migrations, 727002: the rollup job runner). The second key is
// hashtext(org id); two organisations sharing a hash only wait for each other, nothing more.
/** Shared by writers for their transaction, exclusive while the rebuild switches `rebuilding`. */
export const ROLLUP_GATE_LOCK = 727_003;

/**
 * Counts (sign = 1) or uncounts (sign = -1) responses in the rollups, on the caller's transaction:
 * applied at once, or queued while the organisation's rollups are being rebuilt. Every writer outside
 * a rebuild or bulk load goes through here (submitResponse, setResponseExclusion). Call it as
 * applyResponsesToRollups would be called (with -1 while the responses still count); the queued
 * change is replayed whatever the responses' state then (replayResponsesToRollups).
 * @param tx an open transaction: the gate is held until it ends
 */
export async function recordResponsesForRollups(tx: pg.PoolClient, orgId: string, responseIds: string[], sign: 1 | -1): Promise<void> {
  if (responseIds.length === 0) return;
  // Two statements: under READ COMMITTED the flag must be read by a statement that starts after the
  // lock is granted, so it sees a switch the rebuild committed while this writer waited.
  await tx.query(`/* recordResponsesForRollups.gate */ select pg_advisory_xact_lock_shared($1, hashtext($2::text))`, [ROLLUP_GATE_LOCK, orgId]);
  if (!(await isRebuilding(tx, orgId))) {
    await applyResponsesToRollups(tx, orgId, responseIds, sign);
    return;
  }
  await tx.query(
    `/* recordResponsesForRollups.queue */ insert into rollup_pending (org_id, response_id, sign) select $1, unnest($2::uuid[]), $3`,
    [orgId, responseIds, sign],
  );
}

async function isRebuilding(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query(`select rebuilding from rollup_state where org_id = $1`, [orgId]);
  return rows[0]?.rebuilding === true;
}

/**
 * Switches the organisation's writers between applying and queueing. Takes the gate exclusively
 * first: waits for writers in flight (they commit with the old flag) and holds new ones until the
 * caller's transaction commits.
 */
export async function setRollupsRebuilding(tx: pg.PoolClient, orgId: string, rebuilding: boolean): Promise<void> {
  await tx.query(`/* setRollupsRebuilding.gate */ select pg_advisory_xact_lock($1, hashtext($2::text))`, [ROLLUP_GATE_LOCK, orgId]);
  await tx.query(
    `/* setRollupsRebuilding */ insert into rollup_state (org_id, rebuilding) values ($1, $2)
     on conflict (org_id) do update set rebuilding = excluded.rebuilding, changed_at = now()`,
    [orgId, rebuilding],
  );
}

/**
 * Replays the organisation's queued changes that this transaction sees into the rollups and removes
 * them. Changes are netted per response (their signs alternate: counted, uncounted, counted…), then
 * each response's rows are added net times. Only the rebuild removes queued rows, one rebuild per
 * organisation at a time, so this never competes with another delete.
 * @returns the number of queued changes replayed
 */
export async function replayPendingResponses(tx: pg.PoolClient, orgId: string): Promise<number> {
  const { rows } = await tx.query(
    `/* replayPendingResponses */
     with d as (delete from rollup_pending where org_id = $1 returning response_id, sign)
     select response_id, sum(sign)::int as net, count(*)::int as changes from d group by response_id`,
    [orgId],
  );
  const byNet = new Map<number, string[]>();
  for (const r of rows) if (r.net !== 0) byNet.set(r.net, [...(byNet.get(r.net) ?? []), r.response_id]);
  for (const net of [...byNet.keys()].sort((a, b) => a - b)) await replayResponsesToRollups(tx, orgId, byNet.get(net)!, net);
  return rows.reduce((s, r) => s + r.changes, 0);
}

export interface RollupFreshness {
  rebuilding: boolean;
  /** Changes queued during a rebuild, not yet in the rollups. */
  pending: number;
  /** Age of the oldest queued change (0 when none). */
  lagSeconds: number;
}

/** How far the organisation's rollups are behind its answers (GET /analytics/freshness). */
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

/** Organisations whose writers still queue: a rebuild that stopped before it could finish. */
export async function listRebuildingOrgIds(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(`select org_id from rollup_state where rebuilding order by org_id`);
  return rows.map((r) => r.org_id as string);
}
