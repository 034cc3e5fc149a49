/**
 * GET /analytics/freshness (docs/api.md "Analytics"): how far the caller's organisation's rollups are
 * behind its answers. Outside a rebuild they are written with each answer (`transactional`, lag 0);
 * during one (`rebuilding`), submissions and exclusions are queued and applied when it ends
 * (src/db/rollups/rollupQueue.ts), and a settings rebuild's progress comes from its job row.
 */
import type { Queryable } from '../../db/connection.ts';
import { getRollupFreshness } from '../../db/rollups/rollupQueue.ts';
import { getRollupJob } from '../jobs/rollupJobs.ts';

export interface FreshnessAnswer {
  rollups: 'transactional' | 'rebuilding';
  /** Age of the oldest change not yet in the rollups, in seconds. */
  lagSeconds: number;
  /** Changes queued during a rebuild. */
  pending: number;
  /** The organisation's latest settings rebuild (PATCH /org), when there was one. */
  job?: { status: 'running' | 'done' | 'failed'; total: number; done: number };
}

/** Reads the primary: the queue and the flag are written there. */
export async function getFreshness(db: Queryable, orgId: string): Promise<FreshnessAnswer> {
  const [f, job] = await Promise.all([getRollupFreshness(db, orgId), getRollupJob(db, orgId)]);
  return {
    rollups: f.rebuilding ? 'rebuilding' : 'transactional',
    lagSeconds: f.lagSeconds,
    pending: f.pending,
    ...(job ? { job: { status: job.status, total: job.total, done: job.done } } : {}),
  };
}
