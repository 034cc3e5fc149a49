/**
 * The support dashboard's reads (docs/support.md "Dashboard and API"): KPIs of support_contacts as SQL
 * aggregates, by group and by period, the time distributions, the repeat-contact drill-down, SLA breaches
 * and complaints per location. Every read starts from the caller's organisation and location subtrees
 * (src/db/scope.ts): rows without a location are visible only to unrestricted callers. Definitions:
 * ../shared/METRICS.md "Support operations metrics" (percentiles are PostgreSQL percentile_cont, linear
 * interpolation); values are bound, never written into the SQL.
 */
import type { Scope } from '../../core/access/index.ts';
import type { SupportKpis } from '../../core/api/supportKpis.ts';
import { SUPPORT_TIME_BUCKETS, repeatMetricName, type SupportGroup } from '../../core/support/dashboardKpis.ts';
import { roundSeconds } from '../../core/support/kpis.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

export interface SupportFilter {
  /** Inclusive organisation-local days of created_at. */
  from?: string;
  to?: string;
  /** Path of a location in scope: that location and its subtree. */
  locationPath?: string;
  channel?: string;
  team?: string;
  agent?: string;
  priority?: string;
  category?: string;
  timeZone: string;
  /** Repeat-contact window in days (repeat.v1). */
  repeatDays: number;
  /** The instant SLA targets are judged at: a contact not yet answered or solved past its target has missed it. */
  now: Date;
}

/**
 * The filters' conditions on the contacts aliased `c`: created in the organisation-local days from..to,
 * in the location's subtree, with the given channel, team, agent, priority and category. Pushes its
 * parameters onto `params`.
 */
export function contactFilterSql(f: Omit<SupportFilter, 'repeatDays' | 'now'>, params: unknown[], c: string): string[] {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.from !== undefined || f.to !== undefined) {
    const tz = p(f.timeZone);
    if (f.from !== undefined) where.push(`${c}.created_at >= (${p(f.from)}::date)::timestamp at time zone ${tz}::text`);
    if (f.to !== undefined) where.push(`${c}.created_at < (${p(f.to)}::date + 1)::timestamp at time zone ${tz}::text`);
  }
  if (f.locationPath !== undefined) where.push(`${c}.location_id in (select l.id from locations l where l.org_id = ${c}.org_id and l.path like ${p(`${f.locationPath}%`)})`);
  for (const k of ['channel', 'team', 'agent', 'priority', 'category'] as const) {
    if (f[k] !== undefined) where.push(`${c}.${k} = ${p(f[k])}`);
  }
  return where;
}

/**
 * `s`: the caller's contacts with the same customer's next contact (`next_at`, lead() over the customer
 * in scope) and the per-contact facts; `f`: those in the filters. Only contacts from `from` on can be a
 * later contact of one in the period, and none after `to` + the window matters: `s` reads that span only.
 */
function contactsCte(scope: Scope, f: SupportFilter, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Bound on first use: PostgreSQL refuses a parameter no statement uses (its type is unknown).
  const once = (value: unknown) => {
    let ref = '';
    return () => (ref ||= p(value));
  };
  const org = p(scope.orgId);
  const tzRef = once(f.timeZone);
  const daysRef = once(f.repeatDays);
  const nowRef = once(f.now);
  const span = [`c.org_id = ${org}`, locationScopeSql(scope, 'c.location_id', params)];
  if (f.from !== undefined) span.push(`c.created_at >= (${p(f.from)}::date)::timestamp at time zone ${tzRef()}::text`);
  if (f.to !== undefined) span.push(`c.created_at < (${p(f.to)}::date + 1 + ${daysRef()}::int)::timestamp at time zone ${tzRef()}::text`);
  const where = contactFilterSql(f, params, 'c');
  const secs = (a: string, b: string) => `extract(epoch from ${a} - ${b})::float8`;
  // met / missed / pending of one target; 'none' when the priority has no such target.
  const target = (at: string, t: string) =>
    `case when ${t} is null then 'none' when ${at} is not null then (case when ${secs(at, 'c.created_at')} <= ${t} then 'met' else 'missed' end)
          when ${secs(`${nowRef()}::timestamptz`, 'c.created_at')} > ${t} then 'missed' else 'pending' end`;
  return `s as (
      select c.*, lead(c.created_at) over (partition by c.customer_key order by c.created_at, c.external_id) as next_at
      from support_contacts c where ${span.join(' and ')}
    ), f as (
      select c.*,
        ${secs('c.first_response_at', 'c.created_at')} as frt_s,
        ${secs('c.first_solved_at', 'c.created_at')} as res_s,
        ${secs('c.last_solved_at', 'c.created_at')} as full_s,
        case when c.customer_key is null then null else coalesce(c.next_at <= c.created_at + make_interval(days => ${daysRef()}::int), false) end as is_repeat,
        ${target('c.first_response_at', 't.first_response_s')} as fr_sla,
        ${target('c.last_solved_at', 't.resolution_s')} as res_sla,
        t.priority as sla_priority, t.first_response_s as fr_target, t.resolution_s as res_target
      from s c left join support_sla_targets t on t.org_id = c.org_id and t.priority = c.priority
        and (t.first_response_s is not null or t.resolution_s is not null)
      where ${where.length ? where.join(' and ') : 'true'}
    ), k as (
      select f.*, case when f.sla_priority is null then null when 'missed' in (f.fr_sla, f.res_sla) then 'missed'
        when f.fr_sla in ('met', 'none') and f.res_sla in ('met', 'none') then 'met' end as sla
      from f
    )`;
}

