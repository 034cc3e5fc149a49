/**
 * @module The rules of the audit results (docs/audits.md "Results") over sums read in SQL: pooled scores
 * (scoring.ts pooledScore), fail and autofail rates, the change against the previous period, the "what fails
 * most often" order, CSAT pooled over several questions, and the correlation across locations between each
 * standard's score and the customers' NPS / CSAT (observational). Pure; no I/O.
 */
import { percentScore } from './scoring.ts';
import { correlationTest, type CorrelationResult } from '../stats/correlation.ts';
import { computeShare } from '../stats/share.ts';
import { CSAT_DEFINITION } from '../stats/csat.ts';
import { buildResult, type MetricResult } from '../stats/result.ts';

/** Share in percent (0..100) of `part` in `whole`; null when whole is 0. */
export function ratePercent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** The change current - previous in points; null when either side has no value. */
export function changeOf(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/** A pooled figure as answered: score (percent) with its sums. */
export function pooled<R extends { earned: number; possible: number }>(row: R): R & { score: number | null } {
  return { ...row, score: percentScore(row.earned, row.possible) };
}

export interface ItemFailure {
  applicable: number;
  failed: number;
  earned: number;
  possible: number;
  key: string;
}

/**
 * "What fails most often": items by fail rate (failed / applicable) descending, then more failures first,
 * then the lower pooled score, then by key. Returns new objects with `failRate` and `score`.
 */
export function worstItems<T extends ItemFailure>(items: readonly T[]): (T & { failRate: number | null; score: number | null })[] {
  const rated = items.map((i) => ({ ...i, failRate: ratePercent(i.failed, i.applicable), score: percentScore(i.earned, i.possible) }));
  return rated.sort((a, b) =>
    (b.failRate ?? -1) - (a.failRate ?? -1)
    || b.failed - a.failed
    || (a.score ?? 101) - (b.score ?? 101)
    || a.key.localeCompare(b.key));
}

/**
 * CSAT (csat.v1) over several questions (several surveys, each with its own scale and box): the satisfied
 * answers of each question's own csat.v1 result summed over the summed answers, a Wilson interval on the
 * pooled share (METRICS.md "CSAT"). One question: its result as it is.
 */
export function pooledCsat(results: readonly MetricResult[]): MetricResult {
  const given = results.filter((r) => r.n > 0);
  if (given.length === 1) return given[0];
  const satisfied = given.reduce((s, r) => s + Number(r.details?.satisfied ?? 0), 0);
  const n = given.reduce((s, r) => s + r.n, 0);
  const share = computeShare(satisfied, n);
  return buildResult({ metric: 'csat', definition: CSAT_DEFINITION, value: share.value, n, se: share.se, ci95: share.ci95, ci95Method: 'wilson', details: { satisfied, questions: given.length } });
}

export interface LocationLink {
  /** The location's score per standard (pooled, percent), by standard key. */
  standards: Readonly<Record<string, number | null>>;
  nps: number | null;
  csat: number | null;
}

export interface StandardCorrelation {
  standard: string;
  nps: CorrelationResult;
  csat: CorrelationResult;
}

/**
 * Per standard, Pearson r across locations between the standard's score and the location's NPS, and CSAT
 * (each with its n of locations having both values; below 5 locations: no r, reason "too_few").
 * Observational: correlation, not cause.
 */
export function standardCorrelations(standards: readonly string[], locations: readonly LocationLink[]): StandardCorrelation[] {
  return standards.map((standard) => ({
    standard,
    nps: correlationTest(locations.map((l) => ({ x: l.standards[standard] ?? null, y: l.nps }))),
    csat: correlationTest(locations.map((l) => ({ x: l.standards[standard] ?? null, y: l.csat }))),
  }));
}
