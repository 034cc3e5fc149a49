/**
 * Where a dashboard query reads its scores from: the smallest rollup levels (src/db/rollups/levels.ts)
 * that answer the filters, raw answers otherwise. Both yield the same columns, so every query in this
 * folder is written once:
 *   question_id, score, n, day (org-local date), location_id (zero uuid = none), channel, language, dim_value
 * Filters are always bound parameters; the only identifiers are fixed column names chosen here.
 */
import type pg from 'pg';
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';
import { withTransaction } from '../tx.ts';
import { levelsOf, NO_LOCATION, SCORE_SLOTS, timeColumn, type RollupKind, type RollupLevel } from '../rollups/levels.ts';
import { pendingResponsesSql } from '../rollups/rollupQueue.ts';
import { splitWindow } from '../../core/time/window.ts';

/** Dashboard filters after validation; `locationPath` is the (in-scope) path of the `location` filter. */
export interface AnalyticsFilter {
  from?: string;
  to?: string;
  locationPath?: string;
  channel?: string;
  language?: string;
  dim?: { key: string; value: string };
  /** More dimension conditions (other keys than `dim`, e.g. a compare side's own segment): raw answers only. */
  extraDims?: Array<{ key: string; value: string }>;
  /** Only responses with an analysed comment of one of these sentiments (and of `themes`): raw answers only. */
  sentiments?: readonly string[];
  /** Only responses with an analysed comment carrying one of these themes (and of `sentiments`): raw answers only. */
  themes?: readonly string[];
  includeExcluded?: boolean;
}

/** Everything a source needs besides the filter: the caller's scope and the organisation's settings. */
export interface SourceContext {
  scope: Scope;
  /** Organisation time zone: dates in filters are org-local days. */
  timezone: string;
  /** Hidden-field keys the organisation rolls up (orgs.dimensions). */
  dimensions: readonly string[];
  filter: AnalyticsFilter;
  /**
   * The organisation's rollups await a rebuild (settings changed, a migration added a level, or the
   * rebuild failed: src/db/rollups/rollupJobs.ts rollupsAwaitRebuild): every read goes to raw answers.
   */
  rollupsStale?: boolean;
}

export type SourceKind = 'rollup' | 'raw';

export interface SourceOptions {
  /** Expose this hidden field's value as dim_value (breakdown by `dim:<key>`); rows without it are left out. */
  groupDim?: string;
  /** The query groups by location (drill-down, heat table, breakdown by location). */
  groupsLocation?: boolean;
  /** The query groups by channel or language. */
  groupsChannel?: boolean;
  /** The query needs exact days (trend by day or week): month levels cannot serve it. */
  needsDay?: boolean;
  /**
   * The query never reads `day` (it sums over the window): each rollup part's histograms are summed per
   * (question, kept columns, dimension value) before they are unnested, and its rows carry a null `day`.
   */
  ignoresDay?: boolean;
}

/**
 * Rollups answer a filter when they are current (no rebuild pending), it uses at most one marked
 * dimension (the filter's and the breakdown's must be the same key), does not ask for excluded answers
 * and does not filter by comment analysis (rollups know nothing of comments' sentiment or themes).
 */
export function chooseSource(ctx: SourceContext, opts: SourceOptions = {}): SourceKind {
  const { filter, dimensions } = ctx;
  if (ctx.rollupsStale) return 'raw';
  if (filter.includeExcluded || filter.extraDims?.length || hasCommentFilter(filter)) return 'raw';
  const keys = new Set([filter.dim?.key, opts.groupDim].filter((k): k is string => !!k));
  if (keys.size > 1) return 'raw';
  for (const k of keys) if (!dimensions.includes(k)) return 'raw';
  return 'rollup';
}

/** A part of a rollup read: one level over one time range (inclusive org-local days or months). */
export interface RollupPart {
  level: RollupLevel;
  from?: string;
  to?: string;
}

/** Days of a window that no rollup level of the kind keeps with the needed columns: read from raw answers. */
export interface RawDaysPart {
  level: null;
  from?: string;
  to?: string;
}

