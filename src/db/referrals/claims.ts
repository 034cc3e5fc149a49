/** @module Referred customers claimed through the API (docs/store-economics.md "Bring a friend" referrals). */
import type { Queryable } from '../connection.ts';

export interface ClaimCode {
  code: string;
  /** The path of the promoter's answer's location (the caller's scope is checked against it), or null. */
  locationPath: string | null;
  /** The promoter's contact's external id (a customer cannot refer themselves), or null. */
  promoterKey: string | null;
}

/** A code of the organisation with what a claim checks. */
export async function getClaimCode(db: Queryable, orgId: string, code: string): Promise<ClaimCode | null> {
  const { rows } = await db.query(
    `/* getClaimCode */
     select c.code, l.path, p.external_id
       from referral_codes c
       left join locations l on l.org_id = c.org_id and l.id = c.location_id
       left join contacts p on p.org_id = c.org_id and p.id = c.contact_id
      where c.org_id = $1 and c.code = $2`,
    [orgId, code],
  );
  const r = rows[0];
  return r ? { code: r.code, locationPath: r.path, promoterKey: r.external_id } : null;
}

export interface ReferralClaim {
  code: string;
  customerKey: string;
  claimedAt: Date;
  /** false: the customer had been claimed before (the first code wins; this is that claim). */
  created: boolean;
}

/** Claims the customer for the code unless they were claimed before (then that claim is returned). */
export async function claimCustomer(db: Queryable, orgId: string, code: string, customerKey: string, at: Date | null): Promise<ReferralClaim> {
  const { rows } = await db.query(
    `/* claimCustomer */
     with ins as (
       insert into referral_claims(org_id, customer_key, code, claimed_at) values ($1, $2, $3, coalesce($4, now()))
       on conflict (org_id, customer_key) do nothing returning code, customer_key, claimed_at, true as created
     )
     select * from ins
     union all
     select code, customer_key, claimed_at, false from referral_claims where org_id = $1 and customer_key = $2 and not exists (select 1 from ins)`,
    [orgId, customerKey, code, at],
  );
  const r = rows[0];
  return { code: r.code, customerKey: r.customer_key, claimedAt: r.claimed_at, created: r.created };
}
