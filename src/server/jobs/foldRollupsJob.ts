/**
 * @module Folds an organisation's queued rollup changes into the rollup tables
 * (src/db/rollups/rollupQueue.ts foldPendingResponses), as a queued job (kind `fold-rollups`).
 * Schedule: after every committed submission or exclusion (`kick`, through a 50 ms in-process
 * debounce), at start and every minute for organisations with queued changes (sweepRollupsJob.ts).
 *
 * Policy 'short' keyed by organisation: while a fold of an organisation waits, more kicks add nothing
 * (the waiting fold takes their changes too); a kick while one runs queues exactly one more, so a
 * change committed during a fold is never left behind. One fold per organisation at a time across
 * processes comes from the fold's advisory lock: a fold that finds it taken (another fold, or a
 * rebuild) queues itself again half a second later. Dashboards add the queued changes, so folding
 * late changes how fast they read, never what they show.
 */
import type pg from 'pg';
import { retryDelayMs } from '../../core/backoff.ts';
import { isUnavailable } from '../../db/connection.ts';
import { hasUnfinishedJob } from '../../db/jobs/jobTable.ts';
import { foldPendingResponses } from '../../db/rollups/rollupQueue.ts';
import { defineJob, onePendingPerOrganisation, type JobQueue } from './queue.ts';
import { analyseCommentsJob } from './analyseCommentsJob.ts';

/** Delay before a fold that found the organisation held (by another fold or a rebuild) runs again. */
const BUSY_RETRY_SECONDS = 0.5;

export const foldRollupsJob = defineJob({
  name: 'fold-rollups',
  ...onePendingPerOrganisation,
  schedule: 'after each committed submission or exclusion (debounced 50 ms); at start and every minute for organisations with queued changes',
  // Retried soon: a fold only moves rows, and the queue it empties stays correct meanwhile.
  retry: { limit: 5, delaySeconds: 1, backoff: true },
  expireInSeconds: 15 * 60,
  concurrency: 2,
  pollSeconds: 0.5,
  async handler({ orgId }, ctx) {
    const result = await foldPendingResponses(ctx.pool, orgId, { stop: ctx.aborted });
    if (result.status === 'busy' && !ctx.aborted()) await ctx.queue.send(foldRollupsJob, { orgId }, { startAfterSeconds: BUSY_RETRY_SECONDS });
    // New answers may hold comments: analyse them (src/server/jobs/analyseCommentsJob.ts; one waiting job per organisation).
    if (result.folded > 0) await ctx.queue.send(analyseCommentsJob, { orgId });
    return { folded: result.folded, batches: result.batches, busy: result.status === 'busy' };
  },
});

/**
 * A fold starts this long after the first change that asks for it, so the changes of a busy moment
 * are folded together (one transaction per batch instead of one per answer: cheaper per answer and
 * fewer waits on the same rollup rows) and enqueued once.
 */
const FOLD_DELAY_MS = 50;

export interface RollupFolder {
  /** Folds the organisation's queue soon (call after the writer's commit). */
  kick(orgId: string): void;
  /**
   * Resolves when no fold of the organisation is about to be enqueued by this process, waits in the
   * queue, or runs, in any process (tests, bench). Watches the job table; no timer decides it.
   */
  idle(orgId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The in-process trigger in front of the queue: debounces kicks per organisation and enqueues. An
 * enqueue that fails because the database is unavailable is tried again after a growing pause
 * (src/core/backoff.ts), since no later kick may come; the minute sweep is the last resort.
 * @param onError - where a failed enqueue goes; an outage is reported once, at its first failure
 */
export function createRollupFolder(pool: pg.Pool, queue: JobQueue, onError: (orgId: string, err: unknown) => void, opts: { firstRetryMs?: number } = {}): RollupFolder {
  const pending = new Map<string, { timer: NodeJS.Timeout; done: Promise<void>; fire: () => void }>();
  let closed = false;

  const schedule = (orgId: string, ms: number, failures: number) => {
    if (closed || pending.has(orgId)) return;
    let fire!: () => void;
    const done = new Promise<void>((resolve) => (fire = resolve));
    const timer = setTimeout(async () => {
      try {
        await queue.send(foldRollupsJob, { orgId });
        pending.delete(orgId);
      } catch (err) {
        pending.delete(orgId);
        if (!closed && isUnavailable(err)) {
          if (failures === 0) onError(orgId, err);
          schedule(orgId, retryDelayMs(failures + 1, opts.firstRetryMs), failures + 1);
        } else if (!closed) onError(orgId, err);
      }
      fire();
    }, ms);
    pending.set(orgId, { timer, done, fire });
  };

  return {
    kick: (orgId) => schedule(orgId, FOLD_DELAY_MS, 0),
    async idle(orgId) {
      for (;;) {
        const next = pending.get(orgId);
        if (next) {
          await next.done;
          continue;
        }
        if (!(await hasUnfinishedJob(pool, foldRollupsJob.name, orgId))) return;
        // Polls the job table: the fold may run in another process, and pg-boss marks it completed after the handler returns.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      closed = true;
      for (const p of pending.values()) {
        clearTimeout(p.timer);
        p.fire();
      }
      pending.clear();
    },
  };
}
