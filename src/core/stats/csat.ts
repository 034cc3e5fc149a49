/** @module Customer satisfaction, csat.v1 (METRICS.md "CSAT (csat.v1)"). */
import { DomainError } from '../errors.ts';
import { metricsCsatBox } from './boxes.ts';
import { assertScale, assertScoresInScale, histogramEntries, type Histogram } from './histogram.ts';
import { meanVarianceFromHistogram } from './mean.ts';
import { buildResult, type MetricResult } from './result.ts';
import { computeShare } from './share.ts';

export const CSAT_DEFINITION = 'csat.v1';

export interface CsatScale {
  min: number;
  max: number;
  /** Lowest value counted as satisfied; defaults to {@link defaultCsatBox}. Stored with the question. */
  box?: number;
}

/**
 * Default lowest "satisfied" value (METRICS.md, CSAT): top-box on 3-point scales (1..3 -> 3), top-2 on
 * 4- to 7-point scales (1..5 -> 4), top-3 on 10-point scales (1..10 -> 8). Other scale lengths (2, 8, 9,
 * 11 points such as 0..10) have no default and need an explicit box.
 * @throws DomainError `validation` for an invalid scale or one without a default box.
 */
export function defaultCsatBox(min: number, max: number): number {
  assertScale(min, max, 'CSAT');
  const box = metricsCsatBox(min, max);
  if (box !== null) return box;
  throw new DomainError('validation', `CSAT: no default satisfied box for a ${max - min + 1}-point scale (${min}..${max}); pass box explicitly`);
}

/**
 * CSAT = percent of answers >= box, with a 95% Wilson interval in percent and details.mean
 * (METRICS.md, CSAT). Example: {5:10, 4:20, 3:10, 2:5, 1:5} on 1..5 -> 60%.
 * @returns value null when n = 0; details: satisfied, box, mean, scaleMin, scaleMax.
 * @throws DomainError `validation` for a bad scale/box or scores outside the scale.
 */
export function computeCsat(h: Histogram, scale: CsatScale): MetricResult {
  assertScale(scale.min, scale.max, 'CSAT');
  const box = scale.box ?? defaultCsatBox(scale.min, scale.max);
  if (!Number.isInteger(box) || box < scale.min || box > scale.max) {
    throw new DomainError('validation', `CSAT: box ${box} must be an integer within ${scale.min}..${scale.max}`);
  }
  assertScoresInScale(h, scale.min, scale.max, 'CSAT');
  const entries = histogramEntries(h);
  const n = entries.reduce((s, [, c]) => s + c, 0);
  const satisfied = entries.reduce((s, [x, c]) => (x >= box ? s + c : s), 0);
  const result = csatFromCounts(satisfied, n);
  return { ...result, details: { satisfied, box, mean: meanVarianceFromHistogram(h).mean, scaleMin: scale.min, scaleMax: scale.max } };
}

/**
 * CSAT from its counts alone (`satisfied` of `n`), when the scores are not at hand (the analyst
 * calculator): the satisfied share in percent with its Wilson interval, as csat.v1, so its comparisons
 * are `csat.v1.diff` like the dashboard's. details: satisfied.
 * @throws DomainError `validation` unless 0 <= satisfied <= n.
 */
export function csatFromCounts(satisfied: number, n: number): MetricResult {
  const share = computeShare(satisfied, n);
  return buildResult({ metric: 'csat', definition: CSAT_DEFINITION, value: share.value, n, se: share.se, ci95: share.ci95, ci95Method: 'wilson', details: { satisfied } });
}
