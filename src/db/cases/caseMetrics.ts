/**
 * @module The closed loop's report reads (docs/closed-loop.md "Case metrics", "Root causes and Pareto"): counts
 * and percentiles of the caller's cases, root causes with their comment themes, compensation sums. Every read
 * starts from the caller's organisation and location subtrees (src/db/scope.ts: a case without a location is
 * visible only to unrestricted callers). Percentiles are percentile_cont (linear interpolation), as
 * src/core/closedLoop/caseMetrics.ts durationStats. The rules (recovery, Pareto order, shares) are in core.
 */
import type { Scope } from '../../core/access/index.ts';
import type { RecoveryCount } from '../../core/closedLoop/caseMetrics.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';
import { locationScopeSql } from '../scope.ts';

export interface CaseReportFilter {
  /** Inclusive organisation-local days. */
  from?: string;
  to?: string;
  /** Path of a location in scope: its subtree. */
  locationPath?: string;
  /** Only cases opened from answers to this survey. */
  surveyId?: string;
  timeZone: string;
}

/** The caller's cases `c` in the location and survey filters (not the period: each read puts it on its own column). */
function casesWhere(scope: Scope, f: CaseReportFilter, params: unknown[], p: (v: unknown) => string): string {
  const where = [`c.org_id = ${p(scope.orgId)}`, locationScopeSql(scope, 'c.location_id', params)];
  if (f.locationPath !== undefined) where.push(`c.location_id in (select l.id from locations l where l.org_id = c.org_id and l.path like ${p(`${f.locationPath}%`)})`);
  if (f.surveyId !== undefined) where.push(`c.response_id in (select r.id from responses r where r.org_id = c.org_id and r.survey_id = ${p(f.surveyId)})`);
  return where.join(' and ');
}

/** `column` within the filter's org-local days ('true' without a period). */
function inPeriod(column: string, f: CaseReportFilter, p: (v: unknown) => string): string {
  const cond: string[] = [];
  if (f.from !== undefined) cond.push(`${column} >= (${p(f.from)}::date)::timestamp at time zone ${p(f.timeZone)}::text`);
  if (f.to !== undefined) cond.push(`${column} < (${p(f.to)}::date + 1)::timestamp at time zone ${p(f.timeZone)}::text`);
  return cond.length ? cond.join(' and ') : 'true';
}

const RESOLVED = `c.resolved_at is not null and c.status in ('resolved', 'closed')`;
const secs = (a: string, b: string) => `extract(epoch from ${a} - ${b})::float8`;

export interface CaseMetricRows {
  created: number;
  resolved: number;
  firstAction: { n: number; median: number | null; p90: number | null };
  resolve: { n: number; median: number | null; p90: number | null };
  slaJudged: number;
  slaMet: number;
  open: number;
  overdue: number;
  recovery: RecoveryCount[];
  perPeriod: { period: string; created: number; resolved: number }[];
}

