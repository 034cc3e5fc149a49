/**
 * @module Comparisons between two independent groups or periods (METRICS.md "Intervals and tests").
 * Every function takes `(current, previous)` and reports diff = current - previous with the test that
 * fits the metric, its two-sided p-value and its name. A test that cannot be run honestly (no answers,
 * one answer, no variance) does not throw: it answers `significant: false` with a `reason`; so does a
 * test that ran on a side below SMALL_SAMPLE_N answers. Only malformed or mismatched input throws.
 */
import { DomainError } from '../errors.ts';
import { normalTwoSidedP, tQuantile975, tTwoSidedP } from './distributions.ts';
import { fisherExactTwoSided } from './fisher.ts';
import type { Histogram } from './histogram.ts';
import { computeMean } from './mean.ts';
import { adjustedNps, computeNps, type NpsCounts } from './nps.ts';
import { clamp, SMALL_SAMPLE_N, Z95, type MetricName, type MetricResult } from './result.ts';
import { wilsonInterval } from './share.ts';

/** Significance level of every comparison (two-sided). */
export const ALPHA = 0.05;
/** Pooled z is used for shares only when every expected cell of the 2x2 table reaches this count. */
export const MIN_EXPECTED_CELL = 5;

/**
 * The test behind a comparison: `adjusted_wald_z` (NPS, Rocks' adjusted counts on each side),
 * `two_proportion_z` (pooled), `fisher_exact` (two-sided), `welch_t`.
 */
export type ComparisonTest = 'adjusted_wald_z' | 'two_proportion_z' | 'fisher_exact' | 'welch_t';

/** The interval of a change: adjusted Wald (NPS), Newcombe's hybrid score from Wilson limits (shares), Welch t (means). */
export type ChangeCi95Method = 'adjusted_wald' | 'newcombe_wilson' | 'welch_t';

/**
 * Why a change is not significant whatever its size (stable codes; the message is English):
 * - `no_answers`: a side has no answers, nothing to compare;
 * - `too_few_answers`: a side of a mean has one answer, so no variance to test with;
 * - `no_variance`: both sides of a mean have zero variance (every answer the same), so no test exists;
 * - `small_sample`: the test ran, but a side has fewer than SMALL_SAMPLE_N (30) answers.
 */
export type ComparisonReasonCode = 'no_answers' | 'too_few_answers' | 'no_variance' | 'small_sample';

export interface ComparisonReason {
  code: ComparisonReasonCode;
  message: string;
}

