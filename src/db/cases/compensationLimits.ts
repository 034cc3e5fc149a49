/** @module Compensation limits per role and the organisation's currency (what a case may record as settled on the spot). */
import type { Queryable } from '../connection.ts';
import type { Role } from '../../core/access/index.ts';

export async function getCompensationLimits(db: Queryable, orgId: string): Promise<{ currency: string; limits: Map<Role, number> }> {
  const { rows } = await db.query(
    `/* getCompensationLimits */ select o.currency, l.role, l.max_amount::float8 as max_amount from orgs o
       left join compensation_limits l on l.org_id = o.id where o.id = $1`,
    [orgId],
  );
  const limits = new Map<Role, number>();
  for (const r of rows) if (r.role) limits.set(r.role, r.max_amount);
  return { currency: rows[0]?.currency ?? 'RUB', limits };
}

/** The largest amount one case may record for a user of this role (null: may not give compensation), and the currency. */
export async function compensationLimitFor(db: Queryable, orgId: string, role: Role): Promise<{ currency: string; maxAmount: number | null }> {
  const { currency, limits } = await getCompensationLimits(db, orgId);
  return { currency, maxAmount: limits.get(role) ?? null };
}

/** Replaces the currency and every role's limit (roles not given: none), in the caller's transaction. */
export async function replaceCompensationLimits(tx: Queryable, orgId: string, currency: string, limits: readonly { role: Role; maxAmount: number }[]): Promise<void> {
  await tx.query(`/* setOrgCurrency */ update orgs set currency = $2 where id = $1`, [orgId, currency]);
  await tx.query(`/* deleteCompensationLimits */ delete from compensation_limits where org_id = $1`, [orgId]);
  await tx.query(
    `/* insertCompensationLimits */ insert into compensation_limits(org_id, role, max_amount)
     select $1, l.role, l.max_amount from jsonb_to_recordset($2::jsonb) as l(role text, max_amount numeric)`,
    [orgId, JSON.stringify(limits.map((l) => ({ role: l.role, max_amount: l.maxAmount })))],
  );
}
