/**
 * From histograms to MetricResults, per question: the metric comes from questions.metric and the
 * scale (METRICS.md). SQL returns histograms; everything numeric happens in src/core/stats.
 */
import { scoreRange } from '../surveys/logic.ts';
import type { QuestionDef, SurveyDef } from '../surveys/types.ts';
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
} from '../stats/index.ts';

/** Questions whose answers are scores (and so have rollups). */
export function isScored(q: { type: string }): boolean {
  return q.type === 'nps' || q.type === 'rating';
}

/** Rating and NPS questions in survey order, as the dashboard's tiles show them: an archived one only while the period holds answers to it. */
export function ratedQuestions<Q extends { type: string; archived: boolean; result: { n: number } | null }>(questions: readonly Q[]): Q[] {
  return questions.filter((q) => isScored(q) && !(q.archived && !q.result?.n));
}

/** Questions measured by nps.v1: NPS questions (also one whose metric is 'none') and any question feeding the nps metric. */
export function isNpsQuestion(q: { type: string; metric: string }): boolean {
  return q.type === 'nps' || q.metric === 'nps';
}

/** Sums rows of (score, n) into a histogram. */
export function histogramOf(rows: Iterable<{ score: number | null; n: number }>): Histogram {
  const h: Record<number, number> = {};
  for (const r of rows) if (r.score !== null && r.n > 0) h[r.score] = (h[r.score] ?? 0) + r.n;
  return h;
}

/**
 * The question's metric over a histogram: nps.v1 for NPS questions, csat.v1 with the stored box,
 * ces.v1 with the stored direction and agree box, otherwise the mean with a t-interval clipped to the
 * scale. null for unscored questions.
 */
export function metricForQuestion(q: QuestionDef, h: Histogram): MetricResult | null {
  if (!isScored(q)) return null;
  if (isNpsQuestion(q)) return computeNps(h);
  const { min, max } = scoreRange(q)!; // scored, so it has a range
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
  if (isNpsQuestion(q)) return compareNps(a, b);
  if (q.metric === 'csat') return compareShares(a, b);
  return compareMeans(a, b);
}

/** Every scale value with its count (zeros included), so distribution charts have fixed bars. */
export function distributionOf(q: QuestionDef, h: Histogram): Array<{ score: number; n: number }> {
  if (!isScored(q)) return [];
  const { min, max } = scoreRange(q)!; // scored, so it has a range
  const out: Array<{ score: number; n: number }> = [];
  for (let s = min; s <= max; s++) out.push({ score: s, n: h[s] ?? 0 });
  return out;
}

/**
 * The question a survey is judged by (comments, and trend, breakdown and drivers when none is named),
 * among `questions` in survey order: the first NPS question, else CSAT, else CES, else the first
 * scored one. Generic, so the dashboard picks the same one from its summary.
 */
export function mainQuestion<Q extends { type: string; metric: string }>(questions: readonly Q[]): Q | null {
  const scored = questions.filter(isScored);
  return scored.find(isNpsQuestion) ?? scored.find((q) => q.metric === 'csat') ?? scored.find((q) => q.metric === 'ces') ?? scored[0] ?? null;
}

/** A scored question of the survey by id, or (without an id) its main question; null when there is none. */
export function scoredQuestion(survey: Pick<SurveyDef, 'questions'>, id: string | undefined): QuestionDef | null {
  const saved = survey.questions.filter((q) => q.id);
  if (!id) return mainQuestion(saved);
  return saved.find((q) => q.id === id && isScored(q)) ?? null;
}
