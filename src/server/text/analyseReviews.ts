/**
 * @module Sentiment of an organisation's imported reviews (issue 11, "the pipeline runs on imported
 * reviews"): the same model-or-lexicon step as comments ({@link textSentiment}), in bounded batches, run by
 * the `analyse-comments` job after a review import and from the `sweep-comments` cron.
 */
import type pg from 'pg';
import { listReviewsToAnalyse, saveReviewSentiments } from '../../db/reviews/reviewSentiment.ts';
import { ANALYSE_BATCH, ANALYSE_MAX_BATCHES, textSentiment, type Analyser } from './analyseComments.ts';

/** Analyses reviews without sentiment until none remain, `stop()` or the batch limit. */
export async function analyseOrgReviews(pool: pg.Pool, orgId: string, analyser: Analyser, opts: { stop?: () => boolean; batch?: number; maxBatches?: number } = {}) {
  const batch = opts.batch ?? ANALYSE_BATCH;
  let analysed = 0;
  for (let batches = 0; ; batches++) {
    if (opts.stop?.() || batches >= (opts.maxBatches ?? ANALYSE_MAX_BATCHES)) return { analysed, more: true };
    const items = await listReviewsToAnalyse(pool, orgId, batch);
    if (items.length === 0) return { analysed, more: false };
    analysed += await saveReviewSentiments(
      pool,
      orgId,
      items.map((r) => {
        const s = textSentiment(analyser, r.text, r.language ?? undefined);
        return { id: r.id, sentiment: s.sentiment, p: s.p, source: s.mode };
      }),
    );
    if (items.length < batch) return { analysed, more: false };
  }
}
