/**
 * @module Saved views of the survey dashboard (docs/analytics.md "Saved views"): a view is a survey and the
 * dashboard's query string (filters, period, breakdown, compare panel state). This module keeps the query to
 * the dashboard's own parameters, finds the locations it names, and narrows it to a caller's scope: a
 * shared view naming a location the caller may not see is still listed, and opens without that location
 * (the caller's whole scope instead), flagged `narrowed`. Pure.
 */
import { UUID_RE } from '../ids.ts';
import type { Principal } from '../access/index.ts';

/** Longest stored query string (a dashboard URL's query is far shorter). */
export const MAX_VIEW_QUERY = 2000;

/** Parameters of the dashboard URL (src/web/analytics/filters.ts); anything else is dropped when a view is saved. */
export const VIEW_PARAMS = [
  'range', 'from', 'to', 'location', 'channel', 'language', 'dim', 'sentiment', 'theme', 'question', 'interval', 'by', 'parent',
  'cmp', 'aFrom', 'aTo', 'bFrom', 'bTo', 'aLoc', 'bLoc', 'aDim', 'bDim',
] as const;

/** Parameters whose value is a location id (each must lie in the caller's scope to be kept). */
export const VIEW_LOCATION_PARAMS = ['location', 'parent', 'aLoc', 'bLoc'] as const;

const KNOWN = new Set<string>(VIEW_PARAMS);

/** The query with a leading `?` removed, unknown parameters dropped and repeated ones kept once, in the given order. */
export function normaliseViewQuery(raw: string): string {
  const params = new URLSearchParams(raw.startsWith('?') ? raw.slice(1) : raw);
  const out = new URLSearchParams();
  for (const [k, v] of params) if (KNOWN.has(k) && !out.has(k) && v !== '') out.set(k, v);
  return out.toString();
}

/** The location ids the query names (lower-cased, each once); malformed ids are ignored. */
export function viewLocationIds(query: string): string[] {
  const params = new URLSearchParams(query);
  const ids = new Set<string>();
  for (const k of VIEW_LOCATION_PARAMS) {
    const v = params.get(k);
    if (v && UUID_RE.test(v)) ids.add(v.toLowerCase());
  }
  return [...ids];
}

/**
 * The query as the caller may open it: location parameters naming a location outside `visible` (the ids of
 * viewLocationIds that lie in the caller's scope) are removed. `narrowed` says whether anything was.
 */
export function narrowViewQuery(query: string, visible: ReadonlySet<string>): { query: string; narrowed: boolean } {
  const params = new URLSearchParams(query);
  let narrowed = false;
  for (const k of VIEW_LOCATION_PARAMS) {
    const v = params.get(k);
    if (v !== null && !visible.has(v.toLowerCase())) {
      params.delete(k);
      narrowed = true;
    }
  }
  return { query: narrowed ? params.toString() : query, narrowed };
}

/** The dashboard address of a view. */
export function viewUrl(surveyId: string, query: string): string {
  return `/app/surveys/${surveyId}${query ? `?${query}` : ''}`;
}

/** Who may rename, change or delete a view: its owner, or an owner / admin of the organisation (for a shared view). */
export function mayChangeView(principal: Pick<Principal, 'userId' | 'role'>, view: { ownerUserId: string; shared: boolean }): boolean {
  if (view.ownerUserId === principal.userId) return true;
  return view.shared && (principal.role === 'owner' || principal.role === 'admin');
}
