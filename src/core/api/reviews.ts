/** @module The reviews API contract (docs/api.md "Reviews"): list, sources, rating trend, import preview and commit, delete. */
import { z } from 'zod';
import { REVIEW_FIELDS } from '../reviews/columns.ts';
import { Day, IsoInstant, MetricResultSchema, Uuid } from './common.ts';
import { SentimentSchema, ThemeId } from './analytics.ts';
import type { KeyPhraseItem } from './comments.ts';

const Search = z.string().trim().min(1, 'must not be empty').max(200);
const Source = z.string().trim().min(1).max(40);
const Stars = z.coerce.number().min(1, 'use 1..5').max(5, 'use 1..5');

/** Filters shared by the list and the trend. Ratings are on the 5-star scale (review_rating.v1). */
const ReviewFilters = z.object({
  source: Source.optional(),
  /** A location and its subtree. */
  location: Uuid.optional(),
  minRating: Stars.optional(),
  maxRating: Stars.optional(),
  from: Day.optional(),
  to: Day.optional(),
  q: Search.optional(),
  /** Reviews of that sentiment; `none`: not analysed (no text, or not yet). */
  sentiment: z.enum(['negative', 'neutral', 'positive', 'none']).optional(),
  /** Reviews matched with that theme of the organisation's dictionary. */
  theme: ThemeId.optional(),
});

/** GET /reviews */
export const ReviewsQuery = ReviewFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ReviewFilterInput = z.infer<typeof ReviewFilters>;

/** GET /reviews/trend */
export const ReviewTrendQuery = ReviewFilters.extend({ by: z.enum(['source', 'location']).default('source') });

/** GET /reviews/keyphrases and GET /reviews/themes: the list's filters. */
export const ReviewTextQuery = ReviewFilters;

/** PATCH /reviews/:id/sentiment: a person's sentiment, stored as 'manual' (kept through re-analysis, training data). */
export const ReviewSentimentBody = z.strictObject({ sentiment: SentimentSchema });

const ImportFormat = z.enum(['csv', 'xlsx', 'jsonl']);
const HeaderName = z.string().max(200).nullable();

/** POST /reviews/import/preview and POST /reviews/import: the file and how to read it. */
export const ReviewImportBody = z.object({
  format: ImportFormat,
  /** The file: its text (csv, jsonl) or base64 bytes (xlsx). */
  content: z.string().min(1, 'the file is empty').max(20 * 1024 * 1024, 'the file is larger than 15 MB'),
  /** A header of the file per field; null: do not read the field; absent: as detected. */
  mapping: z.partialRecord(z.enum(REVIEW_FIELDS), HeaderName).optional(),
  /** For rows without a source column or value. */
  source: Source.nullish(),
  /** Scale of ratings that do not say theirs (default 5). */
  ratingScale: z.union([z.literal(5), z.literal(10)]).default(5),
});
export type ReviewImportInput = z.infer<typeof ReviewImportBody>;

// ---- Answers ----

const ReviewSchema = z.strictObject({
  id: z.string(),
  source: z.string(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  rating: z.number().nullable(),
  ratingScale: z.number().nullable(),
  /** The rating on the 5-star scale (review_rating.v1). */
  stars: z.number().nullable(),
  text: z.string(),
  language: z.string().nullable(),
  location: z.strictObject({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
  publishedAt: IsoInstant,
  importedAt: IsoInstant,
  sentiment: z.enum(['negative', 'neutral', 'positive']).nullable(),
  sentimentP: z.number().nullable(),
  sentimentSource: z.enum(['model', 'lexicon', 'manual']).nullable(),
  /** Theme ids of the organisation's dictionary found in the text ([] until analysed). */
  themes: z.array(z.string()),
});
export type Review = z.infer<typeof ReviewSchema>;

/** GET /reviews: newest first. */
export const ReviewsAnswerSchema = z.strictObject({ reviews: z.array(ReviewSchema), total: z.number(), limit: z.number(), offset: z.number() });
export type ReviewsAnswer = z.infer<typeof ReviewsAnswerSchema>;

/** GET /reviews/sources: the sources of the caller's reviews, most reviews first. */
export const ReviewSourcesAnswerSchema = z.strictObject({ sources: z.array(z.strictObject({ source: z.string(), reviews: z.number() })) });
export type ReviewSourcesAnswer = z.infer<typeof ReviewSourcesAnswerSchema>;

/** GET /reviews/keyphrases: what negative reviews say more than positive ones, and the reverse (weighted log-odds). */
export interface ReviewKeyPhrasesAnswer {
  negative: { n: number; phrases: KeyPhraseItem[] };
  positive: { n: number; phrases: KeyPhraseItem[] };
}

/** GET /reviews/themes: reviews per theme, most first, with how many are negative and positive. */
export interface ReviewThemesAnswer {
  themes: Array<{ theme: string; n: number; negative: number; positive: number }>;
}

const TrendPointSchema = z.strictObject({ month: Day, partial: z.boolean(), result: MetricResultSchema });

/** GET /reviews/trend: a series per source or location; values are means on 1..5 (review_rating.v1). */
export const ReviewTrendAnswerSchema = z.strictObject({
  definition: z.literal('review_rating.v1'),
  scale: z.strictObject({ min: z.literal(1), max: z.literal(5) }),
  by: z.enum(['source', 'location']),
  series: z.array(
    z.strictObject({
      key: z.string(),
      /** The source, the location's name, or null for reviews without a location. */
      label: z.string().nullable(),
      overall: MetricResultSchema,
      points: z.array(TrendPointSchema),
    }),
  ),
});
export type ReviewTrendAnswer = z.infer<typeof ReviewTrendAnswerSchema>;

const RowErrorSchema = z.strictObject({ row: z.number(), field: z.enum(REVIEW_FIELDS).nullable(), message: z.string() });
const MappingSchema = z.strictObject(Object.fromEntries(REVIEW_FIELDS.map((f) => [f, z.string().nullable()])) as Record<(typeof REVIEW_FIELDS)[number], z.ZodNullable<z.ZodString>>);

/** POST /reviews/import/preview: what an import of the file would do; nothing is written. */
export const ReviewImportPreviewSchema = z.strictObject({
  headers: z.array(z.string()),
  mapping: MappingSchema,
  /** A column the import cannot do without is not mapped: the rows are not read until it is. */
  mappingProblem: z.strictObject({ field: z.string(), message: z.string() }).nullable(),
  rows: z.number(),
  /** Rows that would be added. */
  fresh: z.number(),
  duplicates: z.number(),
  errorRows: z.number(),
  /** At most 200 errors, by row. */
  errors: z.array(RowErrorSchema),
  /** The first 20 rows as they would be read. */
  sample: z.array(
    z.strictObject({
      row: z.number(),
      status: z.enum(['new', 'duplicate']),
      source: z.string(),
      rating: z.number().nullable(),
      ratingScale: z.number().nullable(),
      text: z.string(),
      author: z.string().nullable(),
      publishedAt: IsoInstant,
      location: z.string().nullable(),
    }),
  ),
});
export type ReviewImportPreview = z.infer<typeof ReviewImportPreviewSchema>;

/** POST /reviews/import: the summary; rows with errors are skipped. */
export const ReviewImportResultSchema = z.strictObject({
  added: z.number(),
  duplicates: z.number(),
  errorRows: z.number(),
  errors: z.array(RowErrorSchema),
});
export type ReviewImportResult = z.infer<typeof ReviewImportResultSchema>;