const stats = (col: string, name: string) =>
  `percentile_cont(0.5) within group (order by ${col}) as ${name}_median_s, percentile_cont(0.9) within group (order by ${col}) as ${name}_p90_s, avg(${col}) as ${name}_mean_s`;

/** Complaints among the contacts `k`; null when none of them says anything about complaints (migration 098). */
const COMPLAINTS_SQL = 'case when count(k.is_complaint) > 0 then count(*) filter (where k.is_complaint)::int end';

/** The aggregates of one set of contacts `k` (kpisOf reads them). */
const KPI_SQL = `count(*)::int as contacts, ${stats('k.frt_s', 'first_response')}, ${stats('k.res_s', 'first_resolution')}, ${stats('k.full_s', 'resolution')},
  count(k.first_response_at)::int as responded, count(k.first_solved_at)::int as solved,
  count(*) filter (where k.reopens >= 1)::int as reopened,
  count(*) filter (where k.first_solved_at is not null and k.agent_replies = 1)::int as one_touch,
  count(k.customer_key)::int as repeat_base, count(*) filter (where k.is_repeat)::int as repeats,
  ${COMPLAINTS_SQL} as complaints,
  count(*) filter (where k.sla = 'met')::int as sla_met, count(*) filter (where k.sla = 'missed')::int as sla_missed`;

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const secsOrNull = (v: unknown) => (v === null || v === undefined ? null : roundSeconds(Number(v)));

function kpisOf(r: Record<string, any>, repeatDays: number): SupportKpis {
  return {
    contacts: r.contacts,
    first_response_median_s: secsOrNull(r.first_response_median_s),
    first_response_p90_s: secsOrNull(r.first_response_p90_s),
    first_response_mean_s: secsOrNull(r.first_response_mean_s),
    first_resolution_median_s: secsOrNull(r.first_resolution_median_s),
    first_resolution_p90_s: secsOrNull(r.first_resolution_p90_s),
    first_resolution_mean_s: secsOrNull(r.first_resolution_mean_s),
    resolution_median_s: secsOrNull(r.resolution_median_s),
    resolution_p90_s: secsOrNull(r.resolution_p90_s),
    resolution_mean_s: secsOrNull(r.resolution_mean_s),
    responded: r.responded,
    solved: r.solved,
    reopened: r.reopened,
    reopen_rate: share(r.reopened, r.solved),
    one_touch: r.one_touch,
    one_touch_rate: share(r.one_touch, r.solved),
    repeat_base: r.repeat_base,
    repeats: r.repeats,
    repeat_contact_rate: share(r.repeats, r.repeat_base),
    repeat_window_s: repeatDays * 86_400,
    repeat_metric: repeatMetricName(repeatDays),
    complaints: r.complaints,
    sla_judged: r.sla_met + r.sla_missed,
    sla_met: r.sla_met,
    sla_attainment: share(r.sla_met, r.sla_met + r.sla_missed),
  };
}

const GROUP_SQL: Record<SupportGroup, { key: string; label: string }> = {
  agent: { key: `coalesce(k.agent, '')`, label: 'k.agent' },
  team: { key: `coalesce(k.team, '')`, label: 'k.team' },
  channel: { key: `coalesce(k.channel, '')`, label: 'k.channel' },
  category: { key: `coalesce(k.category, '')`, label: 'k.category' },
  priority: { key: `coalesce(k.priority, '')`, label: 'k.priority' },
  location: { key: `coalesce(k.location_id::text, '')`, label: 'l.name' },
};

