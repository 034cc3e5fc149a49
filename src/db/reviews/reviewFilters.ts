/**
 * The WHERE of every read of reviews: the caller's organisation and location subtrees (rows without a
 * location are visible only to unrestricted callers, as for answers), then the filters of the list and
 * the trend. Values are bound, never written into the SQL.
 */
import type { Scope } from '../../core/access/index.ts';
import { locationScopeSql } from '../scope.ts';

export interface ReviewFilter {
  source?: string;
  /** Path of a location in scope: that location and its subtree. */
  locationPath?: string;
  /** On the 5-star scale (review_rating.v1). */
  minStars?: number;
  maxStars?: number;
  /** Inclusive organisation-local days. */
  from?: string;
  to?: string;
  q?: string;
  /** 'none': no sentiment (not analysed yet, or no text). */
  sentiment?: 'negative' | 'neutral' | 'positive' | 'none';
  /** A theme id of the organisation's dictionary (reviews matched with it). */
  theme?: string;
  timeZone: string;
}

/** The rating on 1..5: src/core/reviews/rating.ts toFiveStars, as SQL (for filters; answers use the core function). */
const STARS = '(1 + (r.rating - 1) * 4.0 / (r.rating_scale - 1))';

/** `%` `_` and `\` taken literally in ILIKE. */
function likeLiteral(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Conditions on `reviews r`, pushing their parameters onto `params`. */
export function reviewWhere(scope: Scope, f: ReviewFilter, params: unknown[]): string {
  params.push(scope.orgId);
  const where = [`r.org_id = $${params.length}`, locationScopeSql(scope, 'r.location_id', params)];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.source !== undefined) add((p) => `r.source = ${p}`, f.source);
  if (f.locationPath !== undefined) {
    add((p) => `r.location_id in (select l.id from locations l where l.org_id = r.org_id and l.path like ${p})`, `${f.locationPath}%`);
  }
  if (f.minStars !== undefined) add((p) => `${STARS} >= ${p}::float8`, f.minStars);
  if (f.maxStars !== undefined) add((p) => `${STARS} <= ${p}::float8`, f.maxStars);
  if (f.from !== undefined || f.to !== undefined) {
    params.push(f.timeZone);
    const tz = `$${params.length}`;
    if (f.from !== undefined) add((p) => `r.published_at >= (${p}::date)::timestamp at time zone ${tz}`, f.from);
    if (f.to !== undefined) add((p) => `r.published_at < (${p}::date + 1)::timestamp at time zone ${tz}`, f.to);
  }
  if (f.sentiment === 'none') where.push('r.sentiment is null');
  else if (f.sentiment !== undefined) add((p) => `r.sentiment = ${p}`, f.sentiment);
  if (f.theme !== undefined) add((p) => `r.themes @> array[${p}::text]`, f.theme);
  if (f.q !== undefined) add((p) => `(r.text ilike ${p} or r.author ilike ${p})`, likeLiteral(f.q));
  return where.join(' and ');
}
