/**
 * @module The analytics API contract (docs/api.md "Analytics"): the filters and queries the server
 * validates, and the answers it returns (overview, survey summary, trend, breakdown, heat table,
 * compare, drivers, comments, data quality, freshness, dimension values).
 */
import { z } from 'zod';
import { UUID_RE } from '../ids.ts';
import { ComparisonResultSchema, CsiResultSchema, Day, IsoInstant, LocalizedTextSchema, MetricResultSchema, Uuid } from './common.ts';
import { QUALITY_REASONS } from '../quality/reasons.ts';
import { SCORE_GROUPS } from '../surveys/types.ts';
import { parseDimFilter } from '../responses/hiddenFields.ts';
import { isBreakdownBy, isThemeId as isThemeKey, MAX_LIST_VALUES, THEME_ID_RE } from '../analytics/filterRules.ts';
import { SENTIMENT_LABELS } from '../nlp/labels.ts';
import { ScaleSchema } from './surveys.ts';
import { QUESTION_TYPES } from '../surveys/types.ts';

/** `key:value` of one marked dimension (hidden field): the hidden-field key rule (core/responses/hiddenFields.ts). */
export const Dim = z
  .string()
  .max(300)
  .refine((s) => parseDimFilter(s) !== null, 'use key:value (the key in a-z, 0-9 and _, as hidden fields are stored; a value of 1-200 characters)')
  .transform((s) => parseDimFilter(s)!);

const Flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** A comment's sentiment (comment_analysis.sentiment). */
export const SENTIMENTS = SENTIMENT_LABELS;
export const SentimentSchema = z.enum(SENTIMENTS);
export type SentimentValue = z.infer<typeof SentimentSchema>;
/** A theme's key in the organisation's dictionary (org_themes.id). */
export const ThemeId = z.string().regex(THEME_ID_RE, 'a theme id: lower-case letters, digits, "_" or "-"');

/**
 * A list filter: the parameter repeated (`theme=a&theme=b`) or a comma list (`theme=a,b`), meaning any of
 * the values; duplicates dropped. A value that is not `valid` is refused naming it.
 */
function listFilter<T extends string>(valid: (v: string) => v is T, expected: string) {
  return z.union([z.string(), z.array(z.string())]).transform((raw, ctx): T[] => {
    const values = [...new Set((Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))];
    const bad = values.find((v) => !valid(v));
    const message = bad !== undefined ? `${JSON.stringify(bad.slice(0, 64))} is not ${expected}`
      : values.length === 0 ? `give ${expected}`
        : values.length > MAX_LIST_VALUES ? `at most ${MAX_LIST_VALUES} values` : null;
    if (message) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return values as T[];
  });
}
const isSentiment = (v: string): v is SentimentValue => (SENTIMENTS as readonly string[]).includes(v);
const isThemeId = (v: string): v is string => isThemeKey(v);

/** Filters every analytics endpoint accepts. */
export const FilterSchema = z.object({
  from: Day.optional(),
  to: Day.optional(),
  location: Uuid.optional(),
  channel: z.string().trim().min(1).max(64).optional(),
  language: z.string().trim().min(1).max(16).optional(),
  dim: Dim.optional(),
  /** Responses with at least one analysed comment of one of these sentiments (docs/analytics.md "Comment filters"). */
  sentiment: listFilter(isSentiment, `a sentiment: ${SENTIMENTS.join(', ')}`).optional(),
  /** Responses with at least one analysed comment carrying one of these themes (keys of GET /text/themes). */
  theme: listFilter(isThemeId, 'a theme id (lower-case letters, digits, "_" or "-")').optional(),
  includeExcluded: Flag.optional(),
});
export type FilterQuery = z.infer<typeof FilterSchema>;

export const TrendQuery = FilterSchema.extend({
  question: Uuid.optional(),
  interval: z.enum(['day', 'week', 'month', 'quarter']).default('week'),
});

