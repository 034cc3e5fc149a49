/**
 * @module Sentiment from text to label (docs/text.md): train an organisation's model from labelled
 * texts with its cross-validated quality, and classify a prepared text with the model or, without one,
 * with the built-in lexicon (the lower-accuracy mode, marked as such in every result).
 */
import { quality as measure, foldAssignment } from './evaluate.ts';
import { featurize } from './features.ts';
import type { LabelledText, SentimentLabel } from './labels.ts';
import { lexiconSentiment } from './lexicon.ts';
import type { ModelQuality } from './modelFile.ts';
import { prepareText, type PreparedText } from './prepare.ts';
import { DEFAULT_TRAIN_OPTIONS, predictLabel, trainSentimentModel, type SentimentModel, type TrainOptions, type VectorExample } from './sentimentModel.ts';

export interface SentimentResult {
  lang: string;
  sentiment: SentimentLabel;
  /** Probability of `sentiment` (model), or the lexicon's confidence heuristic. */
  p: number;
  /** 'lexicon' is the lower-accuracy fallback. */
  mode: 'model' | 'lexicon';
}

/** Classifies one prepared text. */
export function classifySentiment(prepared: PreparedText, model?: SentimentModel | null): SentimentResult {
  if (model) {
    const { label, p } = predictLabel(model, featurize(prepared, model.features));
    return { lang: prepared.lang, sentiment: label, p, mode: 'model' };
  }
  const { label, p } = lexiconSentiment(prepared.tokens, prepared.analysisLang);
  return { lang: prepared.lang, sentiment: label, p, mode: 'lexicon' };
}

/** Fewest examples of every label for cross-validation to be reported (else quality is null). */
export const MIN_PER_LABEL_FOR_CV = 5;

export interface TrainResult {
  model: SentimentModel;
  /** Out-of-fold accuracy and macro-F1 of the same training on k-1 folds, or null when too few examples. */
  quality: ModelQuality | null;
}

/**
 * Trains on labelled texts (two labels -> a two-class model) and measures k-fold cross-validated
 * quality with the same options. Deterministic.
 * @param defaultLang language for texts too short to identify
 * @throws RangeError with fewer than two labels
 */
export function trainFromTexts(examples: readonly LabelledText[], options: Partial<TrainOptions> & { folds?: number; defaultLang?: string } = {}): TrainResult {
  const { folds = 5, defaultLang = 'en', ...train } = options;
  const features = train.features ?? DEFAULT_TRAIN_OPTIONS.features;
  const vectors: VectorExample[] = examples.map((e) => ({ label: e.label, vector: featurize(prepareText(e.text, defaultLang), features) }));
  const model = trainSentimentModel(vectors, train);
  const perLabel = new Map<SentimentLabel, number>();
  for (const e of examples) perLabel.set(e.label, (perLabel.get(e.label) ?? 0) + 1);
  if ([...perLabel.values()].some((n) => n < Math.max(MIN_PER_LABEL_FOR_CV, folds))) return { model, quality: null };
  const fold = foldAssignment(vectors.length, folds, train.seed ?? DEFAULT_TRAIN_OPTIONS.seed);
  const predicted = new Array<string>(vectors.length);
  for (let k = 0; k < folds; k++) {
    const part = trainSentimentModel(
      vectors.filter((_, i) => fold[i] !== k),
      train,
    );
    vectors.forEach((v, i) => {
      if (fold[i] === k) predicted[i] = predictLabel(part, v.vector).label;
    });
  }
  const q = measure(
    examples.map((e) => e.label),
    predicted,
    model.labels,
  );
  return { model, quality: { folds, n: q.n, accuracy: q.accuracy, macroF1: q.macroF1 } };
}
