/**
 * @module The database adapter pg-boss runs its own statements through (its `db.executeSql`): the
 * application's pool, so the queue works alike on the embedded PostgreSQL and on DATABASE_URL.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';
import { JOB_SCHEMA } from './jobTable.ts';

// pg-boss's workers complete or fail a job without awaiting the statement; should it fail (the
// database is down), the rejection would go unhandled and end the process. Those two statements
// therefore report and resolve instead: the job stays active, expires and is retried.
// (pg-boss 10.4.2 internals: pinned in package-lock.json.)
const bossPlans = createRequire(import.meta.url)('pg-boss/src/plans.js') as Record<'completeJobs' | 'failJobsById', (schema: string) => string>;
const UNAWAITED = new Set([bossPlans.completeJobs(JOB_SCHEMA), bossPlans.failJobsById(JOB_SCHEMA)]);

export interface BossDbOptions {
  /** True once the queue stopped: pollers still in flight then find nothing rather than a closed pool. */
  stopped: () => boolean;
  /** Where a failed complete/fail statement goes (the job expires and runs again). */
  onUnawaitedFailure: (err: unknown) => void;
}

export function bossDb(pool: pg.Pool, opts: BossDbOptions) {
  return {
    async executeSql(text: string, values: unknown[]) {
      if (opts.stopped() && !UNAWAITED.has(text)) return { rows: [] };
      try {
        return await pool.query(text, values);
      } catch (err) {
        if (!UNAWAITED.has(text)) throw err;
        opts.onUnawaitedFailure(err);
        return { rows: [{ count: 0 }] };
      }
    },
  };
}
