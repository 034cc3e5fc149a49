/**
 * Sentiment of imported reviews (columns of `reviews`, migration 091), filled by the `analyse-comments`
 * job (src/server/text/analyseReviews.ts). Reviews without text stay null; 'manual' is never overwritten.
 */
import type { Queryable } from '../connection.ts';

export interface ReviewToAnalyse {
  id: string;
  text: string;
  /** As the file said; null: detected from the text. */
  language: string | null;
}

export interface ReviewSentimentRow {
  id: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  p: number;
  source: 'model' | 'lexicon';
}

/** Up to `limit` of the organisation's reviews with text and no sentiment yet. */
export async function listReviewsToAnalyse(db: Queryable, orgId: string, limit: number): Promise<ReviewToAnalyse[]> {
  const { rows } = await db.query(
    `/* listReviewsToAnalyse */
     select r.id, r.text, r.language from reviews r
      where r.org_id = $1 and r.sentiment is null and r.sentiment_source is null and btrim(r.text) <> ''
      order by r.published_at desc, r.id
      limit $2`,
    [orgId, limit],
  );
  return rows.map((r) => ({ id: r.id, text: r.text, language: r.language }));
}

/** Stores sentiments; a review marked 'manual' meanwhile keeps its value. Returns the rows updated. */
export async function saveReviewSentiments(db: Queryable, orgId: string, rows: ReviewSentimentRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { rowCount } = await db.query(
    `/* saveReviewSentiments */
     update reviews r set sentiment = x.sentiment, sentiment_p = x.p, sentiment_source = x.source
       from jsonb_to_recordset($2::jsonb) as x(id uuid, sentiment text, p real, source text)
      where r.org_id = $1 and r.id = x.id and r.sentiment_source is distinct from 'manual'`,
    [orgId, JSON.stringify(rows)],
  );
  return rowCount ?? 0;
}

/** Organisations with a review with text and no sentiment (the sweep queues analysis for them). */
export async function listOrgsWithUnanalysedReviews(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(
    `/* listOrgsWithUnanalysedReviews */
     select o.id from orgs o
      where exists (select 1 from reviews r where r.org_id = o.id and r.sentiment is null and r.sentiment_source is null and btrim(r.text) <> '')`,
  );
  return rows.map((r) => r.id);
}
