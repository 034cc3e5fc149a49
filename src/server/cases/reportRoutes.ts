/**
 * The closed loop's reports (docs/api.md "Closed-loop reports"): GET /api/v1/cases/metrics, /cases/root-causes
 * (Pareto with comment themes) and /cases/compensation, for whoever reads cases, over the caller's locations.
 * Static paths: they win over the cases API's /cases/:id in Fastify's router.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import {
  CaseMetricsQuery, CaseReportQuery, CompensationQuery,
  type CaseMetricsAnswer, type CaseReportQueryT, type CompensationAnswer, type ParetoAnswer,
} from '../../core/api/caseReports.ts';
import { paretoOf, recoveryRate, slaAttainment, vitalFew } from '../../core/closedLoop/caseMetrics.ts';
import { roundSeconds } from '../../core/support/kpis.ts';
import { getCaseMetricRows, getCompensationRows, getRootCauseRows, type CaseReportFilter } from '../../db/cases/caseMetrics.ts';
import type pg from 'pg';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { locationPath } from '../analytics/context.ts';

export async function registerCaseReportRoutes(app: FastifyInstance, deps: AppDeps) {
  const reads = deps.readPool ?? deps.pool;
  const now = deps.now ?? (() => new Date());

  const reportRequest = async <S extends z.ZodType<CaseReportQueryT>>(request: FastifyRequest, schema: S) => {
    const principal = authorize(request, 'case.read');
    const query = parse(schema, request.query ?? {});
    return { scope: scopeOf(principal), query, filter: await filterOf(reads, principal, query) };
  };

  app.get('/api/v1/cases/metrics', async (request): Promise<CaseMetricsAnswer> => {
    const { scope, query, filter } = await reportRequest(request, CaseMetricsQuery);
    const m = await getCaseMetricRows(reads, scope, filter, now(), query.interval);
    const r = (v: number | null) => (v === null ? null : roundSeconds(v));
    return {
      time_to_first_action: { n: m.firstAction.n, median_s: r(m.firstAction.median), p90_s: r(m.firstAction.p90) },
      time_to_resolve: { n: m.resolve.n, median_s: r(m.resolve.median), p90_s: r(m.resolve.p90) },
      sla_attainment: slaAttainment(m.slaMet, m.slaJudged),
      recovery_rate: recoveryRate(m.recovery),
      open: m.open,
      overdue: m.overdue,
      created: m.created,
      resolved: m.resolved,
      interval: query.interval,
      per_period: m.perPeriod,
    };
  });

  app.get('/api/v1/cases/root-causes', async (request): Promise<ParetoAnswer> => {
    const { scope, filter } = await reportRequest(request, CaseReportQuery);
    const rows = paretoOf(await getRootCauseRows(reads, scope, filter));
    const vital = new Set(vitalFew(rows).map((c) => c.id));
    return {
      total: rows.reduce((s, c) => s + c.count, 0),
      causes: rows.map((c) => ({
        id: c.id, key: c.key, name: c.name, archived: c.archived, count: c.count, share: c.share, cumulative_share: c.cumulative_share,
        controllable: c.controllable, not_controllable: c.notControllable, compensation: c.compensation, vital: vital.has(c.id),
        themes: c.themes, with_comment: c.withComment,
      })),
    };
  });

  app.get('/api/v1/cases/compensation', async (request): Promise<CompensationAnswer> => {
    const { scope, query, filter } = await reportRequest(request, CompensationQuery);
    const rows = await getCompensationRows(reads, scope, filter, query.by);
    const totals = new Map<string, { currency: string; amount: number; count: number }>();
    for (const row of rows) {
      const t = totals.get(row.currency) ?? { currency: row.currency, amount: 0, count: 0 };
      t.amount = Math.round((t.amount + row.amount) * 100) / 100;
      t.count += row.count;
      totals.set(row.currency, t);
    }
    return { by: query.by, rows, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
  });
}

/** The query's filters for SQL in the organisation's time zone. @throws validation, not_found (a location outside the scope) */
async function filterOf(db: pg.Pool, principal: Principal, q: CaseReportQueryT): Promise<CaseReportFilter> {
  if (q.from && q.to && q.from > q.to) throw invalid('to: must not be before from', { field: 'to' });
  const [path, org] = await Promise.all([q.location ? locationPath(db, principal, q.location) : undefined, getOrgSettings(db, principal.orgId)]);
  return { from: q.from, to: q.to, locationPath: path, surveyId: q.survey, timeZone: org?.timezone ?? 'UTC' };
}
