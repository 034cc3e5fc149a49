/**
 * @module The store funnel's reads (docs/store-economics.md "The funnel"): footfall_hours and store_hour_sales
 * summed per bucket, store or hour of day by the pairing rules of src/core/economics/funnel.ts, staff-hours
 * on shift per hour of day, and the negative / wait comments per store. Windows are inclusive org-local days;
 * an hour belongs to the local day and hour its start falls in. Every read is limited to the given location
 * path prefixes (the caller's scope or a location's subtree; null: the whole organisation), never competitors.
 */
import type { FunnelSums, HourOfDaySums } from '../../core/economics/funnel.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';

export interface FunnelWindow {
  orgId: string;
  /** Location path prefixes to read (a location's subtree, the caller's scope); null: every location. */
  paths: string[] | null;
  from: string;
  to: string;
  timeZone: string;
}

type P = (v: unknown) => string;

/** `loc`: the locations read (the window's paths, never competitors). */
function locSql(w: FunnelWindow, p: P): string {
  const paths = w.paths === null ? 'true' : `l.path like any(${p(w.paths.map((x) => `${x}%`))}::text[])`;
  return `loc as (select l.id from locations l where l.org_id = ${p(w.orgId)} and l.kind <> 'competitor' and ${paths})`;
}

/** `loc` (the locations read) and `cells`: one row per store and hour with footfall or sales, with its local time and whether the store has sales data that day. */
function cellsSql(w: FunnelWindow, p: P): string {
  const org = p(w.orgId);
  const tz = `${p(w.timeZone)}::text`;
  const lo = `(${p(w.from)}::date)::timestamp at time zone ${tz}`;
  const hi = `(${p(w.to)}::date + 1)::timestamp at time zone ${tz}`;
  return `${locSql(w, p)},
    f as (select location_id, hour, visitors, passers_by from footfall_hours
           where org_id = ${org} and location_id in (select id from loc) and hour >= ${lo} and hour < ${hi}),
    s as (select location_id, hour, transactions, revenue from store_hour_sales
           where org_id = ${org} and location_id in (select id from loc) and hour >= ${lo} and hour < ${hi}),
    j as (select coalesce(f.location_id, s.location_id) as loc, coalesce(f.hour, s.hour) as hour, f.visitors, f.passers_by, s.transactions, s.revenue
            from f full join s on s.location_id = f.location_id and s.hour = f.hour),
    cells as (select j.*, j.hour at time zone ${tz} as local,
                     bool_or(j.transactions is not null) over (partition by j.loc, date_trunc('day', j.hour at time zone ${tz})) as sales_day
                from j)`;
}

const SUMS = `count(visitors)::int as footfall_hours, count(passers_by)::int as passers_by_hours,
  coalesce(sum(passers_by), 0)::float8 as passers_by, coalesce(sum(visitors) filter (where passers_by is not null), 0)::float8 as captured_visitors,
  coalesce(sum(visitors), 0)::float8 as visitors, count(transactions)::int as sales_hours,
  coalesce(sum(transactions), 0)::float8 as transactions, coalesce(sum(revenue), 0)::float8 as revenue,
  coalesce(sum(visitors) filter (where sales_day), 0)::float8 as converted_visitors,
  coalesce(sum(coalesce(transactions, 0)) filter (where sales_day and visitors is not null), 0)::float8 as converted_transactions`;

function sumsOf(r: Record<string, any>): FunnelSums {
  return {
    footfallHours: r.footfall_hours, passersByHours: r.passers_by_hours, passersBy: r.passers_by, capturedVisitors: r.captured_visitors,
    visitors: r.visitors, salesHours: r.sales_hours, transactions: r.transactions, revenue: r.revenue,
    convertedVisitors: r.converted_visitors, convertedTransactions: r.converted_transactions,
  };
}

const HOUR_BUCKET = `to_char(local, 'YYYY-MM-DD"T"HH24:00')`;

const DAY_BUCKETS = {
  day: `to_char(day, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', day), 'YYYY-MM-DD')`,
  store: `location_id::text`,
} as const;

/** The rollup's columns summed, named like SUMS. */
const DAY_SUMS = `sum(footfall_hours)::int as footfall_hours, sum(passers_by_hours)::int as passers_by_hours, sum(passers_by)::float8 as passers_by,
  sum(captured_visitors)::float8 as captured_visitors, sum(visitors)::float8 as visitors, sum(sales_hours)::int as sales_hours,
  sum(transactions)::float8 as transactions, sum(revenue)::float8 as revenue, sum(converted_visitors)::float8 as converted_visitors,
  sum(converted_transactions)::float8 as converted_transactions`;

/**
 * Funnel sums per bucket (org-local hour, day, week start) or per store (location id), in key order. Hours read the
 * hourly tables (windows of at most HOURLY_MAX_DAYS); the rest reads the day rollup (src/db/store/funnelDays.ts),
 * only its rows computed in the window's zone (ensureFunnelDays first).
 */
