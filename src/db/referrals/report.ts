/**
 * @module The referral report's reads (docs/store-economics.md "Bring a friend" referrals): codes issued and link
 * visits per location, and the referred customers with their first purchase and revenue. Attribution: a customer
 * is referred by their claim (POST /referrals/claims) or by their first till receipt carrying a code, whichever
 * came first (a promoter's own receipts never count). The window is organisation-local days; every read is limited
 * to the caller's locations (src/db/scope.ts: codes without a location only for unrestricted callers).
 */
import type { Scope } from '../../core/access/index.ts';
import type { LocationCount, ReferralRow } from '../../core/referrals/report.ts';
import type { Queryable } from '../connection.ts';
import { binder } from '../queries/analyticsSource.ts';
import { locationScopeSql } from '../scope.ts';

export interface ReferralReportFilter {
  from?: string;
  to?: string;
  /** A location subtree (its path), already checked to be in scope. */
  locationPath?: string;
  timeZone: string;
}

/** The condition on codes `c` of the scope and the filter's subtree. */
function codeWhere(scope: Scope, f: ReferralReportFilter, params: unknown[]): string {
  const p = binder(params);
  const where = [`c.org_id = ${p(scope.orgId)}`, locationScopeSql(scope, 'c.location_id', params)];
  if (f.locationPath !== undefined) where.push(`c.location_id in (select l.id from locations l where l.org_id = c.org_id and l.path like ${p(`${f.locationPath}%`)})`);
  return where.join(' and ');
}

/** `column` (a timestamptz) within the window's days. */
function inWindow(column: string, f: ReferralReportFilter, params: unknown[]): string {
  const p = binder(params);
  const cond = ['true'];
  if (f.from !== undefined) cond.push(`${column} >= (${p(f.from)}::date)::timestamp at time zone ${p(f.timeZone)}::text`);
  if (f.to !== undefined) cond.push(`${column} < (${p(f.to)}::date + 1)::timestamp at time zone ${p(f.timeZone)}::text`);
  return cond.join(' and ');
}

const counts = (rows: Array<{ location_id: string | null; n: number }>): LocationCount[] => rows.map((r) => ({ locationId: r.location_id, n: r.n }));

export async function countIssuedCodes(db: Queryable, scope: Scope, f: ReferralReportFilter): Promise<LocationCount[]> {
  const params: unknown[] = [];
  const sql = `/* countIssuedCodes */ select c.location_id, count(*)::int as n from referral_codes c
    where ${codeWhere(scope, f, params)} and ${inWindow('c.created_at', f, params)} group by 1`;
  return counts((await db.query(sql, params)).rows);
}

export async function countReferralVisits(db: Queryable, scope: Scope, f: ReferralReportFilter): Promise<LocationCount[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const days = [f.from !== undefined ? `v.day >= ${p(f.from)}::date` : 'true', f.to !== undefined ? `v.day <= ${p(f.to)}::date` : 'true'];
  const sql = `/* countReferralVisits */ select c.location_id, count(*)::int as n
    from referral_visits v join referral_codes c on c.org_id = v.org_id and c.code = v.code
    where ${codeWhere(scope, f, params)} and ${days.join(' and ')} group by 1`;
  return counts((await db.query(sql, params)).rows);
}

/** The customers referred within the window, with their purchases from the referral to the window's end. */
export async function listReferredCustomers(db: Queryable, scope: Scope, f: ReferralReportFilter): Promise<ReferralRow[]> {
  const params: unknown[] = [];
  const p = binder(params);
  const org = p(scope.orgId);
  const until = f.to !== undefined ? `t.at < (${p(f.to)}::date + 1)::timestamp at time zone ${p(f.timeZone)}::text` : 'true';
  const sql = `/* listReferredCustomers */
    with coded as (
      select distinct on (t.customer_key) t.customer_key, c.code, t.at as referred_at
        from sales_transactions t
        join referral_codes c on c.org_id = t.org_id and c.code = upper(t.referral_code)
        left join contacts pr on pr.org_id = c.org_id and pr.id = c.contact_id
       where t.org_id = ${org} and t.referral_code is not null and t.customer_key is not null
         and t.customer_key is distinct from pr.external_id
       order by t.customer_key, t.at, t.receipt_id
    ), firsts as (
      select customer_key, code, claimed_at as referred_at, 0 as source from referral_claims where org_id = ${org}
      union all
      select customer_key, code, referred_at, 1 from coded
    ), referred as (
      select distinct on (customer_key) customer_key, code, referred_at from firsts order by customer_key, referred_at, source
    )
    select r.code, c.location_id, r.referred_at, b.first_at, coalesce(b.revenue, 0)::float8 as revenue
      from referred r
      join referral_codes c on c.org_id = ${org} and c.code = r.code
      left join lateral (
        select min(t.at) as first_at, sum(t.amount) as revenue from sales_transactions t
         where t.org_id = ${org} and t.customer_key = r.customer_key and t.at >= r.referred_at and ${until}
      ) b on true
     where ${codeWhere(scope, f, params)} and ${inWindow('r.referred_at', f, params)}`;
  const { rows } = await db.query(sql, params);
  return rows.map((r) => ({ code: r.code, locationId: r.location_id, referredAt: r.referred_at, firstPurchaseAt: r.first_at, revenue: r.revenue }));
}

/** Names of the locations, by name (then path). */
export async function referralLocationNames(db: Queryable, orgId: string, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  const { rows } = await db.query(`/* referralLocationNames */ select id, name from locations where org_id = $1 and id = any($2::uuid[]) order by name, path`, [orgId, ids]);
  return rows;
}
