/**
 * @module The survey builder API contract (docs/api.md "Surveys"): request schemas the server validates
 * with, and answer schemas whose inferred types the server returns and the dashboard reads.
 */
import { z } from 'zod';
import { nestedLogicSchema, SLUG_PATTERN, SurveyInputSchema } from '../surveys/definition.ts';
import { MAX_LOGIC_DEPTH } from '../surveys/flow.ts';
import { TEMPLATE_KEYS } from '../surveys/templates.ts';
import { QUESTION_TYPES, STAFF_ROLES, SURVEY_AUDIENCES, type Condition, type Logic, type QuestionDef, type SurveyDef } from '../surveys/types.ts';
import { IsoInstant, LocalizedTextSchema, schemaOf } from './common.ts';

const SurveyStatusSchema = z.enum(['draft', 'live', 'closed']);

/** POST /surveys short form: start from a template (or from scratch) with an optional name and slug. */
export const CreateSurveyRequestSchema = z.object({
  template: z.enum(TEMPLATE_KEYS).optional(),
  /** From scratch only (a template brings its own audience); absent: customers. */
  audience: z.enum(SURVEY_AUDIENCES).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  slug: z.string().regex(SLUG_PATTERN, 'use 3-60 characters a-z, 0-9 or -').optional(),
});
export type CreateSurveyRequest = z.infer<typeof CreateSurveyRequestSchema>;

/** GET /surveys query: the archived surveys instead of the current ones. */
export const SurveyListQuerySchema = z.object({ archived: z.enum(['0', '1']).optional() });

/** DELETE /surveys/:id body: the survey's name, typed, when it has answers. */
export const DeleteSurveyRequestSchema = z.object({ confirm: z.string().max(300).optional() });

export const SetStatusRequestSchema = z.object({ status: SurveyStatusSchema });

/** GET /surveys/:id/poster.(svg|pdf) query. */
export const PosterQuerySchema = z.object({
  location: z.string().max(100).optional(),
  lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code').optional(),
});

/** GET /surveys/:id/translations query: an XLIFF 2.0 file for one target language, or a CSV with every language. */
export const TranslationsQuerySchema = z.object({
  format: z.enum(['xliff', 'csv']).default('xliff'),
  source: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code').optional(),
  target: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code').optional(),
});

/** POST /surveys/:id/translations answer: how many texts changed and which (key, language) still have no text. */
export const TranslationReportSchema = z.object({
  updated: z.number().int(),
  missing: z.array(z.object({ key: z.string(), lang: z.string() })),
});
export type TranslationReport = z.infer<typeof TranslationReportSchema>;

export const ScaleSchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  style: z.enum(['numbers', 'stars', 'smileys']),
  labels: z.strictObject({ min: LocalizedTextSchema.optional(), max: LocalizedTextSchema.optional() }).optional(),
});

const ConditionSchema = schemaOf<Condition>()(
  z.strictObject({
    question: z.string().optional(),
    hidden: z.string().optional(),
    channel: z.literal(true).optional(),
    language: z.literal(true).optional(),
    op: z.enum(['lte', 'gte', 'eq', 'in', 'answered']),
    value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).optional(),
  }),
);
/** A show-if or a jump's condition: one condition, or AND (all) / OR (any) groups of them, nested. */
const LogicSchema = nestedLogicSchema(
  ConditionSchema, (items) => z.strictObject({ all: z.array(items).optional(), any: z.array(items).optional() }), MAX_LOGIC_DEPTH,
) as z.ZodType<Logic>;

export const QuestionDefSchema = schemaOf<QuestionDef>()(
  z.strictObject({
    id: z.string().optional(),
    key: z.string(),
    type: z.enum(QUESTION_TYPES),
    metric: z.enum(['nps', 'csat', 'ces', 'csi_satisfaction', 'csi_importance', 'none']),
    required: z.boolean(),
    text: LocalizedTextSchema,
    scale: ScaleSchema.optional(),
    boxMin: z.number().optional(),
    direction: z.enum(['higher_is_easier', 'lower_is_easier']).optional(),
    attribute: z.string().optional(),
    options: z.array(z.strictObject({ value: z.string(), label: LocalizedTextSchema })).optional(),
    range: z.strictObject({ min: z.number().optional(), max: z.number().optional(), decimals: z.boolean().optional() }).optional(),
    rows: z.array(z.strictObject({ key: z.string(), label: LocalizedTextSchema })).optional(),
    matrix: z.strictObject({ key: z.string(), text: LocalizedTextSchema }).optional(),
    followsQuestionKey: z.string().optional(),
    whyTexts: z.partialRecord(z.enum(['detractor', 'passive', 'promoter']), LocalizedTextSchema).optional(),
    showIf: LogicSchema.nullable().optional(),
    jumps: z.array(z.strictObject({ when: LogicSchema.nullable().optional(), to: z.string(), thanks: LocalizedTextSchema.optional() })).optional(),
    staffRole: z.enum(STAFF_ROLES).optional(),
    randomizeOptions: z.boolean().optional(),
    addedInVersion: z.number().optional(),
    archivedInVersion: z.number().nullable().optional(),
  }),
);

