/** Shapes of the /org answers (types in src/core/api/org.ts). */
import type { RollupJobRow } from '../jobs/rollupJobs.ts';
import type { RollupJobView } from '../../core/api/org.ts';

/** The job without its internals (`rerun`, the error text, which stays in the server log and table). */
export function presentRollupJob(job: RollupJobRow | null): RollupJobView {
  if (!job) return { status: 'idle', total: 0, done: 0, startedAt: null, finishedAt: null };
  return {
    status: job.status,
    total: job.total,
    done: Math.min(job.done, job.total),
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