/** The counts and percentiles behind GET /cases/metrics; open and overdue are as of `now`, whatever the period. */
export async function getCaseMetricRows(db: Queryable, scope: Scope, f: CaseReportFilter, now: Date, interval: 'day' | 'week' | 'month'): Promise<CaseMetricRows> {
  const read = async (name: string, build: (p: (v: unknown) => string, where: string) => string) => {
    const params: unknown[] = [];
    const p = binder(params);
    const where = casesWhere(scope, f, params, p);
    return (await db.query(`/* ${name} */ ${build(p, where)}`, params)).rows;
  };
  const [totals, recovery, periods] = await Promise.all([
    read('getCaseMetrics', (p, where) => {
      const created = inPeriod('c.created_at', f, p);
      const resolved = `${RESOLVED} and ${inPeriod('c.resolved_at', f, p)}`;
      const fa = secs('c.first_action_at', 'c.created_at');
      const res = secs('c.resolved_at', 'c.created_at');
      const pct = (q: number, col: string, cond: string) => `percentile_cont(${q}) within group (order by ${col}) filter (where ${cond})`;
      const nowRef = p(now);
      return `select count(*) filter (where ${created})::int as created, count(*) filter (where ${resolved})::int as resolved,
          count(*) filter (where ${created} and c.first_action_at >= c.created_at)::int as fa_n,
          ${pct(0.5, fa, `${created} and c.first_action_at >= c.created_at`)} as fa_median, ${pct(0.9, fa, `${created} and c.first_action_at >= c.created_at`)} as fa_p90,
          ${pct(0.5, res, `${resolved} and c.resolved_at >= c.created_at`)} as res_median, ${pct(0.9, res, `${resolved} and c.resolved_at >= c.created_at`)} as res_p90,
          count(*) filter (where ${resolved} and c.resolved_at >= c.created_at)::int as res_n,
          count(*) filter (where ${resolved} and c.due_at is not null)::int as sla_judged,
          count(*) filter (where ${resolved} and c.resolved_at <= c.due_at)::int as sla_met,
          count(*) filter (where c.status in ('new', 'in_progress', 'waiting_customer'))::int as open,
          count(*) filter (where c.status in ('new', 'in_progress', 'waiting_customer') and c.due_at < ${nowRef}::timestamptz)::int as overdue
        from cases c where ${where}`;
    }),
    read('getCaseRecoveryCounts', (p, where) => `select c.trigger_metric, c.trigger_score, c.recovery_score, count(*)::int as n
        from cases c where ${where} and ${RESOLVED} and ${inPeriod('c.resolved_at', f, p)} and c.trigger_score is not null
        group by 1, 2, 3`),
    read('getCasePeriods', (p, where) => {
      const unit = p(interval);
      const tz = p(f.timeZone);
      return `select to_char(x.period, 'YYYY-MM-DD') as period, sum(x.created)::int as created, sum(x.resolved)::int as resolved from (
          select date_trunc(${unit}::text, c.created_at at time zone ${tz}::text) as period, 1 as created, 0 as resolved from cases c where ${where} and ${inPeriod('c.created_at', f, p)}
          union all
          select date_trunc(${unit}::text, c.resolved_at at time zone ${tz}::text), 0, 1 from cases c where ${where} and ${RESOLVED} and ${inPeriod('c.resolved_at', f, p)}
        ) x group by x.period order by x.period`;
    }),
  ]);
  const t = totals[0];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    created: t.created,
    resolved: t.resolved,
    firstAction: { n: t.fa_n, median: num(t.fa_median), p90: num(t.fa_p90) },
    resolve: { n: t.res_n, median: num(t.res_median), p90: num(t.res_p90) },
    slaJudged: t.sla_judged,
    slaMet: t.sla_met,
    open: t.open,
    overdue: t.overdue,
    recovery: recovery.map((r) => ({ triggerMetric: r.trigger_metric, triggerScore: r.trigger_score, recoveryScore: r.recovery_score, n: r.n })),
    perPeriod: periods.map((r) => ({ period: r.period, created: r.created, resolved: r.resolved })),
  };
}

export interface CauseRow {
  id: string;
  key: string;
  name: Record<string, string>;
  position: number;
  archived: boolean;
  count: number;
  controllable: number;
  notControllable: number;
  compensation: { currency: string; amount: number }[];
  themes: { theme: string; name: Record<string, string>; count: number }[];
  withComment: number;
}

/**
 * The root causes of the caller's cases created in the period: cases, controllable marks, compensation per
 * currency, and for cases opened from an answer the themes of its analysed comments (distinct cases per
 * theme, at most `topThemes` per cause).
 */
