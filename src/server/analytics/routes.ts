/**
 * Analytics API (docs/api.md "Analytics"): overview and freshness here, per-survey dashboards in
 * surveyRoutes.ts, comments and data validation in feedbackRoutes.ts, response exclusion in
 * src/server/responses/routes.ts. All reads are scoped to the caller's organisation and locations.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { authorize } from '../auth/session.ts';
import { registerResponseRoutes } from '../responses/routes.ts';
import { registerFeedbackRoutes } from './feedbackRoutes.ts';
import { analyticsRequest } from './request.ts';
import { getFreshness } from './freshness.ts';
import { FilterSchema } from './schema.ts';
import { getOverview } from './summary.ts';
import { registerSurveyAnalyticsRoutes } from './surveyRoutes.ts';

/** Registers every analytics route on the app. */
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

  await registerSurveyAnalyticsRoutes(app, deps);
  await registerFeedbackRoutes(app, deps);
  await registerResponseRoutes(app, deps);
}
