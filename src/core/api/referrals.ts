/**
 * @module The "bring a friend" API (docs/store-economics.md "Bring a friend" referrals): the organisation's switch,
 * claims of referred customers (from a till or CRM) and the referral report per location.
 */
import { z } from 'zod';
import { Day, IsoInstant, Uuid } from './common.ts';

/** GET / PUT /api/v1/referrals/settings. */
export const ReferralSettingsSchema = z.strictObject({
  enabled: z.boolean(),
});
export type ReferralSettings = z.infer<typeof ReferralSettingsSchema>;

/** POST /api/v1/referrals/claims: the customer (their id at the till or in the CRM) came with this code. */
export const ReferralClaimSchema = z.strictObject({
  /** As the customer gave it: case, spaces and dashes do not matter. */
  code: z.string().trim().min(1).max(40),
  /** The customer's id, as in transactions (customer_id) and contacts (external id). */
  customerId: z.string().trim().min(1).max(200),
  /** When they were referred; default now (a claim sent later may give the time of the visit). */
  at: IsoInstant.optional(),
});

export const ReferralClaimAnswerSchema = z.strictObject({
  code: z.string(),
  customerId: z.string(),
  claimedAt: IsoInstant,
  /** false: the customer had been claimed before; the first code wins and this is its claim. */
  created: z.boolean(),
});
export type ReferralClaimAnswer = z.infer<typeof ReferralClaimAnswerSchema>;

/** GET /api/v1/referrals/report: organisation-local days `from`..`to` (inclusive) and a location subtree in scope. */
export const ReferralReportQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
});

const FunnelSchema = z.strictObject({
  /** Codes given to promoters (answers 9-10) in the window. */
  issued: z.number().int(),
  /** Visits of the codes' links in the window (once per address, code and day). */
  visits: z.number().int(),
  /** Customers referred in the window: claimed, or their first receipt carried a code. */
  referred: z.number().int(),
  /** Referred customers with a purchase on or after their referral (to the window's end). */
  converted: z.number().int(),
  /** Their purchases from the referral to the window's end, in the organisation's currency. */
  revenue: z.number(),
  /** converted / referred (0..1), null without referred customers. */
  conversion: z.number().nullable(),
});
export type ReferralFunnelT = z.infer<typeof FunnelSchema>;

export const ReferralReportAnswerSchema = z.strictObject({
  enabled: z.boolean(),
  /** Per location of the promoter's answer; `location_id` null: answers without a location (unrestricted callers only). */
  locations: z.array(FunnelSchema.extend({ location_id: Uuid.nullable(), location_name: z.string().nullable() })),
  totals: FunnelSchema,
  /** The latest referrals, newest first (at most 20): no personal data. */
  latest: z.array(z.strictObject({
    code: z.string(),
    location_name: z.string().nullable(),
    referred_at: IsoInstant,
    first_purchase_at: IsoInstant.nullable(),
    revenue: z.number(),
  })),
});
export type ReferralReportAnswer = z.infer<typeof ReferralReportAnswerSchema>;
