/** @module Means with Student t intervals (METRICS.md: CES "mean (with a t-interval)", CSAT "also report the mean"). */
import { tQuantile975 } from './distributions.ts';
import { assertScale, assertScoresInScale, histogramEntries, type Histogram } from './histogram.ts';
import { buildResult, clamp, emptyResult, type MetricResult } from './result.ts';

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

/** The range a mean can take: the question's scale. */
export interface MeanScale {
  min: number;
  max: number;
}

/**
 * Mean-type MetricResult with a t-interval: mean +/- t(0.975, n-1) * s / sqrt(n), clipped to the
 * scale when it is known (a mean of 1..7 answers cannot lie outside 1..7; METRICS.md "Intervals and tests").
 * With n = 1 the value is the single score and se/ci95 are null (no variance estimate).
 * @throws DomainError `validation` for an invalid scale or scores outside it.
 */
export function meanResult(
  metric: 'mean' | 'ces',
  definition: string,
  h: Histogram,
  details: Record<string, number | string | null> = {},
  scale?: MeanScale,
): MetricResult {
  if (scale) {
    assertScale(scale.min, scale.max, metric === 'ces' ? 'CES' : 'mean');
    assertScoresInScale(h, scale.min, scale.max, metric === 'ces' ? 'CES' : 'mean');
  }
  const { n, mean, variance } = meanVarianceFromHistogram(h);
  if (n === 0 || mean === null) return emptyResult(metric, definition, 't', { ...details, variance: null, mean: null });
  if (variance === null) {
    return buildResult({ metric, definition, value: mean, n, se: null, ci95: null, ci95Method: 't', details: { ...details, mean, variance } });
  }
  const se = Math.sqrt(variance / n);
  const t = tQuantile975(n - 1);
  const lo = scale?.min ?? -Infinity;
  const hi = scale?.max ?? Infinity;
  return buildResult({
    metric,
    definition,
    value: mean,
    n,
    se,
    ci95: [clamp(mean - t * se, lo, hi), clamp(mean + t * se, lo, hi)],
    ci95Method: 't',
    details: { ...details, mean, variance, sd: Math.sqrt(variance), df: n - 1 },
  });
}

/**
 * Mean of a score histogram with a 95% Student t interval (df = n - 1), definition `mean.v1`,
 * clipped to `scale` when given.
 * @returns value null when n = 0; se and ci95 null when n = 1.
 * @throws DomainError `validation` on an invalid histogram, or scores outside the scale.
 */
export function computeMean(h: Histogram, scale?: MeanScale): MetricResult {
  return meanResult('mean', 'mean.v1', h, {}, scale);
}
