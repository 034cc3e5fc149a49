/**
 * @module Analysis of an organisation's imported reviews (issue 11, "reviews analysed like comments"): the
 * same sentiment (the organisation's model, else the lexicon) and theme matching as comments
 * ({@link analyseText}), in bounded batches, run by the `analyse-comments` job after a review import, after
 * training or a theme change, and from the `sweep-comments` cron. Reviews whose sentiment came from the lexicon
 * or an older model, or whose themes predate the dictionary, are analysed again; a manual sentiment is kept
 * (only its themes are matched again).
 */
import type pg from 'pg';
import { listReviewsToAnalyse, saveReviewAnalyses } from '../../db/reviews/reviewSentiment.ts';
import { ANALYSE_BATCH, ANALYSE_MAX_BATCHES, analyseText, type Analyser } from './analyseComments.ts';

/** Analyses reviews whose analysis is missing or out of date until none remain, `stop()` or the batch limit. */
export async function analyseOrgReviews(pool: pg.Pool, orgId: string, analyser: Analyser, opts: { stop?: () => boolean; batch?: number; maxBatches?: number } = {}) {
  const batch = opts.batch ?? ANALYSE_BATCH;
  let analysed = 0;
  for (let batches = 0; ; batches++) {
    if (opts.stop?.() || batches >= (opts.maxBatches ?? ANALYSE_MAX_BATCHES)) return { analysed, more: true };
    const items = await listReviewsToAnalyse(pool, orgId, batch);
    if (items.length === 0) return { analysed, more: false };
    analysed += await saveReviewAnalyses(
      pool,
      orgId,
      items.map((r) => {
        const a = analyseText(analyser, r.text, r.language ?? undefined);
        return { id: r.id, sentiment: a.sentiment, p: a.p, source: a.source, themes: a.themes, modelAt: a.modelAt };
      }),
    );
    if (items.length < batch) return { analysed, more: false };
  }
}
