/**
 * Where a dashboard query reads its scores from: rollup_scores when the filters allow it, raw
 * answers otherwise. Both yield the same columns, so every query in this folder is written once:
 *   question_id, score, n, day (org-local date), location_id (zero uuid = none), channel, language, dim_value
 * Filters are always bound parameters; the only identifiers are fixed column names chosen here.
 */
import type { Scope } from '../../core/access/index.ts';
import { locationScopeSql } from '../scope.ts';
import { NO_LOCATION } from '../rollups/applyResponse.ts';

/** Dashboard filters after validation; `locationPath` is the (in-scope) path of the `location` filter. */
export interface AnalyticsFilter {
  from?: string;
  to?: string;
  locationPath?: string;
  channel?: string;
  language?: string;
  dim?: { key: string; value: string };
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
}

export type SourceKind = 'rollup' | 'raw';

export interface SourceOptions {
  /** Expose this hidden field's value as dim_value (breakdown by `dim:<key>`); rows without it are left out. */
  groupDim?: string;
  /** The query groups by location, channel or language, so the compact rollup cannot serve it. */
  needsDetail?: boolean;
}

/**
 * rollup_scores_compact (no location, channel, language) serves queries that neither filter nor
 * group on those and come from callers not limited to locations.
 */
function compactServes(ctx: SourceContext, opts: SourceOptions): boolean {
  const { filter, scope } = ctx;
  return !opts.needsDetail && scope.locationPaths === null && !filter.locationPath && !filter.channel && !filter.language;
}

/**
 * Rollups answer a filter when it uses at most one marked dimension (the filter's and the
 * breakdown's must be the same key) and does not ask for excluded answers.
 */
export function chooseSource(ctx: SourceContext, opts: SourceOptions = {}): SourceKind {
  const { filter, dimensions } = ctx;
  if (filter.includeExcluded) return 'raw';
  const keys = new Set([filter.dim?.key, opts.groupDim].filter((k): k is string => !!k));
  if (keys.size > 1) return 'raw';
  for (const k of keys) if (!dimensions.includes(k)) return 'raw';
  return 'rollup';
}

/**
 * A `select` over the chosen source for the given questions, with the filters and the location
 * scope in its WHERE clause. Pushes its parameters onto `params`.
 */
export function scoreSourceSql(ctx: SourceContext, questionIds: string[], params: unknown[], opts: SourceOptions = {}): { sql: string; kind: SourceKind } {
  const kind = chooseSource(ctx, opts);
  const p = binder(params);
  const { filter, scope } = ctx;
  const where: string[] = [];
  if (kind === 'rollup') {
    const dimKey = opts.groupDim ?? filter.dim?.key ?? '';
    // The primary key starts (org_id, question_id, dim_key, dim_value, day): this is its prefix.
    where.push(`s.org_id = ${p(scope.orgId)}`, `s.question_id = any(${p(questionIds)}::uuid[])`, `s.dim_key = ${p(dimKey)}`);
    if (filter.dim) where.push(`s.dim_value = ${p(filter.dim.value)}`);
    if (filter.from) where.push(`s.day >= ${p(filter.from)}::date`);
    if (filter.to) where.push(`s.day <= ${p(filter.to)}::date`);
    if (compactServes(ctx, opts)) {
      return {
        kind,
        sql: `select s.question_id, s.score, s.n, s.day, '${NO_LOCATION}'::uuid as location_id, ''::text as channel, ''::text as language, s.dim_value
                from rollup_scores_compact s where ${where.join(' and ')} and s.n <> 0`,
      };
    }
    where.push(...common('s', ctx, p, params));
    return {
      kind,
      sql: `select s.question_id, s.score, s.n, s.day, s.location_id, s.channel, s.language, s.dim_value
              from rollup_scores s where ${where.join(' and ')} and s.n <> 0`,
    };
  }
  const raw = rawAnswerWhere(ctx, questionIds, p, params, opts);
  return {
    kind,
    sql: `select a.question_id, a.score, 1::bigint as n, (a.submitted_at at time zone ${p(ctx.timezone)})::date as day,
                 coalesce(a.location_id, '${NO_LOCATION}'::uuid) as location_id, a.channel, a.language, ${raw.dimValue} as dim_value
            from answers a ${raw.join}
           where ${raw.where} and a.score is not null`,
  };
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
  const tz = filter.from || filter.to ? p(ctx.timezone) : '';
  if (filter.from) where.push(`a.submitted_at >= (${p(filter.from)}::date::timestamp at time zone ${tz})`);
  if (filter.to) where.push(`a.submitted_at < ((${p(filter.to)}::date + 1)::timestamp at time zone ${tz})`);
  if (filter.dim) where.push(`r.hidden ->> ${p(filter.dim.key)} = ${p(filter.dim.value)}`);
  let dimValue = `''::text`;
  if (opts.groupDim) {
    dimValue = `(r.hidden ->> ${p(opts.groupDim)})`;
    // Rollups keep a dimension row only for a non-empty value; do the same here.
    where.push(`coalesce(${dimValue}, '') <> ''`);
  }
  where.push(...common('a', ctx, p, params));
  const join = filter.dim || opts.groupDim ? 'join responses r on r.org_id = a.org_id and r.id = a.response_id' : '';
  return { join, where: where.join(' and '), dimValue };
}

