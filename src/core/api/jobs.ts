/**
 * @module The background jobs API contract (docs/api.md "Background jobs"): the admin's list of the
 * organisation's jobs and the retry of a failed one.
 */
import { z } from 'zod';
import { IsoInstant } from './common.ts';

/** pg-boss 10's job states. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** GET /org/jobs?state= (failed by default). */
export const JobListQuerySchema = z.object({ state: z.enum(JOB_STATES).default('failed') });

/** One job as admins see it: no payload, no stack. */
export const JobViewSchema = z.strictObject({
  id: z.string(),
  /** The job kind, e.g. `rebuild-org-rollups` (the page names it in the reader's language). */
  kind: z.string(),
  state: z.enum(JOB_STATES),
  /** Attempts made so far (the first run counts as one). */
  attempts: z.number().int(),
  createdAt: IsoInstant,
  /** When it completed or failed for good; null while it waits or runs. */
  endedAt: IsoInstant.nullable(),
  /** Why the last attempt failed (the error's message, first line); null unless it failed. */
  error: z.string().nullable(),
});
export type JobView = z.infer<typeof JobViewSchema>;

/** GET /org/jobs */
export const JobListResponseSchema = z.strictObject({ jobs: z.array(JobViewSchema) });
export type JobListResponse = z.infer<typeof JobListResponseSchema>;

/** POST /org/jobs/:id/retry */
export const JobRetryResponseSchema = z.strictObject({ job: JobViewSchema });
export type JobRetryResponse = z.infer<typeof JobRetryResponseSchema>;
