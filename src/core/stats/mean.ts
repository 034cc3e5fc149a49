/** @module Means with Student t intervals (METRICS.md: CES "mean (with a t-interval)", CSAT "also report the mean"). */
import { tQuantile975 } from './distributions.ts';
import { histogramEntries, type Histogram } from './histogram.ts';
import { buildResult, emptyResult, type MetricResult } from './result.ts';

export interface MeanVariance {
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Sample variance (divisor n - 1); null when n < 2. */
  variance: number | null;
}

/**
 * Count, mean and sample variance (n - 1 divisor) of a histogram, computed in two passes for accuracy.
 * @throws DomainError `validation` on an invalid histogram.
 */
export function meanVarianceFromHistogram(h: Histogram): MeanVariance {
  const entries = histogramEntries(h);
  const n = entries.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { n: 0, mean: null, variance: null };
  const mean = entries.reduce((s, [x, c]) => s + x * c, 0) / n;
  if (n < 2) return { n, mean, variance: null };
  const ss = entries.reduce((s, [x, c]) => s + c * (x - mean) ** 2, 0);
  return { n, mean, variance: ss / (n - 1) };
}

/**
 * Mean-type MetricResult with a t-interval: mean +/- t(0.975, n-1) * s / sqrt(n).
 * With n = 1 the value is the single score and se/ci95 are null (no variance estimate).
 */
export function meanResult(
  metric: 'mean' | 'ces',
  definition: string,
  h: Histogram,
  details: Record<string, number | string | null> = {},
): MetricResult {
  const { n, mean, variance } = meanVarianceFromHistogram(h);
  if (n === 0 || mean === null) return emptyResult(metric, definition, { ...details, variance: null, mean: null });
  if (variance === null) {
    return buildResult({ metric, definition, value: mean, n, se: null, ci95: null, details: { ...details, mean, variance } });
  }
  const se = Math.sqrt(variance / n);
  const t = tQuantile975(n - 1);
  return buildResult({
    metric,
    definition,
    value: mean,
    n,
    se,
    ci95: [mean - t * se, mean + t * se],
    details: { ...details, mean, variance, sd: Math.sqrt(variance), df: n - 1 },
  });
}

/**
 * Mean of a score histogram with a 95% Student t interval (df = n - 1), definition `mean.v1`.
 * @returns value null when n = 0; se and ci95 null when n = 1.
 * @throws DomainError `validation` on an invalid histogram.
 */
export function computeMean(h: Histogram): MetricResult {
  return meanResult('mean', 'mean.v1', h);
}
