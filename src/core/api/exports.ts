/**
 * @module POST /api/v1/exports (docs/analytics.md "Exports"): a dashboard chart or table as a CSV or XLSX
 * file, re-computed on the server from the same filters as the panel (so the file's figures are the API's).
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { BreakdownQuery, CompareQuery, DriversQuery, FilterSchema, HeatmapQuery, TrendQuery } from './analytics.ts';
import { CommentFilterSchema, TextCommentsQuery } from './comments.ts';
import { Uuid } from './common.ts';

const Common = {
  survey: Uuid,
  format: z.enum(['csv', 'xlsx']),
  /** Headers and words in this interface language (default: the Accept-Language header's, else the survey's). */
  lang: z.enum(LANGUAGES).optional(),
};

/**
 * `filters`: the query parameters of the panel's own endpoint, as strings: GET …/analytics/trend, …/breakdown,
 * …/summary (kpis, distribution), …/heatmap, …/compare, …/drivers, …/text/themes/trend (themes_by_month),
 * …/text/themes/locations (themes_by_location) or …/text/comments (comments).
 */
export const ExportBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('trend'), ...Common, filters: TrendQuery.default({ interval: 'week' }) }),
  z.strictObject({ kind: z.literal('breakdown'), ...Common, filters: BreakdownQuery }),
  z.strictObject({ kind: z.literal('kpis'), ...Common, filters: FilterSchema.default({}) }),
  z.strictObject({ kind: z.literal('distribution'), ...Common, filters: FilterSchema.default({}) }),
  z.strictObject({ kind: z.literal('heatmap'), ...Common, filters: HeatmapQuery.default({}) }),
  z.strictObject({ kind: z.literal('compare'), ...Common, filters: CompareQuery.default({}) }),
  z.strictObject({ kind: z.literal('drivers'), ...Common, filters: DriversQuery.default({}) }),
  z.strictObject({ kind: z.literal('themes_by_month'), ...Common, filters: CommentFilterSchema.default({}) }),
  z.strictObject({ kind: z.literal('themes_by_location'), ...Common, filters: CommentFilterSchema.default({}) }),
  z.strictObject({ kind: z.literal('comments'), ...Common, filters: TextCommentsQuery.default({ limit: 50, offset: 0 }) }),
]);
export type ExportBodyT = z.infer<typeof ExportBody>;
