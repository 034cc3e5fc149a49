/**
 * From histograms to MetricResults, per question: the metric comes from questions.metric and the
 * scale (METRICS.md). SQL returns histograms; everything numeric happens in src/core/stats.
 */
import type { QuestionDef, SurveyDef } from '../../core/surveys/types.ts';
import {
  compareMeans,
  compareNps,
  compareShares,
  computeCes,
  computeCsat,
  computeMean,
  computeNps,
  type ComparisonResult,
  type Histogram,
  type MetricResult,
} from '../../core/stats/index.ts';

/** Questions whose answers are scores (and so have rollups). */
export function isScored(q: QuestionDef): boolean {
  return q.type === 'nps' || q.type === 'rating';
}

/** Sums rows of (score, n) into a histogram. */
export function histogramOf(rows: Iterable<{ score: number | null; n: number }>): Histogram {
  const h: Record<number, number> = {};
  for (const r of rows) if (r.score !== null && r.n > 0) h[r.score] = (h[r.score] ?? 0) + r.n;
  return h;
}

function scaleOf(q: QuestionDef): { min: number; max: number } {
  if (q.type === 'nps') return { min: 0, max: 10 };
  return { min: q.scale?.min ?? 1, max: q.scale?.max ?? 5 };
}

/**
 * The question's metric over a histogram: nps.v1 for NPS questions, csat.v1 with the stored box,
 * ces.v1 with the stored direction and agree box, otherwise the mean with a t-interval clipped to the
 * scale. null for unscored questions.
 */
export function metricForQuestion(q: QuestionDef, h: Histogram): MetricResult | null {
  if (!isScored(q)) return null;
  if (q.type === 'nps' || q.metric === 'nps') return computeNps(h);
  const { min, max } = scaleOf(q);
  if (q.metric === 'csat') return computeCsat(h, { min, max, box: q.boxMin });
  if (q.metric === 'ces') {
    const direction = q.direction ?? 'higher_is_easier';
    // The box is the lowest "agree" score; the legacy lower_is_easier scale has none.
    return computeCes(h, { min, max, direction, box: direction === 'higher_is_easier' ? q.boxMin : undefined });
  }
  return computeMean(h, { min, max });
}

/**
 * The change a - b with the test that fits the metric (METRICS.md "Intervals and tests"): compareNps,
 * compareShares (CSAT) or compareMeans (CES, ratings). Always the full change object: when a side has
 * too few answers the test says so in `reason` instead of throwing.
 */
export function changeForQuestion(q: QuestionDef, a: MetricResult, b: MetricResult): ComparisonResult {
  if (q.type === 'nps' || q.metric === 'nps') return compareNps(a, b);
  if (q.metric === 'csat') return compareShares(a, b);
  return compareMeans(a, b);
}

/** Every scale value with its count (zeros included), so distribution charts have fixed bars. */
export function distributionOf(q: QuestionDef, h: Histogram): Array<{ score: number; n: number }> {
  if (!isScored(q)) return [];
  const { min, max } = scaleOf(q);
  const out: Array<{ score: number; n: number }> = [];
  for (let s = min; s <= max; s++) out.push({ score: s, n: h[s] ?? 0 });
  return out;
}

/** The question a survey is judged by: its NPS question, else CSAT, else CES, else the first rating. */
export function mainQuestion(survey: SurveyDef): QuestionDef | null {
  const active = survey.questions.filter((q) => q.id && isScored(q));
  return (
    active.find((q) => q.type === 'nps' || q.metric === 'nps') ??
    active.find((q) => q.metric === 'csat') ??
    active.find((q) => q.metric === 'ces') ??
    active[0] ??
    null
  );
}

/** A scored question of the survey by id, or null. */
export function scoredQuestion(survey: SurveyDef, id: string | undefined): QuestionDef | null {
  if (!id) return mainQuestion(survey);
  return survey.questions.find((q) => q.id === id && isScored(q)) ?? null;
}

/** NPS score group of a 0..10 score. */
export function npsGroup(score: number | null): 'detractor' | 'passive' | 'promoter' | null {
  if (score === null) return null;
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
