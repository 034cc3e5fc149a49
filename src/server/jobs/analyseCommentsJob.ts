/**
 * @module Analyses an organisation's new and changed comments (kind `analyse-comments`,
 * src/server/text/analyseComments.ts). Schedule: after each rollup fold (i.e. soon after responses are
 * stored), after the organisation's model was trained or its theme dictionary changed, and from the
 * `sweep-comments` cron, and after a review import: it also fills the sentiment of imported reviews. Idempotent (it only looks at what is missing or out of date); bounded batches,
 * queues itself again when more remain.
 */
import { analyseOrgComments, loadAnalyser } from '../text/analyseComments.ts';
import { analyseOrgReviews } from '../text/analyseReviews.ts';
import { defineJob, onePendingPerOrganisation } from './queue.ts';
import { hasEnabledRules } from '../../db/alerts/alertRules.ts';
import { alertsAnalysedJob } from '../alerts/alertJobs.ts';

export const analyseCommentsJob = defineJob({
  name: 'analyse-comments',
  ...onePendingPerOrganisation,
  schedule: 'after each rollup fold (new answers), after a review import, after training or a theme change, and every 10 minutes for organisations with unanalysed comments or reviews',
  retry: { limit: 5, delaySeconds: 5, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ orgId }, ctx) {
    const analyser = await loadAnalyser(ctx.pool, orgId);
    const result = await analyseOrgComments(ctx.pool, orgId, { stop: ctx.aborted, analyser });
    // Imported reviews without sentiment, the same way (src/server/text/analyseReviews.ts).
    const reviews = await analyseOrgReviews(ctx.pool, orgId, analyser, { stop: ctx.aborted });
    if ((result.more || reviews.more) && !ctx.aborted()) await ctx.queue.send(analyseCommentsJob, { orgId });
    // Alert rules that wait for the analysis (themes, review sentiment): src/server/alerts/evaluate.ts.
    if (await hasEnabledRules(ctx.pool, orgId, ['comment_match', 'negative_review'])) await ctx.queue.send(alertsAnalysedJob, { orgId });
    return { ...result, more: result.more || reviews.more, reviews: reviews.analysed };
  },
});
