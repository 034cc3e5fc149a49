/**
 * @module The saved views API (docs/analytics.md "Saved views"): a survey dashboard's state under a name,
 * personal or shared with the organisation, pinned to the home page per user.
 */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { MAX_VIEW_QUERY } from '../views/savedViews.ts';

const Name = z.string().trim().min(1).max(120);
/** The dashboard URL's query string (with or without `?`); unknown parameters are dropped. */
const Query = z.string().max(MAX_VIEW_QUERY);

/** POST /api/v1/saved-views. */
export const SavedViewBody = z.strictObject({
  name: Name,
  surveyId: Uuid,
  query: Query.default(''),
  /** Shared with everyone of the organisation who reads metrics (each within their own locations). */
  shared: z.boolean().default(false),
  /** Pinned to the caller's home page. */
  pinned: z.boolean().default(false),
});

/** PATCH /api/v1/saved-views/:id: the owner, or an owner / admin for a shared view. */
export const SavedViewPatch = z.strictObject({
  name: Name.optional(),
  query: Query.optional(),
  shared: z.boolean().optional(),
}).refine((b) => b.name !== undefined || b.query !== undefined || b.shared !== undefined, 'give name, query or shared');

/** GET /api/v1/saved-views. */
export const SavedViewsQuery = z.object({
  survey: Uuid.optional(),
});

export const SavedViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  surveyId: z.string(),
  surveyName: z.string(),
  /** The stored query string, narrowed to the caller's locations (see `narrowed`). */
  query: z.string(),
  /** The dashboard address that opens the view. */
  url: z.string(),
  /** Some location of the view lies outside the caller's locations and is left out of `query` and `url`. */
  narrowed: z.boolean(),
  shared: z.boolean(),
  mine: z.boolean(),
  owner: z.strictObject({ id: z.string(), name: z.string() }),
  pinned: z.boolean(),
  /** Whether the caller may rename, change or delete it. */
  mayChange: z.boolean(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type SavedViewAnswer = z.infer<typeof SavedViewSchema>;

export const SavedViewsAnswerSchema = z.strictObject({ views: z.array(SavedViewSchema) });
export type SavedViewsAnswer = z.infer<typeof SavedViewsAnswerSchema>;
