/**
 * @module The support dashboard API contract (docs/api.md "Support operations"): KPIs of contacts
 * (../shared/METRICS.md "Support operations metrics"), their trend, the response and resolution time
 * distributions, the repeat-contact drill-down, SLA breaches and complaints next to NPS per location. JSON keys are snake_case like `sarafan kpi --json`; times are seconds, rates are shares 0..1.
 */
import { z } from 'zod';
import { SUPPORT_GROUPS } from '../support/dashboardKpis.ts';
import { REPEAT_WINDOW_MAX_DAYS, repeatWindowProblem } from '../support/kpis.ts';
import { Day, IsoInstant, MetricResultSchema, Uuid } from './common.ts';

/** `7d`: the repeat-contact window in days (1..REPEAT_WINDOW_MAX_DAYS, as `sarafan kpi --repeat-window`), part of the metric's name (`repeat_7d`). */
export const RepeatWindow = z
  .string()
  .regex(/^([1-9]\d?)d$/, 'use a number of days like 7d')
  .transform((s) => Number(s.slice(0, -1)))
  .refine((n) => repeatWindowProblem(n * 86_400) === null, `at most ${REPEAT_WINDOW_MAX_DAYS}d`);


const Text = z.string().trim().min(1).max(200);

/** Filters every support read shares. `location`: that location's subtree, within the caller's scope. */
export const SupportFilterSchema = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
  channel: Text.optional(),
  team: Text.optional(),
  agent: Text.optional(),
  priority: Text.optional(),
  category: Text.optional(),
  repeatWindow: RepeatWindow.default(7),
});
export type SupportFilterQuery = z.infer<typeof SupportFilterSchema>;

/** GET /support/kpis */
export const SupportKpiQuery = SupportFilterSchema.extend({ by: z.enum(SUPPORT_GROUPS).optional() });

/** GET /support/trend */
export const SupportTrendQuery = SupportFilterSchema.extend({ interval: z.enum(['day', 'week', 'month']).default('week') });

/** GET /support/repeats, /support/sla-breaches */
export const SupportListQuery = SupportFilterSchema.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** GET /support/complaints: complaints per location, next to the NPS of a survey's NPS question (optional). */
export const SupportComplaintsQuery = SupportFilterSchema.extend({ survey: Uuid.optional(), question: Uuid.optional() });

/** GET /support/satisfaction: CSAT of the answers that follow the filtered contacts, by credited agent or resolution-time bucket. */
export const SupportSatisfactionQuery = SupportFilterSchema.extend({ by: z.enum(['agent', 'resolution']).default('agent') });

// ---- Answers ----

const Seconds = z.number().nullable();
const Share = z.number().nullable();

/** The KPIs of one set of contacts (null where the data cannot tell: no contact reached that point). */
export const SupportKpisSchema = z.strictObject({
  contacts: z.number(),
  first_response_median_s: Seconds,
  first_response_p90_s: Seconds,
  first_response_mean_s: Seconds,
  /** First resolution: created -> first solved. */
  first_resolution_median_s: Seconds,
  first_resolution_p90_s: Seconds,
  first_resolution_mean_s: Seconds,
  /** Full resolution: created -> last solved, of contacts solved now (as `sarafan kpi --json`). */
  resolution_median_s: Seconds,
  resolution_p90_s: Seconds,
  resolution_mean_s: Seconds,
  responded: z.number(),
  solved: z.number(),
  reopened: z.number(),
  reopen_rate: Share,
  one_touch: z.number(),
  one_touch_rate: Share,
  /** Contacts with a customer, and those followed by the same customer's next contact within the window. */
  repeat_base: z.number(),
  repeats: z.number(),
  repeat_contact_rate: Share,
  /** The window in seconds (as `sarafan kpi --json`). */
  repeat_window_s: z.number(),
  /** `repeat_7d` */
  repeat_metric: z.string(),
  /** Null when no contact of the set says whether it is a complaint (the source has no such flag). */
  complaints: z.number().nullable(),
  /** Contacts with an SLA target whose outcome is known (those still within their targets are left out), and those that met it. */
  sla_judged: z.number(),
  sla_met: z.number(),
  sla_attainment: Share,
});
export type SupportKpis = z.infer<typeof SupportKpisSchema>;

