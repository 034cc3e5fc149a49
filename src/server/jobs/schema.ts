/** Request schema and answer shapes of the admin job routes (/org/jobs; the SPA imports the types). */
import { z } from 'zod';
import { JOB_STATES } from '../../db/jobs/jobTable.ts';

export const JobListQuerySchema = z.object({ state: z.enum(JOB_STATES).default('failed') });

/** One job as admins see it: no payload, no stack. */
export interface JobView {
  id: string;
  /** The job kind, e.g. `rebuild-org-rollups` (the page names it in the reader's language). */
  kind: string;
  state: (typeof JOB_STATES)[number];
  /** Attempts made so far (the first run counts as one). */
  attempts: number;
  createdAt: string;
  /** When it completed or failed for good; null while it waits or runs. */
  endedAt: string | null;
  /** Why the last attempt failed (the error's message, first line); null unless it failed. */
  error: string | null;
}

/** GET /org/jobs */
export interface JobListResponse {
  jobs: JobView[];
}

/** POST /org/jobs/:id/retry */
export interface JobRetryResponse {
  job: JobView;
}
