/**
 * `sarafan bench`: generates (or reuses) N answers, then times the dashboard's own API calls over
 * real HTTP against the same numbers computed by streaming every answer into JavaScript.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { orgRollupsBuilt } from '../src/db/rollups/buildRollups.ts';
import { buildApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { BENCH_EMAIL, benchOrgName, buildBenchRollups, generateBenchData, type BenchIds } from './benchData.ts';
import { baselineChoices, baselineCompareSegments, baselineDrivers, baselineSummary, baselineTrend, baselineWorstLocations } from './baseline.ts';
import { getChoiceCounts } from '../src/db/queries/getChoiceCounts.ts';
import type { AnalyticsFilter, SourceContext } from '../src/db/queries/analyticsSource.ts';
import { ROLLUP_LEVELS } from '../src/db/rollups/levels.ts';
import { timeRuns, type Timing } from './timing.ts';
import { benchHomeAndPdf, PDF_RUNS } from './homePdf.ts';

/** Command-line options of `sarafan bench`. */
export interface BenchOptions {
  answers: number;
  runs: number;
  json: boolean;
  fresh: boolean;
  keep: boolean;
  /** Only the home page and the report PDF (`--home-pdf`), not the dashboard calls. */
  homePdfOnly?: boolean;
}

/** One table row / JSON line; `error` when the API call did not answer 200. */
export interface Measurement extends Timing {
  measure: string;
  answers: number;
  engine: 'sarafan' | 'baseline-js';
  error?: string;
}

/** Human output goes to stderr when --json is on, so stdout carries only the JSON lines. */
const say = (opts: BenchOptions, msg: string) => (opts.json ? process.stderr : process.stdout).write(`${msg}\n`);

