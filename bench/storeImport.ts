/**
 * `npm run bench` step "store import" (docs/bench.md "Store import"): generates a transaction CSV of N rows (default
 * 1,000,000: 40 locations, 150,000 customers, a year) in a temporary directory, imports it through the runner the
 * upload job and `sarafan import-store` use (startStoreImport + runStoreImport), and prints rows per second, the
 * seconds and the peak RSS (process.resourceUsage().maxRSS: run with --store alone for the import's own peak).
 * The data stays in the database: `prepareStoreBenchOrg` is what the funnel and loyalty latency steps call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { startStoreImport } from '../src/db/storeImports/imports.ts';
import { fileDigest } from '../src/server/files/upload.ts';
import { runStoreImport } from '../src/server/store/importStoreFile.ts';

const LOCATIONS = 40;
const CUSTOMERS = 150_000;

export interface StoreBenchOrg {
  orgId: string;
  /** Location ids, by code S1..S40. */
  locationIds: string[];
  rows: number;
  importMs: number;
  rowsStored: number;
}

/** Writes `rows` transactions: receipt, store code, time over 2025 (shop hours), amount, customer (a third anonymous), items. */
async function generateTransactions(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('receipt_id,location,at,amount,customer_id,items\n');
  const start = Date.parse('2025-01-01T00:00:00Z');
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const day = Math.floor((i / rows) * 365);
    const at = new Date(start + day * 86_400_000 + (7 + Math.floor(rand() * 13)) * 3_600_000 + Math.floor(rand() * 3_600_000));
    const amount = (3 + rand() * 120).toFixed(2);
    const customer = rand() < 0.33 ? '' : `C${Math.floor(Math.pow(rand(), 2) * CUSTOMERS)}`;
    buf += `R${i},S${(i % LOCATIONS) + 1},${at.toISOString()},${amount},${customer},${1 + Math.floor(rand() * 6)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/**
 * Creates the bench organisation (40 stores S1..S40 under one company) and imports `rows` generated transactions
 * into it through the real runner. The data is left for the funnel and loyalty latency steps.
 */
export async function prepareStoreBenchOrg(pool: pg.Pool, rows: number, workDir: string): Promise<StoreBenchOrg> {
  const orgId = (await pool.query(`insert into orgs (name, timezone) values ($1, 'Europe/Moscow') returning id`, [`Store bench ${rows}`])).rows[0].id as string;
  const root = (await pool.query(
    `insert into locations (org_id, id, kind, name, code, path) select $1, g, 'company', 'Bench Stores', 'HQ', '/' || g || '/' from gen_random_uuid() g returning id, path`, [orgId],
  )).rows[0] as { id: string; path: string };
  const locationIds: string[] = [];
  for (let s = 1; s <= LOCATIONS; s++) {
    const { rows: r } = await pool.query(
      `insert into locations (org_id, id, parent_id, kind, name, code, path) select $1, g, $2, 'store', $3, $4, $5 || g || '/' from gen_random_uuid() g returning id`,
      [orgId, root.id, `Store ${s}`, `S${s}`, root.path],
    );
    locationIds.push(r[0].id);
  }
  const file = path.join(workDir, 'transactions.csv');
  await generateTransactions(file, rows);
  const { sha256, bytes } = await fileDigest(file);
  const t0 = performance.now();
  const started = await startStoreImport(pool, orgId, {
    kind: 'transactions', fileName: 'transactions.csv', fileSha256: sha256, format: 'csv', mapping: {}, timeZone: 'UTC', dateFormat: null,
    locationId: null, skipBadRows: false, locationPaths: null, uploadPath: null, bytesTotal: bytes, createdBy: null,
  });
  const done = await runStoreImport(pool, started.row, file);
  if (done.status !== 'done') throw new Error(`store import failed: ${JSON.stringify(done.problems.slice(0, 3))}`);
  return { orgId, locationIds, rows, importMs: performance.now() - t0, rowsStored: done.rowsStored };
}

/** Runs the store import step on DATABASE_URL or a temporary embedded PostgreSQL and prints it. */
export async function runStoreImportBench(opts: { rows: number; json: boolean }): Promise<void> {
  const say = (m: string) => (opts.json ? process.stderr : process.stdout).write(`${m}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-store-bench-'));
  const dataDir = process.env.DATABASE_URL ? null : path.join(os.tmpdir(), `sarafan-store-db-${process.pid}`);
  const db = await openDatabase(dataDir ? { dataDir, log: say } : {});
  try {
    await migrate(db.pool);
    say(`store import: generating and importing ${opts.rows.toLocaleString('en')} transactions…`);
    const r = await prepareStoreBenchOrg(db.pool, opts.rows, work);
    const result = {
      measure: 'store_import', rows: r.rows, rows_stored: r.rowsStored, import_s: Math.round(r.importMs / 100) / 10,
      rows_per_s: Math.round(r.rows / (r.importMs / 1000)), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    say(`store import: ${result.rows} rows in ${result.import_s} s (${result.rows_per_s} rows/s), peak RSS ${result.peak_rss_mb} MB (goal: < 60 s, < 300 MB)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await db.close();
  }
}
