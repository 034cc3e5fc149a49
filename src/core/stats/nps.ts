/** @module Net Promoter Score, nps.v1 (METRICS.md "NPS (nps.v1)"). */
import { DomainError } from '../errors.ts';
import type { ScoreGroup } from '../surveys/types.ts';
import { assertScoresInScale, histogramEntries, type Histogram } from './histogram.ts';
import { buildResult, clamp, emptyResult, Z95, type MetricResult } from './result.ts';

export const NPS_DEFINITION = 'nps.v1';

export interface NpsCounts {
  detractors: number;
  passives: number;
  promoters: number;
}

/** The one definition of the NPS groups (METRICS.md nps.v1): inclusive score ranges on the 0..10 scale. */
export const NPS_GROUP_RANGES: Readonly<Record<ScoreGroup, readonly [min: number, max: number]>> = {
  detractor: [0, 6],
  passive: [7, 8],
  promoter: [9, 10],
};

/** The NPS group of a 0..10 score: 0-6 detractor, 7-8 passive, 9-10 promoter. */
export function npsGroup(score: number): ScoreGroup {
  if (score >= NPS_GROUP_RANGES.promoter[0]) return 'promoter';
  return score >= NPS_GROUP_RANGES.passive[0] ? 'passive' : 'detractor';
}

const COUNT_OF_GROUP = { detractor: 'detractors', passive: 'passives', promoter: 'promoters' } as const;

/**
 * Split a 0..10 histogram into detractors (0-6), passives (7-8) and promoters (9-10) (METRICS.md, NPS).
 * @throws DomainError `validation` when a score is not an integer in 0..10 or a count is invalid.
 */
export function npsCountsFromHistogram(h: Histogram): NpsCounts {
  assertScoresInScale(h, 0, 10, 'NPS');
  const counts: NpsCounts = { detractors: 0, passives: 0, promoters: 0 };
  for (const [score, count] of histogramEntries(h)) counts[COUNT_OF_GROUP[npsGroup(score)]] += count;
  return counts;
}

function assertCount(x: number, name: string): void {
  if (!Number.isFinite(x) || x < 0) throw new DomainError('validation', `${name} must be a non-negative number, got ${x}`);
}

/** Rocks (2016) adjustment: 3 pseudo-answers, 3/4 of them promoters and 3/4 detractors (METRICS.md). */
const ADJUST_N = 3;
const ADJUST_GROUP = 0.75;

/** NPS and its standard error, both in points, of counts adjusted by Rocks' adjusted-Wald method. */
export interface AdjustedNps {
  value: number;
  se: number;
}

/**
 * Adjusted-Wald NPS (Rocks, The American Statistician 2016; METRICS.md "Intervals and tests"):
 * n' = n + 3, p' = (promoters + 3/4) / n', d' = (detractors + 3/4) / n', NPS' = 100 (p' - d'),
 * SE' = 100 sqrt((p' + d' - (p' - d')^2) / n'). SE' > 0 for every n >= 0, so intervals and tests built
 * on it never collapse to zero width. Example: 1 promoter -> NPS' 25, SE' 37.5 (n' 4, p' 7/16, d' 3/16).
 */
export function adjustedNps(c: NpsCounts): AdjustedNps {
  const n = c.detractors + c.passives + c.promoters + ADJUST_N;
  const p = (c.promoters + ADJUST_GROUP) / n;
  const d = (c.detractors + ADJUST_GROUP) / n;
  return { value: 100 * (p - d), se: 100 * Math.sqrt((p + d - (p - d) ** 2) / n) };
}

/**
 * NPS from group counts (METRICS.md, NPS): NPS = %promoters - %detractors in points (-100..100).
 * Per respondent x = +1/0/-1; variance = p + d - (p - d)^2 (shares); SE = 100 * sqrt(variance / n):
 * these classic sample estimates are what published cases check. The 95% interval is the
 * adjusted-Wald one ({@link adjustedNps}): NPS' +/- 1.96 SE', clamped to [-100, 100]; it is centred on
 * the adjusted NPS, so with a handful of answers it may leave out the plain value (1 promoter: NPS 100,
 * interval -48.5..98.5), which is the honest message of one answer. Skipped answers must not be counted.
 * Example: npsFromCounts(1, 2, 3) -> value 33.33, details.variance 5/9, se 30.43, ci95 -26.74..71.19.
 * @param detractors answers 0-6 @param passives answers 7-8 @param promoters answers 9-10
 * @returns MetricResult with details promoters/passives/detractors, pct*, variance, adjustedNps and
 *   adjustedSe; value null when n = 0.
 * @throws DomainError `validation` for negative or non-finite counts.
 */
export function npsFromCounts(detractors: number, passives: number, promoters: number): MetricResult {
  assertCount(detractors, 'detractors');
  assertCount(passives, 'passives');
  assertCount(promoters, 'promoters');
  const n = detractors + passives + promoters;
  const counts = { promoters, passives, detractors };
  if (n === 0) {
    return emptyResult('nps', NPS_DEFINITION, 'adjusted_wald', {
      ...counts, pctPromoters: null, pctPassives: null, pctDetractors: null, variance: null,
    });
  }
  const p = promoters / n;
  const d = detractors / n;
  const value = 100 * (p - d);
  const variance = Math.max(0, p + d - (p - d) ** 2);
  const se = 100 * Math.sqrt(variance / n);
  const adj = adjustedNps(counts);
  return buildResult({
    metric: 'nps',
    definition: NPS_DEFINITION,
    value,
    n,
    se,
    ci95: [clamp(adj.value - Z95 * adj.se, -100, 100), clamp(adj.value + Z95 * adj.se, -100, 100)],
    ci95Method: 'adjusted_wald',
    details: {
      ...counts,
      pctPromoters: 100 * p,
      pctPassives: (100 * passives) / n,
      pctDetractors: 100 * d,
      variance,
      adjustedNps: adj.value,
      adjustedSe: adj.se,
    },
  });
}

/**
 * NPS of a 0..10 score histogram (METRICS.md, NPS); see {@link npsFromCounts} for the formulas.
 * @throws DomainError `validation` when a score is not an integer in 0..10.
 */
export function computeNps(h: Histogram): MetricResult {
  const c = npsCountsFromHistogram(h);
  return npsFromCounts(c.detractors, c.passives, c.promoters);
}
