/**
 * @module Folds an organisation's queued rollup changes into the rollup tables
 * (src/db/rollups/rollupQueue.ts foldPendingResponses), in the background of this process.
 * Schedule: on demand, after every committed submission or exclusion (`kick`), plus once at start for
 * organisations with queued changes. No timer otherwise.
 *
 * One fold per organisation at a time in this process (BackgroundJobs: a kick while one runs makes it
 * run once more, so a change committed during a fold is never left behind) and across processes (the
 * fold's advisory lock). When another process's fold or a rebuild holds the organisation, this one
 * retries a little later while the queue may still hold changes. Dashboards add the queued changes,
 * so folding late changes how fast they read, never what they show.
 */
import type pg from 'pg';
import { foldPendingResponses, listOrgsWithPendingChanges } from '../../db/rollups/rollupQueue.ts';
import { createBackgroundJobs } from './backgroundJobs.ts';

/**
 * A fold starts this long after the first change that asks for it, so the changes of a busy moment
 * are folded together (one transaction per batch instead of one per answer: cheaper per answer and
 * fewer waits on the same rollup rows); dashboards add what is still queued, so they lose nothing.
 */
const FOLD_DELAY_MS = 50;
/** Retry delay when another fold or a rebuild holds the organisation. */
const BUSY_RETRY_MS = 200;

export interface RollupFolder {
  /** Folds the organisation's queue soon (call after the writer's commit). */
  kick(orgId: string): void;
  /** Kicks every organisation with queued changes (at start). */
  kickAll(): Promise<void>;
  /** Resolves when no fold of the organisation runs or is scheduled in this process (tests, bench). */
  idle(orgId: string): Promise<void>;
  close(): Promise<void>;
}

export function createRollupFolder(pool: pg.Pool, onError: (orgId: string, err: unknown) => void): RollupFolder {
  const jobs = createBackgroundJobs(onError);
  const scheduled = new Map<string, { timer: NodeJS.Timeout; fired: Promise<void>; fire: () => void }>();
  let closed = false;

  const schedule = (orgId: string, ms: number) => {
    if (closed || scheduled.has(orgId)) return;
    let fire!: () => void;
    const fired = new Promise<void>((resolve) => (fire = resolve));
    const timer = setTimeout(() => {
      scheduled.delete(orgId);
      jobs.start(orgId, async (aborted) => {
        const { status } = await foldPendingResponses(pool, orgId, { stop: aborted });
        if (status === 'busy' && !aborted()) schedule(orgId, BUSY_RETRY_MS);
      });
      fire();
    }, ms);
    scheduled.set(orgId, { timer, fired, fire });
  };

  return {
    kick: (orgId) => schedule(orgId, FOLD_DELAY_MS),
    async kickAll() {
      for (const orgId of await listOrgsWithPendingChanges(pool)) schedule(orgId, 0);
    },
    async idle(orgId) {
      for (;;) {
        const next = scheduled.get(orgId);
        if (next) await next.fired;
        await jobs.idle(orgId);
        if (!scheduled.has(orgId)) return;
      }
    },
    async close() {
      closed = true;
      for (const s of scheduled.values()) {
        clearTimeout(s.timer);
        s.fire();
      }
      scheduled.clear();
      await jobs.close();
    },
  };
}