const SlaByPrioritySchema = z.strictObject({ priority: z.string(), judged: z.number(), met: z.number(), attainment: Share });

export const SupportKpisAnswerSchema = z.strictObject({
  kpis: SupportKpisSchema,
  sla_by_priority: z.array(SlaByPrioritySchema),
  by: z.enum(SUPPORT_GROUPS).nullable(),
  /** Per group (`by`), most contacts first; key '' for contacts without that attribute (label null). */
  groups: z.array(z.strictObject({ key: z.string(), label: z.string().nullable(), kpis: SupportKpisSchema })),
});
export type SupportKpisAnswer = z.infer<typeof SupportKpisAnswerSchema>;

export const SupportTrendAnswerSchema = z.strictObject({
  interval: z.enum(['day', 'week', 'month']),
  /** Periods with contacts, oldest first; `period` is the org-local first day of the period. */
  points: z.array(z.strictObject({ period: Day, kpis: SupportKpisSchema })),
});
export type SupportTrendAnswer = z.infer<typeof SupportTrendAnswerSchema>;

const BucketsSchema = z.array(z.strictObject({ lower_s: z.number(), upper_s: z.number().nullable(), contacts: z.number() }));
export const SupportDistributionAnswerSchema = z.strictObject({ first_response: BucketsSchema, first_resolution: BucketsSchema });
export type SupportDistributionAnswer = z.infer<typeof SupportDistributionAnswerSchema>;

const ContactBrief = z.strictObject({
  id: Uuid,
  external_id: z.string(),
  created_at: IsoInstant,
  channel: z.string().nullable(),
  category: z.string().nullable(),
  subject: z.string().nullable(),
  location: z.string().nullable(),
});

export const SupportRepeatsAnswerSchema = z.strictObject({
  repeat_window_s: z.number(),
  /** Customers who came back within the window, the latest first, with their contacts in time order. */
  customers: z.array(z.strictObject({ customer_key: z.string(), repeats: z.number(), contacts: z.array(ContactBrief) })),
  truncated: z.boolean(),
});
export type SupportRepeatsAnswer = z.infer<typeof SupportRepeatsAnswerSchema>;

export const SupportSlaBreachesAnswerSchema = z.strictObject({
  breaches: z.array(
    ContactBrief.extend({
      priority: z.string(),
      agent: z.string().nullable(),
      first_response_s: Seconds,
      first_response_target_s: Seconds,
      resolution_s: Seconds,
      resolution_target_s: Seconds,
      missed: z.array(z.enum(['first_response', 'resolution'])),
    }),
  ),
  truncated: z.boolean(),
});
export type SupportSlaBreachesAnswer = z.infer<typeof SupportSlaBreachesAnswerSchema>;

export const SupportComplaintsAnswerSchema = z.strictObject({
  survey: z.strictObject({ id: Uuid, question_id: Uuid }).nullable(),
  /**
   * Locations with contacts or NPS answers; complaints per 1,000 transactions are not shown (transactions are not known yet).
   * complaints: null where no contact of the location says anything about complaints (as the KPIs' `complaints`).
   */
  locations: z.array(
    z.strictObject({ location_id: Uuid.nullable(), name: z.string().nullable(), contacts: z.number(), complaints: z.number().nullable(), nps: MetricResultSchema.nullable() }),
  ),
});
export type SupportComplaintsAnswer = z.infer<typeof SupportComplaintsAnswerSchema>;

/** Resolution-time buckets of full resolution (created -> last solved); `unresolved`: not solved now. */
const ResolutionBucketSchema = z.enum(['under_1h', 'under_4h', 'under_1d', 'under_3d', 'over_3d', 'unresolved']);

export const SupportSatisfactionAnswerSchema = z.strictObject({
  by: z.enum(['agent', 'resolution']),
  /** Groups with answers: by agent most answers first (key null: no agent known); by resolution fastest first. */
  groups: z.array(z.strictObject({ key: z.union([ResolutionBucketSchema, z.string()]).nullable(), contacts: z.number(), csat: MetricResultSchema })),
});
export type SupportSatisfactionAnswer = z.infer<typeof SupportSatisfactionAnswerSchema>;
