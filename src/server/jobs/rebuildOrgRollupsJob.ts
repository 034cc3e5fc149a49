/**
 * @module Rebuilds one organisation's rollups after its dimensions or time zone changed (PATCH /org),
 * so dashboards segment and bucket old answers like new ones. Schedule: on demand, plus once at start
 * for jobs a stopped process left running (`resumeRollupJobs`).
 *
 * One run per organisation at a time, across processes: the runner holds a session advisory lock
 * while it works. A request while it works sets `rerun` on the job row; the runner claims requests in
 * a loop, and checks once more after releasing the lock, so a request that arrived just as it stopped
 * is never lost. The handler is idempotent: a run with nothing requested does nothing, and a rebuild
 * replaces the organisation's rollups in one transaction (src/db/rollups/rebuildRollups.ts), so a
 * run that is cut off leaves the previous rollups in place and the row 'running' to be resumed.
 * Respondents are not held meanwhile: their changes are queued and replayed when the rebuild ends.
 */
import { z } from 'zod';
import type pg from 'pg';
import { isUnavailable } from '../../db/connection.ts';
import { finishInterruptedRollupRebuilds, rebuildOrgRollups } from '../../db/rollups/rebuildRollups.ts';
import { claimRollupJob, finishRollupJob, isRollupJobWanted, requeueInterruptedRollupJobs, setRollupJobProgress } from './rollupJobs.ts';

export const RebuildOrgRollupsPayloadSchema = z.object({ orgId: z.uuid() });
export type RebuildOrgRollupsPayload = z.infer<typeof RebuildOrgRollupsPayloadSchema>;

/** When the job runs (STYLE.md #14): no timer, only these triggers. */
export const rebuildOrgRollupsSchedule = { onDemand: 'PATCH /org changes dimensions or timezone', atStart: 'jobs left running' } as const;

// Namespace of the advisory locks (migrations use 727001 as a single-key lock).
const LOCK_NAMESPACE = 727_002;

/** Thrown from the progress callback to cut a rebuild off at the next batch (shutdown). */
export class JobAborted extends Error {
  constructor() {
    super('rollup rebuild stopped: the server is shutting down');
  }
}

export interface JobOptions {
  /** True once the process is stopping: the rebuild rolls back and the job is resumed at the next start. */
  aborted?: () => boolean;
  /** Days per rebuild batch (tests use small batches to see progress). */
  batchDays?: number;
  log?: (message: string) => void;
}

/**
 * Runs every pending rebuild request of the organisation, then returns.
 * @returns 'ran' after at least one rebuild, 'idle' when nothing was requested, 'busy' when another
 *   runner holds the organisation (it will pick the request up)
 * @throws JobAborted when `aborted()` became true (the job row stays 'running')
 */
export async function handleRebuildOrgRollups(pool: pg.Pool, payload: RebuildOrgRollupsPayload, opts: JobOptions = {}): Promise<'ran' | 'idle' | 'busy'> {
  const { orgId } = RebuildOrgRollupsPayloadSchema.parse(payload);
  let ran = false;
  // One connection holds the lock and writes the job row; the rebuild runs in its own transaction.
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    for (;;) {
      const locked = (await client.query('select pg_try_advisory_lock($1, hashtext($2)) as ok', [LOCK_NAMESPACE, orgId])).rows[0].ok;
      if (!locked) return ran ? 'ran' : 'busy';
      try {
        while (await claimRollupJob(client, orgId)) {
          ran = true;
          await runOnce(pool, client, orgId, opts);
        }
      } finally {
        // Should the unlock fail, the connection is closed instead, which releases the lock too.
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, orgId]).catch((err: Error) => (broken = err));
      }
      if (broken) throw broken;
      // A request committed after our last claim but before the unlock found the lock taken and left
      // the work to us: look once more now that the lock is free.
      if (opts.aborted?.() || !(await isRollupJobWanted(client, orgId))) return ran ? 'ran' : 'idle';
    }
  } finally {
    client.release(broken);
  }
}

/** One rebuild with its progress written to the job row as batches complete. */
async function runOnce(pool: pg.Pool, client: pg.PoolClient, orgId: string, opts: JobOptions): Promise<void> {
  const progress = progressWriter(client, orgId);
  let error: string | null = null;
  try {
    await rebuildOrgRollups(pool, orgId, {
      batchDays: opts.batchDays,
      progress: {
        start: (total) => progress.set(total, 0),
        batch: () => {
          if (opts.aborted?.()) throw new JobAborted();
          progress.step();
        },
      },
    });
  } catch (err) {
    // Cut off, not failed: the row stays 'running' and is taken again (the background runner retries
    // while the database is unavailable; a stopped process's jobs are resumed at the next start).
    if (err instanceof JobAborted || isUnavailable(err)) throw err;
    error = err instanceof Error ? err.message : String(err);
    opts.log?.(`rollup rebuild of organisation ${orgId} failed: ${error}`);
  } finally {
    await progress.flush();
  }
  await finishRollupJob(client, orgId, { error });
}

/**
 * Progress callbacks are synchronous; this writes the latest counts in the background, one update at
 * a time (a slow write is overtaken by the newer value, not queued behind it).
 */
function progressWriter(db: pg.PoolClient, orgId: string) {
  let total = 0;
  let done = 0;
  let writing: Promise<void> | null = null;
  let dirty = false;
  const write = () => {
    if (writing) {
      dirty = true;
      return;
    }
    dirty = false;
    writing = setRollupJobProgress(db, orgId, total, done)
      .catch(() => {}) // progress is cosmetic; the final state is written by finishRollupJob
      .then(() => {
        writing = null;
        if (dirty) write();
      });
  };
  return {
    set(t: number, d: number) {
      total = t;
      done = d;
      write();
    },
    step() {
      done += 1;
      write();
    },
    async flush() {
      while (writing) await writing;
    },
  };
}

/**
 * At start: replays the changes queued by rebuilds a stopped process cut off (so respondents' changes
 * are applied again), then runs the jobs it left 'running' (their rebuild rolled back), before the
 * server answers, as the migration rebuild in src/cli/start.ts does.
 */
export async function resumeRollupJobs(pool: pg.Pool, log: (m: string) => void = () => {}): Promise<void> {
  await finishInterruptedRollupRebuilds(pool, log);
  for (const orgId of await requeueInterruptedRollupJobs(pool)) {
    log(`Resuming the interrupted rollup rebuild of organisation ${orgId}...`);
    await handleRebuildOrgRollups(pool, { orgId }, { log });
  }
}
