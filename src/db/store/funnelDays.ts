/**
 * @module The funnel's day rollup store_funnel_days (migration 120; docs/store-economics.md "The funnel"): per
 * location and organisation-local day, the sums of footfall_hours and store_hour_sales under the pairing rules of
 * src/core/economics/funnel.ts (conversion pairs the footfall hours of a day with at least one sale), computed
 * in the organisation's time zone. Every writer of the hourly tables calls `refreshFunnelDays` in its transaction
 * with the (location, hour)s it touched; a zone change rebuilds the organisation (on the next import or read).
 */
import type { Pool, Queryable } from '../connection.ts';
import { withTransaction } from '../tx.ts';

/** One rollup row per (location, local day) of `hourly`: the hours (location_id, hour, visitors, passers_by, transactions, revenue, items) of whole local days. */
const rollupSql = (hourly: string) => `
  select org_id, loc, day, tz, count(visitors), count(passers_by), coalesce(sum(passers_by), 0),
         coalesce(sum(visitors) filter (where passers_by is not null), 0), coalesce(sum(visitors), 0),
         count(transactions), coalesce(sum(transactions), 0), coalesce(sum(revenue), 0), sum(items),
         case when bool_or(transactions is not null) then coalesce(sum(visitors), 0) else 0 end,
         case when bool_or(transactions is not null) then coalesce(sum(transactions) filter (where visitors is not null), 0) else 0 end
    from (${hourly}) h
   group by org_id, loc, day, tz`;

const COLUMNS = `org_id, location_id, day, time_zone, footfall_hours, passers_by_hours, passers_by, captured_visitors, visitors,
  sales_hours, transactions, revenue, items, converted_visitors, converted_transactions`;

/** Serialises the rollup's writers of one organisation until the end of the transaction. */
async function lockOrg(tx: Queryable, orgId: string): Promise<string> {
  const { rows } = await tx.query(
    `/* funnelDays:lock */ select pg_advisory_xact_lock(hashtextextended('store_funnel_days:' || $1, 0)), (select timezone from orgs where id = $1::uuid) as tz`,
    [orgId],
  );
  return rows[0]?.tz ?? 'UTC';
}

/** True when some row of the organisation was computed in another zone than `timeZone`. */
async function stale(tx: Queryable, orgId: string, timeZone: string): Promise<boolean> {
  const { rows } = await tx.query(`/* funnelDays:stale */ select exists (select 1 from store_funnel_days where org_id = $1 and time_zone <> $2) as stale`, [orgId, timeZone]);
  return rows[0].stale;
}

/** The organisation's rollup recomputed from every hourly row, in its current zone. Call inside a transaction. */
export async function rebuildFunnelDays(tx: Queryable, orgId: string): Promise<void> {
  const tz = await lockOrg(tx, orgId);
  await tx.query(`/* funnelDays:clear */ delete from store_funnel_days where org_id = $1`, [orgId]);
  await tx.query(
    `/* funnelDays:rebuild */ insert into store_funnel_days (${COLUMNS}) ${rollupSql(`
      select $1::uuid as org_id, coalesce(f.location_id, s.location_id) as loc, (coalesce(f.hour, s.hour) at time zone $2::text)::date as day, $2::text as tz,
             f.visitors, f.passers_by, s.transactions, s.revenue, s.items
        from (select * from footfall_hours where org_id = $1) f
        full join (select * from store_hour_sales where org_id = $1) s on s.location_id = f.location_id and s.hour = f.hour`)}`,
    [orgId, tz],
  );
}

/**
 * Recomputes the local days of the (location_id, hour) rows `touchedSql` selects (e.g. an import's stage), in the
 * caller's transaction; rebuilds the whole organisation instead when its rollup is in another zone.
 */
export async function refreshFunnelDays(tx: Queryable, orgId: string, touchedSql: string, params: unknown[] = []): Promise<void> {
  const tz = await lockOrg(tx, orgId);
  if (await stale(tx, orgId, tz)) {
    await rebuildFunnelDays(tx, orgId);
    return;
  }
  const n = params.length;
  await tx.query(
    `/* funnelDays:touched */ create temporary table if not exists funnel_touched_days (location_id uuid not null, day date not null, primary key (location_id, day)) on commit drop;
     truncate funnel_touched_days`,
  );
  await tx.query(
    `/* funnelDays:touchedDays */ insert into funnel_touched_days select distinct t.location_id, (t.hour at time zone $${n + 1}::text)::date from (${touchedSql}) t`,
    [...params, tz],
  );
  await tx.query('analyze funnel_touched_days');
  await tx.query(
    `/* funnelDays:deleteTouched */ delete from store_funnel_days d using funnel_touched_days t where d.org_id = $1 and d.location_id = t.location_id and d.day = t.day`,
    [orgId],
  );
  const dayRange = (alias: string) => `${alias}.hour >= t.day::timestamp at time zone $2::text and ${alias}.hour < (t.day + 1)::timestamp at time zone $2::text`;
  await tx.query(
    `/* funnelDays:insertTouched */ insert into store_funnel_days (${COLUMNS}) ${rollupSql(`
      select $1::uuid as org_id, coalesce(f.location_id, s.location_id) as loc, (coalesce(f.hour, s.hour) at time zone $2::text)::date as day, $2::text as tz,
             f.visitors, f.passers_by, s.transactions, s.revenue, s.items
        from (select fh.* from footfall_hours fh join funnel_touched_days t on t.location_id = fh.location_id and ${dayRange('fh')} where fh.org_id = $1) f
        full join (select sh.* from store_hour_sales sh join funnel_touched_days t on t.location_id = sh.location_id and ${dayRange('sh')} where sh.org_id = $1) s
          on s.location_id = f.location_id and s.hour = f.hour`)}`,
    [orgId, tz],
  );
}

/** Before a read in `timeZone`: rebuilds the organisation's rollup (in its own transaction) when it was computed in another zone. */
export async function ensureFunnelDays(pool: Pool, orgId: string, timeZone: string): Promise<void> {
  if (await stale(pool, orgId, timeZone)) await withTransaction(pool, (tx) => rebuildFunnelDays(tx, orgId));
}
