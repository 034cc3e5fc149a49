/**
 * @module The rating trend of reviews (docs/reviews.md "Rating trend"; definition review_rating.v1):
 * per series (a source or a location) and calendar month, the mean rating on the 5-star scale (every
 * rating mapped linearly from 1..its scale onto 1..5, toFiveStars), its count, and a 95% Student t
 * interval for the mean (METRICS.md "Intervals and tests": means get t intervals, clipped to the scale).
 */
import { meanVarianceFromHistogram } from '../stats/mean.ts';
import type { Histogram } from '../stats/histogram.ts';
import { tQuantile975 } from '../stats/distributions.ts';
import { buildResult, clamp, emptyResult, type MetricResult } from '../stats/result.ts';
import { addMonths, isPartialPeriod, monthStart, type CalendarDay } from '../time/orgCalendar.ts';
import { toFiveStars, type RatingScale } from './rating.ts';

export const REVIEW_RATING_DEFINITION = 'review_rating.v1';
/** The scale every trend value is on. */
export const FIVE_STAR_SCALE = { min: 1, max: 5 } as const;

/**
 * Mean of ratings already on the 5-star scale (value -> count), with a t interval clipped to 1..5.
 * n = 1: the value without an interval; n = 0: no value.
 */
export function reviewRatingResult(h: Histogram): MetricResult {
  const { n, mean, variance } = meanVarianceFromHistogram(h);
  const details = { scale: FIVE_STAR_SCALE.max };
  if (n === 0 || mean === null) return emptyResult('mean', REVIEW_RATING_DEFINITION, 't', details);
  if (variance === null) return buildResult({ metric: 'mean', definition: REVIEW_RATING_DEFINITION, value: mean, n, se: null, ci95: null, ci95Method: 't', details });
  const se = Math.sqrt(variance / n);
  const half = tQuantile975(n - 1) * se;
  return buildResult({
    metric: 'mean',
    definition: REVIEW_RATING_DEFINITION,
    value: mean,
    n,
    se,
    ci95: [clamp(mean - half, FIVE_STAR_SCALE.min, FIVE_STAR_SCALE.max), clamp(mean + half, FIVE_STAR_SCALE.min, FIVE_STAR_SCALE.max)],
    ci95Method: 't',
    details: { ...details, sd: Math.sqrt(variance), df: n - 1 },
  });
}

/** How many reviews of one series and month gave one rating on one scale (the query's rows). */
export interface RatingCount {
  key: string;
  /** First day of the month, YYYY-MM-01 (organisation's calendar). */
  month: CalendarDay;
  rating: number;
  scale: RatingScale;
  n: number;
}

export interface TrendPoint {
  month: CalendarDay;
  /** The month is not wholly inside the window, or has not ended yet. */
  partial: boolean;
  result: MetricResult;
}

export interface TrendSeries {
  key: string;
  /** The whole window. */
  overall: MetricResult;
  points: TrendPoint[];
}

function addTo(h: Record<number, number>, c: RatingCount) {
  const v = toFiveStars(c.rating, c.scale);
  h[v] = (h[v] ?? 0) + c.n;
}

/**
 * Monthly series from rating counts: every month from the first to the last month with a rating (of
 * any series, within the window), months without ratings as empty results; series by count, largest
 * first (then by key).
 */
export function ratingTrend(counts: readonly RatingCount[], window: { from?: CalendarDay; to?: CalendarDay }, today: CalendarDay): TrendSeries[] {
  if (counts.length === 0) return [];
  const months = counts.map((c) => monthStart(c.month)).sort();
  const allMonths: CalendarDay[] = [];
  for (let m = months[0]; m <= months[months.length - 1]; m = addMonths(m, 1)) allMonths.push(m);

  const byKey = new Map<string, { all: Record<number, number>; months: Map<CalendarDay, Record<number, number>> }>();
  for (const c of counts) {
    let s = byKey.get(c.key);
    if (!s) byKey.set(c.key, (s = { all: {}, months: new Map() }));
    const month = monthStart(c.month);
    let h = s.months.get(month);
    if (!h) s.months.set(month, (h = {}));
    addTo(h, c);
    addTo(s.all, c);
  }
  const series = [...byKey].map(([key, s]): TrendSeries => ({
    key,
    overall: reviewRatingResult(s.all),
    points: allMonths.map((month) => ({ month, partial: isPartialPeriod(month, 'month', window, today), result: reviewRatingResult(s.months.get(month) ?? {}) })),
  }));
  return series.sort((a, b) => b.overall.n - a.overall.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
