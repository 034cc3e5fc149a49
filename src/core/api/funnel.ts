/**
 * @module The store funnel API contract (docs/store-economics.md "The funnel"): totals, the previous period and
 * a series; one row per store beside NPS, wait complaints and the audit's checkout score; conversion by hour
 * of day against staff on shift. Rates are shares 0..1, null where they cannot be measured (src/core/economics/funnel.ts).
 */
import { z } from 'zod';
import { READING_CAUSES, type ReadingFinding } from '../economics/funnel.ts';
import { Day, MetricResultSchema, Uuid } from './common.ts';

/** Filters every funnel read shares: an inclusive window of org-local days (default: the last 30 days) and a location subtree. */
export const FunnelFilterSchema = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
});
export type FunnelFilterQuery = z.infer<typeof FunnelFilterSchema>;

/** GET /store/funnel */
export const FunnelQuery = FunnelFilterSchema.extend({ granularity: z.enum(['hour', 'day', 'week']).default('day') });

const Count = z.number().nullable();
const Rate = z.number().nullable();

const FiguresSchema = z.strictObject({
  passersBy: Count,
  visitors: Count,
  transactions: Count,
  revenue: Count,
  captureRate: Rate,
  conversion: Rate,
  averageCheck: Count,
});

const PeriodSchema = z.strictObject({ from: Day, to: Day });

export const FunnelAnswerSchema = z.strictObject({
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  granularity: z.enum(['hour', 'day', 'week']),
  totals: FiguresSchema,
  previous: FiguresSchema,
  /** Percent change of counts and average check, percentage points of capture and conversion. */
  trend: z.strictObject({
    visitors: Rate, transactions: Rate, revenue: Rate, averageCheck: Rate, captureRate: Rate, conversion: Rate,
  }),
  /** Buckets with data, oldest first: `YYYY-MM-DD` (day, week: its Monday) or `YYYY-MM-DDTHH:00` (hour), org-local. */
  series: z.array(FiguresSchema.extend({ bucket: z.string() })),
});
export type FunnelAnswer = z.infer<typeof FunnelAnswerSchema>;
export type FunnelFiguresDto = z.infer<typeof FiguresSchema>;

const Finding = z.enum(Object.keys(READING_CAUSES) as [ReadingFinding, ...ReadingFinding[]]);

export const FunnelStoresAnswerSchema = z.strictObject({
  period: PeriodSchema,
  /** The organisation's median store (over every store with figures, whatever the caller's scope): what "low" is measured against. */
  median: z.strictObject({ captureRate: Rate, conversion: Rate }),
  /** One row per store (leaf location) in scope, the worst conversion first (stores without one last). */
  stores: z.array(
    FiguresSchema.extend({
      locationId: Uuid,
      name: z.string(),
      /** Customer NPS (nps.v1) of the store's answers in the period, all customer surveys' NPS questions pooled. */
      nps: MetricResultSchema.nullable(),
      /** Negative comments in the period, those about waiting (themes waiting_time) and their share. */
      negativeComments: z.number(),
      waitComplaints: z.number(),
      waitShare: Rate,
      /** The latest published audit up to `to`: its checkout section score (0..100), null without one. */
      checkout: z.strictObject({ score: z.number().nullable(), visitedAt: z.string(), section: z.string() }).nullable(),
      reading: z.strictObject({ findings: z.array(Finding), unread: z.enum(['few_visitors', 'no_data']).nullable() }),
    }),
  ),
});
export type FunnelStoresAnswer = z.infer<typeof FunnelStoresAnswerSchema>;

export const FunnelHoursAnswerSchema = z.strictObject({
  period: PeriodSchema,
  /** False when no shift of the stores in scope overlaps the period (staffOnShift is null then). */
  shifts: z.boolean(),
  /** Hours of day 0..23 (org-local). */
  hours: z.array(z.strictObject({ hour: z.number(), visitors: z.number(), transactions: z.number(), conversion: Rate, staffOnShift: Rate })),
});
export type FunnelHoursAnswer = z.infer<typeof FunnelHoursAnswerSchema>;