export interface ComparisonResult {
  /** current - previous, in the units of the metric (NPS points, percentage points, scale units); null when a side has no value. */
  diff: number | null;
  /**
   * Standard error of the difference: adjusted-Wald SE for NPS (sqrt(SE1'^2 + SE2'^2)), the classic
   * unpooled SE for shares, the Welch SE for means; null when no test could run.
   */
  se: number | null;
  /** 95% interval of the difference by `ci95Method`; null when no test could run. */
  ci95: [number, number] | null;
  ci95Method: ChangeCi95Method;
  /** Two-sided p-value of `test`; null when no test could run. */
  pValue: number | null;
  /** The test that applies to these data (named even when it could not run). */
  test: ComparisonTest;
  /** pValue < 0.05 and both sides have at least SMALL_SAMPLE_N answers. */
  significant: boolean;
  /** Present when the change cannot be significant for a reason other than its p-value. */
  reason?: ComparisonReason;
  /** `<metric definition>.diff`, e.g. `nps.v1.diff`, `csat.v1.diff`, `ces.v1.diff`, whether or not a test ran. */
  definition: string;
  /** Welch-Satterthwaite degrees of freedom (means, when the test ran). */
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

function assertMetric(r: MetricResult, allowed: readonly MetricName[], role: string): void {
  if (!allowed.includes(r.metric)) {
    throw new DomainError('validation', `${role}: expected a ${allowed.join('/')} result, got ${r.metric}`);
  }
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

function detailCount(r: MetricResult, key: string, role: string): number {
  const v = r.details?.[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new DomainError('validation', `${role}: the ${r.metric} result has no ${key} count`);
  }
  return v;
}

const REASON_MESSAGES: Record<ComparisonReasonCode, (n1: number, n2: number) => string> = {
  no_answers: (n1, n2) => `a side has no answers (n = ${n1} and ${n2}): nothing to compare`,
  too_few_answers: (n1, n2) => `a side has a single answer (n = ${n1} and ${n2}): a mean needs at least 2 to estimate its variance`,
  no_variance: () => 'every answer on both sides is the same: with no variance there is no test',
  small_sample: (n1, n2) => `a side has fewer than ${SMALL_SAMPLE_N} answers (n = ${n1} and ${n2}): too few to call the change significant`,
};

function reasonOf(code: ComparisonReasonCode, n1: number, n2: number): ComparisonReason {
  return { code, message: REASON_MESSAGES[code](n1, n2) };
}

interface Fixed {
  definition: string;
  test: ComparisonTest;
  ci95Method: ChangeCi95Method;
  n1: number;
  n2: number;
}

/** A change whose test could not run: no numbers beyond the plain diff, never significant. */
function untested(f: Fixed, diff: number | null, code: ComparisonReasonCode): ComparisonResult {
  return {
    diff, se: null, ci95: null, ci95Method: f.ci95Method, pValue: null, test: f.test,
    significant: false, reason: reasonOf(code, f.n1, f.n2), definition: f.definition,
  };
}

/** A change whose test ran: significant only with p < ALPHA and both sides at SMALL_SAMPLE_N or more. */
function tested(f: Fixed, r: { diff: number; se: number; ci95: [number, number]; pValue: number; df?: number }): ComparisonResult {
  const bigEnough = f.n1 >= SMALL_SAMPLE_N && f.n2 >= SMALL_SAMPLE_N;
  return {
    diff: r.diff, se: r.se, ci95: r.ci95, ci95Method: f.ci95Method, pValue: r.pValue, test: f.test,
    significant: bigEnough && r.pValue < ALPHA,
    ...(bigEnough ? {} : { reason: reasonOf('small_sample', f.n1, f.n2) }),
    definition: f.definition,
    ...(r.df === undefined ? {} : { df: r.df }),
  };
}

function npsCounts(r: MetricResult, role: string): NpsCounts {
  return {
    detractors: detailCount(r, 'detractors', role),
    passives: detailCount(r, 'passives', role),
    promoters: detailCount(r, 'promoters', role),
  };
}

/**
 * NPS change (METRICS.md "Intervals and tests"): Rocks' adjusted counts on each side (n + 3, 3/4 promoter,
 * 3/4 detractor), SE = sqrt(SE1'^2 + SE2'^2), z = (NPS1' - NPS2') / SE, two-sided normal p;
 * ci95 = (NPS1' - NPS2') +/- 1.96 SE clipped to [-200, 200]. `diff` is the plain NPS1 - NPS2.
 * Example: 1 promoter vs 1 detractor: diff 200, adjusted diff 50, SE 53.0, p 0.346, not significant.
 * Inputs are nps results or 0..10 histograms.
 * @param current the later period / first group @param previous the earlier period / second group
 * @throws DomainError `validation` for non-NPS input.
 */
export function compareNps(current: MetricResult | Histogram, previous: MetricResult | Histogram): ComparisonResult {
  const a = isMetricResult(current) ? current : computeNps(current);
  const b = isMetricResult(previous) ? previous : computeNps(previous);
  assertMetric(a, ['nps'], 'current');
  assertMetric(b, ['nps'], 'previous');
  const f: Fixed = { definition: `${sameDefinition(a, b)}.diff`, test: 'adjusted_wald_z', ci95Method: 'adjusted_wald', n1: a.n, n2: b.n };
  if (a.n === 0 || b.n === 0 || a.value === null || b.value === null) return untested(f, null, 'no_answers');
  const x = adjustedNps(npsCounts(a, 'current'));
  const y = adjustedNps(npsCounts(b, 'previous'));
  const adjustedDiff = x.value - y.value;
  const se = Math.hypot(x.se, y.se); // > 0: adjusted SEs never vanish
  return tested(f, {
    diff: a.value - b.value,
    se,
    ci95: [clamp(adjustedDiff - Z95 * se, -200, 200), clamp(adjustedDiff + Z95 * se, -200, 200)],
    pValue: normalTwoSidedP(adjustedDiff / se),
  });
}

function toShareCounts(x: MetricResult | ShareCounts, role: string): ShareCounts & { definition: string } {
  if (isMetricResult(x)) {
    assertMetric(x, ['share', 'csat', 'response_rate'], role);
    const successes = detailCount(x, x.metric === 'csat' ? 'satisfied' : 'successes', role);
    return { successes, n: x.n, definition: x.definition };
  }
  const { successes, n } = x;
  if (!Number.isSafeInteger(successes) || !Number.isSafeInteger(n) || successes < 0 || successes > n) {
    throw new DomainError('validation', `${role}: need integers 0 <= successes <= n, got ${successes} of ${n}`);
  }
  return { successes, n, definition: 'share.v1' };
}

/**
 * Which share test applies: pooled z when every expected cell of [[x1, n1 - x1], [x2, n2 - x2]] under
 * "same share" (row total x column total / N) is at least 5, Fisher's exact test otherwise (also when a
 * side is empty: its expected cells are 0).
 */
export function shareTestFor(x1: number, n1: number, x2: number, n2: number): 'two_proportion_z' | 'fisher_exact' {
  const total = n1 + n2;
  if (n1 === 0 || n2 === 0) return 'fisher_exact';
  const successes = x1 + x2;
  const minRow = Math.min(n1, n2);
  const minColumn = Math.min(successes, total - successes);
  // The smallest expected cell is the smallest row total times the smallest column total over N.
  return (minRow * minColumn) / total >= MIN_EXPECTED_CELL ? 'two_proportion_z' : 'fisher_exact';
}

/**
 * Difference of two independent shares in percentage points (METRICS.md "Intervals and tests"):
 * pooled two-proportion z test, z = (p1 - p2) / sqrt(p(1 - p)(1/n1 + 1/n2)) with p = (x1 + x2) / (n1 + n2),
 * when every expected cell is >= 5, else Fisher's exact test (two-sided); `test` says which.
 * ci95: Newcombe's hybrid score interval (1998, method 10) from the two Wilson intervals, never of zero
 * width; se: the classic unpooled 100 sqrt(p1(1-p1)/n1 + p2(1-p2)/n2).
 * Example: 5/5 vs 6/10: Fisher p = 693/3003 = 0.2308, not significant.
 * Inputs: share/csat/response_rate results or {successes, n}.
 * @throws DomainError `validation` for mismatched metrics or malformed counts.
 */
export function compareShares(current: MetricResult | ShareCounts, previous: MetricResult | ShareCounts): ComparisonResult {
  const a = toShareCounts(current, 'current');
  const b = toShareCounts(previous, 'previous');
  if (isMetricResult(current) && isMetricResult(previous)) sameDefinition(current, previous);
  else if (a.definition !== b.definition) throw new DomainError('validation', `cannot compare ${a.definition} with ${b.definition}`);
  const test = shareTestFor(a.successes, a.n, b.successes, b.n);
  const f: Fixed = { definition: `${a.definition}.diff`, test, ci95Method: 'newcombe_wilson', n1: a.n, n2: b.n };
  if (a.n === 0 || b.n === 0) return untested(f, null, 'no_answers');
  const p1 = a.successes / a.n;
  const p2 = b.successes / b.n;
  const diff = p1 - p2;
  const [l1, u1] = wilsonInterval(a.successes, a.n) as [number, number];
  const [l2, u2] = wilsonInterval(b.successes, b.n) as [number, number];
  const ci95: [number, number] = [
    100 * (diff - Math.hypot(p1 - l1, u2 - p2)),
    100 * (diff + Math.hypot(u1 - p1, p2 - l2)),
  ];
  let pValue: number;
  if (test === 'fisher_exact') pValue = fisherExactTwoSided(a.successes, a.n, b.successes, b.n);
  else {
    const pooled = (a.successes + b.successes) / (a.n + b.n);
    pValue = normalTwoSidedP(diff / Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n)));
  }
  const se = 100 * Math.sqrt((p1 * (1 - p1)) / a.n + (p2 * (1 - p2)) / b.n);
  return tested(f, { diff: 100 * diff, se, ci95, pValue });
}

