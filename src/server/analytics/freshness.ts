/**
 * GET /analytics/freshness (docs/api.md "Analytics"): the state of the caller's organisation's rollups.
 * Every change is queued and folded into the rollup tables in the background; readers add what is
 * still queued, so dashboards are current at every commit (`transactional`), during a rebuild too
 * (`rebuilding`). `pending` and `lagSeconds` say how far the fold is behind (src/db/rollups/rollupQueue.ts);
 * a settings rebuild's progress comes from its job row.
 */
import type { FreshnessAnswer } from '../../core/api/analytics.ts';
import type { Queryable } from '../../db/connection.ts';
import { getRollupFreshness } from '../../db/rollups/rollupQueue.ts';
import { getRollupJob } from '../jobs/rollupJobs.ts';

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
