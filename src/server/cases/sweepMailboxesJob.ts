/**
 * @module The feedback mailbox sweep (kind `sweep-feedback-mailboxes`, cron every minute): queues
 * `read-feedback-mailbox` for every enabled mailbox not in a retry pause after failures.
 */
import { z } from 'zod';
import { listDueFeedbackMailboxes } from '../../db/cases/feedbackMailbox.ts';
import { defineJob } from '../jobs/queue.ts';
import { readMailboxJob } from './readMailboxJob.ts';

export const sweepMailboxesJob = defineJob({
  name: 'sweep-feedback-mailboxes',
  payload: z.object({}),
  schedule: 'every minute (cron)',
  cron: '* * * * *',
  policy: 'short',
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 60,
  async handler(_payload, ctx) {
    const orgs = await listDueFeedbackMailboxes(ctx.pool, new Date());
    for (const orgId of orgs) await ctx.queue.send(readMailboxJob, { orgId });
    return { orgs: orgs.length };
  },
});
