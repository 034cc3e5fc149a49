/**
 * @module The loyalty economics API contract (docs/store-economics.md "Loyalty economics"): the summary with
 * the same keys as `sarafan loyalty --json` (snake_case) plus the Lorenz curve, cohorts and revenue per
 * customer; revenue per customer by NPS group; the what-if. Shares are 0..1, amounts in the organisation's
 * currency, full precision. Calendar days are the organisation's time zone.
 */
import { z } from 'zod';
import { LOYALTY_PERIODS, type CohortRow, type LorenzPoint, type LoyaltyPeriod, type LoyaltySummary, type NpsGroupValue } from '../economics/loyalty.ts';
import type { WhatIfAssumptions, WhatIfResult } from '../economics/whatIf.ts';
import { Day, Uuid } from './common.ts';

/** Filters every loyalty read shares: calendar days `from`..`to` (inclusive) and a location's subtree. */
export const LoyaltyFilterSchema = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
});
export type LoyaltyFilterQuery = z.infer<typeof LoyaltyFilterSchema>;

/** GET /api/v1/loyalty/summary */
export const LoyaltySummaryQuery = LoyaltyFilterSchema.extend({ period: z.enum(LOYALTY_PERIODS).default('month') });

const Amount = z.coerce.number().finite().min(0).max(1e12);

/** GET /api/v1/loyalty/what-if: the user's assumptions; each left out takes its default from the data. */
export const LoyaltyWhatIfQuery = LoyaltyFilterSchema.extend({
  retentionPoints: z.coerce.number().finite().min(0).max(100).optional(),
  detractorsToPassives: z.coerce.number().int().min(0).max(1e9).optional(),
  customers: z.coerce.number().int().min(0).max(1e9).optional(),
  revenuePerRetainedCustomer: Amount.optional(),
  passiveValue: Amount.optional(),
  detractorValue: Amount.optional(),
  acquisitionCost: Amount.optional(),
  acquisitionToRetention: z.coerce.number().finite().min(1).max(100).optional(),
});

interface Freshness {
  /** computed from the transactions when answered (live) */
  computedAt: string;
  timeZone: string;
}

export interface LoyaltySummaryAnswer extends LoyaltySummary, Freshness {
  period: LoyaltyPeriod;
  /** cumulative share of customers (ascending by revenue) vs of revenue, from (0, 0) to (1, 1) */
  lorenz: LorenzPoint[];
  cohorts: CohortRow[];
  /** revenue / customers over the window; null without customers */
  valuePerCustomer: number | null;
}

export interface NpsValueAnswer extends Freshness {
  groups: NpsGroupValue[];
}

export type WhatIfAssumptionsAnswer = WhatIfAssumptions;

export interface WhatIfAnswer extends WhatIfResult, Freshness {
  /** the defaults from the data (what each assumption left out is) */
  defaults: WhatIfAssumptions;
}
