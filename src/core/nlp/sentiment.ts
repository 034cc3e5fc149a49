/**
 * @module Sentiment from text to label (docs/text.md): train an organisation's model from labelled
 * texts with its cross-validated quality, and classify a prepared text with the model or, without one,
 * with the built-in lexicon (the lower-accuracy mode, marked as such in every result).
 */
import { quality as measure, foldAssignment } from './evaluate.ts';
import { DEFAULT_FEATURES, featurize, type FeatureOptions } from './features.ts';
import type { LabelledText, SentimentLabel } from './labels.ts';
import { lexiconSentiment } from './lexicon.ts';
import type { ModelQuality } from './modelFile.ts';
import { prepareText, type PreparedText } from './prepare.ts';
import { DEFAULT_TRAIN_OPTIONS, predictProbabilities, trainSentimentModel, type SentimentModel, type TrainOptions, type VectorExample } from './sentimentModel.ts';

export interface SentimentResult {
  lang: string;
  sentiment: SentimentLabel;
  /** Probability of `sentiment` (model), or the lexicon's confidence heuristic. */
  p: number;
  /** 'lexicon' is the lower-accuracy fallback. */
  mode: 'model' | 'lexicon';
}

/**
 * The trained classifier: one or more linear models over different feature sets (by default a word
 * model and a character model, docs/text.md) whose class probabilities are averaged.
 */
export interface SentimentClassifier {
  /** The classes, in the order of every member's probabilities. */
  labels: SentimentLabel[];
  /** Training examples per label. */
  counts: Partial<Record<SentimentLabel, number>>;
  members: SentimentModel[];
}

/**
 * The default ensemble, chosen by 5-fold cross-validation inside the training part of the development
 * sets: a word model (unigrams, bigrams, trigrams, negation marks, punctuation, lexicon sums; no
 * character n-grams) and a character model (character 3-5-grams inside words plus unigrams, negation
 * marks, punctuation, lexicon sums).
 */
export const DEFAULT_MEMBERS: readonly FeatureOptions[] = [
  { ...DEFAULT_FEATURES, charMax: 0, wordTrigrams: true, punctuation: true },
  { ...DEFAULT_FEATURES, wordBigrams: false, punctuation: true },
];

/** Class probabilities of one prepared text: the mean of the members' probabilities, in `classifier.labels` order. */
export function classifierProbabilities(classifier: SentimentClassifier, prepared: PreparedText): Float64Array {
  const out = new Float64Array(classifier.labels.length);
  for (const m of classifier.members) {
    const p = predictProbabilities(m, featurize(prepared, m.features));
    for (let c = 0; c < out.length; c++) out[c] += p[c]! / classifier.members.length;
  }
  return out;
}

function argmax(p: Float64Array): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

/** Classifies one prepared text. */
export function classifySentiment(prepared: PreparedText, model?: SentimentClassifier | null): SentimentResult {
  if (model) {
    const p = classifierProbabilities(model, prepared);
    const best = argmax(p);
    return { lang: prepared.lang, sentiment: model.labels[best]!, p: p[best]!, mode: 'model' };
  }
  const { label, p } = lexiconSentiment(prepared.tokens, prepared.analysisLang);
  return { lang: prepared.lang, sentiment: label, p, mode: 'lexicon' };
}

/** Fewest examples of every label for cross-validation to be reported (else quality is null). */
export const MIN_PER_LABEL_FOR_CV = 5;

export interface TrainResult {
  model: SentimentClassifier;
  /** Out-of-fold accuracy and macro-F1 of the same training on k-1 folds, or null when too few examples. */
  quality: ModelQuality | null;
}

/**
 * Trains on labelled texts (two labels -> a two-class model) and measures k-fold cross-validated
 * quality with the same options. Deterministic. With `features` given, one model over those features;
 * otherwise the {@link DEFAULT_MEMBERS} ensemble.
 * @param defaultLang language for texts too short to identify
 * @throws RangeError with fewer than two labels
 */
export function trainFromTexts(examples: readonly LabelledText[], options: Partial<TrainOptions> & { folds?: number; defaultLang?: string } = {}): TrainResult {
  const { folds = 5, defaultLang = 'en', features, ...train } = options;
  const memberFeatures = features ? [features] : DEFAULT_MEMBERS;
  const prepared = examples.map((e) => prepareText(e.text, defaultLang));
  const sets: VectorExample[][] = memberFeatures.map((f) => examples.map((e, i) => ({ label: e.label, vector: featurize(prepared[i]!, f) })));
  const fit = (keep: (i: number) => boolean): SentimentClassifier => {
    const members = sets.map((vectors, m) => trainSentimentModel(vectors.filter((_, i) => keep(i)), { ...train, features: memberFeatures[m]! }));
    return { labels: members[0]!.labels, counts: members[0]!.counts, members };
  };
  const model = fit(() => true);
  const perLabel = new Map<SentimentLabel, number>();
  for (const e of examples) perLabel.set(e.label, (perLabel.get(e.label) ?? 0) + 1);
  if ([...perLabel.values()].some((n) => n < Math.max(MIN_PER_LABEL_FOR_CV, folds))) return { model, quality: null };
  const fold = foldAssignment(examples.length, folds, train.seed ?? DEFAULT_TRAIN_OPTIONS.seed);
  const predicted = new Array<string>(examples.length);
  for (let k = 0; k < folds; k++) {
    const part = fit((i) => fold[i] !== k);
    prepared.forEach((p, i) => {
      if (fold[i] === k) predicted[i] = part.labels[argmax(classifierProbabilities(part, p))]!;
    });
  }
  const q = measure(
    examples.map((e) => e.label),
    predicted,
    model.labels,
  );
  return { model, quality: { folds, n: q.n, accuracy: q.accuracy, macroF1: q.macroF1 } };
}
