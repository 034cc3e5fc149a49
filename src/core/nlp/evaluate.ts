/** @module Classification quality: accuracy, per-class and macro-averaged F1, and k-fold cross-validation folds. */
import { createRng } from '../demo/random.ts';

export interface Quality {
  n: number;
  accuracy: number;
  /** Unweighted mean of the per-class F1 over `labels` (a class never predicted nor present counts 0). */
  macroF1: number;
  perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
}

/** Accuracy and macro-F1 of predictions against the truth (same length, at least one item). */
export function quality(truth: readonly string[], predicted: readonly string[], labels: readonly string[]): Quality {
  if (truth.length !== predicted.length || truth.length === 0) throw new RangeError('quality: truth and predictions must be non-empty and of equal length');
  let correct = 0;
  const tp: Record<string, number> = {};
  const fp: Record<string, number> = {};
  const fn: Record<string, number> = {};
  for (const l of labels) tp[l] = fp[l] = fn[l] = 0;
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    if (t === p) {
      correct++;
      tp[t] = (tp[t] ?? 0) + 1;
    } else {
      fp[p] = (fp[p] ?? 0) + 1;
      fn[t] = (fn[t] ?? 0) + 1;
    }
  });
  const perClass: Quality['perClass'] = {};
  let f1Sum = 0;
  for (const l of labels) {
    const precision = tp[l]! + fp[l]! === 0 ? 0 : tp[l]! / (tp[l]! + fp[l]!);
    const recall = tp[l]! + fn[l]! === 0 ? 0 : tp[l]! / (tp[l]! + fn[l]!);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perClass[l] = { precision, recall, f1, support: tp[l]! + fn[l]! };
    f1Sum += f1;
  }
  return { n: truth.length, accuracy: correct / truth.length, macroF1: f1Sum / labels.length, perClass };
}

/**
 * The fold (0..k-1) of each item: a deterministic interleaving of a seeded shuffle, so every fold gets
 * n/k items and the result does not depend on input order beyond the seed.
 */
export function foldAssignment(n: number, k: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const fold = new Array<number>(n);
  order.forEach((item, pos) => (fold[item] = pos % k));
  return fold;
}
