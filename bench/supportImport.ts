/**
 * `npm run bench` support import section (docs/bench.md "Support import"): generates a canonical event
 * file of N rows (default 1,000,000: tickets of five events each) in a temporary directory, imports it
 * through the real import path (startFileImport + runFileImport, as `sarafan import events` does) in a
 * child process, and reports rows per second, the time and the child's peak RSS. Then imports the same
 * file again (nothing changes: the same SHA-256 and preset) and times the support page's queries on the
 * stored contacts (./supportKpiLatency.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { measureSupportKpiLatency, type SupportKpiLatency } from './supportKpiLatency.ts';

export interface SupportImportBenchOptions {
  rows: number;
  json: boolean;
}

export interface SupportImportBenchResult {
  measure: 'support_import';
  rows: number;
  file_mb: number;
  generate_ms: number;
  import_ms: number;
  rows_per_s: number;
  peak_rss_mb: number;
  events_added: number;
  contacts: number;
  reimport_ms: number;
  /** 1-minute load average when the import started and when it ended: this machine is shared. */
  load_avg_1m: [number, number];
  kpi_latency: SupportKpiLatency[];
}

const EVENTS_PER_TICKET = 5;
const HEADER = 'ticket_id,customer_id,at,event,channel,agent,team,location,priority,category,subject,is_complaint\n';

/** Writes `rows` canonical rows: tickets of created, agent_reply, customer_reply, agent_reply, solved. */
async function generateFile(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(HEADER);
  const start = Date.parse('2026-01-01T08:00:00Z');
  const channels = ['phone', 'email', 'chat'];
  const agents = ['Olga', 'Ivan', 'Maria', 'Petr', 'Sara', 'Reza', 'Anna', 'Dmitry'];
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const t = Math.floor(i / EVENTS_PER_TICKET);
    const k = i % EVENTS_PER_TICKET;
    const created = start + t * 90_000;
    const agent = agents[t % agents.length];
    const at = (m: number) => new Date(created + m * 60_000).toISOString();
    const id = `B-${t}`;
    const customer = `cust-${t % 50_000}`;
    switch (k) {
      case 0: buf += `${id},${customer},${at(0)},created,${channels[t % 3]},,,S${t % 40},${t % 7 === 0 ? 'high' : 'normal'},billing,"Order ${t}, late",${t % 13 === 0}\n`; break;
      case 1: buf += `${id},,${at(5 + (t % 50))},agent_reply,,${agent},Team ${t % 4},,,,,\n`; break;
      case 2: buf += `${id},,${at(80)},customer_reply,,,,,,,,\n`; break;
      case 3: buf += `${id},,${at(95)},agent_reply,,${agent},Team ${t % 4},,,,,\n`; break;
      default: buf += `${id},,${at(120 + (t % 600))},solved,,${agent},,,,,,\n`;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** Imports in a child process (its peak RSS is the import's own); @returns its report */
function importInChild(databaseUrl: string, orgId: string, file: string): Promise<{ ms: number; maxRssKb: number; status: string; eventsAdded: number; contactsTouched: number; again: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./supportImportChild.ts', import.meta.url)), databaseUrl, orgId, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the import child exited with ${code}: ${out}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

export async function createOwnDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sarafan_support_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Runs the support import benchmark on DATABASE_URL or a temporary embedded PostgreSQL and prints it. */
export async function runSupportImportBench(opts: SupportImportBenchOptions): Promise<SupportImportBenchResult> {
  const say = (m: string) => (opts.json ? process.stderr : process.stdout).write(`${m}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-support-bench-'));
  // Not mkdtemp for the data directory: its 0700 mode would keep the embedded server's `postgres` user out when run as root.
  const dataDir = process.env.DATABASE_URL ? null : path.join(os.tmpdir(), `sarafan-support-db-${process.pid}`);
  // On DATABASE_URL, a database of its own (created here, dropped at the end), never the one named.
  const own = process.env.DATABASE_URL ? await createOwnDatabase(process.env.DATABASE_URL) : null;
  const db = await openDatabase(dataDir ? { dataDir, log: say } : { databaseUrl: own!.url });
  let orgId = '';
  try {
    await migrate(db.pool);
    orgId = (await db.pool.query(`insert into orgs (name) values ('Support import bench') returning id`)).rows[0].id;
    for (let s = 0; s < 40; s++) {
      await db.pool.query(`insert into locations (org_id, id, kind, name, code, path) select $1, g, 'store', $2, $2, '/' || g || '/' from gen_random_uuid() g`, [orgId, `S${s}`]);
    }
    const file = path.join(work, 'events.csv');
    say(`Support import: generating ${opts.rows} canonical rows...`);
    const g0 = performance.now();
    await generateFile(file, opts.rows);
    const generateMs = Math.round(performance.now() - g0);
    const loadBefore = os.loadavg()[0];
    const first = await importInChild(db.url, orgId, file);
    if (first.status !== 'done') throw new Error(`the import ended ${first.status}`);
    const load = os.loadavg()[0];
    const again = await importInChild(db.url, orgId, file);
    say('Support page queries on the imported contacts (median of 3)...');
    const latency = await measureSupportKpiLatency(db.pool, orgId);
    const result: SupportImportBenchResult = {
      measure: 'support_import',
      rows: opts.rows,
      file_mb: Math.round(fs.statSync(file).size / 1024 / 102.4) / 10,
      generate_ms: generateMs,
      import_ms: first.ms,
      rows_per_s: Math.round(opts.rows / (first.ms / 1000)),
      peak_rss_mb: Math.round(first.maxRssKb / 1024),
      events_added: first.eventsAdded,
      contacts: first.contactsTouched,
      reimport_ms: again.again ? again.ms : NaN,
      load_avg_1m: [Math.round(loadBefore * 10) / 10, Math.round(load * 10) / 10],
      kpi_latency: latency,
    };
    say('');
    say('| support import | rows | file | time | rows/s | peak RSS (importing process) |');
    say('|----------------|------|------|------|--------|------------------------------|');
    say(`| canonical CSV, one transaction | ${result.rows} | ${result.file_mb} MB | ${(result.import_ms / 1000).toFixed(1)} s | ${result.rows_per_s} | ${result.peak_rss_mb} MB |`);
    say(`Load average (1 min) when the import started and ended: ${result.load_avg_1m.join(' and ')}.`);
    say(`Stored ${result.events_added} events of ${result.contacts} contacts; importing the same file again: nothing changed, ${result.reimport_ms} ms (hashing the file). File generated in ${(generateMs / 1000).toFixed(1)} s.`);
    say('');
    say('| support page query | period | scope | median ms |');
    say('|---|---|---|---|');
    for (const l of latency) say(`| ${l.query} | ${l.period} | ${l.scope} | ${l.median_ms} |`);
    if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    if (orgId && !own) await db.pool.query(`delete from orgs where id = $1`, [orgId]).catch(() => {});
    await db.close();
    await own?.drop();
    fs.rmSync(work, { recursive: true, force: true });
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