/**
 * The rollup levels that answer a request: the smallest day level with the columns it needs
 * (location when it filters, groups or is limited by location; channel and language when it filters
 * or groups by them), and, when a month level with those columns exists and exact days are not
 * needed, that month level for the whole months of the window, the block level (when there is one)
 * for the whole blocks of the partial months at its edges, and the day level for the days left. Where
 * no day level keeps the needed columns (a location and a channel together; drivers and choices by
 * location), those days are a raw part (`level: null`): read from raw answers.
 */
export function rollupPlanWithRawDays(ctx: SourceContext, kind: RollupKind, opts: SourceOptions = {}): Array<RollupPart | RawDaysPart> {
  const { filter, scope } = ctx;
  const location = !!opts.groupsLocation || !!filter.locationPath || scope.locationPaths !== null;
  const channel = !!opts.groupsChannel || !!filter.channel || !!filter.language;
  const dimensional = !!(opts.groupDim ?? filter.dim?.key);
  const levels = levelsOf(kind).filter((l) => l.location === location && l.channel === channel && (l.dims || !dimensional));
  const day = levels.find((l) => l.grain === 'day') ?? null;
  const month = opts.needsDay ? undefined : levels.find((l) => l.grain === 'month');
  if (!month) return [{ level: day, from: filter.from, to: filter.to }];
  const block = levels.find((l) => l.grain === 'block');
  const split = splitWindow(filter.from, filter.to, !!block);
  return [
    ...(split.months ? [{ level: month, ...split.months }] : []),
    ...split.blocks.map((b) => ({ level: block!, ...b })),
    ...split.days.map((d) => ({ level: day, ...d })),
  ];
}

/** The parts of a plan that read raw answers. */
export const rawDaysOf = (plan: Array<RollupPart | RawDaysPart>): RawDaysPart[] => plan.filter((part): part is RawDaysPart => part.level === null);

/** The filters narrowed to one part's days (a raw part of a rollup read). */
export const withinPart = (ctx: SourceContext, part: { from?: string; to?: string }): SourceContext => ({ ...ctx, filter: { ...ctx.filter, from: part.from, to: part.to } });

/** Conditions keeping `column` (a timestamptz) out of the raw parts' days: what raw answers count already. */
export function outsideRawDays(column: string, rawDays: RawDaysPart[], timezone: string, p: (v: unknown) => string): string[] {
  return rawDays.map((d) => `not (${localDayRangeSql(column, d, timezone, p).join(' and ') || 'true'})`);
}

/** WHERE conditions of one rollup part on `s`: organisation, key slice, time range, filters, scope. */
export function partWhere(ctx: SourceContext, part: RollupPart, keyCondition: string, dimKey: string, p: (v: unknown) => string, params: unknown[]): string {
  const { filter, scope } = ctx;
  const time = `s.${timeColumn(part.level)}`;
  const where = [`s.org_id = ${p(scope.orgId)}`, keyCondition, `s.dim_key = ${p(dimKey)}`];
  // Base rows (dim_key = '') always have dim_value = ''; saying so makes the whole key prefix an
  // index bound, so location_id (033) and the time column bound the index range too.
  if (filter.dim) where.push(`s.dim_value = ${p(filter.dim.value)}`);
  else if (!dimKey) where.push(`s.dim_value = ''`);
  if (part.from) where.push(`${time} >= ${p(part.from)}::date`);
  if (part.to) where.push(`${time} <= ${p(part.to)}::date`);
  if (part.level.location || part.level.channel) where.push(...common('s', ctx, p, params));
  return where.join(' and ');
}

/**
 * Filters, columns and dimension of the queued-changes part of a rollup read, on raw `a` (answers, or
 * responses for response counts) and `r`: the same rows the rollup levels would hold once folded
 * (a dimension row only for a non-empty value), with the columns the read's levels keep.
 */