export async function getFunnelSums(db: Queryable, w: FunnelWindow, by: 'hour' | keyof typeof DAY_BUCKETS): Promise<{ key: string; sums: FunnelSums }[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const sql = by === 'hour'
    ? `/* getFunnelSums:hour */ with ${cellsSql(w, p)} select ${HOUR_BUCKET} as key, ${SUMS} from cells group by 1 order by 1`
    : `/* getFunnelSums:days */ with ${locSql(w, p)}
       select ${DAY_BUCKETS[by]} as key, ${DAY_SUMS} from store_funnel_days
        where org_id = ${p(w.orgId)} and location_id in (select id from loc) and time_zone = ${p(w.timeZone)}
          and day between ${p(w.from)}::date and ${p(w.to)}::date
        group by 1 order by 1`;
  const { rows } = await db.query(sql, params);
  return rows.map((r) => ({ key: r.key, sums: sumsOf(r) }));
}

/** Sums per org-local hour of day, with the staff-hours on shift in it, and how many stores have a shift in the window. */
export async function getHourOfDaySums(db: Queryable, w: FunnelWindow): Promise<{ rows: HourOfDaySums[]; storesWithShifts: number }> {
  const params: unknown[] = [];
  const p = binder(params);
  const cells = cellsSql(w, p);
  const tz = `${p(w.timeZone)}::text`;
  const lo = `(${p(w.from)}::date)::timestamp at time zone ${tz}`;
  const hi = `(${p(w.to)}::date + 1)::timestamp at time zone ${tz}`;
  // A shift counts in every UTC hour it overlaps, by the fraction of the hour it covers.
  const { rows } = await db.query(
    `/* getHourOfDaySums */
     with ${cells},
     sh as (select location_id, starts_at, ends_at from staff_shifts
             where org_id = ${p(w.orgId)} and location_id in (select id from loc) and starts_at < ${hi} and ends_at > ${lo}),
     staff as (select extract(hour from g at time zone ${tz})::int as hour,
                      sum(extract(epoch from least(sh.ends_at, g + interval '1 hour') - greatest(sh.starts_at, g)) / 3600)::float8 as staff_hours
                 from sh cross join lateral generate_series(date_trunc('hour', greatest(sh.starts_at, ${lo}), 'UTC'),
                                                            least(sh.ends_at, ${hi}) - interval '1 microsecond', interval '1 hour') g
                group by 1),
     sales as (select extract(hour from local)::int as hour, coalesce(sum(visitors), 0)::float8 as visitors,
                      coalesce(sum(transactions), 0)::float8 as transactions,
                      coalesce(sum(visitors) filter (where sales_day), 0)::float8 as converted_visitors,
                      coalesce(sum(coalesce(transactions, 0)) filter (where sales_day and visitors is not null), 0)::float8 as converted_transactions
                 from cells group by 1)
     select coalesce(sales.hour, staff.hour) as hour, coalesce(sales.visitors, 0) as visitors, coalesce(sales.transactions, 0) as transactions,
            coalesce(sales.converted_visitors, 0) as converted_visitors, coalesce(sales.converted_transactions, 0) as converted_transactions,
            coalesce(staff.staff_hours, 0) as staff_hours, (select count(distinct location_id) from sh)::int as shift_stores
       from sales full join staff on staff.hour = sales.hour
      order by 1`,
    params,
  );
  // Every row carries the count; without rows there is no shift (shifts would give staff rows).
  const storesWithShifts: number = rows[0]?.shift_stores ?? 0;
  return {
    rows: rows.map((r) => ({
      hour: r.hour, visitors: r.visitors, transactions: r.transactions, convertedVisitors: r.converted_visitors,
      convertedTransactions: r.converted_transactions, staffHours: r.staff_hours,
    })),
    storesWithShifts,
  };
}

/** Negative comments of customer surveys per location in the window, and those carrying one of `waitThemes`. */
export async function getWaitComplaints(db: Queryable, w: FunnelWindow, locationIds: string[], waitThemes: readonly string[]): Promise<Map<string, { negative: number; wait: number }>> {
  if (locationIds.length === 0) return new Map();
  const params: unknown[] = [];
  const p = binder(params);
  const org = p(w.orgId);
  const tz = `${p(w.timeZone)}::text`;
  const { rows } = await db.query(
    `/* getWaitComplaints */
     select r.location_id, count(*)::int as negative, count(*) filter (where ca.themes && ${p(waitThemes)}::text[])::int as wait
       from comment_analysis ca
       join responses r on r.org_id = ca.org_id and r.id = ca.response_id
       join surveys s on s.org_id = r.org_id and s.id = r.survey_id and s.audience = 'customers'
      where ca.org_id = ${org} and ca.sentiment = 'negative' and not r.excluded and r.location_id = any(${p(locationIds)}::uuid[])
        and r.submitted_at >= (${p(w.from)}::date)::timestamp at time zone ${tz} and r.submitted_at < (${p(w.to)}::date + 1)::timestamp at time zone ${tz}
      group by 1`,
    params,
  );
  return new Map(rows.map((r) => [r.location_id, { negative: r.negative, wait: r.wait }]));
}

/** Ids of the NPS questions of the organisation's customer surveys (staff surveys' eNPS left out), archived ones too: their answers still count. */
export async function listCustomerNpsQuestionIds(db: Queryable, orgId: string): Promise<string[]> {
  const { rows } = await db.query(
    `/* listCustomerNpsQuestionIds */
     select q.id from questions q join surveys s on s.org_id = q.org_id and s.id = q.survey_id
      where q.org_id = $1 and s.audience = 'customers' and (q.type = 'nps' or q.metric = 'nps') order by q.id`,
    [orgId],
  );
  return rows.map((r) => r.id);
}
