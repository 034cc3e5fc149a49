/** @module When an organisation's model should be (re)trained: enough labelled comments (and corrected reviews) and none yet, or a fifth more than the last model saw. */
import type pg from 'pg';
import { getTextModelStatus } from '../../db/text/textModels.ts';
import { countTrainingTexts, MAX_TRAINING_COMMENTS, MIN_TRAINING_COMMENTS } from './textModel.ts';

/** Growth that makes a new model worth training. */
export const RETRAIN_GROWTH = 1.2;

export async function countTrainingGrowth(pool: pg.Pool, orgId: string): Promise<{ due: boolean; labelled: number; modelN: number | null }> {
  const [labelled, status] = await Promise.all([countTrainingTexts(pool, orgId), getTextModelStatus(pool, orgId)]);
  const modelN = status?.n ?? null;
  const due = modelN === null ? labelled >= MIN_TRAINING_COMMENTS : modelN < MAX_TRAINING_COMMENTS && labelled >= modelN * RETRAIN_GROWTH;
  return { due, labelled, modelN };
}
