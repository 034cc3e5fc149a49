/**
 * @module Trains an organisation's sentiment model from its scored and corrected comments in a worker
 * thread (kind `train-text-model`, src/server/text/textModel.ts), then queues the re-analysis of its
 * comments with the new model. Schedule: queued by `analyse-comments` when training is due (no model
 * yet, or a fifth more labelled comments), and by POST /api/v1/text/model/retrain.
 */
import { trainOrgModel } from '../text/textModel.ts';
import { defineJob, onePendingPerOrganisation } from './queue.ts';

export const trainTextModelJob = defineJob({
  name: 'train-text-model',
  ...onePendingPerOrganisation,
  schedule: 'when an organisation has enough new labelled comments (after analysis), and on request (retrain button)',
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ orgId }, ctx) {
    const outcome = await trainOrgModel(ctx.pool, orgId);
    if (outcome.trained) {
      // Imported lazily: the analysis job queues this one, and this one queues the analysis.
      const { analyseCommentsJob } = await import('./analyseCommentsJob.ts');
      await ctx.queue.send(analyseCommentsJob, { orgId });
    }
    return outcome;
  },
});
