/**
 * /api/v1/loyalty (docs/store-economics.md "Loyalty economics"): the summary (the keys of `sarafan loyalty
 * --json` plus the Lorenz curve, cohorts and revenue per customer), revenue per customer by NPS group, and
 * the what-if. `metrics.read`; only transactions at the caller's locations; calendar days in the
 * organisation's time zone. Answers come from ./loyaltyAnswers.ts: stored snapshots while the data is unchanged,
 * else computed with the same accumulator as the command (src/core/economics/loyalty.ts).
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import {
  LoyaltySummaryQuery, LoyaltyWhatIfQuery, LoyaltyFilterSchema,
  type LoyaltyFilterQuery, type LoyaltySummaryAnswer, type NpsValueAnswer, type WhatIfAnswer,
} from '../../core/api/loyalty.ts';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import type { ScoreGroup } from '../../core/surveys/types.ts';
import { whatIf, type WhatIfAssumptions } from '../../core/economics/whatIf.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { locationPath } from '../analytics/context.ts';
import { loyaltyNpsValue, loyaltySummary, type LoyaltyRequest } from './loyaltyAnswers.ts';

/** The share of detractors the what-if turns into passives by default. */
const DEFAULT_DETRACTOR_SHARE = 0.1;
/** Default cost of winning a customer, as a share of the revenue per customer (an assumption to change). */
const DEFAULT_ACQUISITION_SHARE = 0.2;

/** The caller's window and scope. @throws not_found, validation */
async function requestOf(pool: pg.Pool, principal: Principal, q: LoyaltyFilterQuery): Promise<LoyaltyRequest> {
  if (q.from && q.to && q.from > q.to) throw invalid('from: must not be after to', { field: 'from' });
  const path = q.location ? await locationPath(pool, principal, q.location) : undefined;
  return { scope: scopeOf(principal), from: q.from, to: q.to, location: q.location && path ? { id: q.location, path } : undefined };
}

export async function registerLoyaltyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reads = deps.readPool ?? deps.pool;
  const pools = { pool: deps.pool, reads };

  app.get('/api/v1/loyalty/summary', async (request): Promise<LoyaltySummaryAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(LoyaltySummaryQuery, request.query);
    return loyaltySummary(pools, await requestOf(reads, principal, q), q.period);
  });

  app.get('/api/v1/loyalty/nps-value', async (request): Promise<NpsValueAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(LoyaltyFilterSchema, request.query);
    const { groups, computedAt, timeZone } = await loyaltyNpsValue(pools, await requestOf(reads, principal, q));
    return { groups, computedAt, timeZone };
  });

  app.get('/api/v1/loyalty/what-if', async (request): Promise<WhatIfAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(LoyaltyWhatIfQuery, request.query);
    const { groups, customers, revenue, computedAt, timeZone } = await loyaltyNpsValue(pools, await requestOf(reads, principal, q));
    const value = (g: ScoreGroup) => groups.find((x) => x.group === g)?.revenuePerCustomer ?? 0;
    const perCustomer = customers ? revenue / customers : 0;
    const detractors = groups.find((x) => x.group === 'detractor')?.customers ?? 0;
    const defaults: WhatIfAssumptions = {
      customers,
      retentionPoints: 5,
      revenuePerRetainedCustomer: perCustomer,
      detractorsToPassives: Math.ceil(detractors * DEFAULT_DETRACTOR_SHARE),
      passiveValue: value('passive'),
      detractorValue: value('detractor'),
      acquisitionCost: perCustomer * DEFAULT_ACQUISITION_SHARE,
      acquisitionToRetention: 5,
    };
    const { from: _f, to: _t, location: _l, ...given } = q;
    const assumptions = { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
    return { defaults, ...whatIf(assumptions), computedAt, timeZone };
  });
}