export async function getRootCauseRows(db: Queryable, scope: Scope, f: CaseReportFilter, topThemes = 5): Promise<CauseRow[]> {
  const read = async (name: string, build: (p: (v: unknown) => string, where: string) => string) => {
    const params: unknown[] = [];
    const p = binder(params);
    const where = `${casesWhere(scope, f, params, p)} and c.root_cause_id is not null and ${inPeriod('c.created_at', f, p)}`;
    return (await db.query(`/* ${name} */ ${build(p, where)}`, params)).rows;
  };
  const [causes, money, themes] = await Promise.all([
    read('getRootCauseCounts', (_p, where) => `select rc.id, rc.key, rc.name, rc.position, rc.archived, count(*)::int as count,
        count(*) filter (where c.controllable)::int as controllable, count(*) filter (where not c.controllable)::int as not_controllable,
        count(*) filter (where exists (select 1 from comment_analysis ca where ca.org_id = c.org_id and ca.response_id = c.response_id))::int as with_comment
      from cases c join root_causes rc on rc.org_id = c.org_id and rc.id = c.root_cause_id
      where ${where} group by rc.id, rc.key, rc.name, rc.position, rc.archived`),
    read('getRootCauseCompensation', (_p, where) => `select c.root_cause_id as id, k.currency, sum(k.amount)::float8 as amount
      from cases c join case_compensations k on k.org_id = c.org_id and k.case_id = c.id
      where ${where} group by 1, 2 order by 2`),
    read('getRootCauseThemes', (p, where) => `select x.id, x.theme, coalesce(t.names, '{}'::jsonb) as name, x.count from (
        select x.*, row_number() over (partition by x.id order by x.count desc, x.theme) as rank from (
          select c.root_cause_id as id, th.theme, count(distinct c.id)::int as count
          from cases c join comment_analysis ca on ca.org_id = c.org_id and ca.response_id = c.response_id
            cross join lateral unnest(ca.themes) as th(theme)
          where ${where} group by 1, 2
        ) x
      ) x left join org_themes t on t.org_id = ${p(scope.orgId)} and t.id = x.theme
      where x.rank <= ${p(topThemes)} order by x.id, x.rank`),
  ]);
  return causes.map((c) => ({
    id: c.id, key: c.key, name: c.name, position: c.position, archived: c.archived, count: c.count,
    controllable: c.controllable, notControllable: c.not_controllable, withComment: c.with_comment,
    compensation: money.filter((m) => m.id === c.id).map((m) => ({ currency: m.currency, amount: m.amount })),
    themes: themes.filter((t) => t.id === c.id).map((t) => ({ theme: t.theme, name: t.name, count: t.count })),
  }));
}

export interface CompensationRow {
  key: string | null;
  label: string | Record<string, string> | null;
  currency: string;
  amount: number;
  count: number;
  cases: number;
}

/** Compensation given in the period (given_at) on the caller's cases, per location or root cause of the case and currency, largest first. */
export async function getCompensationRows(db: Queryable, scope: Scope, f: CaseReportFilter, by: 'location' | 'root_cause'): Promise<CompensationRow[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const where = `${casesWhere(scope, f, params, p)} and ${inPeriod('k.given_at', f, p)}`;
  const group = by === 'location'
    ? { key: 'c.location_id', label: 'to_jsonb(l.name)', join: 'left join locations l on l.org_id = c.org_id and l.id = c.location_id' }
    : { key: 'c.root_cause_id', label: 'rc.name', join: 'left join root_causes rc on rc.org_id = c.org_id and rc.id = c.root_cause_id' };
  const { rows } = await db.query(
    `/* getCompensationRows */ select ${group.key} as key, ${group.label} as label, k.currency, sum(k.amount)::float8 as amount, count(*)::int as count,
       count(distinct c.id)::int as cases
     from case_compensations k join cases c on c.org_id = k.org_id and c.id = k.case_id ${group.join}
     where k.org_id = ${p(scope.orgId)} and ${where}
     group by 1, 2, 3 order by amount desc, 3, 1`,
    params,
  );
  return rows.map((r) => ({ key: r.key, label: r.label, currency: r.currency, amount: r.amount, count: r.count, cases: r.cases }));
}
