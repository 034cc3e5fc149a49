/**
 * @module Building blocks of the API contract (docs/api.md): ids, days, instants, localized texts and the
 * metric and comparison results every analytics answer carries. The server validates with these schemas
 * and types its answers with their inferred types; the dashboard imports the types; the contract test
 * (test/api/contract.test.ts) parses real answers with them. Pure: zod only.
 */
import { z } from 'zod';
import { UUID_RE } from '../ids.ts';
import type { CsiBreakdown } from '../stats/csi.ts';
import type { ComparisonResult } from '../stats/compare.ts';
import type { MetricResult } from '../stats/result.ts';
import { isCalendarDay } from '../time/orgCalendar.ts';

/** True when A and B are the same type: same keys, same optionality, same property types. */
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/**
 * The schema of a domain type defined elsewhere in core (MetricResult, SurveyDef, ...): typecheck fails
 * unless the schema's output is exactly `T`, so the two cannot drift apart.
 */
export const schemaOf =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Same<z.output<S>, T> extends true ? unknown : { error: 'the schema does not match the type'; type: T })): S =>
    schema;

export const Uuid = z.string().regex(UUID_RE, 'must be an id');

/** YYYY-MM-DD, an existing calendar day (org-local). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isCalendarDay, 'not a valid date');

/** An ISO 8601 instant with its offset (`Z` as the server sends it). */
export const IsoInstant = z.iso.datetime({ offset: true });

/** {"en": "...", "ru": "..."}: a text by language. */
export const LocalizedTextSchema = z.partialRecord(z.string(), z.string());

const Interval = z.tuple([z.number(), z.number()]);

/** A metric result (METRICS.md): value, n, 95% interval, definition, small-sample flags. */
export const MetricResultSchema = schemaOf<MetricResult>()(
  z.strictObject({
    metric: z.enum(['nps', 'csat', 'ces', 'csi', 'mean', 'share', 'response_rate']),
    definition: z.string(),
    value: z.number().nullable(),
    n: z.number(),
    ci95: Interval.nullable(),
    se: z.number().nullable(),
    ci95Method: z.enum(['adjusted_wald', 'wilson', 't']).nullable(),
    smallSample: z.boolean(),
    hiddenInSharedReports: z.boolean(),
    details: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
  }),
);

/** The change a - b of two results with its test (docs/api.md "compare"). */
export const ComparisonResultSchema = schemaOf<ComparisonResult>()(
  z.strictObject({
    diff: z.number().nullable(),
    se: z.number().nullable(),
    ci95: Interval.nullable(),
    ci95Method: z.enum(['adjusted_wald', 'newcombe_wilson', 'welch_t']),
    pValue: z.number().nullable(),
    test: z.enum(['adjusted_wald_z', 'two_proportion_z', 'fisher_exact', 'welch_t']),
    significant: z.boolean(),
    reason: z.strictObject({ code: z.enum(['no_answers', 'too_few_answers', 'no_variance', 'small_sample']), message: z.string() }).optional(),
    definition: z.string(),
    df: z.number().optional(),
  }),
);

const CsiBreakdownSchema = schemaOf<CsiBreakdown>()(
  z.strictObject({
    weighting: z.enum(['stated', 'derived']),
    n: z.number(),
    attributes: z.array(
      z.strictObject({
        key: z.string(),
        weight: z.number().nullable(),
        meanSatisfaction: z.number().nullable(),
        meanImportance: z.number().nullable(),
        nSatisfaction: z.number(),
        nImportance: z.number().nullable(),
        contribution: z.number().nullable(),
      }),
    ),
  }),
);

/** CSI (csi.v1) with its per-attribute weights. */
export const CsiResultSchema = MetricResultSchema.extend({ breakdown: CsiBreakdownSchema.optional() });

/** Writes that answer only that they happened. */
export const OkAnswerSchema = z.strictObject({ ok: z.literal(true) });
export type OkAnswer = z.infer<typeof OkAnswerSchema>;
