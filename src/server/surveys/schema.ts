/** Request and response shapes of the survey builder API (docs/api.md "Surveys"). The SPA imports the types only. */
import { z } from 'zod';
import { SLUG_PATTERN, SurveyInputSchema } from '../../core/surveys/definition.ts';
import { TEMPLATE_KEYS } from '../../core/surveys/templates.ts';
import type { SurveyDef } from '../../core/surveys/types.ts';
import type { SurveyListRow } from '../../db/surveys/listSurveys.ts';

export { SurveyInputSchema };

/** POST /surveys short form: start from a template (or from scratch) with an optional name and slug. */
export const CreateSurveyRequestSchema = z.object({
  template: z.enum(TEMPLATE_KEYS).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  slug: z.string().regex(SLUG_PATTERN, 'use 3-60 characters a-z, 0-9 or -').optional(),
});
export type CreateSurveyRequest = z.infer<typeof CreateSurveyRequestSchema>;

/** GET /surveys query: the archived surveys instead of the current ones. */
export const SurveyListQuerySchema = z.object({ archived: z.enum(['0', '1']).optional() });

/** DELETE /surveys/:id body: the survey's name, typed, when it has answers. */
export const DeleteSurveyRequestSchema = z.object({ confirm: z.string().max(300).optional() });

export const SetStatusRequestSchema = z.object({ status: z.enum(['draft', 'live', 'closed']) });

/** GET /surveys/:id/poster.(svg|pdf) query. */
export const PosterQuerySchema = z.object({
  location: z.string().max(100).optional(),
  lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code').optional(),
});

/** A survey list row as sent to clients: the database row with ISO timestamps. */
export type SurveyListItem = Omit<SurveyListRow, 'lastResponseAt' | 'archivedAt' | 'createdAt' | 'updatedAt'> & {
  lastResponseAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export interface SurveyResponse {
  survey: SurveyDef;
  warnings: string[];
}

export interface SurveyLink {
  locationId: string | null;
  locationName: string | null;
  code: string | null;
  url: string;
}
