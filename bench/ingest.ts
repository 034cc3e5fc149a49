/**
 * `sarafan bench --ingest` (docs/bench.md "Ingest"): respondents' submissions per second through the
 * real public route (POST /s/:slug, JSON with an idempotency key, as the page's script sends them) on
 * a real server over loopback, `concurrency` in flight, next to the plain INSERT of the same rows
 * (one response and its answers per statement, no rollups, no lookups, `concurrency` connections)
 * into the same database in the same run. Then how long the background fold took to empty the queue,
 * and a check that the rollups equal the raw answers.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPool, openDatabase, type Database } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/server/app.ts';

export interface IngestBenchOptions {
  /** Submissions to send (each phase writes this many responses), at most. */
  count: number;
  /** Seconds each phase may run at most (it stops early, counting what completed). */
  seconds: number;
  /** Requests (and baseline connections) in flight. */
  concurrency: number;
  json: boolean;
  /** Use a temporary embedded PostgreSQL even when SARAFAN_DATA_DIR is set (after the dashboard section). */
  freshDataDir?: boolean;
}

export interface IngestBenchResult {
  measure: 'ingest';
  concurrency: number;
  http_responses: number;
  http_responses_per_s: number;
  http_answers_per_s: number;
  http_errors: number;
  insert_responses: number;
  insert_responses_per_s: number;
  insert_answers_per_s: number;
  ratio: number;
  fold_ms: number;
  rollups_exact: boolean;
}

const ANSWERS_PER_RESPONSE = 3;

/**
 * The respondents: a worker thread (the other core, not the server's event loop) sending POST
 * /s/:slug over keep-alive loopback connections, `concurrency` in flight, until `count` were sent
 * or `ms` passed. Respondent `i` answers NPS i % 11, a 1-5 rating and a comment, with a fresh key.
 * Plain JavaScript (the worker does not load TypeScript).
 */
