/**
 * The reads of the perception gap (docs/staff.md "The perception gap"): the surveys to compare, the staff's answers
 * to the perception questions (one row per respondent, never returned by the API), the customers' scores and negative
 * comment themes per location, the locations in view and the themes' names. Every answer read is limited to the
 * caller's locations (scope) and, when given, to one location's subtree and the org-local days from..to.
 */
import type { Scope } from '../../core/access/index.ts';
import type { CustomerLocationStats, StaffPerceptionAnswer } from '../../core/staff/perception.ts';
import type { StaffRole } from '../../core/surveys/types.ts';
import type { Queryable } from '../connection.ts';
import { binder, localDayRangeSql } from '../queries/analyticsSource.ts';

export interface PerceptionSurveyRow {
  id: string;
  name: string;
  status: string;
  audience: 'customers' | 'staff';
}

export interface PerceptionQuestionRow {
  id: string;
  key: string;
  type: string;
  metric: string;
  staffRole: StaffRole | null;
  scaleMin: number | null;
  scaleMax: number | null;
  boxMin: number | null;
}

/** The window and place every answer read is limited to. */
export interface PerceptionFilter {
  scope: Scope;
  /** a location's path: its subtree only */
  locationPath?: string;
  from?: string;
  to?: string;
  timezone: string;
}

/** The organisation's surveys a perception gap can compare: staff surveys (live first, newest first) and customer surveys with a scored question. */
export async function listPerceptionSurveys(db: Queryable, orgId: string): Promise<PerceptionSurveyRow[]> {
  const { rows } = await db.query(
    `/* listPerceptionSurveys */ select s.id, s.name, s.status, s.audience from surveys s
      where s.org_id = $1 and (s.audience = 'staff' or exists (
        select 1 from questions q where q.org_id = s.org_id and q.survey_id = s.id and q.archived_in_version is null
          and (q.type = 'nps' or q.metric in ('nps', 'csat'))))
      order by s.audience, (s.status = 'live') desc, s.created_at desc, s.id`,
    [orgId],
  );
  return rows;
}

/** The org's first live customer survey with an NPS question (the default to compare with), or null. */
export async function defaultCustomerSurveyId(db: Queryable, orgId: string): Promise<string | null> {
  const { rows } = await db.query(
    `/* defaultCustomerSurveyId */ select s.id from surveys s
      where s.org_id = $1 and s.audience = 'customers' and s.status = 'live' and exists (
        select 1 from questions q where q.org_id = s.org_id and q.survey_id = s.id and q.archived_in_version is null and (q.type = 'nps' or q.metric = 'nps'))
      order by s.created_at, s.id limit 1`,
    [orgId],
  );
  return rows[0]?.id ?? null;
}

/** A survey of the organisation with its current (not archived) questions in order, or null. */
export async function getPerceptionSurvey(db: Queryable, orgId: string, surveyId: string): Promise<(PerceptionSurveyRow & { questions: PerceptionQuestionRow[] }) | null> {
  const [survey, questions] = await Promise.all([
    db.query(`/* getPerceptionSurvey */ select id, name, status, audience from surveys where org_id = $1 and id = $2`, [orgId, surveyId]),
    db.query(
      `/* listPerceptionQuestions */ select id, key, type, metric, staff_role as "staffRole", scale_min as "scaleMin", scale_max as "scaleMax", box_min as "boxMin"
        from questions where org_id = $1 and survey_id = $2 and archived_in_version is null order by position, id`,
      [orgId, surveyId],
    ),
  ]);
  return survey.rows[0] ? { ...survey.rows[0], questions: questions.rows } : null;
}

/** Conditions on an answers-like table aliased `alias` (location_id, submitted_at): scope, subtree, period. */
function answerWhere(alias: string, f: PerceptionFilter, p: (v: unknown) => string): string[] {
  const out = [`${alias}.location_id is not null`];
  const paths = f.scope.locationPaths === null ? null : f.scope.locationPaths.map((x) => `${x}%`);
  if (paths) out.push(`${alias}.location_id in (select l.id from locations l where l.org_id = ${p(f.scope.orgId)} and l.path like any(${p(paths)}::text[]))`);
  if (f.locationPath) out.push(`${alias}.location_id in (select l.id from locations l where l.org_id = ${p(f.scope.orgId)} and l.path like ${p(`${f.locationPath}%`)})`);
  out.push(...localDayRangeSql(`${alias}.submitted_at`, f, f.timezone, p));
  return out;
}

/** Question ids by staff role (null: the survey has no such question). */
export type StaffQuestionIds = Record<StaffRole, string | null>;

/**
 * One row per staff respondent (not excluded, with a location) who answered at least one of the expected_nps,
 * expected_csat and expected_complaints questions: location, team, and those answers.
 */
