/**
 * @module Pearson correlation with its test and interval, for small samples of units (e.g. locations):
 * r (src/core/stats/linalg.ts `pearson`), the two-sided p-value of t = r sqrt((n - 2) / (1 - r^2)) with
 * n - 2 degrees of freedom, and the 95% interval from Fisher's z: tanh(atanh(r) +- 1.96 / sqrt(n - 3)).
 * Observational: a correlation says nothing of cause. Pure.
 */
import { tTwoSidedP } from './distributions.ts';
import { pearson } from './linalg.ts';
import { Z95 } from './result.ts';

/** Fewer pairs than this: no correlation is reported ("too few"). Fisher's interval needs n > 3. */
export const MIN_CORRELATION_N = 5;

export interface CorrelationResult {
  /** Pairs used (both values present). */
  n: number;
  /** null: fewer than MIN_CORRELATION_N pairs, or a side without variance (see `reason`). */
  r: number | null;
  pValue: number | null;
  ci95: [number, number] | null;
  ci95Method: 'fisher_z';
  test: 't_n_minus_2';
  reason?: 'too_few' | 'no_variance';
}

/** Pearson r of the pairs whose both values are numbers, with its t test and Fisher-z interval. */
export function correlationTest(pairs: readonly { x: number | null; y: number | null }[]): CorrelationResult {
  const used = pairs.filter((p): p is { x: number; y: number } => p.x !== null && p.y !== null && Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = used.length;
  const base = { n, ci95Method: 'fisher_z' as const, test: 't_n_minus_2' as const };
  if (n < MIN_CORRELATION_N) return { ...base, r: null, pValue: null, ci95: null, reason: 'too_few' };
  const r = pearson(used.map((p) => p.x), used.map((p) => p.y));
  if (r === null) return { ...base, r: null, pValue: null, ci95: null, reason: 'no_variance' };
  const df = n - 2;
  const pValue = Math.abs(r) >= 1 ? 0 : tTwoSidedP(r * Math.sqrt(df / (1 - r * r)), df);
  let ci95: [number, number];
  if (Math.abs(r) >= 1) ci95 = [r, r];
  else {
    const z = Math.atanh(r);
    const half = Z95 / Math.sqrt(n - 3);
    ci95 = [Math.tanh(z - half), Math.tanh(z + half)];
  }
  return { ...base, r, pValue, ci95 };
}
