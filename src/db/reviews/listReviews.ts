/** Reads of reviews for the list, the source filter and the trend, scoped like every read (reviewFilters.ts). */
import type { QueryResultRow } from 'pg';
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { RatingScale } from '../../core/reviews/rating.ts';
import type { ReviewContent } from '../../core/reviews/importRows.ts';
import { reviewWhere, type ReviewFilter } from './reviewFilters.ts';

export interface ReviewRow extends ReviewContent {
  id: string;
  location: { id: string; name: string; code: string | null } | null;
  importedAt: Date;
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  sentimentP: number | null;
  sentimentSource: 'model' | 'lexicon' | 'manual' | null;
  /** Theme ids matched with the organisation's dictionary ([] until analysed, or none matched). */
  themes: string[];
}

const REVIEW_COLUMNS = `r.id, r.source, r.external_id, r.url, r.author, r.rating::float8 as rating, r.rating_scale, r.text, r.language,
       r.published_at, r.imported_at, r.sentiment, r.sentiment_p::float8 as sentiment_p, r.sentiment_source, r.themes,
       l.id as location_id, l.name as location_name, l.code as location_code
     from reviews r left join locations l on l.org_id = r.org_id and l.id = r.location_id`;

function reviewRow(r: QueryResultRow): ReviewRow {
  return {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    url: r.url,
    author: r.author,
    rating: r.rating,
    ratingScale: r.rating_scale,
    text: r.text,
    language: r.language,
    location: r.location_id ? { id: r.location_id, name: r.location_name, code: r.location_code } : null,
    publishedAt: r.published_at,
    importedAt: r.imported_at,
    sentiment: r.sentiment,
    sentimentP: r.sentiment_p,
    sentimentSource: r.sentiment_source,
    themes: r.themes,
  };
}

/** A page of reviews, newest first, and the number in the filters. */
export async function listReviews(db: Queryable, scope: Scope, f: ReviewFilter, page: { limit: number; offset: number }): Promise<{ rows: ReviewRow[]; total: number }> {
  const params: unknown[] = [];
  const where = reviewWhere(scope, f, params);
  const count = await db.query(`/* countReviews */ select count(*)::int as n from reviews r where ${where}`, params);
  const { rows } = await db.query(
    `/* listReviews */ select ${REVIEW_COLUMNS}
     where ${where}
     order by r.published_at desc, r.id desc
     limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { total: count.rows[0].n as number, rows: rows.map(reviewRow) };
}

/** One review in the caller's scope, or null. */
export async function getReview(db: Queryable, scope: Scope, id: string): Promise<ReviewRow | null> {
  const params: unknown[] = [];
  const where = reviewWhere(scope, { timeZone: 'UTC' }, params);
  const { rows } = await db.query(`/* getReview */ select ${REVIEW_COLUMNS} where ${where} and r.id = $${params.length + 1}::uuid`, [...params, id]);
  return rows[0] ? reviewRow(rows[0]) : null;
}

/** Reviews in the filters per theme of their dictionary match, with how many of them are negative and positive. */
export async function countReviewThemes(db: Queryable, scope: Scope, f: ReviewFilter): Promise<Array<{ theme: string; n: number; negative: number; positive: number }>> {
  const params: unknown[] = [];
  const where = reviewWhere(scope, f, params);
  // With a theme filter only that theme is counted (not the other themes of its reviews).
  const only = f.theme !== undefined ? `and t.theme = $${params.push(f.theme)}` : '';
  const { rows } = await db.query(
    `/* countReviewThemes */ select t.theme, count(*)::int as n,
       count(*) filter (where r.sentiment = 'negative')::int as negative, count(*) filter (where r.sentiment = 'positive')::int as positive
     from reviews r cross join lateral unnest(r.themes) as t(theme)
     where ${where} ${only}
     group by t.theme order by n desc, t.theme`,
    params,
  );
  return rows.map((r) => ({ theme: r.theme, n: r.n, negative: r.negative, positive: r.positive }));
}

/** Texts of the reviews in the filters (newest first, at most `limit`), for key phrases. */
export async function listReviewTexts(db: Queryable, scope: Scope, f: ReviewFilter, limit: number): Promise<Array<{ text: string; language: string | null }>> {
  const params: unknown[] = [];
  const where = reviewWhere(scope, f, params);
  const { rows } = await db.query(
    `/* listReviewTexts */ select r.text, r.language from reviews r
     where ${where} and btrim(r.text) <> ''
     order by r.published_at desc, r.id desc
     limit $${params.length + 1}`,
    [...params, limit],
  );
  return rows.map((r) => ({ text: r.text, language: r.language }));
}

/** The sources of the reviews in scope, most reviews first. */
export async function listReviewSources(db: Queryable, scope: Scope, timeZone: string): Promise<{ source: string; reviews: number }[]> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `/* listReviewSources */ select r.source, count(*)::int as reviews from reviews r where ${reviewWhere(scope, { timeZone }, params)}
     group by r.source order by reviews desc, r.source`,
    params,
  );
  return rows.map((r) => ({ source: r.source, reviews: r.reviews }));
}

/** Rated reviews counted per series (source, or location id with '' for none), organisation-local month, rating and scale. */
export async function getReviewRatingCounts(
  db: Queryable,
  scope: Scope,
  f: ReviewFilter,
  by: 'source' | 'location',
): Promise<{ key: string; label: string | null; month: string; rating: number; scale: RatingScale; n: number }[]> {
  const params: unknown[] = [];
  const where = reviewWhere(scope, f, params);
  params.push(f.timeZone);
  const key = by === 'source' ? 'r.source' : `coalesce(r.location_id::text, '')`;
  const label = by === 'source' ? 'r.source' : 'l.name';
  const { rows } = await db.query(
    `/* getReviewRatingCounts */ select ${key} as key, ${label} as label,
       to_char(date_trunc('month', r.published_at at time zone $${params.length}), 'YYYY-MM-DD') as month,
       r.rating::float8 as rating, r.rating_scale as scale, count(*)::int as n
     from reviews r left join locations l on l.org_id = r.org_id and l.id = r.location_id
     where ${where} and r.rating is not null
     group by 1, 2, 3, 4, 5`,
    params,
  );
  return rows.map((r) => ({ key: r.key, label: r.label, month: r.month, rating: r.rating, scale: r.scale, n: r.n }));
}