function meanParts(r: MetricResult, role: string): { n: number; mean: number | null; variance: number | null } {
  assertMetric(r, ['mean', 'ces'], role);
  const v = r.details?.variance;
  const variance = typeof v === 'number' ? v : r.se !== null && r.n >= 2 ? r.se ** 2 * r.n : null;
  return { n: r.n, mean: r.value, variance };
}

/**
 * Welch's unequal-variance t test of two means (CES or any mean result; METRICS.md "Intervals and tests"):
 * SE = sqrt(s1^2/n1 + s2^2/n2); df = Welch-Satterthwaite; t = diff / SE; two-sided p from Student's t;
 * ci95 = diff +/- t(0.975, df) * SE. Cannot run with a side of fewer than 2 answers (`too_few_answers`)
 * or zero variance on both sides (`no_variance`). Inputs: mean/ces results or histograms.
 * @returns diff = current - previous in scale units, with df when the test ran.
 * @throws DomainError `validation` for mismatched inputs.
 */
export function compareMeans(current: MetricResult | Histogram, previous: MetricResult | Histogram): ComparisonResult {
  const a = isMetricResult(current) ? current : computeMean(current);
  const b = isMetricResult(previous) ? previous : computeMean(previous);
  const x = meanParts(a, 'current');
  const y = meanParts(b, 'previous');
  const f: Fixed = { definition: `${sameDefinition(a, b)}.diff`, test: 'welch_t', ci95Method: 'welch_t', n1: x.n, n2: y.n };
  if (x.mean === null || y.mean === null) return untested(f, null, 'no_answers');
  const diff = x.mean - y.mean;
  if (x.variance === null || y.variance === null) return untested(f, diff, 'too_few_answers');
  const v1 = x.variance / x.n;
  const v2 = y.variance / y.n;
  if (v1 + v2 === 0) return untested(f, diff, 'no_variance');
  const se = Math.sqrt(v1 + v2);
  const df = (v1 + v2) ** 2 / (v1 ** 2 / (x.n - 1) + v2 ** 2 / (y.n - 1));
  const t = tQuantile975(df);
  return tested(f, { diff, se, ci95: [diff - t * se, diff + t * se], pValue: tTwoSidedP(diff / se, df), df });
}
