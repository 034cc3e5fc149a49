/**
 * The demo's store funnel and loyalty data (src/core/demo/storeEconomics.ts, referrals.ts), written inside the
 * demo's transaction after the answers and the contacts: the contacts' NPS groups and the promoters' answers are
 * read back so spend and referral codes follow them. Footfall, shifts and transactions by COPY; the hourly sales
 * table from the transactions in one statement, so the two always agree; the referral loop switched on.
 */
import type { PoolClient } from '../connection.ts';
import { rebuildFunnelDays } from '../store/funnelDays.ts';
import { copyRows } from './copyRows.ts';
import type { DemoIds } from './insertDemoStructure.ts';
import { generateStoreEconomics, type DemoCardContact, type DemoStoreDay } from '../../core/demo/storeEconomics.ts';
import { planDemoReferrals, type DemoPromoterAnswer } from '../../core/demo/referrals.ts';
import { npsGroup } from '../../core/stats/nps.ts';
import { bumpLoyaltyData } from '../loyalty/snapshots.ts';

const NPS_SLUG = 'demo-nps';

/** Each demo contact's home store and the group of their latest answer to the demo NPS question. */
async function cardContacts(tx: PoolClient, ids: DemoIds): Promise<DemoCardContact[]> {
  const nps = ids.surveys.get(NPS_SLUG)!;
  const { rows } = await tx.query(
    `/* demoCardContacts */ select c.external_id as key, l.code as store,
            (select a.score from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
              where a.org_id = c.org_id and a.question_id = $2 and r.contact_id = c.id and a.score is not null
              order by a.submitted_at desc, a.response_id limit 1) as score
       from contacts c join locations l on l.org_id = c.org_id and l.id = c.location_id
      where c.org_id = $1 and c.external_id is not null order by c.external_id`,
    [ids.orgId, nps.questions.get('nps')],
  );
  return rows.map((r) => ({
    key: r.key as string, store: r.store as string,
    group: r.score === null ? null : npsGroup(r.score),
  }));
}

/** The promoters' answers (9-10) of the demo NPS survey, oldest first. */
async function promoterAnswers(tx: PoolClient, ids: DemoIds): Promise<DemoPromoterAnswer[]> {
  const nps = ids.surveys.get(NPS_SLUG)!;
  const { rows } = await tx.query(
    `/* demoPromoterAnswers */ select r.id, r.survey_id, l.code, r.channel, r.submitted_at
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id join locations l on l.org_id = r.org_id and l.id = r.location_id
      where a.org_id = $1 and a.question_id = $2 and a.score >= 9 order by r.submitted_at, r.id`,
    [ids.orgId, nps.questions.get('nps')],
  );
  return rows.map((r) => ({ responseId: r.id, surveyId: r.survey_id, location: r.code, channel: r.channel, submittedAt: r.submitted_at }));
}

/** Store-days in chunks of `size` (a few weeks of the chain), so memory stays flat. */
function* chunked(days: Iterable<DemoStoreDay>, size: number): Generator<DemoStoreDay[]> {
  let chunk: DemoStoreDay[] = [];
  for (const d of days) {
    chunk.push(d);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** @returns counts of what was written */
export async function insertDemoStoreEconomics(
  tx: PoolClient, ids: DemoIds, opts: { seed: number; now: Date; days: number },
): Promise<{ footfall: number; shifts: number; transactions: number; codes: number; claims: number }> {
  const { orgId } = ids;
  const loc = (code: string) => ids.locations.get(code)!;
  const referrals = planDemoReferrals({ seed: opts.seed, now: opts.now, promoters: await promoterAnswers(tx, ids) });
  const days = generateStoreEconomics({ ...opts, contacts: await cardContacts(tx, ids), referrals: referrals.purchases });
  let footfall = 0;
  let shifts = 0;
  let transactions = 0;
  for (const chunk of chunked(days, 400)) {
    transactions += await copyRows(tx, 'sales_transactions', ['org_id', 'location_id', 'receipt_id', 'at', 'amount', 'customer_key', 'items', 'referral_code'],
      chunk.flatMap((d) => d.transactions.map((t) => [orgId, loc(t.store), t.receiptId, t.at, t.amount, t.customerKey, t.items, t.referralCode])));
    footfall += await copyRows(tx, 'footfall_hours', ['org_id', 'location_id', 'hour', 'visitors', 'passers_by'],
      chunk.flatMap((d) => d.footfall.map((f) => [orgId, loc(f.store), f.hour, f.visitors, f.passersBy])));
    shifts += await copyRows(tx, 'staff_shifts', ['org_id', 'location_id', 'shift_key', 'employee_code', 'starts_at', 'ends_at'],
      chunk.flatMap((d) => d.shifts.map((s) => [orgId, loc(s.store), s.shiftKey, s.employeeCode, s.startsAt, s.endsAt])));
  }
  // store_hour_sales equals the transactions: one aggregation (hours are UTC hour starts, like footfall_hours).
  await tx.query(
    `/* demoStoreHourSales */ insert into store_hour_sales(org_id, location_id, hour, transactions, revenue, items)
     select org_id, location_id, date_trunc('hour', at, 'UTC'), count(*), sum(amount), sum(items)
       from sales_transactions where org_id = $1 group by 1, 2, 3`,
    [orgId],
  );
  await rebuildFunnelDays(tx, orgId);
  await bumpLoyaltyData(tx, orgId);
  await tx.query(`/* demoReferralsOn */ update orgs set referrals_enabled = true where id = $1`, [orgId]);
  await tx.query(
    `/* demoReferralCodes */ insert into referral_codes(org_id, code, response_id, survey_id, location_id, contact_id, clicks, created_at)
     select $1, x.code, x.response_id, x.survey_id, x.location_id, r.contact_id, x.clicks, x.created_at
       from jsonb_to_recordset($2::jsonb) as x(code text, response_id uuid, survey_id uuid, location_id uuid, clicks int, created_at timestamptz)
       left join responses r on r.org_id = $1 and r.id = x.response_id`,
    [orgId, JSON.stringify(referrals.codes.map((c) => ({
      code: c.code, response_id: c.responseId, survey_id: c.surveyId, location_id: loc(c.location), clicks: c.clicks, created_at: c.createdAt,
    })))],
  );
  // A claim first seen at the till is dated by its earliest receipt carrying the code.
  await tx.query(
    `/* demoReferralClaims */ insert into referral_claims(org_id, customer_key, code, claimed_at)
     select $1, x.customer_key, x.code, coalesce(
              (select min(t.at) from sales_transactions t where t.org_id = $1 and t.customer_key = x.customer_key and t.referral_code = x.code), x.claimed_at)
       from jsonb_to_recordset($2::jsonb) as x(customer_key text, code text, claimed_at timestamptz)`,
    [orgId, JSON.stringify(referrals.claims.map((c) => ({ customer_key: c.customerKey, code: c.code, claimed_at: c.claimedAt })))],
  );
  return { footfall, shifts, transactions, codes: referrals.codes.length, claims: referrals.claims.length };
}
