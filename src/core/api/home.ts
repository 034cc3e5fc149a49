/**
 * @module The home page API (docs/home.md): GET /api/v1/home — what changed in the caller's locations over a
 * period against the previous one: headline metrics per survey with their change and test, the locations that
 * moved significantly, the themes that grew, open and overdue cases, the worst audit items, support KPIs, the
 * pinned saved views. A caller limited to some locations also gets the company's figure as one benchmark number.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { PERIOD_RULES } from '../reports/period.ts';
import { ComparisonResultSchema, Day, MetricResultSchema, Uuid } from './common.ts';

/** The period rule when none is asked. */
export const HOME_DEFAULT_PERIOD = 'last_30_days';

export const HomeQuery = z.object({
  /** A report period rule on the organisation's calendar (src/core/reports/period.ts); compared with the period before it. */
  period: z.enum(PERIOD_RULES).default(HOME_DEFAULT_PERIOD),
  /** The survey whose locations and themes are read; default: the one with the most responses in the period. */
  survey: Uuid.optional(),
  /** Language of audit item texts. */
  lang: z.enum(LANGUAGES).default('en'),
});
export type HomeQueryT = z.infer<typeof HomeQuery>;

const Window = z.strictObject({ from: Day, to: Day });

const HeadlineSchema = z.strictObject({
  metric: z.enum(['nps', 'csat', 'ces']),
  questionId: z.string(),
  current: MetricResultSchema,
  previous: MetricResultSchema,
  /** current - previous with the test that fits the metric; `significant` decides the arrow. */
  change: ComparisonResultSchema,
  /** The whole organisation's figure, for a caller limited to some locations (null otherwise, or when fewer than 2 other locations answered). */
  company: MetricResultSchema.nullable(),
});

const MoverSchema = z.strictObject({
  locationId: z.string(),
  name: z.string(),
  current: MetricResultSchema,
  previous: MetricResultSchema,
  change: ComparisonResultSchema,
});

const ThemeSchema = z.strictObject({
  theme: z.string(),
  /** The theme's name by language (the organisation's theme dictionary; {} when it is no longer there). */
  names: z.record(z.string(), z.string()),
  current: z.strictObject({ n: z.number(), total: z.number(), share: z.number().nullable() }),
  previous: z.strictObject({ n: z.number(), total: z.number(), share: z.number().nullable() }),
  change: ComparisonResultSchema,
});

const SupportFigures = z.strictObject({
  contacts: z.number(),
  first_response_median_s: z.number().nullable(),
  reopen_rate: z.number().nullable(),
  one_touch_rate: z.number().nullable(),
  repeat_contact_rate: z.number().nullable(),
  complaints: z.number().nullable(),
});

export const HomeAnswerSchema = z.strictObject({
  period: z.enum(PERIOD_RULES),
  window: Window,
  previous: Window,
  /** true when the caller sees only some locations (the company figures are then benchmarks). */
  limited: z.boolean(),
  source: z.enum(['rollup', 'raw']),
  surveys: z.array(z.strictObject({
    surveyId: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'live', 'closed']),
    responses: z.number(),
    previousResponses: z.number(),
    headlines: z.array(HeadlineSchema),
  })),
  /** The survey the movers and themes are read from (null: no survey has responses in either period). */
  focus: z.strictObject({ surveyId: z.string(), name: z.string(), questionId: z.string(), metric: z.enum(['nps', 'csat', 'ces']) }).nullable(),
  movers: z.strictObject({ up: z.array(MoverSchema), down: z.array(MoverSchema) }),
  /** null: the caller may not read comments. */
  themes: z.array(ThemeSchema).nullable(),
  /** null: the caller may not read cases. Open and overdue as of now; created and resolved in the period. */
  cases: z.strictObject({ open: z.number(), overdue: z.number(), created: z.number(), resolved: z.number() }).nullable(),
  /** null: the caller may not read audits. The most often failed items of the period's published visits. */
  audits: z.strictObject({
    items: z.array(z.strictObject({
      checklistId: z.string(), checklistName: z.string(), key: z.string(), text: z.string(), critical: z.boolean(),
      applicable: z.number(), failed: z.number(), failRate: z.number().nullable(),
    })),
  }).nullable(),
  /** null: no support contacts in either period. */
  support: z.strictObject({ current: SupportFigures, previous: SupportFigures }).nullable(),
  /** The caller's saved views pinned to the home page (listPinnedViews: narrowed to the caller's locations); `url` opens it in the dashboard. */
  pinned: z.array(z.strictObject({
    id: z.string(), name: z.string(), surveyId: z.string(), surveyName: z.string(), query: z.string(), url: z.string(), shared: z.boolean(),
  })),
});
export type HomeAnswer = z.infer<typeof HomeAnswerSchema>;
export type HomeHeadline = z.infer<typeof HeadlineSchema>;
export type HomeMover = z.infer<typeof MoverSchema>;
export type HomeTheme = z.infer<typeof ThemeSchema>;
export type HomeSupportFigures = z.infer<typeof SupportFigures>;
