/** The first steps every analytics handler shares: authenticate, validate, authorize, resolve scope and filters. */
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { z } from 'zod';
import type { Action, Principal } from '../../core/access/index.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { analyticsContext } from './context.ts';
import type { FilterQuery } from '../../core/api/analytics.ts';

export interface AnalyticsRequest<Q> {
  principal: Principal;
  query: Q;
  ctx: SourceContext;
  /** `:id` of the route when it has one. */
  surveyId: string;
}

/**
 * Authenticates, validates `:id` when present (404 when malformed), authorizes `action`, validates the query, and builds the
 * scoped source context. @throws unauthorized, validation, forbidden, not_found
 */
export async function analyticsRequest<S extends z.ZodType<FilterQuery>>(pool: pg.Pool, request: FastifyRequest, schema: S, action: Action): Promise<AnalyticsRequest<z.infer<S>>> {
  requirePrincipal(request);
  const params = request.params as Record<string, unknown> | undefined;
  const surveyId = params && 'id' in params ? parseIdParam(params, 'Survey not found') : '';
  // Permission before the query's shape: a role without `action` is refused (403), never told how to ask (400).
  const principal = authorize(request, action);
  const query = parse(schema, request.query ?? {});
  const ctx = await analyticsContext(pool, principal, query);
  return { principal, query, ctx, surveyId };
}