/** The KPIs of the contacts in the filters, and per SLA priority. */
export async function getSupportKpis(db: Queryable, scope: Scope, f: SupportFilter): Promise<{ kpis: SupportKpis; slaByPriority: { priority: string; judged: number; met: number; attainment: number | null }[] }> {
  const params: unknown[] = [];
  const cte = contactsCte(scope, f, params);
  const [all, sla] = await Promise.all([
    db.query(`/* getSupportKpis */ with ${cte} select ${KPI_SQL} from k`, params),
    db.query(
      `/* getSupportSlaByPriority */ with ${cte} select k.sla_priority as priority, count(*) filter (where k.sla = 'met')::int as met,
         count(*) filter (where k.sla = 'missed')::int as missed
       from k where k.sla_priority is not null group by 1 order by 1`,
      params,
    ),
  ]);
  return {
    kpis: kpisOf(all.rows[0], f.repeatDays),
    slaByPriority: sla.rows.map((r) => ({ priority: r.priority, judged: r.met + r.missed, met: r.met, attainment: share(r.met, r.met + r.missed) })),
  };
}

/** The KPIs per group, most contacts first; '' (label null) for contacts without the attribute. */
export async function getSupportKpiGroups(db: Queryable, scope: Scope, f: SupportFilter, by: SupportGroup): Promise<{ key: string; label: string | null; kpis: SupportKpis }[]> {
  const params: unknown[] = [];
  const g = GROUP_SQL[by];
  const { rows } = await db.query(
    `/* getSupportKpiGroups */ with ${contactsCte(scope, f, params)}
     select ${g.key} as key, ${g.label} as label, ${KPI_SQL}
     from k left join locations l on l.org_id = k.org_id and l.id = k.location_id
     group by 1, 2 order by contacts desc, label nulls last, key`,
    params,
  );
  return rows.map((r) => ({ key: r.key, label: r.label, kpis: kpisOf(r, f.repeatDays) }));
}

/** The KPIs per org-local day, week (from Monday) or month of created_at, oldest first; periods without contacts are absent. */
export async function getSupportKpiTrend(db: Queryable, scope: Scope, f: SupportFilter, interval: 'day' | 'week' | 'month'): Promise<{ period: string; kpis: SupportKpis }[]> {
  const params: unknown[] = [];
  const cte = contactsCte(scope, f, params);
  params.push(interval, f.timeZone);
  const { rows } = await db.query(
    `/* getSupportKpiTrend */ with ${cte}
     select to_char(date_trunc($${params.length - 1}::text, k.created_at at time zone $${params.length}::text), 'YYYY-MM-DD') as period, ${KPI_SQL}
     from k group by 1 order by 1`,
    params,
  );
  return rows.map((r) => ({ period: r.period, kpis: kpisOf(r, f.repeatDays) }));
}

export interface TimeBucket {
  lower_s: number;
  upper_s: number | null;
  contacts: number;
}

/** Contacts per bucket of SUPPORT_TIME_BUCKETS of first response time and of first resolution time (every bucket, empty ones 0). */
export async function getSupportTimeDistribution(db: Queryable, scope: Scope, f: SupportFilter): Promise<{ firstResponse: TimeBucket[]; firstResolution: TimeBucket[] }> {
  const params: unknown[] = [];
  const cte = contactsCte(scope, f, params);
  params.push([...SUPPORT_TIME_BUCKETS]);
  const edges = `$${params.length}::float8[]`;
  const { rows } = await db.query(
    `/* getSupportTimeDistribution */ with ${cte}
     select 'first_response' as kind, width_bucket(k.frt_s, ${edges}) as bucket, count(*)::int as n from k where k.frt_s is not null group by 2
     union all
     select 'resolution', width_bucket(k.res_s, ${edges}), count(*)::int from k where k.res_s is not null group by 2`,
    params,
  );
  const buckets = (kind: string): TimeBucket[] =>
    [0, ...SUPPORT_TIME_BUCKETS].map((lower, i) => ({
      lower_s: lower,
      upper_s: SUPPORT_TIME_BUCKETS[i] ?? null,
      contacts: rows.find((r) => r.kind === kind && r.bucket === i)?.n ?? 0,
    }));
  return { firstResponse: buckets('first_response'), firstResolution: buckets('resolution') };
}

export interface ContactBriefRow {
  id: string;
  external_id: string;
  created_at: string;
  channel: string | null;
  category: string | null;
  subject: string | null;
  location: string | null;
}

const BRIEF_SQL = `x.id, x.external_id, x.created_at, x.channel, x.category, x.subject, coalesce(l.name, x.location_label) as location`;

