/** Trend over periods and the comparison of two periods, segments or locations, for one question. */
import type pg from 'pg';
import { benchmarkScope, scopeOf, type Principal } from '../../core/access/index.ts';
import { checkSideLocation, MIN_BENCHMARK_LOCATIONS, resolveOverlap, sideSegments, subtractHistogram, type Segment, type SideSelection } from '../../core/compare/sides.ts';
import type { CompareAnswer, CompareSide, TrendAnswer } from '../../core/api/analytics.ts';
import { DomainError } from '../../core/errors.ts';
import type { MetricResult } from '../../core/stats/index.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { isPartialPeriod, orgToday } from '../../core/time/orgCalendar.ts';
import type { AnalyticsFilter, SourceContext } from '../../db/queries/analyticsSource.ts';
import { getHistograms } from '../../db/queries/getHistograms.ts';
import { getTrendHistograms, type TrendInterval } from '../../db/queries/getTrendHistograms.ts';
import { listLocationNodes, type LocationNode } from '../../db/queries/listLocationNodes.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { locationInScope } from './context.ts';
import { changeForQuestion, histogramOf, metricForQuestion } from '../../core/analytics/metrics.ts';

/**
 * GET /surveys/:id/analytics/trend: one point per period with the metric and its 95% interval (bands).
 * A point is `partial` when its period is not wholly inside the window: cut by `from` or `to`, or
 * still running on the organisation's today (at `now`).
 */
export async function getTrend(pool: pg.Pool, ctx: SourceContext, q: QuestionDef, interval: TrendInterval, now: Date): Promise<TrendAnswer> {
  const { source, rows } = await getTrendHistograms(pool, ctx, q.id!, interval);
  const today = orgToday(ctx.timezone, now);
  const window = { from: ctx.filter.from, to: ctx.filter.to };
  const periods = new Map<string, Array<{ score: number | null; n: number }>>();
  for (const r of rows) periods.set(r.period, [...(periods.get(r.period) ?? []), r]);
  return {
    interval,
    questionId: q.id!,
    source,
    points: [...periods].map(([period, h]) => ({ period, partial: isPartialPeriod(period, interval, window, today), result: metricForQuestion(q, histogramOf(h)) })),
  };
}

export interface CompareSides {
  /** The shared `location` filter's id (its path is in the context's filter). */
  location?: string;
  aFrom?: string;
  aTo?: string;
  bFrom?: string;
  bTo?: string;
  aDim?: Segment;
  bDim?: Segment;
  aLocation?: string;
  bLocation?: string;
  /** `company`: B is the rest of the organisation, as one benchmark figure. */
  b?: 'company';
}

type NamedLocation = { id: string; name: string };

const named = (l: LocationNode | undefined): NamedLocation | null => (l ? { id: l.id, name: l.name } : null);

/** A side's period: its own bounds where given, the shared ones otherwise. @throws validation */
function sidePeriod(shared: AnalyticsFilter, from: string | undefined, to: string | undefined, side: 'a' | 'b') {
  const p = { from: from ?? shared.from, to: to ?? shared.to };
  if (p.from && p.to && p.from > p.to) throw invalid(`${side}From: the period of ${side.toUpperCase()} starts after it ends (${p.from} > ${p.to})`, { field: `${side}From` });
  return p;
}

/** The filter of one side: the shared filter narrowed by the side's selection. */
function sideFilter(shared: AnalyticsFilter, sel: SideSelection): AnalyticsFilter {
  const [dim, ...extraDims] = sel.segments;
  return { ...shared, from: sel.from, to: sel.to, locationPath: sel.locationPath, dim, extraDims: extraDims.length ? extraDims : undefined };
}