async function openBenchDatabase(opts: BenchOptions): Promise<{ db: Database; dataDir: string | null }> {
  if (process.env.DATABASE_URL) return { db: await openDatabase({ databaseUrl: process.env.DATABASE_URL }), dataDir: null };
  const dataDir = process.env.SARAFAN_DATA_DIR ?? path.join(os.tmpdir(), `sarafan-bench-${opts.answers}`);
  if (opts.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  return { db: await openDatabase({ dataDir, log: (m) => say(opts, m) }), dataDir };
}

async function findBenchIds(db: Database, answers: number): Promise<BenchIds | null> {
  const { rows } = await db.pool.query(
    `select o.id as org_id, s.id as survey_id, jsonb_object_agg(q.key, q.id) as q
       from orgs o join surveys s on s.org_id = o.id and s.slug = 'bench-cx' join questions q on q.org_id = o.id and q.survey_id = s.id
      where o.name = $1 group by o.id, s.id`,
    [benchOrgName(answers)],
  );
  const r = rows[0];
  // Data generated before the survey had its choice question is regenerated (the caller deletes it).
  return r?.q.reason ? { orgId: r.org_id, surveyId: r.survey_id, questions: { nps: r.q.nps, csat: r.q.csat, ces: r.q.ces, reason: r.q.reason } } : null;
}

async function buildRollupsReporting(db: Database, opts: BenchOptions, orgId: string): Promise<void> {
  const started = Date.now();
  const c = await buildBenchRollups(db.pool, orgId);
  say(opts, `Rollups: ${c.scoreRows} score rows (every level), ${c.compactRows} compact score rows, ${c.responseRows} response rows ` +
    `in ${((Date.now() - started) / 1000).toFixed(1)} s (with ANALYZE).`);
}

async function prepareData(db: Database, opts: BenchOptions, passwordHash: string): Promise<{ ids: BenchIds; generatedMs: number | null }> {
  const existing = opts.fresh ? null : await findBenchIds(db, opts.answers);
  if (existing) {
    const { rows } = await db.pool.query(`select count(*)::int as answers from answers where org_id = $1`, [existing.orgId]);
    rows[0].rolled = await orgRollupsBuilt(db.pool, existing.orgId);
    if (rows[0].answers === opts.answers) {
      await db.pool.query(`update users set password_hash = $2 where org_id = $1 and email = $3`, [existing.orgId, passwordHash, BENCH_EMAIL]);
      say(opts, `Reusing the ${opts.answers} answers generated before (--fresh to regenerate).`);
      // A run interrupted after loading, or rollup tables added since: build the rollups only, then
      // compact them (the rows the build deleted leave their space in the tables, which would count as
      // rollup disk below).
      if (!rows[0].rolled) {
        await buildRollupsReporting(db, opts, existing.orgId);
        const compacting = Date.now();
        await db.pool.query(`vacuum (full, analyze) ${ROLLUP_LEVELS.map((l) => l.table).join(', ')}`);
        say(opts, `Rollup tables compacted (VACUUM FULL) in ${((Date.now() - compacting) / 1000).toFixed(1)} s.`);
      }
      return { ids: existing, generatedMs: null };
    }
  }
  // A half-generated organisation from an interrupted run, or an old one with --fresh (external database).
  await db.pool.query(`delete from orgs where name = $1`, [benchOrgName(opts.answers)]);
  await db.pool.query(`delete from users where lower(email) = $1`, [BENCH_EMAIL]);
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: 'Generating |{bar}| {value}/{total} answers  {duration_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(opts.answers, 0);
  const ids = await generateBenchData(db.pool, { answers: opts.answers, passwordHash, onProgress: (n) => bar.update(n) }).finally(() => bar.stop());
  say(opts, `Loaded ${opts.answers} answers in ${((Date.now() - started) / 1000).toFixed(1)} s; building rollups...`);
  await buildRollupsReporting(db, opts, ids.orgId);
  return { ids, generatedMs: Date.now() - started };
}

function localDay(offsetDays: number): string {
  return new Date(Date.now() + 3 * 3_600_000 - offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Every dashboard call: [name, API path, baseline or null where no JS-scan baseline applies]. `region`
 * is a region of the bench organisation (location filters read per-location levels).
 */
function measures(ids: BenchIds, db: Database, region: string): Array<[string, string, (() => Promise<unknown>) | null]> {
  const s = `/api/v1/surveys/${ids.surveyId}/analytics`;
  const nps = ids.questions.nps;
  const from = localDay(364);
  const fromIso = new Date(`${from}T00:00:00+03:00`).toISOString();
  const last90 = `from=${localDay(89)}&to=${localDay(0)}`;
  return [
    ['summary_nps_csat_ces', `${s}/summary`, () => baselineSummary(db.pool, ids)],
    ['trend_weekly_365d', `${s}/trend?question=${nps}&interval=week&from=${from}&to=${localDay(0)}`, () => baselineTrend(db.pool, ids, fromIso)],
    ['worst_20_locations', `${s}/breakdown?question=${nps}&by=location&leaf=1&sort=worst&limit=20`, () => baselineWorstLocations(db.pool, ids)],
    ['compare_segments', `${s}/compare?question=${nps}&aDim=segment:gold&bDim=segment:basic`, () => baselineCompareSegments(db.pool, ids, 'gold', 'basic')],
    ['summary_filter_segment_gold', `${s}/summary?dim=segment:gold`, () => baselineSummary(db.pool, ids, 'gold')],
    ['summary_region_90d', `${s}/summary?location=${region}&${last90}`, null],
    ['summary_region_email_90d', `${s}/summary?location=${region}&channel=email&${last90}`, null],
    ['breakdown_channel_90d', `${s}/breakdown?question=${nps}&by=channel&${last90}`, null],
    ['heatmap_regions', `${s}/heatmap`, null],
    ['drivers_nps', `${s}/drivers?outcome=${nps}`, () => baselineDrivers(db.pool, ids)],
    ['drivers_nps_region_90d', `${s}/drivers?outcome=${nps}&location=${region}&${last90}`, null],
    ['drivers_nps_region_email_90d', `${s}/drivers?outcome=${nps}&location=${region}&channel=email&${last90}`, null],
    ['quality_90d', `/api/v1/surveys/${ids.surveyId}/quality`, null],
    ['comments_page', `/api/v1/surveys/${ids.surveyId}/comments?limit=50`, null],
    ['responses_page', `/api/v1/surveys/${ids.surveyId}/responses?limit=50`, null],
    ['responses_page_region_90d', `/api/v1/surveys/${ids.surveyId}/responses?limit=50&location=${region}&${last90}`, null],
    ['freshness', `/api/v1/analytics/freshness`, null],
  ];
}

/**
 * Choice counts of the question `reason` ([name, filter, baseline or null]), called as the summary calls
 * them: every answer; the first region over the last 90 days; the same with `channel=email`.
 */
function choiceMeasures(ids: BenchIds, db: Database, regionPath: string): Array<[string, AnalyticsFilter, (() => Promise<unknown>) | null]> {
  const last90 = { from: localDay(89), to: localDay(0) };
  return [
    ['choices_reason', {}, () => baselineChoices(db.pool, ids)],
    ['choices_reason_region_90d', { ...last90, locationPath: regionPath }, null],
    ['choices_reason_region_email_90d', { ...last90, locationPath: regionPath, channel: 'email' }, null],
  ];
}

/** JSON lines of measurements that have a timing (a failed call has none). */
function printJsonLines(rows: Measurement[]): void {
  for (const r of rows) {
    if (!r.error) console.log(JSON.stringify({ measure: r.measure, answers: r.answers, engine: r.engine, median_ms: r.median_ms, p95_ms: r.p95_ms }));
  }
}

/** On-disk sizes (table + indexes + TOAST) of raw answers, responses and every rollup table, in MB. */
async function diskSizes(db: Database): Promise<{ answers: number; responses: number; rollups: number; byKind: Record<string, number> }> {
  const mb = (b: unknown) => Math.round(Number(b) / 2 ** 20);
  const { rows } = await db.pool.query(
    `select t as table, pg_total_relation_size(t::regclass) as bytes from unnest($1::text[]) t`,
    [['answers', 'responses', ...ROLLUP_LEVELS.map((l) => l.table)]],
  );
  const bytes = Object.fromEntries(rows.map((r) => [r.table, Number(r.bytes)]));
  const byKind: Record<string, number> = {};
  for (const l of ROLLUP_LEVELS) byKind[l.kind] = (byKind[l.kind] ?? 0) + bytes[l.table];
  return {
    answers: mb(bytes.answers),
    responses: mb(bytes.responses),
    rollups: mb(ROLLUP_LEVELS.reduce((sum, l) => sum + bytes[l.table], 0)),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, mb(v)])),
  };
}

