/**
 * State of the per-organisation rollup rebuild job (table rollup_jobs, migration 041): what
 * GET /org/rollup-job shows, how runners claim work (src/server/jobs/rebuildOrgRollupsJob.ts), and
 * whether dashboards may read the rollups meanwhile. Every statement is one row of one organisation,
 * so concurrent requests serialise on that row.
 */
import type pg from 'pg';
import type { Queryable } from '../connection.ts';

export type RollupJobStatus = 'running' | 'done' | 'failed';

export interface RollupJobRow {
  orgId: string;
  status: RollupJobStatus;
  rerun: boolean;
  total: number;
  done: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

const COLUMNS = `org_id as "orgId", status, rerun, total, done, started_at as "startedAt", finished_at as "finishedAt", error`;

/** The organisation's latest job, or null when none ever ran. */
export async function getRollupJob(db: Queryable, orgId: string): Promise<RollupJobRow | null> {
  const { rows } = await db.query(`/* getRollupJob */ select ${COLUMNS} from rollup_jobs where org_id = $1`, [orgId]);
  return rows[0] ?? null;
}

/**
 * Asks for a rebuild: a finished (or absent) job becomes a fresh running one; a running job keeps its
 * progress and gets `rerun`, so it runs again with the settings committed now.
 */
export async function requestRollupJob(db: Queryable, orgId: string): Promise<RollupJobRow> {
  const { rows } = await db.query(
    `/* requestRollupJob */
     insert into rollup_jobs as j (org_id, status, rerun) values ($1, 'running', true)
     on conflict (org_id) do update set
       rerun = true,
       status = 'running',
       total = case when j.status = 'running' then j.total else 0 end,
       done = case when j.status = 'running' then j.done else 0 end,
       started_at = case when j.status = 'running' then j.started_at else now() end,
       finished_at = null,
       error = null
     returning ${COLUMNS}`,
    [orgId],
  );
  return rows[0];
}

/**
 * Takes a pending request (clears `rerun`, resets progress); false when there is nothing to do. Only
 * the holder of the organisation's job lock calls it, so a job found 'running' has no runner: its
 * run was cut off (the database connection or the process died) and is taken again.
 */
export async function claimRollupJob(db: Queryable, orgId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* claimRollupJob */ update rollup_jobs set rerun = false, status = 'running', total = 0, done = 0, started_at = now(), finished_at = null, error = null
      where org_id = $1 and (rerun or status = 'running')`,
    [orgId],
  );
  return rowCount === 1;
}

/** Records progress; `done` never goes back (updates may overtake each other). */
export async function setRollupJobProgress(db: Queryable, orgId: string, total: number, done: number): Promise<void> {
  await db.query(
    `/* setRollupJobProgress */ update rollup_jobs set total = $2, done = greatest(done, $3) where org_id = $1 and status = 'running' and not rerun`,
    [orgId, total, done],
  );
}

/**
 * Ends the claimed run as done or failed, unless a new request came in meanwhile (then the row stays
 * running with `rerun` for the next round).
 * @returns true when the job ended, false when it must run again
 */
export async function finishRollupJob(db: Queryable, orgId: string, outcome: { error: string | null }): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* finishRollupJob */ update rollup_jobs set status = $2, error = $3, finished_at = now(), done = case when $2 = 'done' then total else done end
      where org_id = $1 and not rerun`,
    [orgId, outcome.error === null ? 'done' : 'failed', outcome.error],
  );
  return rowCount === 1;
}

/**
 * A rebuild run outside the queue (`sarafan rollups rebuild`) that succeeded settles a rebuild that had
 * failed before it started: the rollups are whole again, so dashboards read them instead of raw answers.
 * A request made meanwhile (running, or `rerun`) is left to the queue.
 * @returns true when a failed job was settled
 */
export async function settleFailedRollupJob(db: Queryable, orgId: string, rebuildStartedAt: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* settleFailedRollupJob */ update rollup_jobs set status = 'done', error = null, finished_at = now(), done = total
      where org_id = $1 and status = 'failed' and not rerun and finished_at <= $2`,
    [orgId, rebuildStartedAt],
  );
  return rowCount === 1;
}

/** Marks jobs a dead process left running as wanted again; returns their organisations. */
export async function requeueInterruptedRollupJobs(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(`/* requeueInterruptedRollupJobs */ update rollup_jobs set rerun = true where status = 'running' returning org_id`);
  return rows.map((r) => r.org_id as string);
}

/** A failed job asked for again (its queued job is retried): it runs once more. */
export async function rearmFailedRollupJob(db: Queryable, orgId: string): Promise<void> {
  await db.query(`/* rearmFailedRollupJob */ update rollup_jobs set rerun = true, status = 'running', error = null, finished_at = null where org_id = $1 and status = 'failed'`, [
    orgId,
  ]);
}

/** Organisations whose rebuild is requested or running (the queue is told again at start and every minute). */
export async function listWantedRollupJobs(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(`/* listWantedRollupJobs */ select org_id from rollup_jobs where status = 'running' order by org_id`);
  return rows.map((r) => r.org_id as string);
}

/**
 * True while the organisation's rollups do not match its settings or levels: a rebuild is requested,
 * running or failed (after a settings change, or a migration that added a level). Dashboards then
 * read raw answers (src/db/queries/analyticsSource.ts chooseSource), which are exact.
 */
export async function rollupsAwaitRebuild(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query(`/* rollupsAwaitRebuild */ select exists (select 1 from rollup_jobs where org_id = $1 and status <> 'done') as stale`, [orgId]);
  return rows[0].stale;
}

// Namespace of the advisory locks (migrations use 727001 as a single-key lock).
const RUNNER_LOCK = 727_002;

/** Takes the organisation's runner lock on this session; false when another runner holds it. */
export async function tryLockRollupRunner(client: pg.PoolClient, orgId: string): Promise<boolean> {
  return (await client.query('/* tryLockRollupRunner */ select pg_try_advisory_lock($1, hashtext($2)) as ok', [RUNNER_LOCK, orgId])).rows[0].ok;
}

export async function unlockRollupRunner(client: pg.PoolClient, orgId: string): Promise<void> {
  await client.query('/* unlockRollupRunner */ select pg_advisory_unlock($1, hashtext($2))', [RUNNER_LOCK, orgId]);
}

/** True while a request is pending (checked after releasing the lock, see rebuildOrgRollupsJob.ts). */
export async function isRollupJobWanted(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query(`/* isRollupJobWanted */ select rerun from rollup_jobs where org_id = $1`, [orgId]);
  return rows[0]?.rerun === true;
}
