/**
 * /api/v1/loyalty (docs/store-economics.md "Loyalty economics"): the summary (the keys of `sarafan loyalty
 * --json` plus the Lorenz curve, cohorts and revenue per customer), revenue per customer by NPS group, and
 * the what-if. `metrics.read`; only transactions at the caller's locations; calendar days in the
 * organisation's time zone. Computed live from the transactions summed per customer and day in SQL, fed to
 * the same accumulator as the command (src/core/economics/loyalty.ts).
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import {
  LoyaltySummaryQuery, LoyaltyWhatIfQuery, LoyaltyFilterSchema,
  type LoyaltyFilterQuery, type LoyaltySummaryAnswer, type NpsValueAnswer, type WhatIfAnswer,
} from '../../core/api/loyalty.ts';
import { scopeOf, type Principal } from '../../core/access/index.ts';
import { LoyaltyAccumulator, type NpsGroupValue } from '../../core/economics/loyalty.ts';
import { npsGroup } from '../../core/stats/nps.ts';
import type { ScoreGroup } from '../../core/surveys/types.ts';
import { whatIf, type WhatIfAssumptions } from '../../core/economics/whatIf.ts';
import { forEachCustomerDay, latestNpsScores } from '../../db/loyalty/transactions.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { locationPath } from '../analytics/context.ts';

/** The share of detractors the what-if turns into passives by default. */
const DEFAULT_DETRACTOR_SHARE = 0.1;
/** Default cost of winning a customer, as a share of the revenue per customer (an assumption to change). */
const DEFAULT_ACQUISITION_SHARE = 0.2;

/** The transactions of the caller's window in an accumulator. @throws not_found, validation */
async function accumulate(pool: pg.Pool, principal: Principal, q: LoyaltyFilterQuery) {
  if (q.from && q.to && q.from > q.to) throw invalid('from: must not be after to', { field: 'from' });
  const org = await getOrgSettings(pool, principal.orgId);
  if (!org) throw notFound();
  const path = q.location ? await locationPath(pool, principal, q.location) : undefined;
  const acc = new LoyaltyAccumulator();
  await forEachCustomerDay(pool, scopeOf(principal), { timeZone: org.timezone, from: q.from, to: q.to, locationPath: path }, (d) => acc.add(d.customer, d.day, d.amount, d.transactions));
  return { acc, freshness: { computedAt: new Date().toISOString(), timeZone: org.timezone } };
}

async function npsValue(pool: pg.Pool, principal: Principal, acc: LoyaltyAccumulator): Promise<NpsGroupValue[]> {
  const scores = await latestNpsScores(pool, scopeOf(principal));
  const groups = new Map<string, ScoreGroup>([...scores].map(([customer, score]) => [customer, npsGroup(score)]));
  return acc.valueByNpsGroup(groups);
}

export async function registerLoyaltyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reads = deps.readPool ?? deps.pool;

  app.get('/api/v1/loyalty/summary', async (request): Promise<LoyaltySummaryAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(LoyaltySummaryQuery, request.query);
    const { acc, freshness } = await accumulate(reads, principal, q);
    const s = acc.summary(q.period);
    return {
      period: q.period, ...s, lorenz: acc.lorenz(), cohorts: acc.cohorts(),
      valuePerCustomer: s.customers ? s.revenue / s.customers : null, ...freshness,
    };
  });

  app.get('/api/v1/loyalty/nps-value', async (request): Promise<NpsValueAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(LoyaltyFilterSchema, request.query);
    const { acc, freshness } = await accumulate(reads, principal, q);
    return { groups: await npsValue(reads, principal, acc), ...freshness };
  });

  app.get('/api/v1/loyalty/what-if', async (request): Promise<WhatIfAnswer> => {
    const principal = authorize(request, 'metrics.read');
    const q = parse(LoyaltyWhatIfQuery, request.query);
    const { acc, freshness } = await accumulate(reads, principal, q);
    const s = acc.summary('month');
    const groups = await npsValue(reads, principal, acc);
    const value = (g: ScoreGroup) => groups.find((x) => x.group === g)?.revenuePerCustomer ?? 0;
    const perCustomer = s.customers ? s.revenue / s.customers : 0;
    const detractors = groups.find((x) => x.group === 'detractor')?.customers ?? 0;
    const defaults: WhatIfAssumptions = {
      customers: s.customers,
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
    return { defaults, ...whatIf(assumptions), ...freshness };
  });
}