const CLIENT_JS = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const crypto = require('node:crypto');
const { url, count, ms, concurrency, location } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const post = (body) => new Promise((resolve) => {
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (text += c));
    res.on('end', () => { try { resolve(res.statusCode === 200 && JSON.parse(text).ok === true); } catch { resolve(false); } });
  });
  req.on('error', () => resolve(false));
  req.end(body);
});
let next = 0, ok = 0, errors = 0;
const started = performance.now();
const deadline = started + ms;
const worker = async () => {
  while (next < count && performance.now() < deadline) {
    const i = next++;
    const body = JSON.stringify({
      _k: 'bench-' + i.toString(36) + '-' + crypto.randomBytes(6).toString('base64url'), _lang: 'en', _loc: location, _channel: 'link',
      _started: String(Date.now() - 60000), h_segment: i % 3 === 0 ? 'gold' : 'basic',
      q_nps: String(i % 11), q_service: String(1 + (i % 5)), q_why: 'comment ' + i,
    });
    if (await post(body)) ok++; else errors++;
  }
};
Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
  parentPort.postMessage({ ok, errors, seconds: (performance.now() - started) / 1000 });
  agent.destroy();
});
`;

function runRespondents(url: string, location: string, count: number, ms: number, concurrency: number): Promise<{ ok: number; errors: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT_JS, { eval: true, workerData: { url, location, count, ms, concurrency } });
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** Runs `task(i)` for i = 0.. with `concurrency` in flight until `count` are done or `ms` passed. */
async function runClosedLoop(count: number, ms: number, concurrency: number, task: (i: number) => Promise<boolean>) {
  let next = 0;
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + ms;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      if (await task(i)) ok++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ok, errors, seconds: (performance.now() - started) / 1000 };
}

export async function setUp(db: Pick<Database, "pool">) {
  const org = await db.pool.query(`insert into orgs(name, dimensions) values ($1, '{segment}') returning id`, [`Ingest bench ${process.pid}-${Date.now()}`]);
  const orgId = org.rows[0].id as string;
  const root = await db.pool.query(
    `insert into locations(org_id, id, kind, name, path) select $1, g, 'company', 'Bench', '/' || g || '/' from gen_random_uuid() g returning id, path`,
    [orgId],
  );
  const store = await db.pool.query(
    `insert into locations(org_id, id, parent_id, kind, name, path, code)
     select $1, g, $2::uuid, 'store', 'Store 1', $3 || g || '/', 'bench-store-1' from gen_random_uuid() g returning id`,
    [orgId, root.rows[0].id, root.rows[0].path],
  );
  const slug = `ingest-bench-${crypto.randomBytes(4).toString('hex')}`;
  const survey = await db.pool.query(
    `insert into surveys(org_id, slug, name, title, languages, default_language, status) values ($1, $2, 'Ingest bench', '{"en":"Bench"}', '{en}', 'en', 'live') returning id`,
    [orgId, slug],
  );
  const surveyId = survey.rows[0].id as string;
  const q = async (key: string, position: number, type: string, metric: string, min: number | null, max: number | null) =>
    (await db.pool.query(
      `insert into questions(org_id, survey_id, key, position, type, metric, required, text, scale_min, scale_max)
       values ($1, $2, $3, $4, $5, $6, false, $7, $8, $9) returning id`,
      [orgId, surveyId, key, position, type, metric, JSON.stringify({ en: key }), min, max],
    )).rows[0].id as string;
  const questions = { nps: await q('nps', 0, 'nps', 'nps', 0, 10), service: await q('service', 1, 'rating', 'csat', 1, 5), why: await q('why', 2, 'text', 'none', null, null) };
  return { orgId, storeId: store.rows[0].id as string, surveyId, slug, questions };
}

/** Runs the ingest benchmark on DATABASE_URL or a temporary embedded PostgreSQL and prints it. */
export async function runIngestBench(opts: IngestBenchOptions): Promise<IngestBenchResult> {
  const say = (m: string) => (opts.json ? process.stderr : process.stdout).write(`${m}\n`);
  // Not mkdtemp: its 0700 directory would keep the embedded server's `postgres` user out when run as root.
  // After the dashboard section (`fresh`), a temporary directory of its own even when SARAFAN_DATA_DIR is
  // set: reopening the just-stopped (large) cluster could find its postmaster still shutting down.
  const ownDir = opts.freshDataDir || !process.env.SARAFAN_DATA_DIR;
  const dataDir = process.env.DATABASE_URL ? null : ownDir ? path.join(os.tmpdir(), `sarafan-ingest-${process.pid}`) : process.env.SARAFAN_DATA_DIR!;
  const db = await openDatabase(dataDir ? { dataDir, log: say } : {});
  // The baseline's own connections, as many as requests in flight.
  const plain = createPool(db.url, opts.concurrency);
  let orgId = '';
  try {
    await migrate(db.pool);
    const fx = await setUp(db);
    orgId = fx.orgId;
    const app = await buildApp({ pool: db.pool, logger: false, publicRateLimitPerMinute: 1e9 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/s/${fx.slug}`;
    try {
      say(`Ingest: up to ${opts.count} submissions, ${opts.concurrency} in flight, at most ${opts.seconds} s per phase...`);
      const http = await runRespondents(url, 'bench-store-1', opts.count, opts.seconds * 1000, opts.concurrency);
      const foldStarted = performance.now();
      await app.rollupFolder.idle(fx.orgId);
      const foldMs = Math.round(performance.now() - foldStarted);
      const exact = await rollupsMatchRaw(db, fx.orgId, fx.questions.nps);

      // The same rows written plainly: one statement per response and its answers, no rollups.
      const insertSql = `with r as (
          insert into responses (org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, started_at, submitted_at, duration_ms)
          values ($1, $2, $3, 'link', 'en', $4, $5, 1, $6, $7, 60000) returning id)
        insert into answers (org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score, text)
        select $1, r.id, x.q, $2, $3, 'link', 'en', $7, x.score, x.text
          from r, (values ($8::uuid, $9::smallint, null::text), ($10::uuid, $11::smallint, null), ($12::uuid, null, $13)) x(q, score, text)`;
      const insert = await runClosedLoop(opts.count, opts.seconds * 1000, opts.concurrency, async (i) => {
        const now = new Date();
        await plain.query(insertSql, [fx.orgId, fx.surveyId, fx.storeId, JSON.stringify({ segment: i % 3 === 0 ? 'gold' : 'basic' }),
          `plain-${i.toString(36)}-${crypto.randomBytes(6).toString('base64url')}`, new Date(now.getTime() - 60_000), now,
          fx.questions.nps, i % 11, fx.questions.service, 1 + (i % 5), fx.questions.why, `comment ${i}`]);
        return true;
      });
      const result: IngestBenchResult = {
        measure: 'ingest',
        concurrency: opts.concurrency,
        http_responses: http.ok,
        http_responses_per_s: Math.round(http.ok / http.seconds),
        http_answers_per_s: Math.round((http.ok * ANSWERS_PER_RESPONSE) / http.seconds),
        http_errors: http.errors,
        insert_responses: insert.ok,
        insert_responses_per_s: Math.round(insert.ok / insert.seconds),
        insert_answers_per_s: Math.round((insert.ok * ANSWERS_PER_RESPONSE) / insert.seconds),
        ratio: Math.round((100 * (http.ok / http.seconds)) / (insert.ok / insert.seconds)) / 100,
        fold_ms: foldMs,
        rollups_exact: exact,
      };
      say('');
      say(`| path | responses | responses/s | answers/s |`);
      say(`|------|-----------|-------------|-----------|`);
      say(`| HTTP POST /s/:slug (${opts.concurrency} in flight) | ${http.ok} (${http.errors} failed) | ${result.http_responses_per_s} | ${result.http_answers_per_s} |`);
      say(`| plain INSERT, no rollups (${opts.concurrency} connections) | ${insert.ok} | ${result.insert_responses_per_s} | ${result.insert_answers_per_s} |`);
      say(`HTTP / plain INSERT: ${(result.ratio * 100).toFixed(0)}%; queued rollup changes folded ${foldMs} ms after the last answer; rollups ${exact ? 'equal' : 'DIFFER FROM'} the raw answers.`);
      if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      return result;
    } finally {
      await app.close();
    }
  } finally {
    if (orgId) await db.pool.query(`delete from orgs where id = $1`, [orgId]).catch(() => {});
    await plain.end();
    await db.close();
    if (dataDir && ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Per NPS score: the compact rollup level's histogram equals a count of the raw answers (a sanity check of the run). */
async function rollupsMatchRaw(db: Database, orgId: string, npsId: string): Promise<boolean> {
  const { rows } = await db.pool.query(
    `select coalesce(x.score, y.score) as score, x.n as rolled, y.n as raw
       from (select (h.k - 1)::int as score, sum(h.n)::int as n
               from rollup_scores_compact s cross join lateral unnest(s.counts) with ordinality h(n, k)
              where s.org_id = $1 and s.question_id = $2 and s.dim_key = '' and h.n <> 0 group by 1) x
       full join (select score, count(*)::int as n from answers where org_id = $1 and question_id = $2 and not excluded group by score) y on y.score = x.score`,
    [orgId, npsId],
  );
  return rows.every((r) => r.rolled === r.raw);
}