export const BreakdownQuery = FilterSchema.extend({
  question: Uuid.optional(),
  by: z.string().refine(isBreakdownBy, 'use location, channel, language or dim:<key> (a hidden field\'s key: a-z, 0-9 and _)'),
  parent: Uuid.optional(),
  leaf: Flag.optional(),
  sort: z.enum(['worst', 'best', 'n']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const HeatmapQuery = FilterSchema.extend({ parent: Uuid.optional() });

export const CompareQuery = FilterSchema.extend({
  question: Uuid.optional(),
  aFrom: Day.optional(),
  aTo: Day.optional(),
  bFrom: Day.optional(),
  bTo: Day.optional(),
  aDim: Dim.optional(),
  bDim: Dim.optional(),
  aLocation: Uuid.optional(),
  bLocation: Uuid.optional(),
  /** `company`: B is the rest of the organisation (everything but A's locations), as one benchmark figure. */
  b: z.enum(['company'], { error: 'use company (A against the rest of the company)' }).optional(),
});

export const DriversQuery = FilterSchema.extend({ outcome: Uuid.optional() });

/**
 * `before` of the comments: an ISO instant (strictly older comments), or the `nextBefore` of a page,
 * `<instant>,<responseId>,<questionKey>`, which continues exactly after that page's last comment.
 */
const CommentsBefore = z.string().max(200).transform((v, ctx) => {
  const [at, responseId, questionKey, ...rest] = v.split(',');
  const atOk = IsoInstant.safeParse(at).success;
  if (responseId === undefined && atOk) return { at };
  if (atOk && rest.length === 0 && UUID_RE.test(responseId) && /^[a-z0-9_]{1,40}$/.test(questionKey ?? '')) {
    return { at, row: { responseId, questionKey } };
  }
  ctx.addIssue({ code: 'custom', message: 'use an ISO date-time or the nextBefore of the previous page' });
  return z.NEVER;
});

const ScoreGroupSchema = z.enum(SCORE_GROUPS);

export const CommentsQuery = FilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: CommentsBefore.optional(),
  group: ScoreGroupSchema.optional(),
});

export const DimensionValuesQuery = z.object({
  /** Part of the value, matched case-insensitively. */
  q: z.string().trim().max(200).optional(),
  survey: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const QualityQuery = FilterSchema.omit({ includeExcluded: true });

/** POST /responses/:id/exclude body. */
export const ExcludeBody = z.object({ reason: z.string().trim().max(500).optional() });

// ---- Answers ----

/** Where the figures were read: the rollups, or the raw responses (filters the rollups cannot answer). */
const SourceSchema = z.enum(['rollup', 'raw']);
const MaybeResult = MetricResultSchema.nullable();

/** GET /analytics/overview: every survey with its headline metrics (`nps.details.skipped`: respondents who skipped it). */
export const OverviewAnswerSchema = z.strictObject({
  source: SourceSchema,
  surveys: z.array(
    z.strictObject({
      surveyId: z.string(),
      name: z.string(),
      slug: z.string(),
      status: z.enum(['draft', 'live', 'closed']),
      responses: z.number(),
      /** `csi`: the stated-importance CSI, without its breakdown. */
      metrics: z.strictObject({ nps: MaybeResult.optional(), csat: MaybeResult.optional(), ces: MaybeResult.optional(), csi: MaybeResult.optional() }),
    }),
  ),
});
export type OverviewAnswer = z.infer<typeof OverviewAnswerSchema>;
export type OverviewSurvey = OverviewAnswer['surveys'][number];

const SummaryQuestionSchema = z.strictObject({
  questionId: z.string(),
  key: z.string(),
  type: z.enum(QUESTION_TYPES),
  metric: z.enum(['nps', 'csat', 'ces', 'csi_satisfaction', 'csi_importance', 'none']),
  /** The CSI attribute a csi_satisfaction / csi_importance question rates. */
  attribute: z.string().optional(),
  text: LocalizedTextSchema,
  scale: ScaleSchema.nullable(),
  archived: z.boolean(),
  result: MaybeResult,
  distribution: z.array(z.strictObject({ score: z.number(), n: z.number() })),
  /** single / multi questions: answers per option value. */
  choices: z.array(z.strictObject({ value: z.string(), n: z.number() })).optional(),
});
export type SummaryQuestion = z.infer<typeof SummaryQuestionSchema>;

/** GET /surveys/:id/analytics/summary. */
export const SummaryAnswerSchema = z.strictObject({
  responses: z.number(),
  source: SourceSchema,
  questions: z.array(SummaryQuestionSchema),
  /** CSI with stated importance, when every attribute has its importance question. */
  csi: CsiResultSchema.optional(),
});
export type SummaryAnswer = z.infer<typeof SummaryAnswerSchema>;

/** GET /surveys/:id/analytics/trend: `partial` when the period is not wholly inside the window (cut by from/to, or still running). */
export const TrendAnswerSchema = z.strictObject({
  interval: z.enum(['day', 'week', 'month', 'quarter']),
  questionId: z.string(),
  source: SourceSchema,
  points: z.array(z.strictObject({ period: Day, partial: z.boolean(), result: MaybeResult })),
});
export type TrendAnswer = z.infer<typeof TrendAnswerSchema>;

const BreakdownRowSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  /** Location rows: the kind and whether the location has children to drill into. */
  kind: z.string().optional(),
  hasChildren: z.boolean().optional(),
  result: MaybeResult,
});
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

/** GET /surveys/:id/analytics/breakdown. */
export const BreakdownAnswerSchema = z.strictObject({
  by: z.string(),
  questionId: z.string(),
  parent: z.string().nullable(),
  source: SourceSchema,
  rows: z.array(BreakdownRowSchema),
});
export type BreakdownAnswer = z.infer<typeof BreakdownAnswerSchema>;

/** GET /surveys/:id/analytics/heatmap: child locations x scored questions (null: no answers). */
export const HeatmapAnswerSchema = z.strictObject({
  source: SourceSchema,
  columns: z.array(z.strictObject({ questionId: z.string(), key: z.string(), metric: z.string(), text: LocalizedTextSchema })),
  rows: z.array(z.strictObject({ locationId: z.string(), name: z.string(), hasChildren: z.boolean(), cells: z.record(z.string(), MaybeResult) })),
});
export type HeatmapAnswer = z.infer<typeof HeatmapAnswerSchema>;

const NamedLocationSchema = z.strictObject({ id: z.string(), name: z.string() });

/** What one side of a comparison is, so the dashboard can label it (docs/api.md, compare `sides`). */
const CompareSideSchema = z.strictObject({
  /**
   * all: every answer the caller may see; scope: a limited caller's locations; location: one location's
   * subtree; rest_of_*: the same minus the other side's location (it lies inside); rest_of_company: the
   * organisation minus A's locations (a benchmark: nothing about its locations is told).
   */
  kind: z.enum(['all', 'scope', 'location', 'rest_of_all', 'rest_of_scope', 'rest_of_location', 'rest_of_company']),
  /** The location (kinds location, rest_of_location; scope when the caller has exactly one). */
  location: NamedLocationSchema.nullable(),
  /** rest_of_*: the location taken out (the other side's). */
  without: NamedLocationSchema.nullable(),
  from: Day.nullable(),
  to: Day.nullable(),
  /** Every dimension condition of the side: the shared `dim` and the side's own. */
  segments: z.array(z.strictObject({ key: z.string(), value: z.string() })),
});
export type CompareSide = z.infer<typeof CompareSideSchema>;

/** GET /surveys/:id/analytics/compare: a vs b; `change` is a - b with its test (and a `reason` when it cannot be significant). */
export const CompareAnswerSchema = z.strictObject({
  questionId: z.string(),
  source: SourceSchema,
  a: MetricResultSchema,
  b: MetricResultSchema,
  sides: z.strictObject({ a: CompareSideSchema, b: CompareSideSchema }),
  change: ComparisonResultSchema,
});
export type CompareAnswer = z.infer<typeof CompareAnswerSchema>;

/** GET /surveys/:id/analytics/drivers (drivers.v1). */
export const DriversAnswerSchema = z.strictObject({
  /** CSI weighted by these drivers, when the survey's CSI attributes were rated without stated importance. */
  csi: CsiResultSchema.optional(),
  definition: z.literal('drivers.v1'),
  outcome: z.strictObject({ questionId: z.string(), key: z.string() }),
  n: z.number(),
  r2: z.number(),
  /** Always false: every response in the filters counts (kept for clients). */
  sampled: z.boolean(),
  source: SourceSchema,
  meanImportance: z.number(),
  meanPerformance: z.number(),
  drivers: z.array(
    z.strictObject({
      questionId: z.string(),
      key: z.string(),
      /** The CSI attribute, or the question key. */
      name: z.string(),
      text: LocalizedTextSchema,
      importance: z.number(),
      pctOfR2: z.number(),
      performance: z.number(),
      performanceN: z.number(),
      quadrant: z.enum(['key_strength', 'key_weakness', 'secondary_strength', 'secondary_weakness']),
    }),
  ),
});
export type DriversAnswer = z.infer<typeof DriversAnswerSchema>;

const CommentSchema = z.strictObject({
  responseId: z.string(),
  questionKey: z.string(),
  text: z.string(),
  /** The main question's score in the same response. */
  score: z.number().nullable(),
  /** NPS surveys: the score's group. */
  group: ScoreGroupSchema.nullable(),
  /** ISO 8601 in UTC with microseconds (as stored). */
  submittedAt: IsoInstant,
  locationName: z.string().nullable(),
  language: z.string(),
  channel: z.string(),
});
export type Comment = z.infer<typeof CommentSchema>;

/** GET /surveys/:id/comments: newest first; `nextBefore` continues the list. */
export const CommentsAnswerSchema = z.strictObject({
  mainQuestionId: z.string().nullable(),
  comments: z.array(CommentSchema),
  nextBefore: z.string().nullable(),
});
export type CommentsAnswer = z.infer<typeof CommentsAnswerSchema>;

export const QualityReasonSchema = z.enum(QUALITY_REASONS);

/** GET /surveys/:id/quality: flagged and excluded responses of a bounded window, with the rules used. */
export const QualityAnswerSchema = z.strictObject({
  rules: z.strictObject({
    speederMs: z.number(),
    speederMsPerAnswer: z.number(),
    speeder: z.string(),
    straightLining: z.string(),
    duplicateContact: z.string(),
    missingRequired: z.string(),
    unknownLocation: z.string(),
    window: z.strictObject({ from: Day, to: Day.nullable(), maxInspected: z.number() }),
    limit: z.number(),
  }),
  flagged: z.array(
    z.strictObject({
      responseId: z.string(),
      submittedAt: IsoInstant,
      locationName: z.string().nullable(),
      reasons: z.array(QualityReasonSchema),
      /** The `loc` code of a link naming a location the organisation does not have (reason unknown_location). */
      unknownLocationCode: z.string().nullable(),
      excluded: z.boolean(),
      exclusionReason: z.string().nullable(),
    }),
  ),
});
export type QualityAnswer = z.infer<typeof QualityAnswerSchema>;

/** GET /analytics/freshness: the state of the organisation's rollups. */
export const FreshnessAnswerSchema = z.strictObject({
  rollups: z.enum(['transactional', 'rebuilding']),
  /** Age of the oldest change not yet folded into the rollup tables, in seconds (dashboards include it anyway). */
  lagSeconds: z.number(),
  /** Changes queued for the fold (dashboards include them). */
  pending: z.number(),
  /** The organisation's latest settings rebuild (PATCH /org), when there was one. */
  job: z.strictObject({ status: z.enum(['running', 'done', 'failed']), total: z.number(), done: z.number() }).optional(),
});
export type FreshnessAnswer = z.infer<typeof FreshnessAnswerSchema>;

/** GET /analytics/dimensions/:key/values: values seen in the caller's scope, most used first. */
export const DimensionValuesAnswerSchema = z.strictObject({ values: z.array(z.strictObject({ value: z.string(), responses: z.number() })) });
export type DimensionValuesAnswer = z.infer<typeof DimensionValuesAnswerSchema>;
