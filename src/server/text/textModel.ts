/**
 * @module Trains an organisation's sentiment model from its own scored comments (docs/comments.md):
 * labels from scores (NPS 0-6 / 7-8 / 9-10, CSAT 1-5 by box: src/core/nlp/labels.ts) and from manual
 * corrections (which win over the score), and from reviews whose sentiment a person corrected, in a worker
 * thread; stored with its cross-validated quality.
 */
import type pg from 'pg';
import { labelOfScore, type LabelledText, type SentimentLabel } from '../../core/nlp/labels.ts';
import type { ModelQuality } from '../../core/nlp/modelFile.ts';
import { countLabelSources, listLabelSources, type LabelSourceRow } from '../../db/text/commentAnalysis.ts';
import { countReviewLabels, listReviewLabels } from '../../db/reviews/reviewSentiment.ts';
import { saveTextModel } from '../../db/text/textModels.ts';
import { runTextWorker } from './runWorker.ts';

/** Fewer labelled comments than this (or a single label) keep the organisation in lexicon mode. */
export const MIN_TRAINING_COMMENTS = 200;
/** The newest labelled comments a model is trained on (bounds the worker's time and memory). */
export const MAX_TRAINING_COMMENTS = 20_000;

/** The training label of a comment: its manual correction, else the label of its score; null: unlabelled. */
export function labelOf(row: LabelSourceRow): SentimentLabel | null {
  if (row.manual) return row.manual;
  if (row.score === null || !row.scale) return null;
  return labelOfScore(row.score, row.scale);
}

/**
 * The organisation's training set: the reviews whose sentiment a person corrected (newest first), then the
 * labelled comments (newest first), at most MAX_TRAINING_COMMENTS in all.
 */
export async function trainingSet(pool: pg.Pool, orgId: string): Promise<LabelledText[]> {
  const [reviews, rows] = await Promise.all([listReviewLabels(pool, orgId, MAX_TRAINING_COMMENTS), listLabelSources(pool, orgId, MAX_TRAINING_COMMENTS)]);
  const out: LabelledText[] = reviews.map((r) => ({ label: r.sentiment, text: r.text }));
  for (const r of rows) {
    const label = labelOf(r);
    if (label) out.push({ label, text: r.text });
  }
  return out.slice(0, MAX_TRAINING_COMMENTS);
}

/** How many texts are training data now (labelled comments and corrected reviews), counting at most MAX_TRAINING_COMMENTS. */
export async function countTrainingTexts(pool: pg.Pool, orgId: string): Promise<number> {
  const [comments, reviews] = await Promise.all([countLabelSources(pool, orgId, MAX_TRAINING_COMMENTS), countReviewLabels(pool, orgId, MAX_TRAINING_COMMENTS)]);
  return Math.min(MAX_TRAINING_COMMENTS, comments + reviews);
}

export type TrainOutcome =
  | { trained: true; n: number; classes: SentimentLabel[]; quality: ModelQuality | null }
  | { trained: false; n: number; classes: SentimentLabel[]; reason: 'too_few' };

/** Trains and stores the model when there are enough labelled comments of at least two labels. */
export async function trainOrgModel(pool: pg.Pool, orgId: string, opts: { minComments?: number } = {}): Promise<TrainOutcome> {
  const examples = await trainingSet(pool, orgId);
  const classes = [...new Set(examples.map((e) => e.label))].sort() as SentimentLabel[];
  if (examples.length < (opts.minComments ?? MIN_TRAINING_COMMENTS) || classes.length < 2) {
    return { trained: false, n: examples.length, classes, reason: 'too_few' };
  }
  const { json, quality } = await trainInWorker(examples);
  await saveTextModel(pool, orgId, { json, n: examples.length, accuracy: quality?.accuracy ?? null, macroF1: quality?.macroF1 ?? null, classes });
  return { trained: true, n: examples.length, classes, quality };
}

/** Runs src/core/nlp trainFromTexts in a worker thread (src/server/text/trainWorker.ts). */
export function trainInWorker(examples: LabelledText[]): Promise<{ json: string; quality: ModelQuality | null }> {
  return runTextWorker('trainWorker', { examples });
}