/**
 * GET /surveys/:id/analytics/compare: a vs b with the significance test of the metric
 * (compareNps / compareShares / compareMeans); diff = a - b. Shared filters apply to both sides and a
 * side's own parameters narrow it; overlapping sides are made independent or refused
 * (core/compare/sides.ts). When a side has too few answers the change has null numbers and a
 * `reason` (the dashboard still shows both sides).
 * @throws validation when the two sides are not told apart, overlap, or leave the shared filters
 */
export async function getComparison(pool: pg.Pool, principal: Principal, ctx: SourceContext, q: QuestionDef, s: CompareSides): Promise<CompareAnswer> {
  if (s.b === 'company') return getCompanyComparison(pool, principal, ctx, q, s);
  const sideGiven = (x: 'a' | 'b') => !!(s[`${x}From`] || s[`${x}To`] || s[`${x}Dim`] || s[`${x}Location`]);
  if (!sideGiven('a') || !sideGiven('b')) throw invalid('compare: give two periods (aFrom/aTo, bFrom/bTo), two segments (aDim, bDim), two locations (aLocation, bLocation) or b=company');
  const shared = s.location ? await locationInScope(pool, principal, s.location) : undefined;
  const la = s.aLocation ? await locationInScope(pool, principal, s.aLocation) : undefined;
  const lb = s.bLocation ? await locationInScope(pool, principal, s.bLocation) : undefined;
  checkSideLocation(shared?.path, la, 'aLocation', shared?.name);
  checkSideLocation(shared?.path, lb, 'bLocation', shared?.name);
  const selection = (x: 'a' | 'b', loc: LocationNode | undefined): SideSelection => ({
    ...sidePeriod(ctx.filter, s[`${x}From`], s[`${x}To`], x),
    locationPath: loc?.path ?? ctx.filter.locationPath,
    segments: sideSegments(ctx.filter.dim, s[`${x}Dim`], `${x}Dim`),
  });
  const sa = selection('a', la);
  const sb = selection('b', lb);
  const { restOf } = resolveOverlap(sa, sb);
  const histogram = async (sel: SideSelection) => getHistograms(pool, { ...ctx, filter: sideFilter(ctx.filter, sel) }, { questionIds: [q.id!] });
  /** A side's answers; the outer side of a nested pair loses the inner side's location. */
  const sideHistogram = async (sel: SideSelection, other: SideSelection, rest: boolean) => {
    const whole = await histogram(sel);
    if (!rest) return { source: whole.source, h: histogramOf(whole.rows) };
    const inner = await histogram({ ...sel, locationPath: other.locationPath });
    return { source: whole.source === 'raw' || inner.source === 'raw' ? 'raw' : whole.source, h: subtractHistogram(histogramOf(whole.rows), histogramOf(inner.rows)) };
  };
  const [ha, hb] = await Promise.all([sideHistogram(sa, sb, restOf === 'a'), sideHistogram(sb, sa, restOf === 'b')]);
  const restricted = principal.locationPaths !== null;
  const single = restricted && !(la ?? lb ?? shared) ? await singleGrantedLocation(pool, principal) : null;
  const info = (sel: SideSelection, loc: LocationNode | undefined, rest: boolean, inner: LocationNode | undefined): CompareSide => {
    const base = loc ? 'location' : restricted ? 'scope' : 'all';
    return {
      kind: rest ? (`rest_of_${base}` as CompareSide['kind']) : base,
      location: named(loc) ?? (base === 'scope' ? single : null),
      without: rest ? named(inner) : null,
      from: sel.from ?? null,
      to: sel.to ?? null,
      segments: sel.segments,
    };
  };
  const locA = la ?? shared;
  const locB = lb ?? shared;
  const a = metricForQuestion(q, ha.h)!;
  const b = metricForQuestion(q, hb.h)!;
  return {
    questionId: q.id!,
    source: ha.source === 'raw' || hb.source === 'raw' ? 'raw' : 'rollup',
    a,
    b,
    sides: { a: info(sa, locA, restOf === 'a', locB), b: info(sb, locB, restOf === 'b', locA) },
    change: changeOf(q, a, b),
  };
}

