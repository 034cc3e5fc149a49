/**
 * `npm run bench` funnel latency (docs/bench.md "Funnel latency"; docs/store-economics.md "The funnel"): the store
 * funnel's reads timed on hourly store data standing for 1,000,000 till transactions (by default). Until the
 * imports' 1M-row step prepares the bench organisation, the data is generated here by SQL straight into the
 * tables the imports fill: 50 stores, a year of opening hours (08:00-20:00 UTC) of footfall (passers-by measured
 * at every other store), store_hour_sales summing the transactions, and two shifts a store and day.
 */
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { getFunnelSums, getHourOfDaySums, getWaitComplaints, type FunnelWindow } from '../src/db/store/funnel.ts';
import { createOwnDatabase } from './supportImport.ts';

const STORES = 50;
const DAYS = 365;
const OPEN_HOURS = 12;
const RUNS = 5;

export interface FunnelLatency { query: string; period: string; scope: string; median_ms: number }

/** Footfall, hourly sales adding up to `transactions` receipts, and shifts for an organisation of STORES stores over DAYS days ending 2026-11-30. */
async function prepareFunnelData(pool: pg.Pool, transactions: number): Promise<{ orgId: string; storePath: string }> {
  const orgId: string = (await pool.query(`insert into orgs (name) values ('Funnel bench') returning id`)).rows[0].id;
  await pool.query(
    `insert into locations (org_id, id, kind, name, code, path) select $1, g, 'store', 'S' || n, 'S' || n, '/' || g || '/' from (select gen_random_uuid() as g, n from generate_series(1, $2) n) s`,
    [orgId, STORES],
  );
  // Transactions per store-hour: the mean that gives `transactions` in all, varied by hour of day.
  const perHour = transactions / (STORES * DAYS * OPEN_HOURS);
  const cells = `select l.id as loc, (date '2026-11-30' - d) + make_interval(hours => 8 + h) as hour, l.code,
                        greatest(0, round(${perHour} * (0.6 + 0.8 * abs(6 - h) / 6.0)))::int as tx
                   from locations l, generate_series(0, ${DAYS - 1}) d, generate_series(0, ${OPEN_HOURS - 1}) h where l.org_id = $1`;
  await pool.query(`insert into store_hour_sales (org_id, location_id, hour, transactions, revenue, items)
                    select $1, loc, hour at time zone 'UTC', tx, tx * 27.5, tx * 3 from (${cells}) c where tx > 0`, [orgId]);
  await pool.query(`insert into footfall_hours (org_id, location_id, hour, visitors, passers_by)
                    select $1, loc, hour at time zone 'UTC', tx * 5 + 3, case when right(code, 1) in ('0', '2', '4', '6', '8') then tx * 40 + 20 end from (${cells}) c`, [orgId]);
  await pool.query(`insert into staff_shifts (org_id, location_id, shift_key, starts_at, ends_at)
                    select $1, l.id, d || '-' || s, ((date '2026-11-30' - d) + make_interval(hours => 8 + s * 6)) at time zone 'UTC',
                           ((date '2026-11-30' - d) + make_interval(hours => 14 + s * 6)) at time zone 'UTC'
                      from locations l, generate_series(0, ${DAYS - 1}) d, generate_series(0, 1) s where l.org_id = $1`, [orgId]);
  await pool.query('analyze footfall_hours, store_hour_sales, staff_shifts');
  const storePath: string = (await pool.query(`select path from locations where org_id = $1 order by code limit 1`, [orgId])).rows[0].path;
  return { orgId, storePath };
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)]!);
}

/** Times each funnel endpoint's reads (run together, as the endpoint does) for the organisation and one store, over 30 days and a year. */
async function measureFunnelLatency(pool: pg.Pool, orgId: string, storePath: string): Promise<FunnelLatency[]> {
  const out: FunnelLatency[] = [];
  const periods = [{ name: 'last 30 days', from: '2026-11-01', to: '2026-11-30', prev: { from: '2026-10-02', to: '2026-10-31' } },
    { name: 'year', from: '2025-12-01', to: '2026-11-30', prev: { from: '2024-12-01', to: '2025-11-30' } }];
  for (const scope of [{ name: 'organisation', paths: null }, { name: 'one store', paths: [storePath] }]) {
    for (const p of periods) {
      const w: FunnelWindow = { orgId, paths: scope.paths, from: p.from, to: p.to, timeZone: 'Europe/Moscow' };
      const calls: [string, () => Promise<unknown>][] = [
        ['funnel (day)', () => Promise.all([getFunnelSums(pool, w, 'day'), getFunnelSums(pool, { ...w, ...p.prev }, 'day')])],
        ['funnel (week)', () => Promise.all([getFunnelSums(pool, w, 'week'), getFunnelSums(pool, { ...w, ...p.prev }, 'day')])],
        ['funnel/stores', () => Promise.all([getFunnelSums(pool, { ...w, paths: null }, 'store'), getWaitComplaints(pool, w, [], ['waiting_time'])])],
        ['funnel/hours', () => getHourOfDaySums(pool, w)],
      ];
      for (const [query, run] of calls) out.push({ query, period: p.name, scope: scope.name, median_ms: await medianMs(run) });
    }
  }
  return out;
}

/** The funnel latency step: its own database (on DATABASE_URL) or a temporary embedded one, removed at the end. */
export async function runFunnelBench(opts: { transactions: number; json: boolean }): Promise<FunnelLatency[]> {
  const say = (m: string) => (opts.json ? process.stderr : process.stdout).write(`${m}\n`);
  const dataDir = process.env.DATABASE_URL ? null : path.join(os.tmpdir(), `sarafan-funnel-db-${process.pid}`);
  const own = process.env.DATABASE_URL ? await createOwnDatabase(process.env.DATABASE_URL) : null;
  const db = await openDatabase(dataDir ? { dataDir, log: say } : { databaseUrl: own!.url });
  try {
    await migrate(db.pool);
    say(`Funnel latency: generating hourly store data for ${opts.transactions} transactions...`);
    const { orgId, storePath } = await prepareFunnelData(db.pool, opts.transactions);
    const latency = await measureFunnelLatency(db.pool, orgId, storePath);
    if (opts.json) console.log(JSON.stringify({ measure: 'funnel_latency', transactions: opts.transactions, latency }));
    else for (const l of latency) say(`  ${l.query.padEnd(16)} ${l.period.padEnd(13)} ${l.scope.padEnd(13)} ${String(l.median_ms).padStart(5)} ms`);
    return latency;
  } finally {
    await db.close();
    await own?.drop();
  }
}
