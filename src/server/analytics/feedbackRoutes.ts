/** Comments and data-validation routes of a survey (they show respondents' answers: response.read). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { surveyOf } from './context.ts';
import { getComments, getQuality } from './feedback.ts';
import { analyticsRequest } from './request.ts';
import { CommentsQuery, QualityQuery } from '../../core/api/analytics.ts';

/** Registers GET /surveys/:id/comments and GET /surveys/:id/quality. */
export async function registerFeedbackRoutes(app: FastifyInstance, deps: AppDeps) {
  // Read-only dashboards may read from a streaming replica (docs/scaling.md).
  const pool = deps.readPool ?? deps.pool;
  app.get('/api/v1/surveys/:id/comments', async (request) => {
    const r = await analyticsRequest(pool, request, CommentsQuery, 'response.read');
    const { limit, before, group } = r.query;
    return getComments(pool, r.ctx, await surveyOf(pool, r.principal, r.surveyId), { limit, before, group });
  });

  app.get('/api/v1/surveys/:id/quality', async (request) => {
    const r = await analyticsRequest(pool, request, QualityQuery, 'response.read');
    return getQuality(pool, r.ctx, await surveyOf(pool, r.principal, r.surveyId), (deps.now ?? (() => new Date()))());
  });
}
