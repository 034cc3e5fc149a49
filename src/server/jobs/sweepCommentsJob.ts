/**
 * @module The comment-analysis sweep (kind `sweep-comments`, cron every 10 minutes): queues
 * `analyse-comments` for every organisation with a comment never analysed or a review without sentiment, covering what the trigger
 * after the rollup fold could not (a process gone, the database down at that moment), and
 * `train-text-model` for every organisation with comments whose training is due (src/server/text/trainingDue.ts).
 */
import { z } from 'zod';
import { listOrgsWithComments, listOrgsWithUnanalysedComments } from '../../db/text/commentAnalysis.ts';
import { listOrgsWithUnanalysedReviews } from '../../db/reviews/reviewSentiment.ts';
import { analyseCommentsJob } from './analyseCommentsJob.ts';
import { trainTextModelJob } from './trainTextModelJob.ts';
import { countTrainingGrowth } from '../text/trainingDue.ts';
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
    const orgs = [...new Set([...(await listOrgsWithUnanalysedComments(ctx.pool)), ...(await listOrgsWithUnanalysedReviews(ctx.pool))])];
    for (const orgId of orgs) await ctx.queue.send(analyseCommentsJob, { orgId });
    let training = 0;
    for (const orgId of await listOrgsWithComments(ctx.pool)) {
      if (ctx.aborted()) break;
      if ((await countTrainingGrowth(ctx.pool, orgId)).due) {
        await ctx.queue.send(trainTextModelJob, { orgId });
        training++;
      }
    }
    return { orgs: orgs.length, training };
  },
});
