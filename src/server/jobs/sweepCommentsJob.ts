/**
 * @module The comment-analysis sweep (kind `sweep-comments`, cron every 10 minutes): queues
 * `analyse-comments` for every organisation with a comment never analysed, covering what the trigger
 * after the rollup fold could not (a process gone, the database down at that moment).
 */
import { z } from 'zod';
import { listOrgsWithUnanalysedComments } from '../../db/text/commentAnalysis.ts';
import { analyseCommentsJob } from './analyseCommentsJob.ts';
import { defineJob } from './queue.ts';

export const sweepCommentsJob = defineJob({
  name: 'sweep-comments',
  payload: z.object({}),
  schedule: 'every 10 minutes (cron)',
  cron: '*/10 * * * *',
  policy: 'short',
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  expireInSeconds: 5 * 60,
  async handler(_payload, ctx) {
    const orgs = await listOrgsWithUnanalysedComments(ctx.pool);
    for (const orgId of orgs) await ctx.queue.send(analyseCommentsJob, { orgId });
    return { orgs: orgs.length };
  },
});
