/**
 * The source SQL of every rollup kind (levels in src/db/rollups/levels.ts, docs/analytics.md "Rollups")
 * and the statements that add source rows to the levels: one statement per kind, the source read once
 * and added to every level of the kind (each level's rows in key order, the levels in one order, so
 * concurrent writers lock rows in one global order). Used by the fold, the rebuild and bulk builds.
 *
 * Scores: one row per (response's answer slice, score) with n answers; each level sums them into its
 * histogram. Responses: response counts (src/db/rollups/responseRollup.ts).
 *
 * Drivers: each non-excluded response contributes one row per dimension row (base + each marked
 * dimension it has) keyed by its answered set `questions` (sorted ids of the scored questions it
 * answered), with n = 1, sums = its scores in that order and products = score_i * score_j for i <= j,
 * column by column (index j*(j-1)/2 + i). Summed, these are the counts, sums, sums of squares and
 * cross-products from which a correlation matrix of any subset of the answered set follows
 * (src/core/stats/drivers.ts, keyDriversFromMoments).
 */
import type { Queryable } from '../connection.ts';
import { DIMENSION_ROWS_SQL, levelsOf, NO_LOCATION, upsertFromDayRowsSql, type RollupGrain, type RollupKind } from './levels.ts';
import { responseRollupSourceSql, RESPONSE_ROLLUP_GROUP_BY } from './responseRollup.ts';

/** Every kind, in the order writers touch them. */
export const ROLLUP_KINDS: readonly RollupKind[] = ['scores', 'responses', 'drivers', 'choices'];

/**
 * Score source rows (org_id, survey_id, question_id, day, location_id, channel, language, dim_key,
 * dim_value, score, n) of the scored answers; callers append conditions on `r`, then
 * {@link SCORE_SOURCE_GROUP_BY}. `withExcluded` also yields answers of excluded responses (replaying
 * queued changes, src/db/rollups/rollupQueue.ts).
 */
const scoreSourceSql = (withExcluded = false) => `
  select a.org_id, a.survey_id, a.question_id,
         (a.submitted_at at time zone o.timezone)::date as day,
         coalesce(a.location_id, '${NO_LOCATION}'::uuid) as location_id,
         a.channel, a.language, d.dim_key, d.dim_value, a.score, count(*) as n
    from responses r
    join answers a on a.org_id = r.org_id and a.response_id = r.id
    join orgs o on o.id = r.org_id
    cross join lateral (${DIMENSION_ROWS_SQL}) d
   where a.score is not null${withExcluded ? '' : ' and not a.excluded'}`;

const SCORE_SOURCE_GROUP_BY = `group by a.org_id, a.survey_id, a.question_id, day, 5, a.channel, a.language, d.dim_key, d.dim_value, a.score`;

/**
 * A lateral subquery over response `r`: its answered set (`questions`, sorted), `sums` (its scores in
 * that order) and `products` (score_i * score_j, i <= j, column by column). No row when the response
 * has no scored answer. Reads the response's answers by primary key. (unnest, not generate_series:
 * the planner guesses 1000 rows for a generate_series with computed bounds, and the cost of a million
 * products made it JIT-compile each statement, ~1 s per submission.)
 */
export const RESPONSE_MOMENTS_SQL = `
      select q.questions, q.scores as sums,
             array(select x.s * y.s from unnest(q.scores) with ordinality x(s, j) join unnest(q.scores) with ordinality y(s, i) on y.i <= x.j
                    order by x.j, y.i) as products
        from (select array_agg(a.question_id order by a.question_id) as questions, array_agg(a.score::bigint order by a.question_id) as scores
                from answers a where a.org_id = r.org_id and a.response_id = r.id and a.score is not null) q
       where q.questions is not null`;

/**
 * Driver source rows (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value,
 * questions, n, sums, products), one per response and dimension row; callers append conditions on `r`.
 * `withExcluded` also yields excluded responses (replaying queued changes).
 */
export const driverSourceSql = (withExcluded = false) => `
  select r.org_id, r.survey_id, (r.submitted_at at time zone o.timezone)::date as day,
         coalesce(r.location_id, '${NO_LOCATION}'::uuid) as location_id, r.channel, r.language,
         d.dim_key, d.dim_value, m.questions, 1::bigint as n, m.sums, m.products
    from responses r
    join orgs o on o.id = r.org_id
    cross join lateral (${RESPONSE_MOMENTS_SQL}) m
    cross join lateral (${DIMENSION_ROWS_SQL}) d
   where ${withExcluded ? 'true' : 'not r.excluded'}`;

/** The option values of answer `a`, as a lateral join: its single choice, or each of its multiple choices. */
export const CHOSEN_VALUES_SQL = `cross join lateral (select a.choice as value where a.choice is not null union all select unnest(a.choices)) v`;

