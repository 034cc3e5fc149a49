/**
 * `npm run bench` funnel latency (docs/bench.md "Funnel latency"; docs/store-economics.md "The funnel"): the store
 * funnel's reads timed on real imported data: `prepareStoreBenchOrg` imports 1,000,000 generated till transactions
 * (by default; 40 stores over 2025, Europe/Moscow) through the real runner, then footfall for the same stores and
 * hours is made by SQL (every opening hour 07:00-20:00 UTC, passers-by measured at every other store) and two
 * shifts a store and day; the funnel's day rollup is rebuilt after them, as every writer of the hourly tables does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { getFunnelSums, getHourOfDaySums, getWaitComplaints, type FunnelWindow } from '../src/db/store/funnel.ts';
import { ensureFunnelDays, rebuildFunnelDays } from '../src/db/store/funnelDays.ts';
import { withTransaction } from '../src/db/tx.ts';
import { hoursOfDayWindow } from '../src/core/economics/funnel.ts';
import { prepareStoreBenchOrg } from './storeImport.ts';
import { createOwnDatabase } from './supportImport.ts';

const RUNS = 5;

export interface FunnelLatency { query: string; period: string; scope: string; median_ms: number }

/** The imported bench organisation, with footfall of its sales hours and shifts added. */
async function prepareFunnelData(pool: pg.Pool, transactions: number, say: (m: string) => void): Promise<{ orgId: string; storePath: string }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-funnel-bench-'));
  try {
    const org = await prepareStoreBenchOrg(pool, transactions, work);
    say(`  imported ${org.rowsStored} transactions in ${Math.round(org.importMs / 1000)} s`);
    const { orgId } = org;
    // Footfall of every opening hour of 2025 (07:00-20:00 UTC): five visitors a sale plus three, passers-by at even store codes.
    await pool.query(
      `insert into footfall_hours (org_id, location_id, hour, visitors, passers_by)
       select $1, l.id, h, coalesce(s.transactions, 0) * 5 + 3, case when right(l.code, 1) in ('0', '2', '4', '6', '8') then coalesce(s.transactions, 0) * 40 + 20 end
         from locations l
         cross join generate_series(timestamptz '2025-01-01 00:00Z', timestamptz '2025-12-31 23:00Z', interval '1 hour') h
         left join store_hour_sales s on s.org_id = l.org_id and s.location_id = l.id and s.hour = h
        where l.org_id = $1 and l.kind = 'store' and extract(hour from h at time zone 'UTC') between 7 and 19`,
      [orgId],
    );
    await pool.query(
      `insert into staff_shifts (org_id, location_id, shift_key, starts_at, ends_at)
       select $1, l.id, d::date || '-' || s, d + make_interval(hours => 7 + s * 7), d + make_interval(hours => 14 + s * 6)
         from locations l, generate_series(timestamptz '2025-01-01 00:00Z', timestamptz '2025-12-31 00:00Z', interval '1 day') d, generate_series(0, 1) s
        where l.org_id = $1 and l.kind = 'store'`,
      [orgId],
    );
    await withTransaction(pool, (tx) => rebuildFunnelDays(tx, orgId));
    await pool.query('analyze footfall_hours, store_hour_sales, staff_shifts, store_funnel_days');
    const storePath: string = (await pool.query(`select path from locations where org_id = $1 and code = 'S1'`, [orgId])).rows[0].path;
    return { orgId, storePath };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
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
  const periods = [{ name: 'last 30 days', from: '2025-12-02', to: '2025-12-31', prev: { from: '2025-11-02', to: '2025-12-01' } },
    { name: 'year', from: '2025-01-01', to: '2025-12-31', prev: { from: '2024-01-01', to: '2024-12-31' } }];
  for (const scope of [{ name: 'organisation', paths: null }, { name: 'one store', paths: [storePath] }]) {
    for (const p of periods) {
      const w: FunnelWindow = { orgId, paths: scope.paths, from: p.from, to: p.to, timeZone: 'Europe/Moscow' };
      // As the routes do: the rollup's zone checked first; hours of day over the window's last HOURLY_MAX_DAYS days.
      const ensure = () => ensureFunnelDays(pool, orgId, w.timeZone);
      const hoursWindow = { ...w, ...hoursOfDayWindow(p.from, p.to) };
      const calls: [string, () => Promise<unknown>][] = [
        ['funnel (day)', async () => { await ensure(); await Promise.all([getFunnelSums(pool, w, 'day'), getFunnelSums(pool, { ...w, ...p.prev }, 'day')]); }],
        ['funnel (week)', async () => { await ensure(); await Promise.all([getFunnelSums(pool, w, 'week'), getFunnelSums(pool, { ...w, ...p.prev }, 'day')]); }],
        ...(p.name === 'year' ? [] : [['funnel (hour)', async () => { await ensure(); await Promise.all([getFunnelSums(pool, w, 'hour'), getFunnelSums(pool, { ...w, ...p.prev }, 'day')]); }] as [string, () => Promise<unknown>]]),
        ['funnel/stores', async () => { await ensure(); await Promise.all([getFunnelSums(pool, { ...w, paths: null }, 'store'), getWaitComplaints(pool, w, [], ['waiting_time'])]); }],
        ['funnel/hours', async () => { await ensure(); await getHourOfDaySums(pool, hoursWindow); }],
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
    say(`Funnel latency: importing ${opts.transactions} generated transactions, adding footfall and shifts...`);
    const { orgId, storePath } = await prepareFunnelData(db.pool, opts.transactions, say);
    const latency = await measureFunnelLatency(db.pool, orgId, storePath);
    if (opts.json) console.log(JSON.stringify({ measure: 'funnel_latency', transactions: opts.transactions, latency }));
    else for (const l of latency) say(`  ${l.query.padEnd(16)} ${l.period.padEnd(13)} ${l.scope.padEnd(13)} ${String(l.median_ms).padStart(5)} ms`);
    return latency;
  } finally {
    await db.close();
    await own?.drop();
  }
}
