/**
 * @module The demo's comment analysis (`sarafan demo`): trains the demo organisation's model from its
 * scored comments when there are enough (in a worker thread, as the job does), then analyses every demo
 * comment and review, so the comments view, the reviews' sentiment, key phrases and theme tables are filled at once.
 */
import type pg from 'pg';
import { analyseOrgComments, loadAnalyser } from './analyseComments.ts';
import { analyseOrgReviews } from './analyseReviews.ts';
import { trainOrgModel } from './textModel.ts';

export async function analyseDemoComments(pool: pg.Pool, orgId: string): Promise<{ analysed: number; mode: string; accuracy: number | null }> {
  const trained = await trainOrgModel(pool, orgId);
  let analysed = 0;
  for (;;) {
    const run = await analyseOrgComments(pool, orgId);
    analysed += run.analysed;
    if (!run.more) break;
  }
  // The demo's reviews too (src/server/text/analyseReviews.ts), with the model just trained.
  const analyser = await loadAnalyser(pool, orgId);
  while ((await analyseOrgReviews(pool, orgId, analyser)).more);
  return { analysed, mode: analyser.model ? 'model' : 'lexicon', accuracy: trained.trained ? trained.quality?.accuracy ?? null : null };
}
