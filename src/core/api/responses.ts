/**
 * @module The responses API contract (docs/api.md "Responses"): the list's paging and search, the
 * exports' query, data-validation writes, and the answers of the list and of one response.
 */
import { z } from 'zod';
import { decodeResponseCursor } from '../responses/cursor.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { FilterSchema, QualityQuery, QualityReasonSchema } from './analytics.ts';
import { IsoInstant, LocalizedTextSchema } from './common.ts';
import { ScaleSchema } from './surveys.ts';
import { QUALITY_REASONS } from '../quality/reasons.ts';
import { QUESTION_TYPES } from '../surveys/types.ts';

/** Case-insensitive search in the comment (text) answers. */
const Search = z.string().trim().min(1, 'must not be empty').max(200);

const Cursor = z.string().max(300).transform((v, ctx) => {
  const cursor = decodeResponseCursor(v);
  if (cursor) return cursor;
  ctx.addIssue({ code: 'custom', message: 'use the nextCursor or prevCursor of a page of this list' });
  return z.NEVER;
});

/** GET /surveys/:id/responses: the analytics filters plus paging and search. */
export const ResponsesQuery = FilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
  q: Search.optional(),
});

/** GET /surveys/:id/responses.csv and .xlsx: the analytics filters, the search and the header language. */
export const ExportQuery = FilterSchema.extend({
  q: Search.optional(),
  lang: z.enum(LANGUAGES, { error: `use ${LANGUAGES.join(', ')}` }).optional(),
});

/** POST /surveys/:id/quality/exclude: the quality view's filters (query) and one reason (body). */
export const BulkExcludeQuery = QualityQuery;
export const BulkExcludeBody = z.object({ reason: z.enum(QUALITY_REASONS, { error: `use ${QUALITY_REASONS.join(', ')}` }) });

// ---- Answers ----

/** One answer as stored: a score, a choice, several choices or a text. */
const ListedAnswerSchema = z.strictObject({
  score: z.number().nullable().optional(),
  choice: z.string().nullable().optional(),
  choices: z.array(z.string()).nullable().optional(),
  text: z.string().nullable().optional(),
  /** number questions */
  number: z.number().nullable().optional(),
});
export type ListedAnswer = z.infer<typeof ListedAnswerSchema>;

const ListedResponseFields = {
  id: z.string(),
  /** ISO 8601 in UTC with microseconds (as stored). */
  submittedAt: IsoInstant,
  location: z.strictObject({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
  channel: z.string(),
  language: z.string(),
  /** Hidden fields of the link, as the respondent's page received them. */
  hidden: z.record(z.string(), z.unknown()),
  excluded: z.boolean(),
  exclusionReason: z.string().nullable(),
  /** Kept from progress the respondent left unfinished (the survey's countPartial; docs/api.md "Partial responses"). */
  partial: z.boolean(),
  durationMs: z.number().nullable(),
  /** The order the respondent was shown ({questionKey: [option values], "@questions": [keys]}); null when nothing was randomised. */
  displayOrder: z.record(z.string(), z.array(z.string())).nullable(),
  flags: z.array(QualityReasonSchema),
  /** By question key. */
  answers: z.record(z.string(), ListedAnswerSchema),
};
const ListedResponseSchema = z.strictObject(ListedResponseFields);
export type ListedResponse = z.infer<typeof ListedResponseSchema>;

/** GET /surveys/:id/responses: one page, newest first; `nextCursor` (older) and `prevCursor` (newer), null at either end. */
export const ResponsesAnswerSchema = z.strictObject({
  responses: z.array(ListedResponseSchema),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
});
export type ResponsesAnswer = z.infer<typeof ResponsesAnswerSchema>;

const OneResponseSchema = z.strictObject({
  ...ListedResponseFields,
  startedAt: IsoInstant.nullable(),
  survey: z.strictObject({ id: z.string(), name: z.string(), title: LocalizedTextSchema, defaultLanguage: z.string() }),
  /** The questions of the survey version the response answered, in order. */
  questions: z.array(
    z.strictObject({
      id: z.string(),
      key: z.string(),
      type: z.enum(QUESTION_TYPES),
      text: LocalizedTextSchema,
      options: z.array(z.strictObject({ value: z.string(), label: LocalizedTextSchema })),
      scale: ScaleSchema.nullable(),
    }),
  ),
});
export type OneResponse = z.infer<typeof OneResponseSchema>;

/** GET /responses/:id. */
export const OneResponseAnswerSchema = z.strictObject({ response: OneResponseSchema });
export type OneResponseAnswer = z.infer<typeof OneResponseAnswerSchema>;

/** POST /responses/:id/exclude and /include: `changed` is false when it already was so. */
export const ExclusionAnswerSchema = z.strictObject({ ok: z.literal(true), changed: z.boolean() });
export type ExclusionAnswer = z.infer<typeof ExclusionAnswerSchema>;

/** POST /surveys/:id/quality/exclude: how many responses were newly excluded. */
export const BulkExclusionAnswerSchema = z.strictObject({ ok: z.literal(true), excluded: z.number() });
export type BulkExclusionAnswer = z.infer<typeof BulkExclusionAnswerSchema>;
