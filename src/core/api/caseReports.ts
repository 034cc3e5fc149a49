/**
 * @module The closed loop's report API (docs/api.md "Closed-loop reports"): case metrics, the Pareto of root
 * causes with their comment themes, and compensation per location or root cause. Definitions:
 * docs/closed-loop.md "Case metrics" and "Root causes and Pareto".
 */
import { z } from 'zod';
import { Day, LocalizedTextSchema, MetricResultSchema, Uuid } from './common.ts';

/** The filters of every report: org-local days `from`..`to` (inclusive), a location subtree in scope, a survey. */
export const CaseReportQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
  /** Only cases opened from answers to this survey. */
  survey: Uuid.optional(),
});
export type CaseReportQueryT = z.infer<typeof CaseReportQuery>;

export const CaseMetricsQuery = CaseReportQuery.extend({
  /** The periods of `per_period` (created and resolved counts). */
  interval: z.enum(['day', 'week', 'month']).default('week'),
});

const DurationStatsSchema = z.strictObject({
  n: z.number().int(),
  median_s: z.number().nullable(),
  p90_s: z.number().nullable(),
});

/** GET /cases/metrics. */
export const CaseMetricsAnswerSchema = z.strictObject({
  /** created_at -> first_action_at of the cases created in the period that have had a first action. */
  time_to_first_action: DurationStatsSchema,
  /** created_at -> resolved_at of the cases resolved in the period. */
  time_to_resolve: DurationStatsSchema,
  /** case_sla.v1: share of the cases resolved in the period (with a due time) resolved by it, percent. */
  sla_attainment: MetricResultSchema,
  /** case_recovery.v1: share of low-score cases resolved in the period whose customer answered better afterwards. */
  recovery_rate: MetricResultSchema,
  /** Cases still open now (new, in progress, waiting for the customer), and those of them past their due time. */
  open: z.number().int(),
  overdue: z.number().int(),
  created: z.number().int(),
  resolved: z.number().int(),
  interval: z.enum(['day', 'week', 'month']),
  /** Org-local period starts (YYYY-MM-DD), oldest first; periods with neither are absent. */
  per_period: z.array(z.strictObject({ period: z.string(), created: z.number().int(), resolved: z.number().int() })),
});
export type CaseMetricsAnswer = z.infer<typeof CaseMetricsAnswerSchema>;

const MoneySchema = z.strictObject({ currency: z.string(), amount: z.number() });

/** GET /cases/root-causes. */
export const ParetoAnswerSchema = z.strictObject({
  /** Cases created in the period that have a root cause. */
  total: z.number().int(),
  causes: z.array(z.strictObject({
    id: Uuid,
    key: z.string(),
    name: LocalizedTextSchema,
    archived: z.boolean(),
    count: z.number().int(),
    share: z.number(),
    cumulative_share: z.number(),
    /** Cases of the cause marked controllable (by the company) and not controllable; the rest unmarked. */
    controllable: z.number().int(),
    not_controllable: z.number().int(),
    /** Compensation given on these cases, per currency. */
    compensation: z.array(MoneySchema),
    /** The cause is among the "vital few" (the causes up to 80% of the cases). */
    vital: z.boolean(),
    /** For cases opened from an answer: the themes of its analysed comment, most frequent first (at most 5). */
    themes: z.array(z.strictObject({ theme: z.string(), name: LocalizedTextSchema, count: z.number().int() })),
    /** Cases of the cause opened from an answer with an analysed comment (the themes' base). */
    with_comment: z.number().int(),
  })),
});
export type ParetoAnswer = z.infer<typeof ParetoAnswerSchema>;

export const CompensationQuery = CaseReportQuery.extend({ by: z.enum(['location', 'root_cause']).default('location') });

/** GET /cases/compensation: compensation given in the period (given_at), per location or root cause of its case and currency. */
export const CompensationAnswerSchema = z.strictObject({
  by: z.enum(['location', 'root_cause']),
  rows: z.array(z.strictObject({
    /** The location's or the root cause's id; null: the case has none. */
    key: Uuid.nullable(),
    /** A location's name, or a root cause's names by language. */
    label: z.union([z.string(), LocalizedTextSchema]).nullable(),
    currency: z.string(),
    amount: z.number(),
    count: z.number().int(),
    cases: z.number().int(),
  })),
  totals: z.array(MoneySchema.extend({ count: z.number().int() })),
});
export type CompensationAnswer = z.infer<typeof CompensationAnswerSchema>;
