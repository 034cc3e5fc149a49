/** @module Net Promoter Score, nps.v1 (METRICS.md "NPS (nps.v1)"). */
import { DomainError } from '../errors.ts';
import { assertScoresInScale, histogramEntries, type Histogram } from './histogram.ts';
import { buildResult, clamp, emptyResult, Z95, type MetricResult } from './result.ts';

export const NPS_DEFINITION = 'nps.v1';

export interface NpsCounts {
  detractors: number;
  passives: number;
  promoters: number;
}

/**
 * Split a 0..10 histogram into detractors (0-6), passives (7-8) and promoters (9-10) (METRICS.md, NPS).
 * @throws DomainError `validation` when a score is not an integer in 0..10 or a count is invalid.
 */
export function npsCountsFromHistogram(h: Histogram): NpsCounts {
  assertScoresInScale(h, 0, 10, 'NPS');
  const counts: NpsCounts = { detractors: 0, passives: 0, promoters: 0 };
  for (const [score, count] of histogramEntries(h)) {
    if (score >= 9) counts.promoters += count;
    else if (score >= 7) counts.passives += count;
    else counts.detractors += count;
  }
  return counts;
}

function assertCount(x: number, name: string): void {
  if (!Number.isFinite(x) || x < 0) throw new DomainError('validation', `${name} must be a non-negative number, got ${x}`);
}

/**
 * NPS from group counts (METRICS.md, NPS): NPS = %promoters - %detractors in points (-100..100).
 * Per respondent x = +1/0/-1; variance = p + d - (p - d)^2 (shares); SE = 100 * sqrt(variance / n);
 * ci95 = NPS +/- 1.96 * SE, clamped to [-100, 100]. Skipped answers must not be counted.
 * Example: npsFromCounts(1, 2, 3) -> value 33.33, details.variance 5/9, se 30.43.
 * @param detractors answers 0-6 @param passives answers 7-8 @param promoters answers 9-10
 * @returns MetricResult with details promoters/passives/detractors, pct* and variance; value null when n = 0.
 * @throws DomainError `validation` for negative or non-finite counts.
 */
export function npsFromCounts(detractors: number, passives: number, promoters: number): MetricResult {
  assertCount(detractors, 'detractors');
  assertCount(passives, 'passives');
  assertCount(promoters, 'promoters');
  const n = detractors + passives + promoters;
  const counts = { promoters, passives, detractors };
  if (n === 0) {
    return emptyResult('nps', NPS_DEFINITION, {
      ...counts, pctPromoters: null, pctPassives: null, pctDetractors: null, variance: null,
    });
  }
  const p = promoters / n;
  const d = detractors / n;
  const value = 100 * (p - d);
  const variance = Math.max(0, p + d - (p - d) ** 2);
  const se = 100 * Math.sqrt(variance / n);
  return buildResult({
    metric: 'nps',
    definition: NPS_DEFINITION,
    value,
    n,
    se,
    ci95: [clamp(value - Z95 * se, -100, 100), clamp(value + Z95 * se, -100, 100)],
    details: {
      ...counts,
      pctPromoters: 100 * p,
      pctPassives: (100 * passives) / n,
      pctDetractors: 100 * d,
      variance,
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
