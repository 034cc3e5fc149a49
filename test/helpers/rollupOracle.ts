/**
 * An oracle for the rollup tables that shares no SQL with the code that builds them: it reads plain
 * rows (answers and responses, as stored) and counts every level's rows in JavaScript, with org-local
 * days from Intl (not PostgreSQL's `at time zone`). Only the list of levels and their key columns
 * comes from src (what to compare, not what to expect).
 */
import type pg from 'pg';
import { expect } from 'vitest';
import { groupColumns, ROLLUP_LEVELS, type RollupLevel } from '../../src/db/rollups/levels.ts';

/** The location key of answers without a location. */
const NO_LOCATION = '00000000-0000-0000-0000-000000000000';

/** The time key of a level for an org-local day: the day, its block's first day (1, 8, 15, 22, 29) or the month's first day. */
function timeKey(grain: 'day' | 'block' | 'month', day: string): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  const d = Number(day.slice(8));
  return `${day.slice(0, 8)}${String(d - ((d - 1) % 7)).padStart(2, '0')}`;
}

export interface RawRow {
  survey_id: string;
  question_id?: string;
  score?: number;
  /** Drivers: the sorted ids of the scored questions the response answered, in PostgreSQL's array text. */
  questions?: string;
  /** Choices: one chosen option. */
  value?: string;
  location_id: string | null;
  channel: string;
  language: string;
  submitted_at: Date;
  hidden: Record<string, string>;
}

/** A level's row key: its group columns, and for score levels (histograms, one slot per score) the score. */
const keyOf = (level: RollupLevel): string[] => [...groupColumns(level), ...(level.kind === 'scores' ? ['score'] : [])];

/** Expected rows of a level, computed in JavaScript from raw rows: `key columns joined by |` -> n. */
export function rollupOracle(level: RollupLevel, org: { id: string; timezone: string; dimensions: string[] }, raw: RawRow[]): Map<string, number> {
  const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: org.timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const out = new Map<string, number>();
  for (const r of raw) {
    const day = localDay.format(r.submitted_at);
    const dims: Array<[string, string]> = [['', '']];
    if (level.dims) for (const k of org.dimensions) if (r.hidden[k]) dims.push([k, r.hidden[k]]);
    for (const [dimKey, dimValue] of dims) {
      const value: Record<string, string> = {
        org_id: org.id, survey_id: r.survey_id, question_id: r.question_id ?? '', day: timeKey('day', day), block: timeKey('block', day),
        month: timeKey('month', day), location_id: r.location_id ?? NO_LOCATION, channel: r.channel, language: r.language,
        dim_key: dimKey, dim_value: dimValue, score: String(r.score), questions: r.questions ?? '', value: r.value ?? '',
      };
      const key = keyOf(level).map((c) => {
        if (!(c in value)) throw new Error(`the rollup oracle does not know the column ${c} of ${level.table}: extend it`);
        return value[c];
      }).join('|');
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/** The raw rows that count now (not excluded), in the shape of each kind of level. */
async function readRawRows(pool: pg.Pool | pg.PoolClient, orgId: string): Promise<Record<RollupLevel['kind'], RawRow[]>> {
  const scoreRows = (await pool.query(
    `select a.response_id, a.survey_id, a.question_id, a.score, a.location_id, a.channel, a.language, a.submitted_at, r.hidden
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
      where a.org_id = $1 and not a.excluded and a.score is not null`, [orgId])).rows;
  const responses = (await pool.query(
    `select survey_id, location_id, channel, language, submitted_at, hidden from responses where org_id = $1 and not excluded`, [orgId])).rows as RawRow[];
  // Drivers: one row per response with scored answers, keyed by its answered set (sorted ids;
  // lowercase uuids sort as text the way PostgreSQL sorts them).
  const answered = new Map<string, RawRow & { ids: string[] }>();
  for (const a of scoreRows) {
    const row = answered.get(a.response_id) ?? { ...a, ids: [] };
    row.ids.push(a.question_id);
    answered.set(a.response_id, row);
  }
  const drivers = [...answered.values()].map((r) => ({ ...r, questions: `{${r.ids.sort().join(',')}}` }));
  // Choices: one row per chosen option of single- and multi-choice answers.
  const choices = (await pool.query(
    `select a.survey_id, a.question_id, a.location_id, a.channel, a.language, a.submitted_at, r.hidden, a.choice, a.choices
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
      where a.org_id = $1 and not a.excluded and (a.choice is not null or a.choices is not null)`, [orgId])).rows
    .flatMap((a) => [...(a.choice !== null ? [a.choice] : []), ...(a.choices ?? [])].map((value: string) => ({ ...a, value }))) as RawRow[];
  return { scores: scoreRows as RawRow[], responses, drivers, choices };
}

/**
 * Every rollup level of the organisation equals the oracle over its raw answers and responses, row
 * by row (rows and histogram slots with n = 0, left by exclusions, are ignored). The organisation's time zone and
 * marked dimensions are read from its settings.
 */
export async function expectRollupsMatchRawAnswers(pool: pg.Pool | pg.PoolClient, orgId: string): Promise<void> {
  const { rows: [org] } = await pool.query(`select id, timezone, dimensions from orgs where id = $1`, [orgId]);
  const raw = await readRawRows(pool, orgId);
  for (const level of ROLLUP_LEVELS) {
    const cols = groupColumns(level).map((c) => `coalesce(s.${c}::text, '')`);
    // A score row's counts[k] is the number of answers scored k - 1 (docs/analytics.md "Rollups").
    const { rows } = await pool.query(
      level.kind === 'scores'
        ? `select ${[...cols, `(h.k - 1)::text`].join(` || '|' || `)} as key, h.n
             from ${level.table} s cross join lateral unnest(s.counts) with ordinality h(n, k) where s.org_id = $1 and h.n <> 0`
        : `select ${cols.join(` || '|' || `)} as key, s.n from ${level.table} s where s.org_id = $1 and s.n <> 0`,
      [orgId],
    );
    const actual = new Map(rows.map((r) => [r.key as string, Number(r.n)]));
    expect(actual, level.table).toEqual(rollupOracle(level, org, raw[level.kind]));
  }
}
