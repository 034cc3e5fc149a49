/**
 * Analytics API (docs/api.md "Analytics"): overview and freshness here, per-survey dashboards in
 * surveyRoutes.ts, comments and data validation in feedbackRoutes.ts, response exclusion in
 * src/server/responses/routes.ts. All reads are scoped to the caller's organisation and locations.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf } from '../../core/access/index.ts';
import { listDimensionValues } from '../../db/queries/listDimensionValues.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { notFound } from '../../http/errors.ts';
import { parse, pathParam } from '../../http/validate.ts';
import { isHiddenKey } from '../../core/responses/hiddenFields.ts';
import { analyticsRequest } from './request.ts';
import { getFreshness } from './freshness.ts';
import { DimensionValuesQuery, FilterSchema, type DimensionValuesAnswer } from '../../core/api/analytics.ts';
import { getOverview } from './summary.ts';

/** Registers the analytics overview, freshness and dimension-value routes. */
export async function registerAnalyticsRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  // Read-only dashboards may read from a streaming replica (docs/scaling.md).
  const reads = deps.readPool ?? pool;

  app.get('/api/v1/analytics/overview', async (request) => {
    const { ctx } = await analyticsRequest(reads, request, FilterSchema, 'metrics.read');
    return getOverview(reads, ctx);
  });

  // From the primary: a rebuild's queue lives there (freshness.ts).
  app.get('/api/v1/analytics/freshness', async (request) => {
    const principal = authorize(request, 'metrics.read');
    return getFreshness(pool, principal.orgId);
  });

  // The segment filter's suggestions: only the organisation's dimensions, only in the caller's locations.
  app.get('/api/v1/analytics/dimensions/:key/values', async (request): Promise<DimensionValuesAnswer> => {
    requirePrincipal(request);
    const key = pathParam(request.params, 'key', isHiddenKey, 'Dimension not found');
    const query = parse(DimensionValuesQuery, request.query ?? {});
    const principal = authorize(request, 'metrics.read');
    if (!(await getOrgSettings(reads, principal.orgId))?.dimensions.includes(key)) throw notFound('Dimension not found');
    const values = await listDimensionValues(reads, scopeOf(principal), key, { surveyId: query.survey, contains: query.q, limit: query.limit });
    return { values };
  });
}
