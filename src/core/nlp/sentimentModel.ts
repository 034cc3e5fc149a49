/**
 * @module The per-organisation sentiment classifier (docs/text.md, "Sentiment model"): multinomial
 * logistic regression on hashed features (features.ts), trained by AdaGrad SGD in a seeded order with
 * L2 regularisation and balanced class weights (each class weighs as much as the others in the loss:
 * what macro-F1 rewards). Deterministic: the same examples and options give bit-identical weights.
 * Pure and synchronous; the server runs it in a worker thread.
 */
import { createRng } from '../demo/random.ts';
import { DEFAULT_FEATURES, type FeatureOptions, type SparseVector } from './features.ts';
import type { SentimentLabel } from './labels.ts';

export interface TrainOptions {
  features: FeatureOptions;
  epochs: number;
  /** AdaGrad's base step. */
  learningRate: number;
  /** L2 penalty per update on the touched weights. */
  l2: number;
  seed: number;
  /** 'balanced': each class's examples weigh n / (k * n_class); 'none': every example weighs 1. */
  classWeights: 'balanced' | 'none';
  /**
   * NB weighting (Wang & Manning 2012): each class sees the features scaled by their log-count ratio
   * (that class against the others, smoothed by this alpha); 0 turns it off. The ratios are folded into
   * the saved weights, so the model's size and prediction are unchanged.
   */
  nbAlpha: number;
  /**
   * NB weighting applies only when every class has at least this many examples: with few texts the
   * ratios of rare features are extreme (on the 170-review Russian set it cost 0.15 of cross-validated
   * macro-F1, docs/text.md).
   */
  nbMinPerClass: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { features: DEFAULT_FEATURES, epochs: 5, learningRate: 0.05, l2: 1e-6, seed: 11, classWeights: 'balanced', nbAlpha: 0.1, nbMinPerClass: 300 };

export interface SentimentModel {
  /** The classes, in the order of the weight rows (two or three of negative, neutral, positive). */
  labels: SentimentLabel[];
  features: FeatureOptions;
  bias: Float64Array;
  /** labels.length rows of 2^bits weights. */
  weights: Float32Array;
  /** Training examples per label. */
  counts: Partial<Record<SentimentLabel, number>>;
}

export interface VectorExample {
  label: SentimentLabel;
  vector: SparseVector;
}

/** The labels present in the examples, in the canonical order negative, neutral, positive. */
function labelsOf(examples: readonly VectorExample[]): SentimentLabel[] {
  const present = new Set(examples.map((e) => e.label));
  return (['negative', 'neutral', 'positive'] as const).filter((l) => present.has(l));
}

/**
 * The log-count ratios r[c][j] = ln((p_cj / |p_c|) / (q_cj / |q_c|)), where p_cj = alpha + the number
 * of class-c examples with feature j and q_cj the same over the other classes (|.| sums over all
 * `dim` features): how much more typical of class c a feature is. One row of `dim` per class.
 */
export function logCountRatios(examples: readonly { vector: SparseVector }[], target: readonly number[], k: number, dim: number, alpha: number): Float32Array {
  const present = new Float64Array(k * dim);
  const total = new Float64Array(k);
  examples.forEach((e, n) => {
    const row = target[n]! * dim;
    for (let j = 0; j < e.vector.idx.length; j++) if (e.vector.val[j]! !== 0) present[row + e.vector.idx[j]!]++;
    total[target[n]!] += e.vector.idx.length;
  });
  const all = total.reduce((a, b) => a + b, 0);
  const r = new Float32Array(k * dim);
  for (let c = 0; c < k; c++) {
    const pNorm = alpha * dim + total[c]!;
    const qNorm = alpha * dim + all - total[c]!;
    for (let j = 0; j < dim; j++) {
      let others = 0;
      for (let o = 0; o < k; o++) if (o !== c) others += present[o * dim + j]!;
      r[c * dim + j] = Math.log((alpha + present[c * dim + j]!) / pNorm) - Math.log((alpha + others) / qNorm);
    }
  }
  return r;
}

function scores(model: Pick<SentimentModel, 'bias' | 'weights' | 'labels'>, v: SparseVector, dim: number, out: Float64Array, scale: Float32Array | null = null): void {
  const k = model.labels.length;
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = model.bias[c]!;
    const row = c * dim;
    if (scale) for (let j = 0; j < v.idx.length; j++) s += model.weights[row + v.idx[j]!]! * scale[row + v.idx[j]!]! * v.val[j]!;
    else for (let j = 0; j < v.idx.length; j++) s += model.weights[row + v.idx[j]!]! * v.val[j]!;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < k; c++) out[c]! /= sum;
}

/**
 * Trains a model on featurised examples with at least two distinct labels.
 * @throws RangeError when fewer than two labels are present
 */
export function trainSentimentModel(examples: readonly VectorExample[], options: Partial<TrainOptions> = {}): SentimentModel {
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const labels = labelsOf(examples);
  if (labels.length < 2) throw new RangeError(`training needs at least two labels; found ${labels.length === 0 ? 'none' : `only "${labels[0]}"`}`);
  const k = labels.length;
  const dim = 1 << opts.features.bits;
  const weights = new Float32Array(k * dim);
  const grad2 = new Float32Array(k * dim);
  const bias = new Float64Array(k);
  const biasGrad2 = new Float64Array(k);
  const counts: Partial<Record<SentimentLabel, number>> = {};
  for (const e of examples) counts[e.label] = (counts[e.label] ?? 0) + 1;
  const classWeight = labels.map((l) => (opts.classWeights === 'balanced' ? examples.length / (k * counts[l]!) : 1));
  const target = examples.map((e) => labels.indexOf(e.label));
  const model = { labels, bias, weights };
  const p = new Float64Array(k);
  const order = Array.from({ length: examples.length }, (_, i) => i);
  const rng = createRng(opts.seed);
  const lr = opts.learningRate;
  const nb = opts.nbAlpha > 0 && labels.every((l) => counts[l]! >= opts.nbMinPerClass);
  const scale = nb ? logCountRatios(examples, target, k, dim, opts.nbAlpha) : null;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const v = examples[n]!.vector;
      scores(model, v, dim, p, scale);
      const y = target[n]!;
      const w = classWeight[y]!;
      for (let c = 0; c < k; c++) {
        const g = (p[c]! - (c === y ? 1 : 0)) * w;
        biasGrad2[c] += g * g;
        bias[c] -= (lr * g) / Math.sqrt(biasGrad2[c]! + 1e-8);
        const row = c * dim;
        for (let j = 0; j < v.idx.length; j++) {
          const at = row + v.idx[j]!;
          const gj = g * v.val[j]! * (scale ? scale[at]! : 1) + opts.l2 * weights[at]!;
          grad2[at] += gj * gj;
          weights[at] -= (lr * gj) / Math.sqrt(grad2[at]! + 1e-8);
        }
      }
    }
  }
  // The NB ratios folded in: w_cj * r_cj is the weight of the unscaled feature.
  if (scale) for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * scale[i]!;
  return { labels, features: opts.features, bias, weights, counts };
}

/** Class probabilities of one featurised text, in `model.labels` order (they sum to 1). */
export function predictProbabilities(model: SentimentModel, v: SparseVector): Float64Array {
  const p = new Float64Array(model.labels.length);
  scores(model, v, 1 << model.features.bits, p);
  return p;
}
