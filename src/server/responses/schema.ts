/** Request schemas of the responses API (docs/api.md "Responses"); the SPA may import the types. */
import { z } from 'zod';
import { decodeResponseCursor } from '../../core/responses/cursor.ts';
import { LANGUAGES } from '../../core/i18n/languages.ts';
import { QUALITY_REASONS, type QualityReason } from '../../db/quality/responseFlags.ts';
import { FilterSchema, QualityQuery } from '../analytics/schema.ts';

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
export const BulkExcludeBody = z.object({
  reason: z.enum(QUALITY_REASONS as [QualityReason, ...QualityReason[]], { error: `use ${QUALITY_REASONS.join(', ')}` }),
});
