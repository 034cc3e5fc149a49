/**
 * @module The "was your problem solved?" follow-up (kind `case-recovery-survey`): sent when a case is
 * resolved with that option, to the customer of the case, through the invitation pipeline.
 * Groundwork: the payload is fixed; the sending is built by the case-operations work.
 */
import { z } from 'zod';
import { defineJob } from '../jobs/queue.ts';

export const recoverySurveyJob = defineJob({
  name: 'case-recovery-survey',
  payload: z.object({ orgId: z.uuid(), caseId: z.uuid() }),
  schedule: 'when a case is resolved with "ask the customer whether the problem was solved"',
  policy: 'standard',
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  expireInSeconds: 300,
  async handler() {
    throw new Error('case-recovery-survey is not built yet');
  },
});
