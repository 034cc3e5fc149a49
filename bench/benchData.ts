/**
 * Benchmark data: ~200 locations (10 regions x 19 stores), one survey with NPS, CSAT and CES
 * questions and a single-choice question, and N answers over ~13 months, generated as a stream in time order and loaded with
 * COPY in chunks (memory stays flat at 10M answers). Ids are time-ordered (UUIDv7 layout), so every
 * index grows at its right edge instead of taking random inserts.
 */
import type { Pool, PoolClient } from '../src/db/connection.ts';
import { createRng, scoreFromLatent, type Rng } from '../src/core/demo/random.ts';
import { insertSurvey } from '../src/db/demo/insertDemoStructure.ts';
import { copyRows, type CopyValue } from '../src/db/demo/copyRows.ts';
import { ANSWER_COLUMNS, RESPONSE_COLUMNS } from '../src/db/demo/loadDemo.ts';
import { buildDemoRollups, type RollupCounts } from '../src/db/demo/buildDemoRollups.ts';
import { ROLLUP_TABLES } from '../src/db/rollups/levels.ts';
import type { DemoSurvey } from '../src/core/demo/surveys.ts';

/** Login of the benchmark organisation's owner (its password is new on every run). */
export const BENCH_EMAIL = 'bench@sarafan.local';
/** Length of the generated period: about 13 months, so a 365-day trend is full. */
export const BENCH_DAYS = 395;
const DAY_MS = 86_400_000;
const MOSCOW_OFFSET_MS = 3 * 3_600_000;
const CHUNK_RESPONSES = 25_000;
const REGIONS = 10;
const STORES_PER_REGION = 19;
const CHANNELS = ['receipt', 'qr', 'email', 'link', 'kiosk'];
const WEEKDAY = [1.3, 0.8, 0.85, 0.9, 0.95, 1.2, 1.5];
/** Options of the single-choice question `reason`. */
const REASONS = ['clothing', 'shoes', 'home', 'return', 'browsing'];
/**
 * Answers per response, by response number mod 10: NPS + CSAT (0-3), NPS + CES (4-6), or NPS + CSAT
 * + CES + reason (7-9, the complete responses key drivers use): 26 answers per 10 responses.
 */
const ANSWERS_PER_10_RESPONSES = 26;

/** One organisation per N, so data for several sizes can live in one external database. */
export const benchOrgName = (answers: number) => `Sarafan Bench (${answers} answers)`;

