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

  // Rollups are written in the same transaction as each answer, so they are never behind.
  app.get('/api/v1/analytics/freshness', async (request) => {
    authorize(request, 'metrics.read');
    return { rollups: 'transactional', lagSeconds: 0 };
  });

  await registerSurveyAnalyticsRoutes(app, deps);
  await registerFeedbackRoutes(app, deps);
  await registerResponseRoutes(app, deps);
}
