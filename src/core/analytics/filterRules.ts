/**
 * @module The rules of the analytics filters that the API contract (src/core/api/analytics.ts) and the
 * dashboard's shareable links (src/web/analytics/filters.ts) both apply: what a breakdown may group by,
 * a theme's id, and how many values one list filter takes. Plain values without zod, so the dashboard
 * imports them as they are. A comment's sentiments: SENTIMENT_LABELS (core/nlp/labels.ts); a dimension
 * filter `key:value`: parseDimFilter (core/responses/hiddenFields.ts).
 */
import { dimensionOfBy } from '../responses/hiddenFields.ts';

/** What a breakdown groups by, besides a dimension (`dim:<key>`). */
export const BREAKDOWN_GROUPS: readonly string[] = ['location', 'channel', 'language'];

/** A breakdown choice: location, channel, language, or `dim:<key>` with a key a hidden field can have. */
export function isBreakdownBy(by: string): boolean {
  return BREAKDOWN_GROUPS.includes(by) || dimensionOfBy(by) !== null;
}

/** A theme's key in the organisation's dictionary (org_themes.id; the same check in migration 092). */
export const THEME_ID_RE = /^[a-z0-9_-]{1,64}$/;

export function isThemeId(v: string): boolean {
  return THEME_ID_RE.test(v);
}

/** Most values one list filter takes (`theme=a,b`). */
export const MAX_LIST_VALUES = 20;
