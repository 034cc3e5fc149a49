/**
 * @module Rebuilds one organisation's rollups (kind `rebuild-org-rollups`) after its dimensions or time
 * zone changed (PATCH /org), so dashboards segment and bucket old answers like new ones, and after a
 * migration added a rollup level (src/cli/start.ts). Dashboards read raw answers until it is done
 * (rollupsAwaitRebuild), so their numbers stay exact meanwhile.
 *
 * One run per organisation at a time, across processes: the runner holds a session advisory lock
 * while it works. A request while it works sets `rerun` on the job row; the runner claims requests in
 * a loop, and checks once more after releasing the lock, so a request that arrived just as it stopped
 * is never lost. Queue policy 'short' keyed by organisation: at most one job per organisation waits; a
 * job that finds the lock taken ends at once ('busy': the holder takes the request). The handler is
 * idempotent: a run with nothing requested does nothing, and a rebuild replaces the organisation's
 * rollups in one transaction (src/db/rollups/rebuildRollups.ts), so a run that is cut off leaves the
 * previous rollups in place and the row 'running', to be taken again by the next job.
 * Respondents are not held meanwhile: their changes are queued and replayed when the rebuild ends.
 */
import type { z } from 'zod';
import type pg from 'pg';
import { isUnavailable } from '../../db/connection.ts';
import { finishInterruptedRollupRebuilds, rebuildOrgRollups } from '../../db/rollups/rebuildRollups.ts';
import {
  claimRollupJob, finishRollupJob, isRollupJobWanted, listWantedRollupJobs, rearmFailedRollupJob, requeueInterruptedRollupJobs, setRollupJobProgress,
  tryLockRollupRunner, unlockRollupRunner,
} from '../../db/rollups/rollupJobs.ts';
import { defineJob, OrgJobPayloadSchema, onePendingPerOrganisation, type JobQueue } from './queue.ts';

type RebuildOrgRollupsPayload = z.infer<typeof OrgJobPayloadSchema>;

export const rebuildOrgRollupsJob = defineJob({
  name: 'rebuild-org-rollups',
  ...onePendingPerOrganisation,
  schedule: 'PATCH /org changes dimensions or time zone; start after a migration added a rollup level; at start and every minute for requested rebuilds without a runner',
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  // Longer than any rebuild (demo data: about 2 minutes). Should one take longer, the queue retries
  // it while it still runs; that retry finds the runner lock taken and ends ('busy').
  expireInSeconds: 2 * 3600,
  async handler({ orgId }, ctx) {
    // A retried job (after a failure, or from the admin page) runs the failed rebuild again.
    await rearmFailedRollupJob(ctx.pool, orgId);
    try {
      return { result: await handleRebuildOrgRollups(ctx.pool, { orgId }, { aborted: ctx.aborted, log: ctx.log }) };
    } catch (err) {
      // Cut off by a stop: the row stays 'running' and the next start enqueues it again.
      if (err instanceof JobAborted) return { result: 'stopped' };
      throw err;
    }
  },
});

/** Asks the queue to run the organisation's requested rebuild (after requestRollupJob). */
export async function enqueueRollupRebuild(queue: JobQueue, orgId: string): Promise<void> {
  await queue.send(rebuildOrgRollupsJob, { orgId });
}

/** Enqueues every requested rebuild (at start and every minute): one left by a stopped process or requested by a CLI. */
export async function enqueueWantedRollupRebuilds(queue: JobQueue, pool: pg.Pool): Promise<void> {
  for (const orgId of await listWantedRollupJobs(pool)) await enqueueRollupRebuild(queue, orgId);
}

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

/** The organisation's last rebuild failed (recorded on its job row); the queue retries the job. */
class RollupRebuildFailed extends Error {
  constructor(orgId: string, reason: string) {
    super(`rollup rebuild of organisation ${orgId} failed: ${reason}`);
  }
}

/**
 * Runs every pending rebuild request of the organisation, then returns.
 * @returns 'ran' after at least one rebuild, 'idle' when nothing was requested, 'busy' when another
 *   runner holds the organisation (it will pick the request up)
 * @throws JobAborted when `aborted()` became true (the job row stays 'running'); RollupRebuildFailed
 *   when the last rebuild failed (the row says 'failed'); connection errors as they come (row 'running')
 */
export async function handleRebuildOrgRollups(pool: pg.Pool, payload: RebuildOrgRollupsPayload, opts: JobOptions = {}): Promise<'ran' | 'idle' | 'busy'> {
  const { orgId } = OrgJobPayloadSchema.parse(payload);
  let ran = false;
  let failure: string | null = null;
  const ended = (result: 'ran' | 'idle') => {
    if (failure !== null) throw new RollupRebuildFailed(orgId, failure);
    return result;
  };
  // One connection holds the lock and writes the job row; the rebuild runs in its own transaction.
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    for (;;) {
      if (!(await tryLockRollupRunner(client, orgId))) return ran ? 'ran' : 'busy';
      try {
        while (await claimRollupJob(client, orgId)) {
          ran = true;
          failure = await runOnce(pool, client, orgId, opts);
        }
      } finally {
        // Should the unlock fail, the connection is closed instead, which releases the lock too.
        await unlockRollupRunner(client, orgId).catch((err: Error) => (broken = err));
      }
      if (broken) throw broken;
      // A request committed after our last claim but before the unlock found the lock taken and left
      // the work to us: look once more now that the lock is free.
      if (opts.aborted?.() || !(await isRollupJobWanted(client, orgId))) return ended(ran ? 'ran' : 'idle');
    }
  } finally {
    client.release(broken);
  }
}

/**
 * One rebuild with its progress written to the job row as batches complete.
 * @returns why it failed when the job ended failed; null when it succeeded or a new request came meanwhile
 */
async function runOnce(pool: pg.Pool, client: pg.PoolClient, orgId: string, opts: JobOptions): Promise<string | null> {
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
    // Cut off, not failed: the row stays 'running' and is taken again (the queue retries the job; a
    // stopped process's jobs are enqueued again at the next start).
    if (err instanceof JobAborted || isUnavailable(err)) throw err;
    error = err instanceof Error ? err.message : String(err);
    opts.log?.(`rollup rebuild of organisation ${orgId} failed: ${error}`);
  } finally {
    await progress.flush();
  }
  const finished = await finishRollupJob(client, orgId, { error });
  return finished ? error : null;
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
 * At start, before the server answers: replays the changes queued by rebuilds a stopped process cut
 * off (so respondents' changes are applied again) and marks the jobs it left 'running' as wanted; the
 * queue runs them in the background once it starts (enqueueWantedRollupRebuilds).
 */
export async function markInterruptedRollupJobs(pool: pg.Pool, log: (m: string) => void = () => {}): Promise<void> {
  await finishInterruptedRollupRebuilds(pool, log);
  for (const orgId of await requeueInterruptedRollupJobs(pool)) {
    log(`The rollup rebuild of organisation ${orgId} was interrupted: it runs again in the background.`);
  }
}