/**
 * Choice source rows (org_id, survey_id, question_id, day, location_id, channel, language, dim_key,
 * dim_value, value, n): one per chosen option (a single choice, or each of a multi choice) and
 * dimension row; callers append conditions on `r` (responses) or `a` (answers).
 */
export const choiceSourceSql = (withExcluded = false) => `
  select a.org_id, a.survey_id, a.question_id, (a.submitted_at at time zone o.timezone)::date as day,
         coalesce(a.location_id, '${NO_LOCATION}'::uuid) as location_id, a.channel, a.language,
         d.dim_key, d.dim_value, v.value, 1::bigint as n
    from answers a
    join responses r on r.org_id = a.org_id and r.id = a.response_id
    join orgs o on o.id = a.org_id
    ${CHOSEN_VALUES_SQL}
    cross join lateral (${DIMENSION_ROWS_SQL}) d
   where (a.choice is not null or a.choices is not null)${withExcluded ? '' : ' and not a.excluded'}`;

/**
 * Array width the driver statements sum over: the most scored (nps or rating) questions any survey of
 * the organisation has had, in any version, rounded up to a multiple of 4 (fewer distinct statements).
 * An answered set never has more entries.
 */
export async function driverWidth(db: Queryable, orgId: string): Promise<number> {
  const { rows } = await db.query(
    `/* driverWidth */ select coalesce(max(c), 1)::int as width
       from (select count(*) as c from questions where org_id = $1 and type in ('nps', 'rating') group by survey_id) q`,
    [orgId],
  );
  return Math.max(4, Math.ceil(rows[0].width / 4) * 4);
}

/**
 * One statement adding the source rows selected by `where` (conditions on `r`, `$1` = organisation) to
 * every level of `kind` (or those of the given grains), each in primary-key order, the levels always in
 * the same order (concurrent writers lock rows in one order). `factor` multiplies every sum.
 */
function fillKindSql(kind: RollupKind, where: string, opts: { factor: string; fresh: boolean; withExcluded: boolean; grains?: RollupGrain[]; width: number }): string | null {
  const levels = levelsOf(kind).filter((l) => !opts.grains || opts.grains.includes(l.grain));
  if (levels.length === 0) return null;
  const sources: Record<RollupKind, string> = {
    scores: `${scoreSourceSql(opts.withExcluded)} and r.org_id = $1 ${where} ${SCORE_SOURCE_GROUP_BY}`,
    responses: `${responseRollupSourceSql(opts.withExcluded)} and r.org_id = $1 ${where} ${RESPONSE_ROLLUP_GROUP_BY}`,
    drivers: `${driverSourceSql(opts.withExcluded)} and r.org_id = $1 ${where}`,
    choices: `${choiceSourceSql(opts.withExcluded)} and r.org_id = $1 ${where}`,
  };
  const src = sources[kind];
  const inserts = levels.map((l, i) => `i${i} as (${upsertFromDayRowsSql(l, 'select * from src', { factor: opts.factor, fresh: opts.fresh, driverWidth: opts.width })} returning 1)`);
  return `/* fillLevels.${kind} */
    with src as materialized (${src}),
    ${inserts.join(',\n    ')}
    select ${levels.map((l, i) => `(select count(*) from i${i})::int as "${l.table}"`).join(', ')}`;
}

/**
 * Adds `factor` times the given responses' rows to every level of every kind. `withExcluded`: count
 * them whatever their excluded state now (replaying queued changes).
 */
export async function applyToLevels(db: Queryable, orgId: string, responseIds: string[], factor: number, withExcluded = false): Promise<void> {
  if (responseIds.length === 0 || factor === 0) return;
  const width = await driverWidth(db, orgId);
  for (const kind of ROLLUP_KINDS) {
    const sql = fillKindSql(kind, `and r.id = any($2::uuid[])`, { factor: '$3::int', fresh: false, withExcluded, width })!;
    await db.query(sql, [orgId, responseIds, factor]);
  }
}

/**
 * Fills every level (of the given grains) for the responses selected by `where` (conditions on `r`
 * with `params` from $2 on). `fresh`: the slice has no rows yet (plain inserts).
 * @returns rows written per table
 */
export async function fillLevels(
  db: Queryable,
  orgId: string,
  slice: { where?: string; params?: unknown[]; grains?: RollupGrain[]; fresh?: boolean },
): Promise<Record<string, number>> {
  const width = await driverWidth(db, orgId);
  const counts: Record<string, number> = {};
  for (const kind of ROLLUP_KINDS) {
    const sql = fillKindSql(kind, slice.where ?? '', { factor: '1', fresh: !!slice.fresh, withExcluded: false, grains: slice.grains, width });
    if (!sql) continue;
    const { rows } = await db.query(sql, [orgId, ...(slice.params ?? [])]);
    Object.assign(counts, rows[0]);
  }
  return counts;
}
