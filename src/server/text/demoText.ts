/**
 * @module The demo's comment analysis (`sarafan demo`): trains the demo organisation's model from its
 * scored comments when there are enough (in a worker thread, as the job does), then analyses every demo
 * comment, so the comments view, key phrases and theme tables are filled at once.
 */
import type pg from 'pg';
import { analyseOrgComments } from './analyseComments.ts';
import { trainOrgModel } from './textModel.ts';

export async function analyseDemoComments(pool: pg.Pool, orgId: string): Promise<{ analysed: number; mode: string; accuracy: number | null }> {
  const trained = await trainOrgModel(pool, orgId);
  let analysed = 0;
  for (;;) {
    const run = await analyseOrgComments(pool, orgId);
    analysed += run.analysed;
    if (!run.more) return { analysed, mode: run.mode, accuracy: trained.trained ? trained.quality?.accuracy ?? null : null };
  }
}
