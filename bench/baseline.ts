/**
 * The baseline engine: every relevant answer row is streamed into JavaScript (COPY ... TO STDOUT)
 * and aggregated there, which is how Formbricks computes its survey summary. Same numbers as the
 * dashboard calls, computed with the same src/core/stats functions.
 */
import { to as copyTo } from 'pg-copy-streams';
import type { Pool } from '../src/db/connection.ts';
import { compareNps, computeCes, computeCsat, computeNps, keyDrivers, type Histogram } from '../src/core/stats/index.ts';
import type { BenchIds } from './benchData.ts';

const MOSCOW_OFFSET_MS = 3 * 3_600_000; // the bench organisation's time zone has no DST
const DAY_MS = 86_400_000;

/** Streams the rows of `sql` (bind-free: ids are validated UUIDs) and calls `onRow` with the tab-separated fields. */
async function streamRows(pool: Pool, sql: string, onRow: (fields: string[]) => void): Promise<number> {
  const client = await pool.connect();
  let rows = 0;
  try {
    const stream = client.query(copyTo(`copy (${sql}) to stdout`));
    let rest = '';
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + chunk.toString('utf8');
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        onRow(line.split('\t'));
        rows++;
      }
    }
    if (rest) {
      onRow(rest.split('\t'));
      rows++;
    }
  } finally {
    client.release();
  }
  return rows;
}

const uuid = (s: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(s)) throw new Error(`not a uuid: ${s}`);
  return `'${s}'`;
};

function bump(h: Record<number, number>, score: number) {
  h[score] = (h[score] ?? 0) + 1;
}

/** Overall NPS, CSAT and CES and the choice question's option counts of the survey; with `segment`, only responses of that segment. */
export async function baselineSummary(pool: Pool, ids: BenchIds, segment?: string) {
  const hist: Record<string, Record<number, number>> = {};
  const choices: Record<string, number> = {};
  const seg = segment ? `, r.hidden->>'segment'` : '';
  const join = segment ? ` join responses r on r.org_id = a.org_id and r.id = a.response_id` : '';
  await streamRows(
    pool,
    `select a.question_id, a.score, a.choice${seg} from answers a${join}
      where a.org_id = ${uuid(ids.orgId)} and a.survey_id = ${uuid(ids.surveyId)} and (a.score is not null or a.choice is not null) and not a.excluded`,
    (f) => {
      if (segment && f[3] !== segment) return;
      if (f[2] !== '\\N') choices[f[2]] = (choices[f[2]] ?? 0) + 1;
      else bump((hist[f[0]] ??= {}), Number(f[1]));
    },
  );
  const q = ids.questions;
  return {
    nps: computeNps(hist[q.nps] ?? {}),
    csat: computeCsat(hist[q.csat] ?? {}, { min: 1, max: 5, box: 4 }),
    ces: computeCes(hist[q.ces] ?? {}, { min: 1, max: 7, direction: 'higher_is_easier' }),
    choices,
  };
}

/** Key drivers of NPS (attributes CSAT and CES) over every response: each response's scores pivoted in JavaScript. */
export async function baselineDrivers(pool: Pool, ids: BenchIds) {
  const q = ids.questions;
  const column: Record<string, number> = { [q.nps]: 0, [q.csat]: 1, [q.ces]: 2 };
  const cols: (number | null)[][] = [[], [], []];
  let current = '';
  let row = 0;
  await streamRows(
    pool,
    `select response_id, question_id, score from answers
      where org_id = ${uuid(ids.orgId)} and survey_id = ${uuid(ids.surveyId)} and score is not null and not excluded
      order by response_id`,
    (f) => {
      if (f[0] !== current) {
        current = f[0];
        row = cols[0].length;
        for (const c of cols) c.push(null);
      }
      cols[column[f[1]]][row] = Number(f[2]);
    },
  );
  return keyDrivers({ outcome: cols[0], attributes: [{ name: 'csat', scores: cols[1] }, { name: 'ces', scores: cols[2] }] });
}

/** Weekly NPS over the last 365 days (weeks start on Monday, org-local). */
export async function baselineTrend(pool: Pool, ids: BenchIds, fromIso: string) {
  const weeks = new Map<number, Record<number, number>>();
  await streamRows(
    pool,
    `select extract(epoch from submitted_at)::bigint, score from answers
      where org_id = ${uuid(ids.orgId)} and question_id = ${uuid(ids.questions.nps)} and not excluded
        and submitted_at >= '${fromIso}'::timestamptz`,
    (f) => {
      const localDay = Math.floor((Number(f[0]) * 1000 + MOSCOW_OFFSET_MS) / DAY_MS);
      const monday = localDay - ((localDay + 3) % 7); // day 0 (1970-01-01) was a Thursday
      let h = weeks.get(monday);
      if (!h) weeks.set(monday, (h = {}));
      bump(h, Number(f[1]));
    },
  );
  return [...weeks.entries()].sort((a, b) => a[0] - b[0]).map(([day, h]) => ({ day, result: computeNps(h) }));
}

/** The 20 stores with the lowest NPS. */
/** Option counts of the choice question `reason`, counted in JavaScript from every answer of it. */
export async function baselineChoices(pool: Pool, ids: BenchIds) {
  const counts = new Map<string, number>();
  await streamRows(
    pool,
    `select choice from answers where org_id = ${uuid(ids.orgId)} and question_id = ${uuid(ids.questions.reason)} and not excluded and choice is not null`,
    (f) => counts.set(f[0], (counts.get(f[0]) ?? 0) + 1),
  );
  return counts;
}

export async function baselineWorstLocations(pool: Pool, ids: BenchIds, limit = 20) {
  const byLocation = new Map<string, Record<number, number>>();
  await streamRows(
    pool,
    `select location_id, score from answers where org_id = ${uuid(ids.orgId)} and question_id = ${uuid(ids.questions.nps)} and not excluded`,
    (f) => {
      let h = byLocation.get(f[0]);
      if (!h) byLocation.set(f[0], (h = {}));
      bump(h, Number(f[1]));
    },
  );
  return [...byLocation.entries()]
    .map(([id, h]) => ({ id, result: computeNps(h) }))
    .sort((a, b) => (a.result.value ?? 0) - (b.result.value ?? 0))
    .slice(0, limit);
}

/** NPS of segment a vs segment b with the significance test. */
export async function baselineCompareSegments(pool: Pool, ids: BenchIds, a: string, b: string) {
  const ha: Record<number, number> = {};
  const hb: Record<number, number> = {};
  await streamRows(
    pool,
    `select r.hidden->>'segment', a.score from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
      where a.org_id = ${uuid(ids.orgId)} and a.question_id = ${uuid(ids.questions.nps)} and not a.excluded`,
    (f) => {
      if (f[0] === a) bump(ha, Number(f[1]));
      else if (f[0] === b) bump(hb, Number(f[1]));
    },
  );
  return compareNps(ha as Histogram, hb as Histogram);
}
