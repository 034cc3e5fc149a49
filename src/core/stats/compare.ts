/**
 * @module Comparisons between two independent groups or periods (METRICS.md, NPS "Change between two
 * independent periods"). Every function takes `(current, previous)` and reports diff = current - previous.
 */
import { DomainError } from '../errors.ts';
import { tQuantile975 } from './distributions.ts';
import type { Histogram } from './histogram.ts';
import { computeMean } from './mean.ts';
import { computeNps } from './nps.ts';
import { Z95, type MetricName, type MetricResult } from './result.ts';

export interface ComparisonResult {
  /** current - previous, in the units of the metric (NPS points, percentage points, scale units). */
  diff: number;
  se: number;
  ci95: [number, number];
  /** Two-sided test at 95%: |diff| > critical value * se. */
  significant: boolean;
  /** e.g. `nps.v1.diff`, `csat.v1.diff`, `mean.v1.welch`. */
  definition: string;
  /** Welch-Satterthwaite degrees of freedom (compareMeans only). */
  df?: number;
}

/** Successes out of n, as an alternative input to {@link compareShares}. */
export interface ShareCounts {
  successes: number;
  n: number;
}

function isMetricResult(x: unknown): x is MetricResult {
  return typeof x === 'object' && x !== null && typeof (x as MetricResult).metric === 'string' && 'definition' in x;
}

function usable(r: MetricResult, allowed: readonly MetricName[], role: string): { value: number; se: number; n: number } {
  if (!allowed.includes(r.metric)) {
    throw new DomainError('validation', `${role}: expected a ${allowed.join('/')} result, got ${r.metric}`);
  }
  if (r.value === null || r.se === null) {
    throw new DomainError('insufficient_data', `${role}: not enough answers to compare (n = ${r.n})`, { n: r.n });
  }
  return { value: r.value, se: r.se, n: r.n };
}

function sameDefinition(a: MetricResult, b: MetricResult): string {
  if (a.definition !== b.definition) {
    throw new DomainError('validation', `cannot compare ${a.definition} with ${b.definition}`);
  }
  if ((a.details?.direction ?? null) !== (b.details?.direction ?? null)) {
    throw new DomainError('validation', 'cannot compare results with different scale directions');
  }
  return a.definition;
}

function normalTest(diff: number, se: number, definition: string): ComparisonResult {
  return { diff, se, ci95: [diff - Z95 * se, diff + Z95 * se], significant: Math.abs(diff) > Z95 * se, definition };
}

/**
 * NPS change (METRICS.md, NPS): SE = sqrt(SE1^2 + SE2^2) in points, ci95 = diff +/- 1.96 * SE,
 * significant when |NPS1 - NPS2| > 1.96 * SE. Inputs are nps results or 0..10 histograms.
 * @param current the later period / first group @param previous the earlier period / second group
 * @returns diff = current - previous in points.
 * @throws DomainError `insufficient_data` when either side has n = 0; `validation` for non-NPS input.
 */
export function compareNps(current: MetricResult | Histogram, previous: MetricResult | Histogram): ComparisonResult {
  const a = isMetricResult(current) ? current : computeNps(current);
  const b = isMetricResult(previous) ? previous : computeNps(previous);
  const x = usable(a, ['nps'], 'current');
  const y = usable(b, ['nps'], 'previous');
  return normalTest(x.value - y.value, Math.hypot(x.se, y.se), `${sameDefinition(a, b)}.diff`);
}

function toShare(x: MetricResult | ShareCounts, role: string): { p: number; n: number; definition: string } {
  if (isMetricResult(x)) {
    const u = usable(x, ['share', 'csat', 'response_rate'], role);
    return { p: u.value / 100, n: u.n, definition: x.definition };
  }
  const { successes, n } = x;
  if (!Number.isFinite(successes) || !Number.isFinite(n) || successes < 0 || successes > n) {
    throw new DomainError('validation', `${role}: need 0 <= successes <= n, got ${successes} of ${n}`);
  }
  if (n === 0) throw new DomainError('insufficient_data', `${role}: not enough answers to compare (n = 0)`, { n });
  return { p: successes / n, n, definition: 'share.v1' };
}

/**
 * Difference of two independent shares in percentage points, with the unpooled (Wald) standard error
 * SE = 100 * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2); ci95 = diff +/- 1.96 * SE; significant when
 * |diff| > 1.96 * SE. The unpooled SE keeps the test consistent with the interval; it is optimistic
 * when a share is near 0% or 100% with few answers (SE can be 0), so read it with the small-sample flags.
 * Inputs: share/csat/response_rate results (value in percent) or {successes, n}.
 * @returns diff = current - previous in percentage points.
 * @throws DomainError `insufficient_data` when either side has n = 0; `validation` for mismatched metrics.
 */
export function compareShares(current: MetricResult | ShareCounts, previous: MetricResult | ShareCounts): ComparisonResult {
  const a = toShare(current, 'current');
  const b = toShare(previous, 'previous');
  if (isMetricResult(current) && isMetricResult(previous)) sameDefinition(current, previous);
  else if (a.definition !== b.definition) throw new DomainError('validation', `cannot compare ${a.definition} with ${b.definition}`);
  const se = 100 * Math.sqrt((a.p * (1 - a.p)) / a.n + (b.p * (1 - b.p)) / b.n);
  return normalTest(100 * (a.p - b.p), se, `${a.definition}.diff`);
}

/**
 * Welch's unequal-variance comparison of two means (e.g. CES or any mean result).
 * SE = sqrt(se1^2 + se2^2); df = Welch-Satterthwaite; ci95 = diff +/- t(0.975, df) * SE;
 * significant when |diff| > t(0.975, df) * SE. When both groups have zero variance, df = n1 + n2 - 2.
 * Inputs: mean/ces results with se (n >= 2) or histograms (computed with computeMean).
 * @returns diff = current - previous in scale units, with df.
 * @throws DomainError `insufficient_data` when either side has n < 2; `validation` for mismatched inputs.
 */
export function compareMeans(current: MetricResult | Histogram, previous: MetricResult | Histogram): ComparisonResult {
  const a = isMetricResult(current) ? current : computeMean(current);
  const b = isMetricResult(previous) ? previous : computeMean(previous);
  const x = usable(a, ['mean', 'ces'], 'current');
  const y = usable(b, ['mean', 'ces'], 'previous');
  const definition = `${sameDefinition(a, b)}.welch`;
  const v1 = x.se ** 2;
  const v2 = y.se ** 2;
  const se = Math.sqrt(v1 + v2);
  const df = v1 + v2 > 0 ? (v1 + v2) ** 2 / (v1 ** 2 / (x.n - 1) + v2 ** 2 / (y.n - 1)) : x.n + y.n - 2;
  const t = tQuantile975(df);
  const diff = x.value - y.value;
  return { diff, se, ci95: [diff - t * se, diff + t * se], significant: Math.abs(diff) > t * se, definition, df };
}
