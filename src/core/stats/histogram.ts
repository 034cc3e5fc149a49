/**
 * @module Score histograms: every survey metric is a function of score -> count (DESIGN.md, METRICS.md
 * "Survey metrics"). SQL returns histograms; this module validates and combines them.
 */
import { DomainError } from '../errors.ts';

/** Score -> number of answers with that score. Zero counts are allowed and ignored. */
export type Histogram = Readonly<Record<number, number>>;

/**
 * Validated, score-sorted entries of a histogram, skipping zero counts.
 * @throws DomainError `validation` when a score is not a finite number or a count is negative/non-finite.
 */
export function histogramEntries(h: Histogram): Array<[score: number, count: number]> {
  const out: Array<[number, number]> = [];
  for (const [key, count] of Object.entries(h)) {
    const score = Number(key);
    if (key.trim() === '' || !Number.isFinite(score)) {
      throw new DomainError('validation', `histogram score "${key}" is not a number`);
    }
    if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
      throw new DomainError('validation', `histogram count for score ${key} must be a non-negative number`);
    }
    if (count > 0) out.push([score, count]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Total number of answers in a histogram. @throws DomainError `validation` on invalid counts. */
export function histogramN(h: Histogram): number {
  return histogramEntries(h).reduce((sum, [, c]) => sum + c, 0);
}

/**
 * Histogram of a list of scores; `null`/`undefined` (skipped questions) are left out, because skipped
 * answers are not in any metric's denominator (METRICS.md, NPS).
 * @throws DomainError `validation` when a score is not finite.
 */
export function histogramFromScores(scores: Iterable<number | null | undefined>): Histogram {
  const out: Record<number, number> = {};
  for (const s of scores) {
    if (s === null || s === undefined) continue;
    if (!Number.isFinite(s)) throw new DomainError('validation', `score ${String(s)} is not a finite number`);
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

/** Sum of two histograms (answers of both groups). @throws DomainError `validation` on invalid input. */
export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  const out: Record<number, number> = {};
  for (const [s, c] of [...histogramEntries(a), ...histogramEntries(b)]) out[s] = (out[s] ?? 0) + c;
  return out;
}

/**
 * Check that every answered score is an integer within [min, max].
 * @throws DomainError `validation` naming the first offending score.
 */
export function assertScoresInScale(h: Histogram, min: number, max: number, label: string): void {
  for (const [score] of histogramEntries(h)) {
    if (!Number.isInteger(score) || score < min || score > max) {
      throw new DomainError('validation', `${label}: score ${score} is outside the ${min}..${max} scale`);
    }
  }
}

/**
 * Check a rating scale: integer bounds with min < max.
 * @throws DomainError `validation`.
 */
export function assertScale(min: number, max: number, label: string): void {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
    throw new DomainError('validation', `${label}: scale must be integers with min < max, got ${min}..${max}`);
  }
}