function briefOf(r: Record<string, any>): ContactBriefRow {
  return {
    id: r.id, external_id: r.external_id, created_at: (r.created_at as Date).toISOString(),
    channel: r.channel, category: r.category, subject: r.subject, location: r.location,
  };
}

/**
 * Customers with a contact in the filters followed by their next contact within the window, the latest
 * first (at most `limit`), each with their contacts in scope from the period's start to its end plus the
 * window (at most 20, in time order) and the number of their contacts in the filters that were repeats.
 */
export async function listSupportRepeats(db: Queryable, scope: Scope, f: SupportFilter, limit: number): Promise<{ customers: { customer_key: string; repeats: number; contacts: ContactBriefRow[] }[]; truncated: boolean }> {
  const params: unknown[] = [];
  const cte = contactsCte(scope, f, params);
  params.push(limit + 1);
  const { rows } = await db.query(
    `/* listSupportRepeats */ with ${cte}, who as (
       select k.customer_key, count(*)::int as repeats, max(k.created_at) as latest from k where k.is_repeat group by 1
       order by latest desc, 1 limit $${params.length}
     ), shown as (
       select x.*, row_number() over (partition by x.customer_key order by x.created_at, x.external_id) as nr
       from s x where x.customer_key in (select customer_key from who)
     )
     select who.customer_key, who.repeats, who.latest, ${BRIEF_SQL}
     from who join shown x on x.customer_key = who.customer_key and x.nr <= 20
     left join locations l on l.org_id = x.org_id and l.id = x.location_id
     order by who.latest desc, who.customer_key, x.created_at, x.external_id`,
    params,
  );
  const customers: { customer_key: string; repeats: number; contacts: ContactBriefRow[] }[] = [];
  for (const r of rows) {
    let c = customers.at(-1);
    if (!c || c.customer_key !== r.customer_key) customers.push((c = { customer_key: r.customer_key, repeats: r.repeats, contacts: [] }));
    c.contacts.push(briefOf(r));
  }
  return { customers: customers.slice(0, limit), truncated: customers.length > limit };
}

export interface SlaBreachRow extends ContactBriefRow {
  priority: string;
  agent: string | null;
  first_response_s: number | null;
  first_response_target_s: number | null;
  resolution_s: number | null;
  resolution_target_s: number | null;
  missed: ('first_response' | 'resolution')[];
}

/** Contacts in the filters that missed an SLA target, the latest first (at most `limit`). */
export async function listSupportSlaBreaches(db: Queryable, scope: Scope, f: SupportFilter, limit: number): Promise<{ breaches: SlaBreachRow[]; truncated: boolean }> {
  const params: unknown[] = [];
  const cte = contactsCte(scope, f, params);
  params.push(limit + 1);
  const { rows } = await db.query(
    `/* listSupportSlaBreaches */ with ${cte}
     select ${BRIEF_SQL}, x.priority, x.agent, x.frt_s, x.fr_target, x.full_s, x.res_target, x.fr_sla, x.res_sla
     from k x left join locations l on l.org_id = x.org_id and l.id = x.location_id
     where x.sla = 'missed' order by x.created_at desc, x.id limit $${params.length}`,
    params,
  );
  return {
    truncated: rows.length > limit,
    breaches: rows.slice(0, limit).map((r) => ({
      ...briefOf(r),
      priority: r.priority,
      agent: r.agent,
      first_response_s: r.frt_s,
      first_response_target_s: r.fr_target,
      resolution_s: r.full_s,
      resolution_target_s: r.res_target,
      missed: [...(r.fr_sla === 'missed' ? ['first_response' as const] : []), ...(r.res_sla === 'missed' ? ['resolution' as const] : [])],
    })),
  };
}

/**
 * Contacts and complaints per location (location_id null: contacts matched to no location), most complaints
 * first. complaints: null where no contact of the location says anything about complaints (as the KPIs).
 */
export async function getSupportComplaintsByLocation(db: Queryable, scope: Scope, f: SupportFilter): Promise<{ locationId: string | null; name: string | null; contacts: number; complaints: number | null }[]> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `/* getSupportComplaintsByLocation */ with ${contactsCte(scope, f, params)}
     select k.location_id, l.name, count(*)::int as contacts, ${COMPLAINTS_SQL} as complaints
     from k left join locations l on l.org_id = k.org_id and l.id = k.location_id
     group by 1, 2 order by complaints desc nulls last, contacts desc, 2`,
    params,
  );
  return rows.map((r) => ({ locationId: r.location_id, name: r.name, contacts: r.contacts, complaints: r.complaints }));
}
