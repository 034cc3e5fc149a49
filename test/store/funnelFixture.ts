/**
 * The store funnel's fixture, inserted by SQL (the imports write the same tables): an organisation in Moscow
 * (UTC+3 all year) with region North (stores A, B), store C without any footfall and store D under the root.
 * The expected figures in funnel.test.ts are computed by hand from these rows. Like every writer of the hourly
 * tables, the inserts keep the funnel's day rollup equal (rebuildFunnelDays).
 */
import type pg from 'pg';
import { rebuildFunnelDays } from '../../src/db/store/funnelDays.ts';
import { withTransaction } from '../../src/db/tx.ts';
import { buildLocation } from '../helpers/app.ts';

export interface FootfallRow { store: string; hour: string; visitors: number; passersBy: number | null }
export interface SalesRow { store: string; hour: string; transactions: number; revenue: number }

export async function insertFootfall(pool: pg.Pool, orgId: string, stores: Record<string, string>, rows: FootfallRow[]) {
  for (const r of rows) {
    await pool.query(`insert into footfall_hours(org_id, location_id, hour, visitors, passers_by) values ($1, $2, $3, $4, $5)`, [orgId, stores[r.store], r.hour, r.visitors, r.passersBy]);
  }
  await withTransaction(pool, (tx) => rebuildFunnelDays(tx, orgId));
}

export async function insertSales(pool: pg.Pool, orgId: string, stores: Record<string, string>, rows: SalesRow[]) {
  for (const r of rows) {
    await pool.query(`insert into store_hour_sales(org_id, location_id, hour, transactions, revenue) values ($1, $2, $3, $4, $5)`, [orgId, stores[r.store], r.hour, r.transactions, r.revenue]);
  }
  await withTransaction(pool, (tx) => rebuildFunnelDays(tx, orgId));
}

export async function insertShift(pool: pg.Pool, orgId: string, storeId: string, key: string, startsAt: string, endsAt: string) {
  await pool.query(`insert into staff_shifts(org_id, location_id, shift_key, starts_at, ends_at) values ($1, $2, $3, $4, $5)`, [orgId, storeId, key, startsAt, endsAt]);
}

/** Region North with stores A and B, store C and store D under the root. */
export async function buildFunnelStores(pool: pg.Pool, orgId: string, root: { id: string; path: string }) {
  const north = await buildLocation(pool, orgId, root, 'region', 'North');
  return {
    North: north.id,
    A: (await buildLocation(pool, orgId, north, 'store', 'Store A')).id,
    B: (await buildLocation(pool, orgId, north, 'store', 'Store B')).id,
    C: (await buildLocation(pool, orgId, root, 'store', 'Store C')).id,
    D: (await buildLocation(pool, orgId, root, 'store', 'Store D')).id,
  };
}

// Moscow days 10-11 March 2026 run from 2026-03-09T21:00Z to 2026-03-11T21:00Z.
export const FOOTFALL: FootfallRow[] = [
  // A: 10:00 local with passers-by, 11:00 without; 00:00 local on the 11th (21:00Z on the 10th).
  { store: 'A', hour: '2026-03-10T07:00:00Z', visitors: 100, passersBy: 500 },
  { store: 'A', hour: '2026-03-10T08:00:00Z', visitors: 50, passersBy: null },
  { store: 'A', hour: '2026-03-10T21:00:00Z', visitors: 10, passersBy: 40 },
  // Already 12 March in Moscow (00:00 local): outside the window though 11 March in UTC.
  { store: 'A', hour: '2026-03-11T21:00:00Z', visitors: 999, passersBy: 999 },
  // The previous period (8-9 March).
  { store: 'A', hour: '2026-03-09T07:00:00Z', visitors: 80, passersBy: 400 },
  // B: on the 10th with sales, on the 11th without any sale that day (no sales data: left out of conversion).
  { store: 'B', hour: '2026-03-10T09:00:00Z', visitors: 100, passersBy: null },
  { store: 'B', hour: '2026-03-11T09:00:00Z', visitors: 200, passersBy: 1000 },
  { store: 'D', hour: '2026-03-10T10:00:00Z', visitors: 100, passersBy: 1000 },
];

export const SALES: SalesRow[] = [
  { store: 'A', hour: '2026-03-10T07:00:00Z', transactions: 20, revenue: 600 },
  // No counter at 15:00 local: counted in transactions and revenue, not in conversion.
  { store: 'A', hour: '2026-03-10T12:00:00Z', transactions: 5, revenue: 100 },
  { store: 'A', hour: '2026-03-10T21:00:00Z', transactions: 2, revenue: 50 },
  { store: 'A', hour: '2026-03-11T21:00:00Z', transactions: 99, revenue: 9999 },
  { store: 'A', hour: '2026-03-09T07:00:00Z', transactions: 16, revenue: 400 },
  { store: 'B', hour: '2026-03-10T09:00:00Z', transactions: 10, revenue: 400 },
  { store: 'D', hour: '2026-03-10T10:00:00Z', transactions: 2, revenue: 60 },
];

/** A checklist with a floor and a checkout section, and published visits of store A (the latest up to 11 March: 9 March). */
export async function insertAudits(pool: pg.Pool, orgId: string, storeA: string) {
  const definition = {
    name: 'Store visit',
    sections: [
      { key: 'floor', name: { en: 'Sales floor', ru: 'Торговый зал' }, items: [] },
      { key: 'till', name: { en: 'Checkout', ru: 'Касса' }, items: [] },
    ],
  };
  const { rows } = await pool.query(`insert into checklists(org_id, name) values ($1, 'Store visit') returning id`, [orgId]);
  const checklistId = rows[0].id as string;
  await pool.query(`insert into checklist_versions(org_id, checklist_id, version, definition) values ($1, $2, 1, $3)`, [orgId, checklistId, JSON.stringify(definition)]);
  const visit = async (at: string, status: string, items: Array<[string, string, boolean, number, number]>) => {
    const v = await pool.query(
      `insert into audit_visits(org_id, checklist_id, checklist_version, location_id, visited_at, status) values ($1, $2, 1, $3, $4, $5) returning id`,
      [orgId, checklistId, storeA, at, status],
    );
    for (const [key, section, applicable, earned, possible] of items) {
      await pool.query(
        `insert into audit_visit_items(org_id, visit_id, item_key, section_key, applicable, earned, possible) values ($1, $2, $3, $4, $5, $6, $7)`,
        [orgId, v.rows[0].id, key, section, applicable, earned, possible],
      );
    }
  };
  await visit('2026-03-01T10:00:00Z', 'published', [['t1', 'till', true, 1, 2]]);
  // The latest published visit up to the window's end: checkout (3 + 0) / (3 + 1) = 75; the N/A item is left out.
  await visit('2026-03-09T10:00:00Z', 'published', [['t1', 'till', true, 3, 3], ['t2', 'till', true, 0, 1], ['t3', 'till', false, 0, 2], ['f1', 'floor', true, 1, 1]]);
  await visit('2026-03-11T10:00:00Z', 'submitted', [['t1', 'till', true, 0, 3]]);
  await visit('2026-03-15T10:00:00Z', 'published', [['t1', 'till', true, 0, 4]]);
}
