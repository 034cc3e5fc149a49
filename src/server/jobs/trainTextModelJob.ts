/**
 * @module Trains an organisation's sentiment model from its scored and corrected comments in a worker
 * thread (kind `train-text-model`, src/server/text/textModel.ts), then queues the re-analysis of its
 * comments with the new model. Schedule: queued by the `sweep-comments` cron when training is due (no
 * model yet and enough labelled comments, or a fifth more than the last model saw), and by POST
 * /api/v1/text/model/retrain.
 */
import { trainOrgModel } from '../text/textModel.ts';
import { defineJob, onePendingPerOrganisation } from './queue.ts';
import { analyseCommentsJob } from './analyseCommentsJob.ts';

export const trainTextModelJob = defineJob({
  name: 'train-text-model',
  ...onePendingPerOrganisation,
  schedule: 'every 10 minutes for organisations whose training is due (sweep-comments), and on request (retrain button)',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ orgId }, ctx) {
    // A stopping process leaves the training (seconds of CPU) to the next sweep or retrain.
    if (ctx.aborted()) return { trained: false, reason: 'stopping' };
    const outcome = await trainOrgModel(ctx.pool, orgId);
    if (outcome.trained) await ctx.queue.send(analyseCommentsJob, { orgId });
    return outcome;
  },
});
