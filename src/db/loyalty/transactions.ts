/**
 * @module What the loyalty figures read (docs/store-economics.md "Loyalty economics"): transactions with a
 * customer summed per customer and calendar day in the organisation's zone, and each customer's latest NPS
 * answer through contacts (contacts.external_id = sales_transactions.customer_key). Both scoped to the
 * caller's locations.
 *
 * Exports: `forEachCustomerDay`, `latestNpsScores`, `latestNpsFingerprint`, `LoyaltyWindow`.
 */
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

export interface LoyaltyWindow {
  timeZone: string;
  /** calendar days (YYYY-MM-DD, inclusive) in timeZone */
  from?: string;
  to?: string;
  /** a location's path: its subtree */
  locationPath?: string;
}

/** One customer's purchases of one calendar day. */
interface CustomerDay {
  customer: string;
  /** days since 1970-01-01 */
  day: number;
  amount: number;
  transactions: number;
}

/** Calls `each` for every customer and calendar day with purchases in the window. */
export async function forEachCustomerDay(db: Queryable, scope: Scope, w: LoyaltyWindow, each: (d: CustomerDay) => void): Promise<void> {
  const params: unknown[] = [scope.orgId, w.timeZone];
  const where = ['t.org_id = $1', 't.customer_key is not null', locationScopeSql(scope, 't.location_id', params)];
  if (w.locationPath) {
    params.push(`${w.locationPath}%`);
    where.push(`t.location_id in (select l.id from locations l where l.org_id = $1 and l.path like $${params.length})`);
  }
  if (w.from) {
    params.push(w.from);
    where.push(`t.at >= ($${params.length}::date)::timestamp at time zone $2`);
  }
  if (w.to) {
    params.push(w.to);
    where.push(`t.at < ($${params.length}::date + 1)::timestamp at time zone $2`);
  }
  const { rows } = await db.query<{ customer: string; day: number; amount: number; transactions: number }>(
    `/* loyaltyCustomerDays */ select t.customer_key as customer, ((t.at at time zone $2)::date - date '1970-01-01') as day,
       sum(t.amount)::float8 as amount, count(*)::int as transactions
     from sales_transactions t where ${where.join(' and ')} group by 1, 2`,
    params,
  );
  for (const r of rows) each(r);
}

/** The latest NPS answer per customer (columns customer, score), as a query on `params` ($1 the organisation). */
function latestNpsSql(scope: Scope, params: unknown[]): string {
  return `select distinct on (c.external_id) c.external_id as customer, a.score
     from contacts c
     join responses r on r.org_id = c.org_id and r.contact_id = c.id and not r.excluded
     join answers a on a.org_id = r.org_id and a.response_id = r.id and a.score is not null
     join questions q on q.org_id = a.org_id and q.id = a.question_id and q.type = 'nps'
     join surveys s on s.org_id = a.org_id and s.id = a.survey_id and s.audience = 'customers'
     where c.org_id = $1 and c.external_id is not null and ${locationScopeSql(scope, 'r.location_id', params)}
     order by c.external_id, a.submitted_at desc`;
}

/** Each customer's latest 0-10 answer to an NPS question of a customer survey (at the caller's locations). */
export async function latestNpsScores(db: Queryable, scope: Scope): Promise<Map<string, number>> {
  const params: unknown[] = [scope.orgId];
  const { rows } = await db.query<{ customer: string; score: number }>(`/* loyaltyLatestNps */ ${latestNpsSql(scope, params)}`, params);
  return new Map(rows.map((r) => [r.customer, r.score]));
}

/** A digest of latestNpsScores (changes whenever any customer's latest score does): a stored answer's NPS input. */
export async function latestNpsFingerprint(db: Queryable, scope: Scope): Promise<string> {
  const params: unknown[] = [scope.orgId];
  const { rows } = await db.query<{ fingerprint: string }>(
    `/* loyaltyNpsFingerprint */ select count(*) || ':' || coalesce(md5(string_agg(x.customer || chr(31) || x.score, chr(30) order by x.customer)), '') as fingerprint
       from (${latestNpsSql(scope, params)}) x`,
    params,
  );
  return rows[0].fingerprint;
}
