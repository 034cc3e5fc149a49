/**
 * Every rollup table, described once. Maintenance (applyResponsesToRollups), rebuild
 * (rebuildOrgRollups), the bulk build after COPY (buildOrgRollups) and the readers
 * (src/db/queries/analyticsSource.ts) derive their SQL from this list, so a level added here is
 * maintained, rebuilt and bulk-built everywhere.
 *
 * A level keeps a subset of (location, channel + language) at a time grain: the org-local day, a
 * block (days 1-7, 8-14, 15-21, 22-28 and 29-end of a month, keyed by its first day) or a month
 * (keyed by its first day). Blocks never cross a month, so a date window is read as whole months,
 * then whole blocks, then single days at its edges. Every level is aggregated from answers/responses
 * directly (src/db/rollups/fillLevels.ts). No level keeps location and channel per day (migration 134:
 * such rows held about one row per answer, more disk than the answers), and choices keep no day level
 * with a location: days no level keeps with the needed columns are read from raw answers
 * (rollupPlanWithRawDays). The block levels with location and channel (135) and the drivers' day level
 * with a location (137) keep only the base rows (no dimension rows).
 *
 * A score row holds the histogram of its slice: `counts[k]` answers scored k - 1 (scores are 0..10,
 * answers_score_range), one row per slice instead of one per score value.
 */

/** location_id of rollup rows without a location (the column is part of the key, so it is never null). */
export const NO_LOCATION = '00000000-0000-0000-0000-000000000000';

/**
 * Dimension rows of response `r` in organisation `o` (a lateral subquery's body): the base row ('', '')
 * and one per marked dimension with a non-empty value in the response's hidden fields.
 */
export const DIMENSION_ROWS_SQL = `
      select ''::text as dim_key, ''::text as dim_value
      union all
      select k, r.hidden ->> k from unnest(o.dimensions) k where r.hidden ? k and r.hidden ->> k <> ''`;

/**
 * scores: counts per score; responses: counts of responses; drivers: key-driver moments per answered
 * set (migration 045: n, sums, products); choices: counts per option value of choice answers.
 */
export type RollupKind = 'scores' | 'responses' | 'drivers' | 'choices';
export type RollupGrain = 'day' | 'block' | 'month';

export interface RollupLevel {
  table: string;
  kind: RollupKind;
  grain: RollupGrain;
  /** Keeps location_id (zero uuid = none). */
  location: boolean;
  /** Keeps channel and language. */
  channel: boolean;
  /** Keeps the dimension rows (dim_key <> ''), not only the base rows. */
  dims: boolean;
}

/** Slots of a score histogram: scores 0..10 (answers_score_range), `counts[score + 1]`. */
export const SCORE_SLOTS = 11;

const level = (table: string, kind: RollupKind, grain: RollupGrain, location: boolean, channel: boolean, dims = true): RollupLevel => ({
  table, kind, grain, location, channel, dims,
});

/** All levels, in the order writers lock their rows (kind by kind). */
export const ROLLUP_LEVELS: readonly RollupLevel[] = [
  level('rollup_scores_compact', 'scores', 'day', false, false),
  level('rollup_scores_location', 'scores', 'day', true, false),
  level('rollup_scores_location_block', 'scores', 'block', true, false),
  level('rollup_scores_location_month', 'scores', 'month', true, false),
  level('rollup_scores_channel', 'scores', 'day', false, true),
  level('rollup_scores_month', 'scores', 'month', true, true),
  level('rollup_scores_block', 'scores', 'block', true, true, false),
  level('rollup_responses_compact', 'responses', 'day', false, false),
  level('rollup_responses_location', 'responses', 'day', true, false),
  level('rollup_responses_location_block', 'responses', 'block', true, false),
  level('rollup_responses_location_month', 'responses', 'month', true, false),
  level('rollup_responses_channel', 'responses', 'day', false, true),
  level('rollup_responses_month', 'responses', 'month', true, true),
  level('rollup_responses_block', 'responses', 'block', true, true, false),
  level('rollup_drivers_compact', 'drivers', 'day', false, false),
  level('rollup_drivers_location', 'drivers', 'day', true, false, false),
  level('rollup_drivers_location_block', 'drivers', 'block', true, false),
  level('rollup_drivers_location_month', 'drivers', 'month', true, false),
  level('rollup_drivers_channel', 'drivers', 'day', false, true),
  level('rollup_drivers_month', 'drivers', 'month', true, true),
  level('rollup_drivers_block', 'drivers', 'block', true, true, false),
  level('rollup_choices_compact', 'choices', 'day', false, false),
  level('rollup_choices_location_block', 'choices', 'block', true, false),
  level('rollup_choices_location_month', 'choices', 'month', true, false),
  level('rollup_choices_channel', 'choices', 'day', false, true),
  level('rollup_choices_month', 'choices', 'month', true, true),
  level('rollup_choices_block', 'choices', 'block', true, true, false),
];

/** Kinds keyed by question (scores, choices) rather than by survey (responses, drivers). */
const byQuestion = (kind: RollupKind) => kind === 'scores' || kind === 'choices';

/** The last key column: what a row counts within its slice (a score row counts every score: a histogram). */
const ITEM_COLUMN: Record<RollupKind, string | null> = { scores: null, responses: null, drivers: 'questions', choices: 'value' };

export const ROLLUP_TABLES: readonly string[] = ROLLUP_LEVELS.map((l) => l.table);

/** The time column of a level, named after its grain: `day`, `block` or `month` (a date: the first day). */
export const timeColumn = (l: RollupLevel): RollupGrain => l.grain;

