/** Trend over periods and the comparison of two periods, segments or locations, for one question. */
import type pg from 'pg';
import type { Principal } from '../../core/access/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { MetricResult } from '../../core/stats/index.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { isPartialPeriod, todayIn } from '../../core/time/orgCalendar.ts';
import type { AnalyticsFilter, SourceContext } from '../../db/queries/analyticsSource.ts';
import { getHistograms } from '../../db/queries/getHistograms.ts';
import { getTrendHistograms, type TrendInterval } from '../../db/queries/getTrendHistograms.ts';
import { invalid } from '../http/errors.ts';
import { locationPath } from './context.ts';
import { changeForQuestion, histogramOf, metricForQuestion } from './metrics.ts';

/**
 * GET /surveys/:id/analytics/trend: one point per period with the metric and its 95% interval (bands).
 * A point is `partial` when its period is not wholly inside the window: cut by `from` or `to`, or
 * still running on the organisation's today (at `now`).
 */
export async function getTrend(pool: pg.Pool, ctx: SourceContext, q: QuestionDef, interval: TrendInterval, now: Date) {
  const { source, rows } = await getTrendHistograms(pool, ctx, q.id!, interval);
  const today = todayIn(ctx.timezone, now);
  const window = { from: ctx.filter.from, to: ctx.filter.to };
  const periods = new Map<string, Array<{ score: number | null; n: number }>>();
  for (const r of rows) periods.set(r.period, [...(periods.get(r.period) ?? []), r]);
  return {
    interval,
    questionId: q.id,
    source,
    points: [...periods].map(([period, h]) => ({ period, partial: isPartialPeriod(period, interval, window, today), result: metricForQuestion(q, histogramOf(h)) })),
  };
}

export interface CompareSides {
  aFrom?: string;
  aTo?: string;
  bFrom?: string;
  bTo?: string;
  aDim?: { key: string; value: string };
  bDim?: { key: string; value: string };
  aLocation?: string;
  bLocation?: string;
}

/** The filter of one side: the common filter with that side's period, dimension or location. */
async function sideFilter(pool: pg.Pool, principal: Principal, base: AnalyticsFilter, from?: string, to?: string, dim?: CompareSides['aDim'], location?: string): Promise<AnalyticsFilter> {
  const f: AnalyticsFilter = { ...base };
  if (from) f.from = from;
  if (to) f.to = to;
  if (dim) f.dim = dim;
  if (location) f.locationPath = await locationPath(pool, principal, location);
  if (f.from && f.to && f.from > f.to) throw invalid('a period starts after it ends');
  return f;
}

/**
 * GET /surveys/:id/analytics/compare: a vs b with the significance test of the metric
 * (compareNps / compareShares / compareMeans); diff = a - b. When a side has too few answers the
 * change has null numbers and a `reason` (the dashboard still shows both sides).
 * @throws validation when the two sides are not told apart
 */
export async function getComparison(pool: pg.Pool, principal: Principal, ctx: SourceContext, q: QuestionDef, s: CompareSides) {
  const sideGiven = (x: 'a' | 'b') => !!(s[`${x}From`] || s[`${x}To`] || s[`${x}Dim`] || s[`${x}Location`]);
  if (!sideGiven('a') || !sideGiven('b')) throw invalid('compare: give two periods (aFrom/aTo, bFrom/bTo), two segments (aDim, bDim) or two locations (aLocation, bLocation)');
  const fa = await sideFilter(pool, principal, ctx.filter, s.aFrom, s.aTo, s.aDim, s.aLocation);
  const fb = await sideFilter(pool, principal, ctx.filter, s.bFrom, s.bTo, s.bDim, s.bLocation);
  const [ha, hb] = await Promise.all([
    getHistograms(pool, { ...ctx, filter: fa }, { questionIds: [q.id!] }),
    getHistograms(pool, { ...ctx, filter: fb }, { questionIds: [q.id!] }),
  ]);
  const a = metricForQuestion(q, histogramOf(ha.rows))!;
  const b = metricForQuestion(q, histogramOf(hb.rows))!;
  return {
    questionId: q.id,
    source: ha.source === 'raw' || hb.source === 'raw' ? 'raw' : 'rollup',
    a,
    b,
    change: changeOf(q, a, b),
  };
}

/** The change a - b: always the full change object, with a `reason` when no test could be significant. */
function changeOf(q: QuestionDef, a: MetricResult, b: MetricResult) {
  return changeForQuestion(q, a, b);
}