function pendingWhere(
  ctx: SourceContext,
  level: RollupLevel,
  dimKey: string,
  p: (v: unknown) => string,
  params: unknown[],
  alias: 'a' | 'r' = 'a',
): { join: string; where: string; columns: string; dimValue: string } {
  const where = [...localDayRangeSql(`${alias}.submitted_at`, ctx.filter, ctx.timezone, p), ...common(alias, ctx, p, params)];
  let dimValue = `''::text`;
  if (dimKey) {
    dimValue = `(r.hidden ->> ${p(dimKey)})`;
    where.push(`coalesce(${dimValue}, '') <> ''`);
    if (ctx.filter.dim) where.push(`${dimValue} = ${p(ctx.filter.dim.value)}`);
  }
  // Each queued response by primary key (a lateral subquery kept apart by OFFSET 0): a nested loop
  // over the short queue whatever the planner's statistics say, never a scan of the organisation.
  const org = p(ctx.scope.orgId);
  const byKey = (table: 'answers' | 'responses', a: string, key: string) =>
    `cross join lateral (select ${a}.* from ${table} ${a} where ${a}.org_id = ${org} and ${a}.${key} = pr.response_id offset 0) ${a}`;
  const join = [
    ...(alias === 'a' ? [byKey('answers', 'a', 'response_id')] : []),
    ...(alias === 'r' || dimKey ? [byKey('responses', 'r', 'id')] : []),
  ].join(' ');
  const loc = level.location ? `coalesce(${alias}.location_id, '${NO_LOCATION}'::uuid) as location_id` : `'${NO_LOCATION}'::uuid as location_id`;
  const ch = level.channel ? `${alias}.channel, ${alias}.language` : `''::text as channel, ''::text as language`;
  return { join, where: where.map((w) => `and ${w}`).join(' '), columns: `${loc}, ${ch}`, dimValue };
}

/** Output columns of a part: the level's own or constants for those it does not keep (`day`: the time column, or null). */
function partColumns(level: RollupLevel, alias = 's', day = `${alias}.${timeColumn(level)}`): string {
  const loc = level.location ? `${alias}.location_id` : `'${NO_LOCATION}'::uuid as location_id`;
  const ch = level.channel ? `${alias}.channel, ${alias}.language` : `''::text as channel, ''::text as language`;
  return `${day} as day, ${loc}, ${ch}`;
}

/**
 * The (score, n) rows of one histogram level's part. Each row's counts[k] is the number of answers
 * scored k - 1; with `ignoresDay` the part's histograms are first summed per question, kept columns
 * and dimension value (a heat table over all time unnests one histogram per store and question, not
 * one per store, month and question).
 */
function histogramPartSql(level: RollupLevel, where: string, ignoresDay: boolean): string {
  if (!ignoresDay) {
    return `select s.question_id, (h.k - 1)::smallint as score, h.n::bigint as n, ${partColumns(level)}, s.dim_value
              from ${level.table} s cross join lateral unnest(s.counts) with ordinality h(n, k)
             where ${where} and h.n <> 0`;
  }
  const kept = ['s.question_id', ...(level.location ? ['s.location_id'] : []), ...(level.channel ? ['s.channel', 's.language'] : []), 's.dim_value'];
  const sums = Array.from({ length: SCORE_SLOTS }, (_, k) => `sum(s.counts[${k + 1}])`).join(', ');
  return `select g.question_id, (h.k - 1)::smallint as score, h.n::bigint as n, ${partColumns(level, 'g', 'null::date')}, g.dim_value
            from (select ${kept.join(', ')}, array[${sums}] as counts from ${level.table} s where ${where} group by ${kept.join(', ')}) g
            cross join lateral unnest(g.counts) with ordinality h(n, k)
           where h.n <> 0`;
}

/**
 * A `select` over the chosen source for the given questions, with the filters and the location
 * scope in its WHERE clause. Pushes its parameters onto `params`. Rows of month and block levels carry
 * the period's first day as `day`.
 */