/** A survey definition as the API shows it (no internal fields). */
const SurveyDefSchema = schemaOf<SurveyDef>()(
  z.strictObject({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    title: LocalizedTextSchema,
    intro: LocalizedTextSchema,
    thanks: LocalizedTextSchema,
    languages: z.array(z.string()),
    defaultLanguage: z.string(),
    status: SurveyStatusSchema,
    template: z.string().nullable(),
    audience: z.enum(SURVEY_AUDIENCES).optional(),
    version: z.number(),
    responseLimit: z.number().nullable().optional(),
    countPartial: z.boolean().optional(),
    quotas: z
      .array(
        z.strictObject({
          key: z.string(),
          limit: z.number(),
          when: z
            .strictObject({
              question: z.string().optional(),
              hidden: z.string().optional(),
              location: z.boolean().optional(),
              op: z.enum(['lte', 'gte', 'eq', 'in', 'answered']),
              value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).optional(),
            })
            .nullable()
            .optional(),
          perLocation: z.boolean().optional(),
          action: z.enum(['end', 'close']),
          message: LocalizedTextSchema.optional(),
        }),
      )
      .optional(),
    opensAt: IsoInstant.nullable().optional(),
    closesAt: IsoInstant.nullable().optional(),
    closedRedirectSlug: z.string().nullable().optional(),
    randomGroups: z.array(z.array(z.string())).optional(),
    questions: z.array(QuestionDefSchema),
  }),
);

/** POST /surveys, PUT /surveys/:id, POST /surveys/:id/duplicate: the survey and the builder's warnings. */
export const SurveyAnswerSchema = z.strictObject({ survey: SurveyDefSchema, warnings: z.array(z.string()) });
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

/** GET /surveys/:id adds the public URL, the earlier addresses that redirect and the archive time. */
export const SurveyDetailAnswerSchema = SurveyAnswerSchema.extend({
  publicUrl: z.string(),
  earlierSlugs: z.array(z.string()),
  archivedAt: IsoInstant.nullable(),
});
export type SurveyDetailAnswer = z.infer<typeof SurveyDetailAnswerSchema>;

/** POST /surveys/:id/status. */
export const SurveyStatusAnswerSchema = z.strictObject({ survey: SurveyDefSchema });
export type SurveyStatusAnswer = z.infer<typeof SurveyStatusAnswerSchema>;

/** POST /surveys/:id/archive and /restore. */
export const SurveyArchiveAnswerSchema = z.strictObject({ survey: SurveyDefSchema, archivedAt: IsoInstant.nullable() });
export type SurveyArchiveAnswer = z.infer<typeof SurveyArchiveAnswerSchema>;

/** DELETE /surveys/:id. */
export const SurveyDeleteAnswerSchema = z.strictObject({ ok: z.literal(true), deletedResponses: z.number() });
export type SurveyDeleteAnswer = z.infer<typeof SurveyDeleteAnswerSchema>;

/** A row of GET /surveys: the survey's list fields, counts in the caller's scope, ISO timestamps. */
const SurveyListItemSchema = z.strictObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  title: LocalizedTextSchema,
  status: SurveyStatusSchema,
  audience: z.enum(SURVEY_AUDIENCES),
  languages: z.array(z.string()),
  defaultLanguage: z.string(),
  questionCount: z.number(),
  /** null for a staff survey with fewer than `staffMinGroup` answers in the caller's scope (so is lastResponseAt) */
  responseCount: z.number().nullable(),
  lastResponseAt: IsoInstant.nullable(),
  archivedAt: IsoInstant.nullable(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type SurveyListItem = z.infer<typeof SurveyListItemSchema>;

/** GET /surveys. */
export const SurveyListAnswerSchema = z.strictObject({
  surveys: z.array(SurveyListItemSchema),
  /** The staff-survey anonymity threshold (src/core/staff/anonymity.ts MIN_GROUP): counts below it are null. */
  staffMinGroup: z.number(),
});
export type SurveyListAnswer = z.infer<typeof SurveyListAnswerSchema>;

/** One public link of a survey: the location-less one, or one per location. */
const SurveyLinkSchema = z.strictObject({
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  code: z.string().nullable(),
  url: z.string(),
});
export type SurveyLink = z.infer<typeof SurveyLinkSchema>;

/** GET /surveys/:id/links. */
export const SurveyLinksAnswerSchema = z.strictObject({ links: z.array(SurveyLinkSchema) });
export type SurveyLinksAnswer = z.infer<typeof SurveyLinksAnswerSchema>;

/** GET /survey-templates: a template's names and the survey it starts (a builder input). */
export const SurveyTemplatesAnswerSchema = z.strictObject({
  templates: z.array(
    z.strictObject({ key: z.enum(TEMPLATE_KEYS), name: LocalizedTextSchema, description: LocalizedTextSchema, survey: SurveyInputSchema }),
  ),
});
export type SurveyTemplatesAnswer = z.infer<typeof SurveyTemplatesAnswerSchema>;
export type SurveyTemplateView = z.infer<typeof SurveyTemplatesAnswerSchema>['templates'][number];

/** A question's row of GET /surveys/:id/dropoff (src/core/surveys/progress.ts dropoff). */
const DropoffQuestionSchema = z.strictObject({
  key: z.string(),
  text: LocalizedTextSchema,
  reached: z.number(),
  answered: z.number(),
  left: z.number(),
  /** left / reached; null when nobody reached the question */
  leftShare: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  /** a question where people leave (the most, or at least 20% of those who reach it) */
  leavesHere: z.boolean(),
});

/** GET /surveys/:id/dropoff: the respondents whose pages saved progress (phones), in the caller's locations. */
export const SurveyDropoffAnswerSchema = z.strictObject({
  surveyId: z.string(),
  countPartial: z.boolean(),
  started: z.number(),
  finished: z.number(),
  questions: z.array(DropoffQuestionSchema),
});
export type SurveyDropoffAnswer = z.infer<typeof SurveyDropoffAnswerSchema>;