async function signIn(baseUrl: string, password: string, email = BENCH_EMAIL): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: HTTP ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

function printTable(opts: BenchOptions, rows: Measurement[]): void {
  const header = ['measure', 'answers', 'engine', 'median_ms', 'p95_ms'];
  const cells = rows.map((r) => [r.measure, String(r.answers), r.engine, r.error ?? String(r.median_ms), r.error ? '' : String(r.p95_ms)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  say(opts, ['', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n'));
}

/** Runs the whole benchmark and prints the results. */
export async function runBench(opts: BenchOptions): Promise<Measurement[]> {
  const { db, dataDir } = await openBenchDatabase(opts);
  const results: Measurement[] = [];
  try {
    await migrate(db.pool);
    const password = crypto.randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    const { ids, generatedMs } = await prepareData(db, opts, passwordHash);
    const app = await buildApp({ pool: db.pool, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const cookie = await signIn(baseUrl, password);
      const baselineRuns = opts.answers >= 5_000_000 ? 3 : Math.min(opts.runs, 5);
      const { id: region, path: regionPath } = (await db.pool.query(`select id, path from locations where org_id = $1 and kind = 'region' order by name limit 1`, [ids.orgId])).rows[0];
      for (const [measure, apiPath, baseline] of opts.homePdfOnly ? [] : measures(ids, db, region)) {
        let error: string | undefined;
        const call = async () => {
          const res = await fetch(baseUrl + apiPath, { headers: { cookie } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        };
        const api = await timeRuns(call, opts.runs, 3).catch((e: Error) => ((error = e.message), { median_ms: NaN, p95_ms: NaN }));
        results.push({ measure, answers: opts.answers, engine: 'sarafan', ...api, ...(error ? { error } : {}) });
        const before = results.length - 1;
        if (baseline) {
          const js = await timeRuns(baseline, baselineRuns, opts.answers >= 5_000_000 ? 0 : 1);
          results.push({ measure, answers: opts.answers, engine: 'baseline-js', ...js });
        }
        if (opts.json) printJsonLines(results.slice(before));
      }
      // Choice counts have no API call of their own (the summary includes them): timed called directly.
      for (const [measure, filter, baseline] of opts.homePdfOnly ? [] : choiceMeasures(ids, db, regionPath)) {
        const ctx: SourceContext = { scope: { orgId: ids.orgId, locationPaths: null }, timezone: 'Europe/Moscow', dimensions: ['segment', 'customer_type'], filter };
        const before = results.length;
        results.push({ measure, answers: opts.answers, engine: 'sarafan', ...(await timeRuns(() => getChoiceCounts(db.pool, ctx, [ids.questions.reason]), opts.runs, 3)) });
        if (baseline) results.push({ measure, answers: opts.answers, engine: 'baseline-js', ...(await timeRuns(baseline, baselineRuns, opts.answers >= 5_000_000 ? 0 : 1)) });
        if (opts.json) printJsonLines(results.slice(before));
      }
      const homeAndPdf = await benchHomeAndPdf({
        pool: db.pool, baseUrl, ids, passwordHash, runs: opts.runs, ownerCookie: cookie, signIn: (email) => signIn(baseUrl, password, email),
      });
      for (const r of homeAndPdf) {
        results.push({ ...r, answers: opts.answers, engine: 'sarafan' });
        if (opts.json && !r.error) console.log(JSON.stringify({ measure: r.measure, answers: opts.answers, engine: 'sarafan', median_ms: r.median_ms, p95_ms: r.p95_ms }));
      }
      printTable(opts, results);
      const facts = await db.pool.query(`select current_setting('server_version') as v, pg_size_pretty(pg_database_size(current_database())) as size,
        (select count(*)::int from rollup_scores_location where org_id = $1) as rollup_rows, (select count(*)::int from rollup_scores_compact where org_id = $1) as compact_rows`, [ids.orgId]);
      const f = facts.rows[0];
      say(opts, `\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; ` +
        `PostgreSQL ${f.v} (${db.embedded ? `embedded, ${dataDir}` : 'external DATABASE_URL'}); database size ${f.size}; rollup_scores_location rows ${f.rollup_rows}, rollup_scores_compact rows ${f.compact_rows}.`);
      say(opts, `Sarafan: ${opts.runs} timed runs after 3 warm-up runs per call, over HTTP with a signed-in session ` +
        `(report_pdf_*: ${PDF_RUNS} runs after 1 warm-up that starts Chromium). ` +
        `Baseline-js: ${baselineRuns} runs${opts.answers >= 5_000_000 ? ' without warm-up (fewer runs at this size: each one streams every answer)' : ' after 1 warm-up'}.`);
      const sizes = await diskSizes(db);
      say(opts, `Disk (tables + indexes): answers ${sizes.answers} MB, responses ${sizes.responses} MB, all rollups ${sizes.rollups} MB ` +
        `(${((100 * sizes.rollups) / Math.max(1, sizes.answers)).toFixed(0)}% of answers; ${Object.entries(sizes.byKind).map(([k, v]) => `${k} ${v} MB`).join(', ')}).`);
      if (generatedMs !== null) say(opts, `Generation (answers + rollups + ANALYZE): ${(generatedMs / 1000).toFixed(1)} s.`);
      const failed = results.filter((r) => r.error);
      if (failed.length) say(opts, `Failed calls (no timing): ${failed.map((r) => `${r.measure} ${r.error}`).join(', ')}.`);
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    if (dataDir && !opts.keep && !process.env.SARAFAN_DATA_DIR && opts.answers < 1_000_000) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
