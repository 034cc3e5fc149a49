/** Shapes of the job answers (types in src/core/api/jobs.ts); also used by `sarafan jobs`. */
import type { JobRow } from '../../db/jobs/jobTable.ts';
import type { JobView } from '../../core/api/jobs.ts';

const MAX_ERROR_CHARS = 300;

/**
 * The message of what pg-boss recorded for a failed attempt: a serialized Error ({ message, stack }),
 * or { value } for its own reasons (expiry, shutdown). The first line only: no stack, no SQL detail.
 */
function jobErrorMessage(output: Record<string, unknown> | null): string | null {
  if (!output) return null;
  const value = output.value as { message?: unknown } | string | undefined;
  const message = output.message ?? (typeof value === 'string' ? value : value?.message);
  if (typeof message !== 'string' || !message) return null;
  const line = message.split('\n')[0];
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS - 1)}…` : line;
}

export function presentJob(job: JobRow): JobView {
  // pg-boss counts retry_count up as an attempt starts: a job that never started has made none.
  const attempts = job.startedOn ? job.retryCount + 1 : 0;
  return {
    id: job.id,
    kind: job.name,
    state: job.state,
    attempts,
    createdAt: job.createdOn.toISOString(),
    endedAt: job.completedOn?.toISOString() ?? null,
    error: job.state === 'failed' || job.state === 'retry' ? jobErrorMessage(job.output) : null,
  };
}