const BENCH_SURVEY: DemoSurvey = {
  slug: 'bench-cx', name: 'Bench: customer experience', status: 'live', template: null, languages: ['ru', 'en', 'fa'], defaultLanguage: 'ru',
  title: { en: 'Customer experience' }, intro: {}, thanks: {},
  questions: [
    { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Recommend?' }, scale: { min: 0, max: 10, style: 'numbers' } },
    { key: 'csat', type: 'rating', metric: 'csat', required: false, text: { en: 'Satisfied?' }, scale: { min: 1, max: 5, style: 'stars' }, boxMin: 4 },
    { key: 'ces', type: 'rating', metric: 'ces', required: false, text: { en: 'Easy?' }, scale: { min: 1, max: 7, style: 'numbers' }, boxMin: 5, direction: 'higher_is_easier' },
    { key: 'reason', type: 'single', metric: 'none', required: false, text: { en: 'What did you come for?' },
      options: REASONS.map((value) => ({ value, label: { en: value } })) },
  ],
};

/** Ids the measurements need. */
export interface BenchIds {
  orgId: string;
  surveyId: string;
  questions: { nps: string; csat: string; ces: string; reason: string };
}

interface Store {
  id: string;
  base: number;
  trend: number;
  language: string;
  channels: [string, string];
}

/** Creates the organisation, locations, the owner and the survey. */
async function insertBenchStructure(tx: PoolClient, answers: number, passwordHash: string, rng: Rng): Promise<{ ids: BenchIds; stores: Store[] }> {
  const org = await tx.query(`insert into orgs(name, timezone, dimensions) values ($1, 'Europe/Moscow', '{segment,customer_type}') returning id`, [benchOrgName(answers)]);
  const orgId = org.rows[0].id as string;
  const insertLocation = async (parent: { id: string; path: string } | null, kind: string, name: string, code: string) => {
    const { rows } = await tx.query(
      `insert into locations(org_id, id, parent_id, kind, name, code, path)
       select $1, g, $2::uuid, $3, $4, $5, coalesce($6, '/') || g || '/' from gen_random_uuid() g returning id, path`,
      [orgId, parent?.id ?? null, kind, name, code, parent?.path ?? null],
    );
    return rows[0] as { id: string; path: string };
  };
  const root = await insertLocation(null, 'company', 'Bench Retail', 'HQ');
  const stores: Store[] = [];
  for (let r = 1; r <= REGIONS; r++) {
    const region = await insertLocation(root, 'region', `Region ${r}`, `R${r}`);
    for (let s = 1; s <= STORES_PER_REGION; s++) {
      const store = await insertLocation(region, 'store', `Store ${r}-${s}`, `R${r}-S${s}`);
      const first = rng.pick(CHANNELS);
      stores.push({ id: store.id, base: rng.normal(0, 0.5), trend: rng.normal(0, 0.6), language: r <= 2 ? 'fa' : 'ru', channels: [first, rng.pick(CHANNELS)] });
    }
  }
  await tx.query(`insert into users(org_id, email, name, password_hash, role) values ($1, $2, 'Bench Owner', $3, 'owner')`, [orgId, BENCH_EMAIL, passwordHash]);
  const survey = await insertSurvey(tx, orgId, BENCH_SURVEY);
  const q = (k: string) => survey.questions.get(k)!;
  return { ids: { orgId, surveyId: survey.id, questions: { nps: q('nps'), csat: q('csat'), ces: q('ces'), reason: q('reason') } }, stores };
}

/** A UUID with the UUIDv7 layout: 48-bit milliseconds, then a counter, so ids sort by time. */
function timeOrderedId(ms: number, counter: number): string {
  const t = ms.toString(16).padStart(12, '0');
  const c = counter.toString(16).padStart(18, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${c.slice(0, 3)}-8${c.slice(3, 6)}-${c.slice(6, 18)}`;
}

/** Size, seed and owner password hash of the generated data. */
export interface GenerateBenchOptions {
  answers: number;
  seed?: number;
  passwordHash: string;
  now?: Date;
  onProgress?: (answersDone: number) => void;
}

/**
 * Generates and loads the benchmark organisation; returns its ids. Not one transaction (10M rows):
 * callers start from an empty database or delete the organisation on failure.
 */
export async function generateBenchData(pool: Pool, opts: GenerateBenchOptions): Promise<BenchIds> {
  const rng = createRng(opts.seed ?? 1);
  const client = await pool.connect();
  try {
    // Bulk-load settings for this session only: no per-row foreign-key triggers (superuser only; the
    // rows are generated consistent), no wait for WAL flush per COPY, room for the rollup GROUP BY.
    await client.query(`set synchronous_commit = off`);
    await client.query(`set work_mem = '256MB'`);
    await client.query(`set session_replication_role = replica`).catch(() => {});
    await client.query('begin');
    const { ids, stores } = await insertBenchStructure(client, opts.answers, opts.passwordHash, rng);
    await client.query('commit');

    // 4096-slot lookup table: picking a weighted store is one array read.
    const traffic = stores.map(() => 0.3 + rng.next() * 1.7);
    const total = traffic.reduce((a, b) => a + b, 0);
    const slots: number[] = [];
    traffic.forEach((t, i) => { for (let k = Math.round((t / total) * 4096); k > 0; k--) slots.push(i); });

    // Enough responses for N answers whatever the last partial cycle of 10 holds; generation stops at N answers.
    const responsesTotal = Math.ceil((opts.answers * 10) / ANSWERS_PER_10_RESPONSES) + 10;
    const nowMs = (opts.now ?? new Date()).getTime();
    const localToday = Math.floor((nowMs + MOSCOW_OFFSET_MS) / DAY_MS);
    const dayWeights = Array.from({ length: BENCH_DAYS }, (_, i) => WEEKDAY[(localToday - BENCH_DAYS + 1 + i + 4) % 7]);
    const weightSum = dayWeights.reduce((a, b) => a + b, 0);
    let made = 0;
    let answersDone = 0;
    let carry = 0;
    let chunkR: CopyValue[][] = [];
    let chunkA: CopyValue[][] = [];
    const flush = async () => {
      await copyRows(client, 'responses', RESPONSE_COLUMNS, chunkR);
      await copyRows(client, 'answers', ANSWER_COLUMNS, chunkA);
      chunkR = [];
      chunkA = [];
      opts.onProgress?.(answersDone);
    };
    for (let d = 0; d < BENCH_DAYS && made < responsesTotal && answersDone < opts.answers; d++) {
      carry += (responsesTotal * dayWeights[d]) / weightSum;
      const k = d === BENCH_DAYS - 1 ? responsesTotal - made : Math.min(responsesTotal - made, Math.floor(carry));
      carry -= k;
      const dayStart = (localToday - BENCH_DAYS + 1 + d) * DAY_MS - MOSCOW_OFFSET_MS;
      const fraction = d / BENCH_DAYS;
      for (let j = 0; j < k && answersDone < opts.answers; j++) {
        const at = Math.min(nowMs, dayStart + (10 + (12 * (j + rng.next())) / k) * 3_600_000);
        const store = stores[slots[(rng.next() * slots.length) | 0]];
        const segment = rng.next() < 0.55 ? 'basic' : rng.next() < 0.62 ? 'silver' : 'gold';
        const customerType = rng.next() < 0.3 ? 'first_time' : 'returning';
        const channel = rng.next() < 0.7 ? store.channels[0] : store.channels[1];
        const language = rng.next() < 0.9 ? store.language : 'en';
        const mood = 1.4 + store.base + store.trend * (fraction - 0.5) + (segment === 'gold' ? 0.35 : 0) + rng.normal(0, 1.2);
        const id = timeOrderedId(Math.floor(at), made);
        const when = new Date(at);
        // Every 100th response is a speeder (1 s), so the data-quality view has flags to list; the draw
        // happens either way, so the rest of the data does not change.
        const drawn = 15_000 + ((rng.next() * 90_000) | 0);
        const duration = made % 100 === 0 ? 1_000 : drawn;
        chunkR.push([ids.orgId, id, ids.surveyId, store.id, channel, language, { segment, customer_type: customerType },
          `b${made}`, 1, null, new Date(at - duration), when, duration]);
        const answer = (q: string, score: number | null, choice: string | null = null): CopyValue[] =>
          [ids.orgId, id, q, ids.surveyId, store.id, channel, language, when, score, choice, null];
        const kind = made % 10;
        const rows = [answer(ids.questions.nps, scoreFromLatent(mood + rng.normal(0, 0.6), 0, 10))];
        if (kind < 4 || kind >= 7) rows.push(answer(ids.questions.csat, scoreFromLatent(mood + 0.3 + rng.normal(0, 0.6), 1, 5)));
        if (kind >= 4) rows.push(answer(ids.questions.ces, scoreFromLatent(mood - 0.2 + rng.normal(0, 0.8), 1, 7)));
        if (kind >= 7) rows.push(answer(ids.questions.reason, null, REASONS[Math.min(REASONS.length - 1, (rng.next() * rng.next() * 1.6 * REASONS.length) | 0)]));
        for (const row of rows.slice(0, opts.answers - answersDone)) chunkA.push(row);
        answersDone = Math.min(opts.answers, answersDone + rows.length);
        made++;
        if (chunkR.length >= CHUNK_RESPONSES) await flush();
      }
    }
    if (chunkR.length) await flush();
    return ids;
  } finally {
    await client.query('reset all').catch(() => {});
    client.release();
  }
}

/** Builds every rollup level of the organisation (one INSERT ... SELECT ... GROUP BY per table, src/db/rollups/buildRollups.ts), then ANALYZE. */
export async function buildBenchRollups(pool: Pool, orgId: string): Promise<RollupCounts> {
  const client = await pool.connect();
  try {
    await client.query(`set work_mem = '256MB'`);
    await client.query(`set synchronous_commit = off`);
    const counts = await buildDemoRollups(client, orgId);
    await client.query(`analyze orgs, locations, surveys, questions, responses, answers, response_quality, ${ROLLUP_TABLES.join(', ')}`);
    return counts;
  } finally {
    await client.query('reset all').catch(() => {});
    client.release();
  }
}
