/**
 * @module Case metrics of the closed loop (docs/closed-loop.md "Case metrics"): time to first action and to
 * resolve (median and p90), SLA attainment and recovery rate (shares with their Wilson interval, METRICS.md
 * "Intervals and tests"), and the Pareto of root causes. Pure: the SQL (src/db/cases/caseMetrics.ts) counts
 * and takes percentiles; the rules and the shares are here.
 *
 * Recovery (`case_recovery.v1`) is written here until the case-operations work (src/core/closedLoop/recovery.ts)
 * lands; the two must say the same thing (the lead reconciles them).
 */
import { npsGroup } from '../stats/nps.ts';
import { computeShare } from '../stats/share.ts';
import type { MetricResult } from '../stats/result.ts';
import { percentileCont, roundSeconds } from '../support/kpis.ts';

export const CASE_SLA_DEFINITION = 'case_sla.v1';
export const CASE_RECOVERY_DEFINITION = 'case_recovery.v1';

/** Median and 90th percentile of durations in seconds (PostgreSQL percentile_cont, linear interpolation). */
export interface DurationStats {
  n: number;
  median_s: number | null;
  p90_s: number | null;
}

/** The median and p90 of `seconds` (negative durations, a clock skew, are dropped). */
export function durationStats(seconds: readonly number[]): DurationStats {
  const xs = seconds.filter((s) => Number.isFinite(s) && s >= 0);
  const r = (v: number | null) => (v === null ? null : roundSeconds(v));
  return { n: xs.length, median_s: r(percentileCont(xs, 0.5)), p90_s: r(percentileCont(xs, 0.9)) };
}

/** Whether a resolved case met its SLA: resolved at or before its due time. null: it had no due time (not judged). */
export function metSla(c: { resolvedAt: Date; dueAt: Date | null }): boolean | null {
  if (!c.dueAt) return null;
  return c.resolvedAt.getTime() <= c.dueAt.getTime();
}

/**
 * SLA attainment (case_sla.v1): of the cases resolved in the period that had a due time, the share resolved
 * by it, in percent with its Wilson interval.
 */
export function slaAttainment(met: number, judged: number): MetricResult {
  return { ...computeShare(met, judged), definition: CASE_SLA_DEFINITION };
}

/**
 * A case opened by a low score: an NPS detractor (0-6), or a CSAT / CES / rating answer (any score that
 * opened a case: the alert rule decided it was low). Cases opened otherwise (a review, a letter, by hand)
 * have no score to recover from.
 */
export function isLowScoreCase(triggerMetric: string | null, triggerScore: number | null): boolean {
  if (triggerScore === null) return false;
  if (triggerMetric === 'nps') return npsGroup(triggerScore) === 'detractor';
  return true;
}

/**
 * Whether the customer's answer after the case shows recovery (case_recovery.v1): for NPS, the detractor is
 * no longer one (7 or more); for other metrics, the answer is better than the one that opened the case.
 */
export function isRecovered(triggerMetric: string | null, triggerScore: number, recoveryScore: number): boolean {
  if (triggerMetric === 'nps') return npsGroup(recoveryScore) !== 'detractor';
  return recoveryScore > triggerScore;
}

/** Counts of low-score cases resolved in the period, by their scores (the SQL groups them). */
export interface RecoveryCount {
  triggerMetric: string | null;
  triggerScore: number | null;
  recoveryScore: number | null;
  n: number;
}

/**
 * Recovery rate (case_recovery.v1): of the low-score cases whose customer answered the recovery question,
 * the share recovered, in percent with its Wilson interval; `details.asked`: low-score cases in all.
 */
export function recoveryRate(counts: readonly RecoveryCount[]): MetricResult {
  let answered = 0;
  let recovered = 0;
  let lowScore = 0;
  for (const c of counts) {
    if (!isLowScoreCase(c.triggerMetric, c.triggerScore)) continue;
    lowScore += c.n;
    if (c.recoveryScore === null) continue;
    answered += c.n;
    if (isRecovered(c.triggerMetric, c.triggerScore!, c.recoveryScore)) recovered += c.n;
  }
  const share = computeShare(recovered, answered);
  return { ...share, definition: CASE_RECOVERY_DEFINITION, details: { ...share.details, recovered, low_score_cases: lowScore } };
}

/** One root cause's cases in the period (from SQL), in the taxonomy's order (`position`). */
export interface CauseCount {
  id: string;
  position: number;
  count: number;
}

/** A Pareto row: the cause with its share of all the period's cases with a root cause, and the running total. */
export type ParetoRow<T extends CauseCount> = T & { share: number; cumulative_share: number };

/**
 * The Pareto order of causes: most cases first; ties keep the taxonomy's order (position, then id), so the
 * chart does not reorder between loads. share = count / total; cumulative_share sums the shares so far (the
 * last row is exactly 1). Causes with no cases are left out.
 */
export function paretoOf<T extends CauseCount>(causes: readonly T[]): ParetoRow<T>[] {
  const rows = causes.filter((c) => c.count > 0).sort((a, b) => b.count - a.count || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = rows.reduce((s, c) => s + c.count, 0);
  let running = 0;
  return rows.map((c, i) => {
    running += c.count;
    return { ...c, share: c.count / total, cumulative_share: i === rows.length - 1 ? 1 : running / total };
  });
}

/**
 * The "vital few": the causes up to and including the first whose cumulative share reaches `cut` (80%),
 * the ones to act on first.
 */
export function vitalFew<T extends { cumulative_share: number }>(rows: readonly T[], cut = 0.8): T[] {
  const i = rows.findIndex((r) => r.cumulative_share >= cut - 1e-12);
  return rows.slice(0, i === -1 ? rows.length : i + 1);
}
