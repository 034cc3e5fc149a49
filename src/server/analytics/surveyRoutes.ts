/** Per-survey dashboard routes: summary, trend, breakdown, heatmap, compare, drivers. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { getBreakdown, getHeatmap } from './breakdown.ts';
import { surveyAndQuestion as surveyQuestion, surveyOf } from './context.ts';
import { getDrivers } from './drivers.ts';
import { analyticsRequest } from './request.ts';
import { BreakdownQuery, CompareQuery, DriversQuery, FilterSchema, HeatmapQuery, TrendQuery } from '../../core/api/analytics.ts';
import { getSurveySummary } from './summary.ts';
import { getComparison, getTrend } from './trend.ts';

const base = '/api/v1/surveys/:id/analytics';

/** Registers the per-survey analytics routes. */
export async function registerSurveyAnalyticsRoutes(app: FastifyInstance, deps: AppDeps) {
  // Read-only dashboards may read from a streaming replica (docs/scaling.md).
  const pool = deps.readPool ?? deps.pool;
  const now = deps.now ?? (() => new Date());
  /** The survey and the scored question asked for (default: the survey's main question); 404 otherwise. */
  const surveyAndQuestion = (principal: Parameters<typeof surveyOf>[1], surveyId: string, questionId?: string) => surveyQuestion(pool, principal, surveyId, questionId);

  app.get(`${base}/summary`, async (request) => {
    const r = await analyticsRequest(pool, request, FilterSchema, 'metrics.read');
    return getSurveySummary(pool, r.ctx, await surveyOf(pool, r.principal, r.surveyId));
  });

  app.get(`${base}/trend`, async (request) => {
    const r = await analyticsRequest(pool, request, TrendQuery, 'metrics.read');
    const { question } = await surveyAndQuestion(r.principal, r.surveyId, r.query.question);
    return getTrend(pool, r.ctx, question, r.query.interval, now());
  });

  app.get(`${base}/breakdown`, async (request) => {
    const r = await analyticsRequest(pool, request, BreakdownQuery, 'metrics.read');
    const { question } = await surveyAndQuestion(r.principal, r.surveyId, r.query.question);
    const { by, parent, leaf, sort, limit } = r.query;
    return getBreakdown(pool, r.principal, r.ctx, question, { by, parent, leaf, sort, limit });
  });

  app.get(`${base}/heatmap`, async (request) => {
    const r = await analyticsRequest(pool, request, HeatmapQuery, 'metrics.read');
    return getHeatmap(pool, r.principal, r.ctx, await surveyOf(pool, r.principal, r.surveyId), r.query.parent);
  });

  app.get(`${base}/compare`, async (request) => {
    const r = await analyticsRequest(pool, request, CompareQuery, 'metrics.read');
    const { question } = await surveyAndQuestion(r.principal, r.surveyId, r.query.question);
    return getComparison(pool, r.principal, r.ctx, question, r.query);
  });

  app.get(`${base}/drivers`, async (request) => {
    const r = await analyticsRequest(pool, request, DriversQuery, 'metrics.read');
    const { survey, question } = await surveyAndQuestion(r.principal, r.surveyId, r.query.outcome);
    return getDrivers(pool, r.ctx, survey, question);
  });
}
