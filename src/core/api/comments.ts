/**
 * @module The text analytics API contract (docs/api.md "Comments: sentiment and themes"): the comments
 * view's filters, a correction, the model status, key phrases, theme counts and the theme dictionary.
 */
import { z } from 'zod';
import { FilterSchema, SentimentSchema, ThemeId, type SentimentValue } from './analytics.ts';

export type { SentimentValue };

/**
 * Filters of the comments view on top of the dashboard filters (`language` there is the response's; `lang` here
 * the comment's detected language). The dashboard's `sentiment` and `theme` apply here to the comments
 * themselves too: a comment is listed and counted only when it has one of the sentiments and one of the themes.
 */
export const CommentFilterSchema = FilterSchema.extend({
  q: z.string().trim().min(1).max(200).optional(),
  lang: z.string().trim().regex(/^[a-z]{2,3}$/).optional(),
  scoreMin: z.coerce.number().int().min(-100).max(100).optional(),
  scoreMax: z.coerce.number().int().min(-100).max(100).optional(),
});
export type CommentFilterQuery = z.infer<typeof CommentFilterSchema>;

export const TextCommentsQuery = CommentFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const AnalysisSchema = z.object({
  lang: z.string(),
  sentiment: SentimentSchema,
  p: z.number(),
  source: z.enum(['model', 'lexicon', 'manual']),
  themes: z.array(z.string()),
});
export type CommentAnalysis = z.infer<typeof AnalysisSchema>;

export interface AnalysedComment {
  responseId: string;
  questionId: string;
  questionKey: string;
  text: string;
  score: number | null;
  submittedAt: string;
  locationId: string | null;
  locationName: string | null;
  language: string;
  /** Null while the comment awaits analysis (the job runs soon after answers are stored). */
  analysis: CommentAnalysis | null;
}

export interface TextCommentsAnswer {
  mainQuestionId: string | null;
  total: number;
  comments: AnalysedComment[];
}

/**
 * PATCH body: a person's correction, stored as source 'manual' and used as training data. A field left
 * out keeps its analysed value, so an empty body confirms the analysis as it is.
 */
export const CommentCorrectionSchema = z.object({ sentiment: SentimentSchema.optional(), themes: z.array(ThemeId).max(50).optional() }).strict();

export interface TextModelStatusAnswer {
  mode: 'lexicon' | 'model';
  /** Comments the model was trained on (null in lexicon mode). */
  n: number | null;
  accuracy: number | null;
  macroF1: number | null;
  trainedAt: string | null;
  classes: string[];
  /** Comments usable as training data now (a score beside them or a manual sentiment), and how many training needs. */
  labelled: number;
  minComments: number;
}

export interface KeyPhraseItem {
  phrase: string;
  count: number;
  otherCount: number;
  z: number;
  examples: string[];
}

export interface KeyPhrasesAnswer {
  /** How the two groups were formed: NPS detractors vs promoters, else negative vs positive sentiment. */
  groupedBy: 'nps' | 'sentiment';
  detractors: { n: number; phrases: KeyPhraseItem[] };
  promoters: { n: number; phrases: KeyPhraseItem[] };
}

export interface ThemeTrendAnswer {
  rows: Array<{ month: string; theme: string; n: number; negative: number }>;
}

export interface ThemeLocationsAnswer {
  rows: Array<{ locationId: string | null; locationName: string | null; theme: string; n: number; negative: number }>;
}

const Terms = z.array(z.string().trim().min(1).max(100)).max(500).optional();
const Name = z.string().trim().max(100).optional();
/**
 * PUT body of one theme (the shape of src/core/nlp/themes.ts ThemeDefinitionSchema, restated here so the
 * dashboard bundle does not pull in the stemmers). Created or replaced by id.
 */
export const ThemeWriteSchema = z.object({
  id: ThemeId,
  names: z.object({ en: Name, ru: Name, fa: Name }).strict().default({}),
  terms: z.object({ en: Terms, ru: Terms, fa: Terms }).strict(),
}).strict();
export const ThemeDeleteQuery = z.object({ id: ThemeId });

export interface ThemeItem {
  id: string;
  names: { en?: string; ru?: string; fa?: string };
  terms: { en?: string[]; ru?: string[]; fa?: string[] };
}

export interface ThemesAnswer {
  themes: ThemeItem[];
}