/** Conditions shared by both sources: location filter, scope, channel, language. */
function common(alias: 's' | 'a' | 'r', ctx: SourceContext, p: (v: unknown) => string, params: unknown[]): string[] {
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
 * The same filters over responses (response counts): rollup_responses (or its compact level) when
 * the filters allow it, raw `responses` otherwise. Yields survey_id, day, location_id, n.
 */
export function responseSourceSql(ctx: SourceContext, surveyIds: string[], params: unknown[]): { sql: string; kind: SourceKind } {
  const kind = chooseSource(ctx);
  const p = binder(params);
  const { filter, scope } = ctx;
  if (kind === 'rollup') {
    const where = [`s.org_id = ${p(scope.orgId)}`, `s.survey_id = any(${p(surveyIds)}::uuid[])`, `s.dim_key = ${p(filter.dim?.key ?? '')}`];
    if (filter.dim) where.push(`s.dim_value = ${p(filter.dim.value)}`);
    if (filter.from) where.push(`s.day >= ${p(filter.from)}::date`);
    if (filter.to) where.push(`s.day <= ${p(filter.to)}::date`);
    if (compactServes(ctx, {})) {
      return { kind, sql: `select s.survey_id, s.day, '${NO_LOCATION}'::uuid as location_id, s.n from rollup_responses_compact s where ${where.join(' and ')}` };
    }
    where.push(...common('s', ctx, p, params));
    return { kind, sql: `select s.survey_id, s.day, s.location_id, s.n from rollup_responses s where ${where.join(' and ')}` };
  }
  return { kind, sql: `select r.survey_id, null::date as day, r.location_id, 1::bigint as n from responses r where ${rawResponseWhere(ctx, surveyIds, p, params)}` };
}

/**
 * WHERE conditions on raw `responses r` for the filters and scope (responses_survey_time serves
 * org, survey and time range).
 */
export function rawResponseWhere(ctx: SourceContext, surveyIds: string[], p: (v: unknown) => string, params: unknown[]): string {
  const { filter, scope } = ctx;
  const where = [`r.org_id = ${p(scope.orgId)}`, `r.survey_id = any(${p(surveyIds)}::uuid[])`];
  if (!filter.includeExcluded) where.push(`not r.excluded`);
  const tz = filter.from || filter.to ? p(ctx.timezone) : '';
  if (filter.from) where.push(`r.submitted_at >= (${p(filter.from)}::date::timestamp at time zone ${tz})`);
  if (filter.to) where.push(`r.submitted_at < ((${p(filter.to)}::date + 1)::timestamp at time zone ${tz})`);
  if (filter.dim) where.push(`r.hidden ->> ${p(filter.dim.key)} = ${p(filter.dim.value)}`);
  where.push(...common('r', ctx, p, params));
  return where.join(' and ');
}

/** A parameter pusher: `p(value)` appends to `params` and returns its `$n` placeholder. */
export function binder(params: unknown[]): (v: unknown) => string {
  return (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
}