export function scoreSourceSql(ctx: SourceContext, questionIds: string[], params: unknown[], opts: SourceOptions = {}): SourceSql {
  const kind = chooseSource(ctx, opts);
  const p = binder(params);
  if (kind === 'raw') return { kind, parts: 1, sql: rawScoreRowsSql(ctx, questionIds, p, params, opts) };
  const dimKey = opts.groupDim ?? ctx.filter.dim?.key ?? '';
  // Bound once, when a rollup part uses it (an unused parameter has no type: PostgreSQL refuses it).
  let idsParam: string | undefined;
  const ids = () => (idsParam ??= p(questionIds));
  // Each level's primary key starts (org_id, question_id, dim_key, dim_value, day | block | month); a
  // row is the histogram of its slice, unnested into (score, n) rows (counts[k] = answers scored k - 1).
  const plan = rollupPlanWithRawDays(ctx, 'scores', opts);
  const parts = plan.map((part) =>
    part.level === null
      ? rawScoreRowsSql(withinPart(ctx, part), questionIds, p, params, { ...opts, groupDim: dimKey || undefined })
      : histogramPartSql(part.level, partWhere(ctx, part, `s.question_id = any(${ids()}::uuid[])`, dimKey, p, params), !!opts.ignoresDay),
  );
  const level = plan.find((part): part is RollupPart => part.level !== null)?.level;
  // Changes still queued for the fold (src/db/rollups/rollupQueue.ts), read in the same statement;
  // responses on days read raw are counted there already.
  if (level) {
    const q = pendingWhere(ctx, level, dimKey, p, params);
    const notRaw = outsideRawDays('a.submitted_at', rawDaysOf(plan), ctx.timezone, p).map((w) => `and ${w}`).join(' ');
    parts.push(`select a.question_id, a.score, pr.net::bigint as n, (a.submitted_at at time zone ${p(ctx.timezone)})::date as day,
                       ${q.columns}, ${q.dimValue} as dim_value
                  from (${pendingResponsesSql(p(ctx.scope.orgId))}) pr ${q.join}
                 where a.question_id = any(${ids()}::uuid[]) and a.score is not null ${q.where} ${notRaw}`);
  }
  return { kind, sql: parts.join('\n union all\n'), parts: parts.length };
}

/** Raw scored answers in the filters, as the score source's columns (dim_value: the `groupDim` hidden field's value, else ''). */
function rawScoreRowsSql(ctx: SourceContext, questionIds: string[], p: (v: unknown) => string, params: unknown[], opts: SourceOptions): string {
  const raw = rawAnswerWhere(ctx, questionIds, p, params, opts);
  return `select a.question_id, a.score, 1::bigint as n, (a.submitted_at at time zone ${p(ctx.timezone)})::date as day,
                 coalesce(a.location_id, '${NO_LOCATION}'::uuid) as location_id, a.channel, a.language, ${raw.dimValue} as dim_value
            from answers a ${raw.join}
           where ${raw.where} and a.score is not null`;
}

/** The filter restricts responses by their comments' analysis (sentiment or theme). */
export function hasCommentFilter(filter: AnalyticsFilter): boolean {
  return !!(filter.sentiments?.length || filter.themes?.length);
}

/**
 * The comment filters (`sentiments`, `themes`) on a raw row whose response is `responseId` (a fixed column
 * of the calling query, `a.response_id` or `r.id`): the response has at least one analysed comment with one
 * of the sentiments and one of the themes (the same comment when both are given). Looked up per response by
 * comment_analysis's primary key (org_id, response_id, …). The one home of this rule: every raw read
 * (scores, response counts, choices, drivers, comments, responses, quality) applies it through here.
 */
export function commentFilterSql(ctx: SourceContext, responseId: string, p: (v: unknown) => string): string[] {
  const { filter } = ctx;
  if (!hasCommentFilter(filter)) return [];
  const cond = [`ca.org_id = ${p(ctx.scope.orgId)}`, `ca.response_id = ${responseId}`];
  if (filter.sentiments?.length) cond.push(`ca.sentiment = any(${p(filter.sentiments)}::text[])`);
  if (filter.themes?.length) cond.push(`ca.themes && ${p(filter.themes)}::text[]`);
  return [`exists (select 1 from comment_analysis ca where ${cond.join(' and ')})`];
}

