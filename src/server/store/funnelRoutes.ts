/**
 * The store funnel, beside satisfaction and audits, and conversion by hour against staff on shift
 * (docs/store-economics.md "The funnel"). Every read needs `metrics.read` and sees the caller's locations only;
 * days and hours are the organisation's (orgs.timezone).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import type { LocalizedText } from '../../core/audits/checklist.ts';
import { pooledScore } from '../../core/audits/scoring.ts';
import { FunnelFilterSchema, FunnelQuery, type FunnelAnswer, type FunnelFilterQuery, type FunnelHoursAnswer, type FunnelStoresAnswer } from '../../core/api/funnel.ts';
import {
  addSums, EMPTY_SUMS, funnelFigures, HOURLY_MAX_DAYS, funnelTrend, hoursOfDay, hoursOfDayWindow, isCheckoutSection, median, ratio, readFunnel, WAIT_THEME_IDS, type FunnelSums,
} from '../../core/economics/funnel.ts';
import { histogramOf } from '../../core/analytics/metrics.ts';
import { computeNps } from '../../core/stats/nps.ts';
import { daysBetween, orgToday, presetRange, previousPeriod, addDays } from '../../core/time/orgCalendar.ts';
import { getLatestVisitSections } from '../../db/audits/results.ts';
import { getLocationHistograms } from '../../db/queries/getLocationHistograms.ts';
import { listLocationNodes, type LocationNode } from '../../db/queries/listLocationNodes.ts';
import { ensureFunnelDays } from '../../db/store/funnelDays.ts';
import { getFunnelSums, getHourOfDaySums, getWaitComplaints, listCustomerNpsQuestionIds, type FunnelWindow } from '../../db/store/funnel.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { analyticsContext, locationInScope } from '../analytics/context.ts';

/** Registers GET /api/v1/store/funnel, /store/funnel/stores and /store/funnel/hours. */
export async function registerFunnelRoutes(app: FastifyInstance, deps: AppDeps) {
  const reads = deps.readPool ?? deps.pool;
  const now = deps.now ?? (() => new Date());

  const funnelRequest = async <S extends z.ZodType<FunnelFilterQuery>>(request: FastifyRequest, schema: S) => {
    const principal = authorize(request, 'metrics.read');
    const query = parse(schema, request.query ?? {});
    const window = await windowOf(reads, principal, query, now());
    // The day rollup follows the organisation's zone: rebuilt (on the writer) after a change of it.
    await ensureFunnelDays(deps.pool, principal.orgId, window.timeZone);
    return { principal, query, window };
  };

  app.get('/api/v1/store/funnel', async (request): Promise<FunnelAnswer> => {
    const { query, window } = await funnelRequest(request, FunnelQuery);
    if (query.granularity === 'hour' && daysBetween(window.from, window.to) + 1 > HOURLY_MAX_DAYS) {
      throw invalid(`granularity: hourly points cover at most ${HOURLY_MAX_DAYS} days; choose day or week`, { field: 'granularity' });
    }
    const prev = { ...window, ...previousPeriod(window.from, window.to) };
    const [series, before] = await Promise.all([getFunnelSums(reads, window, query.granularity), getFunnelSums(reads, prev, 'day')]);
    const totals = funnelFigures(total(series.map((s) => s.sums)));
    const previous = funnelFigures(total(before.map((s) => s.sums)));
    return {
      period: { from: window.from, to: window.to },
      previousPeriod: { from: prev.from, to: prev.to },
      granularity: query.granularity,
      totals,
      previous,
      trend: funnelTrend(totals, previous),
      series: series.map((s) => ({ bucket: s.key, ...funnelFigures(s.sums) })),
    };
  });

  app.get('/api/v1/store/funnel/stores', async (request): Promise<FunnelStoresAnswer> => {
    const { principal, query, window } = await funnelRequest(request, FunnelFilterSchema);
    const scope = scopeOf(principal);
    const parent = query.location ? await locationInScope(reads, principal, query.location) : undefined;
    const stores = await listLocationNodes(reads, scope, { parent, leaf: true });
    const ids = stores.map((s) => s.id);
    const [orgWide, waits, sections, nps] = await Promise.all([
      // The median store is the organisation's, whatever the caller sees: "low" means the same for everyone.
      getFunnelSums(reads, { ...window, paths: null }, 'store'),
      getWaitComplaints(reads, window, ids, WAIT_THEME_IDS),
      getLatestVisitSections(reads, scope, { to: window.to, timeZone: window.timeZone }, ids),
      storeNps(reads, principal, window, query.location, stores),
    ]);
    const sumsOf = new Map(orgWide.map((r) => [r.key, r.sums]));
    const orgFigures = orgWide.map((r) => funnelFigures(r.sums));
    const med = { captureRate: median(orgFigures.map((f) => f.captureRate)), conversion: median(orgFigures.map((f) => f.conversion)) };
    const rows: FunnelStoresAnswer['stores'] = stores.map((s) => {
      const figures = funnelFigures(sumsOf.get(s.id) ?? EMPTY_SUMS);
      const wait = waits.get(s.id) ?? { negative: 0, wait: 0 };
      const checkout = sections.filter((x) => x.locationId === s.id && isCheckoutSection(x.name));
      const first = checkout[0];
      return {
        locationId: s.id,
        name: s.name,
        ...figures,
        nps: nps.get(s.id) ?? null,
        negativeComments: wait.negative,
        waitComplaints: wait.wait,
        waitShare: ratio(wait.wait, wait.negative),
        checkout: first
          ? { score: pooledScore(checkout).score, visitedAt: first.visitedAt.toISOString(), section: sectionName(first.name) }
          : null,
        reading: readFunnel(figures, med),
      };
    });
    rows.sort((a, b) => (a.conversion ?? Infinity) - (b.conversion ?? Infinity) || a.name.localeCompare(b.name));
    return { period: { from: window.from, to: window.to }, median: med, stores: rows };
  });

  app.get('/api/v1/store/funnel/hours', async (request): Promise<FunnelHoursAnswer> => {
    const { window: asked } = await funnelRequest(request, FunnelFilterSchema);
    // Hours of day read the hourly tables: the last HOURLY_MAX_DAYS days of a longer window (the answer's period says which).
    const window = { ...asked, ...hoursOfDayWindow(asked.from, asked.to) };
    const { rows, storesWithShifts } = await getHourOfDaySums(reads, window);
    const days = daysBetween(window.from, window.to) + 1;
    return { period: { from: window.from, to: window.to }, shifts: storesWithShifts > 0, hours: hoursOfDay(rows, storesWithShifts * days) };
  });
}

