/**
 * @module The loyalty answers (docs/store-economics.md "Loyalty economics"), each read from its snapshot when one
 * matches (same organisation, parameters, location scope, data version, time zone and, for NPS groups, the same
 * latest NPS answers), else computed from the transactions summed per customer and day in SQL, fed to the
 * accumulator of src/core/economics/loyalty.ts, and stored. `computedAt` says when the answer was computed.
 * Used by the routes and the `loyalty-refresh` job.
 *
 * Exports: `loyaltySummary`, `loyaltyNpsValue`, `refreshDefaultLoyaltyViews`, `LoyaltyRequest`.
 */
import type pg from 'pg';
import type { Scope } from '../../core/access/index.ts';
import type { LoyaltySummaryAnswer } from '../../core/api/loyalty.ts';
import { LoyaltyAccumulator, type LoyaltyPeriod, type NpsGroupValue } from '../../core/economics/loyalty.ts';
import { snapshotParams, snapshotScope } from '../../core/economics/loyaltySnapshotKey.ts';
import { npsGroup } from '../../core/stats/nps.ts';
import type { ScoreGroup } from '../../core/surveys/types.ts';
import { forEachCustomerDay, latestNpsFingerprint, latestNpsScores } from '../../db/loyalty/transactions.ts';
import {
  loyaltyDataState, readLoyaltySnapshot, writeLoyaltySnapshot, type LoyaltySnapshotKey,
} from '../../db/loyalty/snapshots.ts';
import { notFound } from '../../http/errors.ts';

/** Where answers are read and stored: `reads` computes (a replica may serve it), `pool` keeps the snapshots. */
interface Pools {
  pool: pg.Pool;
  reads: pg.Pool;
}

/** A validated loyalty request: calendar days, the location's path (its subtree) and the caller's scope. */
export interface LoyaltyRequest {
  scope: Scope;
  from?: string;
  to?: string;
  /** the `location` parameter (its id: part of the key) and its path */
  location?: { id: string; path: string };
}

interface Freshness {
  computedAt: string;
  timeZone: string;
}

/** The NPS groups' revenue with the window's customers and revenue (what the what-if starts from). */
interface NpsValueBase {
  groups: NpsGroupValue[];
  customers: number;
  revenue: number;
}

type SummaryBody = Omit<LoyaltySummaryAnswer, 'computedAt' | 'timeZone'>;

/** The stored answer of `key`'s kind and parameters, or the computed one, stored. @throws not_found */
async function snapshotted<T>(
  pools: Pools, req: LoyaltyRequest, kind: LoyaltySnapshotKey['kind'], params: Record<string, string | undefined>,
  compute: (timeZone: string, acc: LoyaltyAccumulator) => Promise<T>,
): Promise<T & Freshness> {
  const state = await loyaltyDataState(pools.reads, req.scope.orgId);
  if (!state) throw notFound();
  const key: LoyaltySnapshotKey = {
    orgId: req.scope.orgId, kind, scope: snapshotScope(req.scope.locationPaths), dataVersion: state.dataVersion, timeZone: state.timeZone,
    params: snapshotParams({ ...params, from: req.from, to: req.to, location: req.location?.id }),
    npsFingerprint: kind === 'nps-value' ? await latestNpsFingerprint(pools.reads, req.scope) : '',
  };
  const stored = await readLoyaltySnapshot<T>(pools.pool, key);
  if (stored) return { ...stored.answer, computedAt: stored.computedAt.toISOString(), timeZone: state.timeZone };
  const computedAt = new Date();
  const acc = new LoyaltyAccumulator();
  await forEachCustomerDay(pools.reads, req.scope, { timeZone: state.timeZone, from: req.from, to: req.to, locationPath: req.location?.path },
    (d) => acc.add(d.customer, d.day, d.amount, d.transactions));
  const answer = await compute(state.timeZone, acc);
  await writeLoyaltySnapshot(pools.pool, key, answer, computedAt);
  return { ...answer, computedAt: computedAt.toISOString(), timeZone: state.timeZone };
}

/** GET /api/v1/loyalty/summary's answer. */
export function loyaltySummary(pools: Pools, req: LoyaltyRequest, period: LoyaltyPeriod): Promise<SummaryBody & Freshness> {
  return snapshotted<SummaryBody>(pools, req, 'summary', { period }, async (_tz, acc) => {
    const s = acc.summary(period);
    return { period, ...s, lorenz: acc.lorenz(), cohorts: acc.cohorts(), valuePerCustomer: s.customers ? s.revenue / s.customers : null };
  });
}

/** Revenue per customer by NPS group, with the window's customers and revenue (nps-value and what-if). */
export function loyaltyNpsValue(pools: Pools, req: LoyaltyRequest): Promise<NpsValueBase & Freshness> {
  return snapshotted<NpsValueBase>(pools, req, 'nps-value', {}, async (_tz, acc) => {
    const scores = await latestNpsScores(pools.reads, req.scope);
    const groups = new Map<string, ScoreGroup>([...scores].map(([customer, score]) => [customer, npsGroup(score)]));
    const s = acc.summary('month');
    return { groups: acc.valueByNpsGroup(groups), customers: s.customers, revenue: s.revenue };
  });
}

/**
 * Computes and stores the dashboard's default views for the whole organisation: all time and the last 12
 * months (to today in the organisation's zone), by month, and their NPS groups.
 */
export async function refreshDefaultLoyaltyViews(pools: Pools, orgId: string, now = new Date()): Promise<number> {
  const state = await loyaltyDataState(pools.reads, orgId);
  if (!state) return 0;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: state.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = today.split('-').map(Number);
  const yearAgo = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
  const scope: Scope = { orgId, locationPaths: null };
  let views = 0;
  for (const req of [{ scope }, { scope, from: yearAgo, to: today }]) {
    await loyaltySummary(pools, req, 'month');
    await loyaltyNpsValue(pools, req);
    views += 2;
  }
  return views;
}