/** Conditions of the dimension filters (`dim`, then `extraDims`) on a raw `responses r` row. */
function rawDimensionSql(filter: AnalyticsFilter, p: (v: unknown) => string): string[] {
  return [filter.dim, ...(filter.extraDims ?? [])].flatMap((d) => (d ? [`r.hidden ->> ${p(d.key)} = ${p(d.value)}`] : []));
}

/**
 * FROM-joins and WHERE conditions on raw `answers a` (joined to `responses r` only when a hidden field
 * is needed) for the filters and the scope. answers_question_time (org_id, question_id, submitted_at)
 * serves the question list and the time range.
 */
export function rawAnswerWhere(
  ctx: SourceContext,
  questionIds: string[],
  p: (v: unknown) => string,
  params: unknown[],
  opts: SourceOptions = {},
): { join: string; where: string; dimValue: string } {
  const { filter, scope } = ctx;
  const where = [`a.org_id = ${p(scope.orgId)}`, `a.question_id = any(${p(questionIds)}::uuid[])`];
  if (!filter.includeExcluded) where.push(`not a.excluded`);
  where.push(...localDayRangeSql('a.submitted_at', filter, ctx.timezone, p));
  where.push(...rawDimensionSql(filter, p));
  where.push(...commentFilterSql(ctx, 'a.response_id', p));
  let dimValue = `''::text`;
  if (opts.groupDim) {
    dimValue = `(r.hidden ->> ${p(opts.groupDim)})`;
    // Rollups keep a dimension row only for a non-empty value; do the same here.
    where.push(`coalesce(${dimValue}, '') <> ''`);
  }
  where.push(...common('a', ctx, p, params));
  const join = filter.dim || filter.extraDims?.length || opts.groupDim ? 'join responses r on r.org_id = a.org_id and r.id = a.response_id' : '';
  return { join, where: where.join(' and '), dimValue };
}

/**
 * Conditions keeping a timestamptz `column` within the inclusive org-local days `from`..`to`: local
 * midnight of `from` up to (not including) local midnight after `to`, so a day is the organisation's
 * day whatever the session time zone. `column` is a fixed column name of the calling query.
 */
export function localDayRangeSql(column: string, range: { from?: string; to?: string }, timezone: string, p: (v: unknown) => string): string[] {
  if (!range.from && !range.to) return [];
  const tz = p(timezone);
  const out: string[] = [];
  if (range.from) out.push(`${column} >= (${p(range.from)}::date::timestamp at time zone ${tz})`);
  if (range.to) out.push(`${column} < ((${p(range.to)}::date + 1)::timestamp at time zone ${tz})`);
  return out;
}

/** Conditions shared by both sources: location filter, scope, channel, language. */
export function common(alias: 's' | 'a' | 'r', ctx: SourceContext, p: (v: unknown) => string, params: unknown[]): string[] {
  const out: string[] = [];
  const { filter, scope } = ctx;
  if (filter.locationPath) {
    out.push(`${alias}.location_id in (select l.id from locations l where l.org_id = ${p(scope.orgId)} and l.path like ${p(`${filter.locationPath}%`)})`);
  }
  // Restricted callers: only rows whose location lies in their subtrees (never the zero uuid / null).
  const scoped = locationScopeSql(scope, `${alias}.location_id`, params);
  if (scoped !== 'true') out.push(scoped);
  if (filter.channel) out.push(`${alias}.channel = ${p(filter.channel)}`);
  if (filter.language) out.push(`${alias}.language = ${p(filter.language)}`);
  return out;
}

/**
 * The same filters over responses (response counts): the response levels that answer them
 * (rollupPlanWithRawDays, raw `responses` for its raw days), raw `responses` otherwise. Yields
 * survey_id, day, location_id, n.
 */