/** Primary-key columns in order (what readers filter on, and the ON CONFLICT target). */
export function keyColumns(l: RollupLevel): string[] {
  return [
    'org_id',
    byQuestion(l.kind) ? 'question_id' : 'survey_id',
    'dim_key',
    'dim_value',
    timeColumn(l),
    ...(l.location ? ['location_id'] : []),
    ...(l.channel ? ['channel', 'language'] : []),
    ...(ITEM_COLUMN[l.kind] ? [ITEM_COLUMN[l.kind]!] : []),
  ];
}

/** Every column but the summed ones (n, or a score histogram's counts; for drivers also sums and products), in table order. */
export function groupColumns(l: RollupLevel): string[] {
  return [
    'org_id',
    'survey_id',
    ...(byQuestion(l.kind) ? ['question_id'] : []),
    timeColumn(l),
    ...(l.location ? ['location_id'] : []),
    ...(l.channel ? ['channel', 'language'] : []),
    'dim_key',
    'dim_value',
    ...(ITEM_COLUMN[l.kind] ? [ITEM_COLUMN[l.kind]!] : []),
  ];
}

/**
 * Select-list sums of driver moments over rows grouped by `questions`: one built-in sum per array
 * position up to `width` (the most scored questions a survey of the organisation has), cut to the
 * group's own length. Built-in sums keep bulk builds fast (an element-wise array aggregate in SQL is
 * a function call per row). Positions past a group's length are null in every row, and cut off.
 */
export function driverMomentSums(width: number, factor: string, alias = ''): { sums: string; products: string } {
  const a = alias ? `${alias}.` : '';
  const m = `cardinality(${a}questions)`;
  const sumsOf = (col: string, len: number, cut: string) =>
    `((array[${Array.from({ length: len }, (_, i) => `sum(${a}${col}[${i + 1}]) * ${factor}`).join(', ')}])::bigint[])[1:${cut}]`;
  return { sums: sumsOf('sums', width, m), products: sumsOf('products', (width * (width + 1)) / 2, `${m} * (${m} + 1) / 2`) };
}

/** The histogram of source rows grouped by slice (rows carry `score` and `n`), times `factor`. */
function histogramSums(factor: string): string {
  return `array[${Array.from({ length: SCORE_SLOTS }, (_, k) => `coalesce(sum(n) filter (where score = ${k}), 0) * ${factor}`).join(', ')}]::int[]`;
}

/** Slot-wise sum of two histograms (merging on conflict). */
const addHistograms = (x: string, y: string) => `array[${Array.from({ length: SCORE_SLOTS }, (_, k) => `${x}[${k + 1}] + ${y}[${k + 1}]`).join(', ')}]`;

/** Element-wise sum of two equally long bigint arrays (merging driver moments on conflict). */
const addArrays = (x: string, y: string) => `array(select u.x + u.y from unnest(${x}, ${y}) with ordinality u(x, y, i) order by u.i)`;

/** Select-list expressions of the group columns over rows that carry a `day` (base rows or source rows). */
function selectFromDayRows(l: RollupLevel): string[] {
  return groupColumns(l).map((c) =>
    c === 'month' ? `date_trunc('month', day)::date as month` : c === 'block' ? `day - (extract(day from day)::int - 1) % 7 as block` : c,
  );
}

/**
 * `insert into <level> … select … from (<rows>) s group by … order by <key>`, adding to existing rows
 * (`on conflict do update n = n + excluded.n`) unless `fresh` (the slice's rows were deleted: plain
 * insert). `rows` yields source rows (the kind's columns with `day` and `n`; scores also `score`); `factor` multiplies the sums (a
 * parameter placeholder for ±1, or '1'). Rows go in key order: concurrent maintenance locks rows in
 * one order, and bulk-built heaps follow the primary key.
 */
export function upsertFromDayRowsSql(l: RollupLevel, rows: string, opts: { factor?: string; fresh?: boolean; driverWidth?: number } = {}): string {
  const cols = groupColumns(l);
  const positions = cols.map((_, i) => i + 1).join(', ');
  const factor = opts.factor ?? '1';
  const drivers = l.kind === 'drivers';
  if (drivers && !opts.driverWidth) throw new Error(`${l.table}: driverWidth is required`);
  const moments = drivers ? driverMomentSums(opts.driverWidth!, factor) : null;
  const histogram = l.kind === 'scores';
  const merge = drivers
    ? `n = t.n + excluded.n, sums = ${addArrays('t.sums', 'excluded.sums')}, products = ${addArrays('t.products', 'excluded.products')}`
    : histogram
      ? `counts = ${addHistograms('t.counts', 'excluded.counts')}`
      : `n = t.n + excluded.n`;
  const summed = histogram ? histogramSums(factor) : `sum(n) * ${factor}${moments ? `, ${moments.sums}, ${moments.products}` : ''}`;
  return `insert into ${l.table} as t (${cols.join(', ')}, ${histogram ? 'counts' : 'n'}${drivers ? ', sums, products' : ''})
     select ${selectFromDayRows(l).join(', ')}, ${summed}
       from (${rows}) s${l.dims ? '' : ` where s.dim_key = ''`}
      group by ${positions}
      order by ${keyColumns(l).join(', ')}
     ${opts.fresh ? '' : `on conflict (${keyColumns(l).join(', ')}) do update set ${merge}`}`;
}

export const levelsOf = (kind: RollupKind): RollupLevel[] => ROLLUP_LEVELS.filter((l) => l.kind === kind);
