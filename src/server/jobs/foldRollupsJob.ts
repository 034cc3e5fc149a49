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

/** Retry delay when another fold or a rebuild holds the organisation. */
const BUSY_RETRY_MS = 200;

export interface RollupFolder {
  /** Folds the organisation's queue soon (call after the writer's commit). */
  kick(orgId: string): void;
  /** Kicks every organisation with queued changes (at start). */
  kickAll(): Promise<void>;
  /** Resolves when no fold of the organisation runs or waits to retry in this process (tests). */
  idle(orgId: string): Promise<void>;
  close(): Promise<void>;
}

export function createRollupFolder(pool: pg.Pool, onError: (orgId: string, err: unknown) => void): RollupFolder {
  const jobs = createBackgroundJobs(onError);
  const retries = new Map<string, { timer: NodeJS.Timeout; fired: Promise<void>; fire: () => void }>();
  let closed = false;

  const kick = (orgId: string) => {
    if (closed) return;
    jobs.start(orgId, async (aborted) => {
      const { status } = await foldPendingResponses(pool, orgId, { stop: aborted });
      if (status === 'busy' && !aborted() && !retries.has(orgId)) {
        let fire!: () => void;
        const fired = new Promise<void>((resolve) => (fire = resolve));
        const timer = setTimeout(() => {
          retries.delete(orgId);
          fire();
          kick(orgId);
        }, BUSY_RETRY_MS);
        retries.set(orgId, { timer, fired, fire });
      }
    });
  };

  return {
    kick,
    async kickAll() {
      for (const orgId of await listOrgsWithPendingChanges(pool)) kick(orgId);
    },
    async idle(orgId) {
      for (;;) {
        await jobs.idle(orgId);
        const retry = retries.get(orgId);
        if (!retry) return;
        await retry.fired;
      }
    },
    async close() {
      closed = true;
      for (const r of retries.values()) {
        clearTimeout(r.timer);
        r.fire();
      }
      retries.clear();
      await jobs.close();
    },
  };
}