export function responseSourceSql(ctx: SourceContext, surveyIds: string[], params: unknown[]): SourceSql {
  const kind = chooseSource(ctx);
  const p = binder(params);
  const rawRows = (c: SourceContext) =>
    `select r.survey_id, null::date as day, r.location_id, 1::bigint as n from responses r where ${rawResponseWhere(c, surveyIds, p, params)}`;
  if (kind === 'raw') return { kind, parts: 1, sql: rawRows(ctx) };
  let idsParam: string | undefined;
  const ids = () => (idsParam ??= p(surveyIds));
  const plan = rollupPlanWithRawDays(ctx, 'responses');
  const dimKey = ctx.filter.dim?.key ?? '';
  const parts = plan.map((part) =>
    part.level === null
      ? rawRows(withinPart(ctx, part))
      : `select s.survey_id, s.${timeColumn(part.level)} as day, ${part.level.location ? 's.location_id' : `'${NO_LOCATION}'::uuid as location_id`}, s.n
           from ${part.level.table} s
          where ${partWhere(ctx, part, `s.survey_id = any(${ids()}::uuid[])`, dimKey, p, params)}`,
  );
  // Changes still queued for the fold (src/db/rollups/rollupQueue.ts), read in the same statement;
  // responses on days read raw are counted there already.
  const level = plan.find((part): part is RollupPart => part.level !== null)?.level;
  if (level) {
    const q = pendingWhere(ctx, level, dimKey, p, params, 'r');
    const loc = level.location ? `coalesce(r.location_id, '${NO_LOCATION}'::uuid)` : `'${NO_LOCATION}'::uuid`;
    const notRaw = outsideRawDays('r.submitted_at', rawDaysOf(plan), ctx.timezone, p).map((w) => `and ${w}`).join(' ');
    parts.push(`select r.survey_id, (r.submitted_at at time zone ${p(ctx.timezone)})::date as day, ${loc} as location_id, pr.net::bigint as n
                  from (${pendingResponsesSql(p(ctx.scope.orgId))}) pr ${q.join}
                 where r.survey_id = any(${ids()}::uuid[]) ${q.where} ${notRaw}`);
  }
  return { kind, sql: parts.join('\n union all\n'), parts: parts.length };
}

/**
 * WHERE conditions on raw `responses r` for the filters and scope (responses_survey_time serves
 * org, survey and time range).
 */
export function rawResponseWhere(ctx: SourceContext, surveyIds: string[], p: (v: unknown) => string, params: unknown[]): string {
  const { filter, scope } = ctx;
  const where = [`r.org_id = ${p(scope.orgId)}`, `r.survey_id = any(${p(surveyIds)}::uuid[])`];
  if (!filter.includeExcluded) where.push(`not r.excluded`);
  where.push(...localDayRangeSql('r.submitted_at', filter, ctx.timezone, p));
  where.push(...rawDimensionSql(filter, p));
  where.push(...commentFilterSql(ctx, 'r.id', p));
  where.push(...common('r', ctx, p, params));
  return where.join(' and ');
}

/** A source as SQL: its kind and how many selects it unions (levels x time ranges). */
export interface SourceSql {
  sql: string;
  kind: SourceKind;
  parts: number;
}

/**
 * Runs a query over a source. A rollup read that unions several parts (whole months, blocks, days) is
 * short index ranges, but the planner may still run it as a Parallel Append; starting workers costs
 * more than it saves (heat table over 90 days at 1M answers: 40 ms vs 24 ms), so on a pool such a read
 * runs in a read-only transaction with `max_parallel_workers_per_gather = 0`. Raw reads keep workers.
 */
export async function querySource(db: Queryable, src: SourceSql, sql: string, values: unknown[]): Promise<pg.QueryResult> {
  if (src.kind !== 'rollup' || src.parts < 2 || !('totalCount' in db)) return db.query(sql, values);
  return withTransaction(
    db,
    async (tx) => {
      await tx.query('set local max_parallel_workers_per_gather = 0');
      return tx.query(sql, values);
    },
    'read only',
  );
}

/** A parameter pusher: `p(value)` appends to `params` and returns its `$n` placeholder. */
export function binder(params: unknown[]): (v: unknown) => string {
  return (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
}
