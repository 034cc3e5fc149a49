/**
 * Analysis of imported reviews (columns of `reviews`, migrations 091 and 095): sentiment and themes filled by
 * the `analyse-comments` job (src/server/text/analyseReviews.ts), a person's sentiment correction ('manual',
 * never overwritten, training data), and what the sweep and training read. Reviews without text stay null.
 */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { SentimentValue } from '../../core/api/comments.ts';
import { reviewWhere } from './reviewFilters.ts';

export interface ReviewToAnalyse {
  id: string;
  text: string;
  /** As the file said; null: detected from the text. */
  language: string | null;
}

export interface ReviewAnalysisRow {
  id: string;
  sentiment: SentimentValue;
  p: number;
  source: 'model' | 'lexicon';
  themes: string[];
  /** trained_at of the model used; null for the lexicon. */
  modelAt: string | null;
}

/**
 * Up to `limit` of the organisation's reviews with text whose analysis is missing or out of date: never
 * analysed (no sentiment, or analysed before its themes were kept), a non-manual sentiment from another
 * model than the current one (`model_at` vs text_models: lexicon rows once a model exists), or analysed
 * before the last theme dictionary change. Manual rows are picked only for their themes.
 */
export async function listReviewsToAnalyse(db: Queryable, orgId: string, limit: number): Promise<ReviewToAnalyse[]> {
  const { rows } = await db.query(
    `/* listReviewsToAnalyse */
     select r.id, r.text, r.language
       from reviews r
       join orgs o on o.id = r.org_id
       left join text_models m on m.org_id = r.org_id
      where r.org_id = $1 and btrim(r.text) <> ''
        and (r.analysed_at is null
             or (r.sentiment_source is distinct from 'manual' and (r.sentiment is null or r.model_at is distinct from m.trained_at))
             or (o.text_themes_changed_at is not null and r.analysed_at < o.text_themes_changed_at))
      order by r.published_at desc, r.id
      limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({ id: r.id, text: r.text, language: r.language }));
}

/**
 * Stores analyses (one statement). The themes are always stored; the sentiment only where no person set it
 * ('manual', also when corrected between the job's read and this write). Returns the rows updated.
 */
export async function saveReviewAnalyses(db: Queryable, orgId: string, rows: ReviewAnalysisRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await db.query(
    `/* saveReviewAnalyses */
     update reviews r
        set themes = coalesce((select array_agg(t) from jsonb_array_elements_text(x.themes) t), '{}'),
            analysed_at = now(),
            sentiment = case when r.sentiment_source = 'manual' then r.sentiment else x.sentiment end,
            sentiment_p = case when r.sentiment_source = 'manual' then r.sentiment_p else x.p end,
            model_at = case when r.sentiment_source = 'manual' then null else x.model_at end,
            sentiment_source = case when r.sentiment_source = 'manual' then 'manual' else x.source end
       from jsonb_to_recordset($2::jsonb) as x(id uuid, sentiment text, p real, source text, themes jsonb, model_at timestamptz)
      where r.org_id = $1 and r.id = x.id`,
    [orgId, JSON.stringify(rows.map((r) => ({ id: r.id, sentiment: r.sentiment, p: r.p, source: r.source, themes: r.themes, model_at: r.modelAt })))],
  );
  return rowCount ?? 0;
}

/**
 * A person's sentiment for a review with text in the caller's scope: source 'manual', p = 1, kept through
 * re-analysis. 'missing': no such review in scope; 'no_text': a rating without text has no sentiment.
 */
export async function correctReviewSentiment(
  db: Queryable,
  scope: Scope,
  id: string,
  change: { sentiment: SentimentValue; userId: string | null },
): Promise<'corrected' | 'missing' | 'no_text'> {
  const params: unknown[] = [];
  const where = reviewWhere(scope, { timeZone: 'UTC' }, params);
  params.push(id, change.sentiment, change.userId);
  const n = params.length;
  const { rows } = await db.query(
    `/* correctReviewSentiment */
     with target as (select r.org_id, r.id, btrim(r.text) <> '' as has_text from reviews r where ${where} and r.id = $${n - 2}::uuid),
     updated as (
       update reviews r set sentiment = $${n - 1}, sentiment_p = 1, sentiment_source = 'manual', model_at = null, corrected_by = $${n}::uuid
         from target t where r.org_id = t.org_id and r.id = t.id and t.has_text
       returning r.id)
     select t.has_text, exists (select 1 from updated) as updated from target t`,
    params,
  );
  if (rows.length === 0) return 'missing';
  return rows[0].updated ? 'corrected' : 'no_text';
}

/** Reviews with a manual sentiment (newest first, at most `limit`): training data beside the scored comments. */
export async function listReviewLabels(db: Queryable, orgId: string, limit: number): Promise<Array<{ text: string; sentiment: SentimentValue }>> {
  const { rows } = await db.query(
    `/* listReviewLabels */
     select r.text, r.sentiment from reviews r
      where r.org_id = $1 and r.sentiment_source = 'manual' and r.sentiment is not null and btrim(r.text) <> ''
      order by r.published_at desc, r.id
      limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({ text: r.text, sentiment: r.sentiment }));
}

/** How many reviews carry a manual sentiment (training data), counting at most `cap`. */
export async function countReviewLabels(db: Queryable, orgId: string, cap: number): Promise<number> {
  const { rows } = await db.query(
    `/* countReviewLabels */
     select count(*)::int as n from (
       select 1 from reviews r where r.org_id = $1 and r.sentiment_source = 'manual' and r.sentiment is not null and btrim(r.text) <> '' limit $2) x`,
    [orgId, cap],
  );
  return rows[0].n;
}

/** Organisations with a review with text never analysed (the sweep queues analysis for them). */
export async function listOrgsWithUnanalysedReviews(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(
    `/* listOrgsWithUnanalysedReviews */
     select o.id from orgs o
      where exists (select 1 from reviews r where r.org_id = o.id and r.analysed_at is null and btrim(r.text) <> '')`,
  );
  return rows.map((r) => r.id);
}
