/**
 * Every rollup table, described once. Maintenance (applyResponsesToRollups), rebuild
 * (rebuildOrgRollups), the bulk build after COPY (buildOrgRollups) and the readers
 * (src/db/queries/analyticsSource.ts) derive their SQL from this list, so a level added here is
 * maintained, rebuilt and bulk-built everywhere.
 *
 * A level keeps a subset of (location, channel + language) at a time grain: the org-local day, a
 * block (days 1-7, 8-14, 15-21, 22-28 and 29-end of a month, keyed by its first day) or a month
 * (keyed by its first day). Blocks never cross a month, so a date window is read as whole months,
 * then whole blocks, then single days at its edges. The two "base" levels (rollup_scores, rollup_responses) are
 * aggregated from answers/responses; every other level is a sum over its base level's rows.
 */

export type RollupKind = 'scores' | 'responses';
export type RollupGrain = 'day' | 'block' | 'month';

export interface RollupLevel {
  table: string;
  kind: RollupKind;
  grain: RollupGrain;
  /** Keeps location_id (zero uuid = none). */
  location: boolean;
  /** Keeps channel and language. */
  channel: boolean;
}

/** The base levels: everything, per day. */
export const BASE_TABLE: Record<RollupKind, string> = { scores: 'rollup_scores', responses: 'rollup_responses' };

const level = (table: string, kind: RollupKind, grain: RollupGrain, location: boolean, channel: boolean): RollupLevel => ({ table, kind, grain, location, channel });

/** All levels; the base level of each kind comes first (the others are summed from it). */
export const ROLLUP_LEVELS: readonly RollupLevel[] = [
  level('rollup_scores', 'scores', 'day', true, true),
  level('rollup_scores_compact', 'scores', 'day', false, false),
  level('rollup_scores_location', 'scores', 'day', true, false),
  level('rollup_scores_location_block', 'scores', 'block', true, false),
  level('rollup_scores_location_month', 'scores', 'month', true, false),
  level('rollup_scores_channel', 'scores', 'day', false, true),
  level('rollup_scores_month', 'scores', 'month', true, true),
  level('rollup_responses', 'responses', 'day', true, true),
  level('rollup_responses_compact', 'responses', 'day', false, false),
  level('rollup_responses_location', 'responses', 'day', true, false),
  level('rollup_responses_location_block', 'responses', 'block', true, false),
  level('rollup_responses_location_month', 'responses', 'month', true, false),
  level('rollup_responses_channel', 'responses', 'day', false, true),
  level('rollup_responses_month', 'responses', 'month', true, true),
];

export const ROLLUP_TABLES: readonly string[] = ROLLUP_LEVELS.map((l) => l.table);

/** The time column of a level, named after its grain: `day`, `block` or `month` (a date: the first day). */
export const timeColumn = (l: RollupLevel): RollupGrain => l.grain;

/** Primary-key columns in order (what readers filter on, and the ON CONFLICT target). */
export function keyColumns(l: RollupLevel): string[] {
  return [
    'org_id',
    l.kind === 'scores' ? 'question_id' : 'survey_id',
    'dim_key',
    'dim_value',
    timeColumn(l),
    ...(l.location ? ['location_id'] : []),
    ...(l.channel ? ['channel', 'language'] : []),
    ...(l.kind === 'scores' ? ['score'] : []),
  ];
}

/** Every column but n, in table order. */
export function groupColumns(l: RollupLevel): string[] {
  return [
    'org_id',
    'survey_id',
    ...(l.kind === 'scores' ? ['question_id'] : []),
    timeColumn(l),
    ...(l.location ? ['location_id'] : []),
    ...(l.channel ? ['channel', 'language'] : []),
    'dim_key',
    'dim_value',
    ...(l.kind === 'scores' ? ['score'] : []),
  ];
}

/** Select-list expressions of the group columns over rows that carry a `day` (base rows or source rows). */
function selectFromDayRows(l: RollupLevel): string[] {
  return groupColumns(l).map((c) =>
    c === 'month' ? `date_trunc('month', day)::date as month` : c === 'block' ? `day - (extract(day from day)::int - 1) % 7 as block` : c,
  );
}

/**
 * `insert into <level> … select … from (<rows>) s group by … order by <key>`, adding to existing rows
 * (`on conflict do update n = n + excluded.n`) unless `fresh` (the slice's rows were deleted: plain
 * insert). `rows` yields the base level's columns with `day` and `n`; `factor` multiplies the sums (a
 * parameter placeholder for ±1, or '1'). Rows go in key order: concurrent maintenance locks rows in
 * one order, and bulk-built heaps follow the primary key.
 */
export function upsertFromDayRowsSql(l: RollupLevel, rows: string, opts: { factor?: string; fresh?: boolean } = {}): string {
  const cols = groupColumns(l);
  const positions = cols.map((_, i) => i + 1).join(', ');
  return `insert into ${l.table} as t (${cols.join(', ')}, n)
     select ${selectFromDayRows(l).join(', ')}, sum(n) * ${opts.factor ?? '1'}
       from (${rows}) s
      group by ${positions}
      order by ${keyColumns(l).join(', ')}
     ${opts.fresh ? '' : `on conflict (${keyColumns(l).join(', ')}) do update set n = t.n + excluded.n`}`;
}

export const levelsOf = (kind: RollupKind): RollupLevel[] => ROLLUP_LEVELS.filter((l) => l.kind === kind);
