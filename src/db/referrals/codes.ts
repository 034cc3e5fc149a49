/**
 * @module Referral codes (docs/store-economics.md "Bring a friend" referrals): the organisation's switch,
 * issuing a promoter's code once per response, finding a code for its public page and counting its visits.
 */
import type { SurveyAudience } from '../../core/surveys/types.ts';
import type { Queryable } from '../connection.ts';

/** Whether the organisation runs the referral loop. */
export async function getReferralsEnabled(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query(`/* getReferralsEnabled */ select referrals_enabled from orgs where id = $1`, [orgId]);
  return rows[0]?.referrals_enabled === true;
}

export async function setReferralsEnabled(db: Queryable, orgId: string, enabled: boolean): Promise<void> {
  await db.query(`/* setReferralsEnabled */ update orgs set referrals_enabled = $2 where id = $1`, [orgId, enabled]);
}

export interface ReferralContext {
  enabled: boolean;
  audience: SurveyAudience;
  channel: string;
  /** The code already issued for the response (a retried submission), or null. */
  code: string | null;
}

/** What decides whether a stored response earns a code (src/core/referrals/codes.ts earnsReferralCode), and its code if it has one. */
export async function getReferralContext(db: Queryable, orgId: string, responseId: string): Promise<ReferralContext | null> {
  const { rows } = await db.query(
    `/* getReferralContext */
     select o.referrals_enabled, s.audience, r.channel,
            (select c.code from referral_codes c where c.org_id = r.org_id and c.response_id = r.id) as code
       from responses r
       join surveys s on s.org_id = r.org_id and s.id = r.survey_id
       join orgs o on o.id = r.org_id
      where r.org_id = $1 and r.id = $2`,
    [orgId, responseId],
  );
  const r = rows[0];
  return r ? { enabled: r.referrals_enabled, audience: r.audience, channel: r.channel, code: r.code } : null;
}

/**
 * Stores `code` for the response (with its survey, location and contact) unless the response has one.
 * @returns the response's code (this one or the one stored first), or null when `code` is taken by another
 *   response (the caller draws another)
 */
export async function insertReferralCode(db: Queryable, orgId: string, responseId: string, code: string): Promise<string | null> {
  const inserted = await db.query(
    `/* insertReferralCode */
     insert into referral_codes(org_id, code, response_id, survey_id, location_id, contact_id)
     select r.org_id, $3, r.id, r.survey_id, r.location_id, r.contact_id from responses r where r.org_id = $1 and r.id = $2
     on conflict do nothing returning code`,
    [orgId, responseId, code],
  );
  if (inserted.rows[0]) return inserted.rows[0].code;
  // Either the response has its code (a concurrent retry committed it) or the code belongs to another response.
  const { rows } = await db.query(`/* referralCodeOfResponse */ select code from referral_codes where org_id = $1 and response_id = $2`, [orgId, responseId]);
  return rows[0]?.code ?? null;
}

export interface PublicReferralCode {
  orgId: string;
  orgName: string;
  code: string;
  surveyId: string | null;
}

/** A code of an organisation that still runs the loop (any organisation: the code is the secret), or null. */
export async function findPublicReferralCode(db: Queryable, code: string): Promise<PublicReferralCode | null> {
  const { rows } = await db.query(
    `/* findPublicReferralCode */
     select c.org_id, o.name as org_name, c.code, c.survey_id
       from referral_codes c join orgs o on o.id = c.org_id
      where c.code = $1 and o.referrals_enabled`,
    [code],
  );
  const r = rows[0];
  return r ? { orgId: r.org_id, orgName: r.org_name, code: r.code, surveyId: r.survey_id } : null;
}

/**
 * Counts a visit of the code's link, at most once per visitor (a hash of the address with the code) and
 * organisation-local day. @returns whether this visit was counted
 */
export async function recordReferralVisit(db: Queryable, orgId: string, code: string, visitor: string): Promise<boolean> {
  const { rows } = await db.query(
    `/* recordReferralVisit */
     with visit as (
       insert into referral_visits(org_id, code, day, visitor)
       select $1, $2, (now() at time zone o.timezone)::date, $3 from orgs o where o.id = $1
       on conflict do nothing returning code
     )
     update referral_codes c set clicks = c.clicks + 1 from visit where c.org_id = $1 and c.code = visit.code returning c.code`,
    [orgId, code, visitor],
  );
  return rows.length > 0;
}
