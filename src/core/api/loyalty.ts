/**
 * @module The loyalty economics API contract (docs/store-economics.md "Loyalty economics"): the summary with
 * the same keys as `sarafan loyalty --json` (snake_case) plus the Lorenz curve, cohorts and revenue per
 * customer; revenue per customer by NPS group; the what-if. Shares are 0..1, amounts in the organisation's
 * currency, full precision. Calendar days are the organisation's time zone.
 */
import { z } from 'zod';
import { LOYALTY_PERIODS } from '../economics/loyalty.ts';
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

export interface LoyaltySummaryAnswer extends Freshness {
  period: (typeof LOYALTY_PERIODS)[number];
  customers: number;
  transactions: number;
  revenue: number;
  top20_revenue_share: number | null;
  repeat_customer_rate: number | null;
  retention: { period: string; active: number; retained: number; rate: number }[];
  /** cumulative share of customers (ascending by revenue) vs of revenue, from (0, 0) to (1, 1) */
  lorenz: { customers: number; revenue: number }[];
  cohorts: { cohort: string; size: number; active: number[]; share: number[] }[];
  /** revenue / customers over the window; null without customers */
  valuePerCustomer: number | null;
}

export interface NpsValueAnswer extends Freshness {
  groups: { group: 'promoter' | 'passive' | 'detractor' | 'unknown'; customers: number; revenue: number; revenuePerCustomer: number | null }[];
}

type Part =
  | { kind: 'term'; term: string; value: number }
  | { kind: 'number'; value: number }
  | { kind: 'op'; op: '×' | '÷' | '−' | '+' | '=' }
  | { kind: 'open' }
  | { kind: 'close' };

export interface WhatIfAssumptionsAnswer {
  customers: number;
  retentionPoints: number;
  revenuePerRetainedCustomer: number;
  detractorsToPassives: number;
  passiveValue: number;
  detractorValue: number;
  acquisitionCost: number;
  acquisitionToRetention: number;
}

export interface WhatIfAnswer extends Freshness {
  /** the defaults from the data (what each assumption left out is) */
  defaults: WhatIfAssumptionsAnswer;
  assumptions: WhatIfAssumptionsAnswer;
  extraCustomers: number;
  extraRevenueRetention: number;
  extraRevenueDetractors: number;
  saving: number;
  totalGain: number;
  formulas: { extraCustomers: Part[]; retention: Part[]; detractors: Part[]; saving: Part[]; total: Part[] };
}
