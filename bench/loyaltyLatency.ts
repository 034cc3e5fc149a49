/**
 * `npm run bench` step "loyalty latency" (docs/bench.md "Loyalty latency"): on the 1M-row store import of
 * prepareStoreBenchOrg (bench/storeImport.ts), the cold (no snapshot: computed from the transactions) and warm
 * (snapshot read) latency of what GET /api/v1/loyalty/summary, /nps-value and /what-if run (the server's answer
 * functions, without HTTP), for the whole organisation and one store; then `sarafan loyalty --json
 * --skip-bad-rows` on the same CSV, spawned under /usr/bin/time for its time and peak RSS.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loyaltyNpsValue, loyaltySummary, type LoyaltyRequest } from '../src/server/loyalty/loyaltyAnswers.ts';
import { createOwnDatabase } from './supportImport.ts';
import { prepareStoreBenchOrg } from './storeImport.ts';
import { timeRuns } from './timing.ts';

const COLD_RUNS = 3;
const WARM_RUNS = 20;

interface LoyaltyLatency { call: string; scope: string; cold_median_ms: number; warm_median_ms: number; warm_p95_ms: number }

async function measure(pool: pg.Pool, orgId: string, storePath: string): Promise<LoyaltyLatency[]> {
  const pools = { pool, reads: pool };
  const out: LoyaltyLatency[] = [];
  const drop = () => pool.query(`delete from loyalty_snapshots where org_id = $1`, [orgId]);
  for (const scope of [{ name: 'organisation', paths: null }, { name: 'one store', paths: [storePath] }]) {
    const req: LoyaltyRequest = { scope: { orgId, locationPaths: scope.paths } };
    const calls: [string, () => Promise<unknown>][] = [
      ['summary', () => loyaltySummary(pools, req, 'month')],
      ['nps-value', () => loyaltyNpsValue(pools, req)],
      // the what-if reads the nps-value answer; its own arithmetic is microseconds
      ['what-if', () => loyaltyNpsValue(pools, req)],
    ];
    for (const [call, run] of calls) {
      const cold = await timeRuns(async () => { await drop(); await run(); }, COLD_RUNS, 0);
      const warm = await timeRuns(run, WARM_RUNS, 1);
      out.push({ call, scope: scope.name, cold_median_ms: cold.median_ms, warm_median_ms: warm.median_ms, warm_p95_ms: warm.p95_ms });
    }
  }
  return out;
}

/** `sarafan loyalty FILE --json --skip-bad-rows` in a child process under /usr/bin/time: seconds and peak RSS. */
function runLoyaltyCommand(file: string): Promise<{ seconds: number; peak_rss_mb: number; customers: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, path.resolve('bin/sarafan.js'), 'loyalty', file, '--json', '--skip-bad-rows'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /maxrss_kb=(\d+)/.exec(stderr);
      if (code !== 0 || !rss) return reject(new Error(`sarafan loyalty failed (${code}): ${stderr.slice(-500)}`));
      const json = JSON.parse(stdout) as { customers: number };
      resolve({ seconds: Math.round((performance.now() - t0) / 100) / 10, peak_rss_mb: Math.round(Number(rss[1]) / 1024), customers: json.customers });
    });
  });
}

/** The loyalty latency step: its own database (on DATABASE_URL) or a temporary embedded one, removed at the end. */
export async function runLoyaltyBench(opts: { rows: number; json: boolean }): Promise<void> {
  const say = (m: string) => (opts.json ? process.stderr : process.stdout).write(`${m}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-loyalty-bench-'));
  const dataDir = process.env.DATABASE_URL ? null : path.join(os.tmpdir(), `sarafan-loyalty-db-${process.pid}`);
  const own = process.env.DATABASE_URL ? await createOwnDatabase(process.env.DATABASE_URL) : null;
  const db = await openDatabase(dataDir ? { dataDir, log: say } : { databaseUrl: own!.url });
  try {
    await migrate(db.pool);
    say(`Loyalty latency: importing ${opts.rows.toLocaleString('en')} generated transactions…`);
    const org = await prepareStoreBenchOrg(db.pool, opts.rows, work);
    await db.pool.query('analyze sales_transactions');
    const storePath: string = (await db.pool.query(`select path from locations where id = $1`, [org.locationIds[0]])).rows[0].path;
    const latency = await measure(db.pool, org.orgId, storePath);
    const command = await runLoyaltyCommand(path.join(work, 'transactions.csv'));
    if (opts.json) console.log(JSON.stringify({ measure: 'loyalty_latency', rows: opts.rows, latency, command }));
    say(`  ${'call'.padEnd(10)} ${'scope'.padEnd(13)} ${'cold ms'.padStart(8)} ${'warm ms'.padStart(8)} ${'warm p95'.padStart(9)}`);
    for (const l of latency) {
      say(`  ${l.call.padEnd(10)} ${l.scope.padEnd(13)} ${String(l.cold_median_ms).padStart(8)} ${String(l.warm_median_ms).padStart(8)} ${String(l.warm_p95_ms).padStart(9)}`);
    }
    say(`  sarafan loyalty on the CSV: ${command.seconds} s, peak RSS ${command.peak_rss_mb} MB, ${command.customers} customers (goal: warm calls < 100 ms)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await db.close();
    await own?.drop();
  }
}