export async function listStaffPerceptionAnswers(db: Queryable, surveyId: string, ids: StaffQuestionIds, f: PerceptionFilter): Promise<StaffPerceptionAnswer[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const asked = [ids.expected_nps, ids.expected_csat, ids.expected_complaints].filter((x): x is string => x !== null);
  if (asked.length === 0) return [];
  const where = [`r.org_id = ${p(f.scope.orgId)}`, `r.survey_id = ${p(surveyId)}`, 'not r.excluded', ...answerWhere('r', f, p)];
  const pick = (id: string | null, column: string, cast: string) => (id === null ? `null::${cast}` : `max(a.${column}) filter (where a.question_id = ${p(id)})`);
  const { rows } = await db.query(
    `/* listStaffPerceptionAnswers */ select r.location_id as "locationId",
        ${pick(ids.team, 'choice', 'text')} as team,
        ${pick(ids.expected_nps, 'score', 'smallint')} as "expectedNps",
        ${pick(ids.expected_csat, 'score', 'smallint')} as "expectedCsat",
        ${ids.expected_complaints === null ? 'null::jsonb' : `jsonb_agg(to_jsonb(a.choices)) filter (where a.question_id = ${p(ids.expected_complaints)}) -> 0`} as complaints
      from responses r join answers a on a.org_id = r.org_id and a.response_id = r.id and not a.excluded
      where ${where.join(' and ')}
      group by r.id, r.location_id
      having count(*) filter (where a.question_id = any(${p(asked)}::uuid[]) and (a.score is not null or cardinality(a.choices) > 0)) > 0`,
    params,
  );
  return rows.map((r) => ({ locationId: r.locationId, team: r.team, expectedNps: r.expectedNps, expectedCsat: r.expectedCsat, complaints: r.complaints ?? [] }));
}

/**
 * The customer survey's answers per location (not subtree): NPS and CSAT score counts, responses answering either,
 * negative comments (comment_analysis) and how many of them carry each theme.
 */
export async function listCustomerPerceptionStats(db: Queryable, surveyId: string, q: { nps: string | null; csat: string | null }, f: PerceptionFilter): Promise<CustomerLocationStats[]> {
  const scored = [q.nps, q.csat].filter((x): x is string => x !== null);
  const read = async (name: string, build: (p: (v: unknown) => string, where: string) => string) => {
    const params: unknown[] = [];
    const p = binder(params);
    const where = [`a.org_id = ${p(f.scope.orgId)}`, `a.survey_id = ${p(surveyId)}`, 'not a.excluded', ...answerWhere('a', f, p)].join(' and ');
    return (await db.query(`/* ${name} */ ${build(p, where)}`, params)).rows;
  };
  const [scores, themes] = await Promise.all([
    scored.length === 0 ? [] : read('listCustomerPerceptionScores', (p, where) => `select a.location_id as "locationId", a.question_id as "questionId", a.score, count(*)::int as n,
        count(distinct a.response_id)::int as responses, grouping(a.question_id) = 1 as total
      from answers a where ${where} and a.question_id = any(${p(scored)}::uuid[]) and a.score is not null
      group by grouping sets ((a.location_id, a.question_id, a.score), (a.location_id))`),
    read('listCustomerPerceptionThemes', (_p, where) => `select a.location_id as "locationId", th.theme, grouping(th.theme) = 1 as total,
        count(distinct (a.response_id, a.question_id))::int as n
      from answers a join comment_analysis ca on ca.org_id = a.org_id and ca.response_id = a.response_id and ca.question_id = a.question_id
        left join lateral unnest(ca.themes) as th(theme) on true
      where ${where} and ca.sentiment = 'negative'
      group by grouping sets ((a.location_id, th.theme), (a.location_id))`),
  ]);
  const byLocation = new Map<string, CustomerLocationStats & { nps: Record<number, number>; csat: Record<number, number>; themes: Record<string, number> }>();
  const of = (id: string) => {
    let s = byLocation.get(id);
    if (!s) byLocation.set(id, (s = { locationId: id, n: 0, nps: {}, csat: {}, negative: 0, themes: {} }));
    return s;
  };
  for (const r of scores) {
    const s = of(r.locationId);
    if (r.total) s.n = r.responses;
    else if (r.questionId === q.nps) s.nps[r.score] = r.n;
    else s.csat[r.score] = r.n;
  }
  for (const r of themes) {
    const s = of(r.locationId);
    // The (location) row counts the negative comments; a (location, null) row, those without a theme.
    if (r.total) s.negative = r.n;
    else if (r.theme !== null) s.themes[r.theme] = r.n;
  }
  return [...byLocation.values()];
}

/** The locations in view (the caller's, in the subtree when given; competitors never): the tree the groups follow. */
export async function listPerceptionLocations(db: Queryable, f: PerceptionFilter): Promise<Array<{ id: string; parentId: string | null; name: string }>> {
  const params: unknown[] = [];
  const p = binder(params);
  const where = [`l.org_id = ${p(f.scope.orgId)}`, `l.kind <> 'competitor'`];
  if (f.scope.locationPaths !== null) where.push(`l.path like any(${p(f.scope.locationPaths.map((x) => `${x}%`))}::text[])`);
  if (f.locationPath) where.push(`l.path like ${p(`${f.locationPath}%`)}`);
  const { rows } = await db.query(`/* listPerceptionLocations */ select l.id, l.parent_id as "parentId", l.name from locations l where ${where.join(' and ')}`, params);
  return rows;
}

/** The names by language of the organisation's themes among `ids` (a theme it does not have: absent). */
export async function getThemeNames(db: Queryable, orgId: string, ids: readonly string[]): Promise<Map<string, Record<string, string>>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query(`/* getThemeNames */ select id, names from org_themes where org_id = $1 and id = any($2::text[])`, [orgId, ids]);
  return new Map(rows.map((r) => [r.id as string, r.names as Record<string, string>]));
}