function total(sums: FunnelSums[]): FunnelSums {
  return sums.reduce(addSums, EMPTY_SUMS);
}

/** The section's name for the table: English, else the first language it has. */
function sectionName(name: LocalizedText | null): string {
  if (name === null) return '';
  if (typeof name === 'string') return name;
  return name.en ?? Object.values(name).find((v) => typeof v === 'string') ?? '';
}

/** Customer NPS (nps.v1) per store from the analytics engine's sources: every customer survey's NPS answers pooled. */
async function storeNps(db: pg.Pool, principal: Principal, w: { from: string; to: string }, location: string | undefined, stores: LocationNode[]) {
  const questionIds = await listCustomerNpsQuestionIds(db, principal.orgId);
  const out = new Map<string, ReturnType<typeof computeNps>>();
  if (questionIds.length === 0 || stores.length === 0) return out;
  const ctx = await analyticsContext(db, principal, { from: w.from, to: w.to, location });
  const hist = await getLocationHistograms(db, ctx, questionIds, stores, { leaf: true });
  for (const s of stores) {
    const h = histogramOf(hist.rows.filter((r) => r.nodeId === s.id));
    if (Object.keys(h).length > 0) out.set(s.id, computeNps(h));
  }
  return out;
}

/** The request's window: inclusive org-local days (default the last 30 days), the location subtree or the caller's scope. @throws validation, not_found */
async function windowOf(db: pg.Pool, principal: Principal, q: FunnelFilterQuery, at: Date): Promise<FunnelWindow & { from: string; to: string }> {
  const org = await getOrgSettings(db, principal.orgId);
  const timeZone = org?.timezone ?? 'UTC';
  const today = orgToday(timeZone, at);
  const to = q.to ?? (q.from ? today : presetRange('30d', today).to);
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw invalid('to: must not be before from', { field: 'to' });
  const paths = q.location ? [(await locationInScope(db, principal, q.location)).path] : scopeOf(principal).locationPaths;
  return { orgId: principal.orgId, paths, from, to, timeZone };
}