/** The caller's one granted location when they have exactly one (to name "your location"). */
async function singleGrantedLocation(pool: pg.Pool, principal: Principal): Promise<NamedLocation | null> {
  const tops = await listLocationNodes(pool, scopeOf(principal), {});
  return tops.length === 1 ? named(tops[0]) : null;
}

/**
 * `b=company`: A (the shared filters, or `aLocation`, within the caller's scope) against the rest of
 * the organisation under the same filters. The rest is read over the whole organisation
 * (benchmarkScope) by location, A's locations are taken out, and only the summed figure is answered;
 * it must pool at least MIN_BENCHMARK_LOCATIONS locations.
 * @throws validation (other b* or a period/segment of A; A is the whole company), insufficient_data
 */
async function getCompanyComparison(pool: pg.Pool, principal: Principal, ctx: SourceContext, q: QuestionDef, s: CompareSides): Promise<CompareAnswer> {
  for (const field of ['bFrom', 'bTo', 'bDim', 'bLocation', 'aFrom', 'aTo', 'aDim'] as const) {
    if (s[field]) throw invalid(`${field}: b=company compares A with the rest of the company under the same filters; leave out ${field}`, { field });
  }
  const company = benchmarkScope(principal);
  if (!company) throw forbidden();
  const shared = s.location ? await locationInScope(pool, principal, s.location) : undefined;
  const la = s.aLocation ? await locationInScope(pool, principal, s.aLocation) : undefined;
  checkSideLocation(shared?.path, la, 'aLocation', shared?.name);
  const loc = la ?? shared;
  const restricted = principal.locationPaths !== null;
  if (!loc && !restricted) throw invalid('aLocation: b=company compares a location with the rest of the company; choose a location (location or aLocation)', { field: 'aLocation' });
  const filter: AnalyticsFilter = { ...ctx.filter, locationPath: loc?.path ?? ctx.filter.locationPath };
  const [own, all] = await Promise.all([
    getHistograms(pool, { ...ctx, filter }, { questionIds: [q.id!], groupBy: 'location' }),
    getHistograms(pool, { ...ctx, scope: company, filter: { ...filter, locationPath: undefined } }, { questionIds: [q.id!], groupBy: 'location' }),
  ]);
  const ownLocations = new Set(own.rows.map((r) => r.key));
  const restRows = all.rows.filter((r) => !ownLocations.has(r.key));
  const pooled = new Set(restRows.map((r) => r.key)).size;
  if (pooled > 0 && pooled < MIN_BENCHMARK_LOCATIONS) {
    throw new DomainError('insufficient_data', `the rest of the company has answers from only ${pooled} location under these filters; a benchmark needs at least ${MIN_BENCHMARK_LOCATIONS} so it never shows one location's figure`);
  }
  const a = metricForQuestion(q, histogramOf(own.rows))!;
  const b = metricForQuestion(q, histogramOf(restRows))!;
  const period = { from: ctx.filter.from ?? null, to: ctx.filter.to ?? null };
  const segments = ctx.filter.dim ? [ctx.filter.dim] : [];
  const single = !loc && restricted ? await singleGrantedLocation(pool, principal) : null;
  return {
    questionId: q.id!,
    source: own.source === 'raw' || all.source === 'raw' ? 'raw' : 'rollup',
    a,
    b,
    sides: {
      a: { kind: loc ? 'location' : 'scope', location: named(loc) ?? single, without: null, ...period, segments } satisfies CompareSide,
      b: { kind: 'rest_of_company', location: null, without: null, ...period, segments } satisfies CompareSide,
    },
    change: changeOf(q, a, b),
  };
}

/** The change a - b: always the full change object, with a `reason` when no test could be significant. */
function changeOf(q: QuestionDef, a: MetricResult, b: MetricResult) {
  return changeForQuestion(q, a, b);
}
