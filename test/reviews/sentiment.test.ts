/**
 * Imported reviews go through the comment text pipeline (issue 11, "the pipeline runs on imported
 * reviews"): after an import commits, the queued `analyse-comments` job stores each review's sentiment
 * (lexicon mode: the organisation has no model), a 'manual' sentiment is never overwritten, reviews
 * without text stay unanalysed, and GET /reviews filters by sentiment. Sentiments below were decided by a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { ReviewsAnswerSchema } from '../../src/core/api/reviews.ts';
import { saveReviewAnalyses } from '../../src/db/reviews/reviewSentiment.ts';
import { sweepCommentsJob } from '../../src/server/jobs/sweepCommentsJob.ts';
import { waitFor } from '../helpers/waitFor.ts';

const REVIEWS = [
  { id: 'en-neg', text: 'Terrible service, the staff was rude and I waited forever. Very disappointed.', sentiment: 'negative' },
  { id: 'en-pos', text: 'Excellent coffee and very friendly staff, I love this place!', sentiment: 'positive' },
  { id: 'ru-neg', text: 'Ужасное обслуживание, очень долго ждали в очереди, персонал грубый.', sentiment: 'negative' },
  { id: 'ru-pos', text: 'Отличный магазин, вежливый персонал, всё понравилось!', sentiment: 'positive' },
  { id: 'fa-neg', text: 'خیلی بد بود، کارکنان بی‌ادب بودند و خیلی منتظر ماندم.', sentiment: 'negative' },
  { id: 'fa-pos', text: 'عالی بود، پرسنل خیلی مودب و فروشگاه تمیز بود.', sentiment: 'positive' },
] as const;

describe('review sentiment', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';

  const stored = async () => {
    const { rows } = await server.pool.query(
      `select external_id, text, sentiment, sentiment_p, sentiment_source from reviews where org_id = $1 order by external_id`,
      [orgId],
    );
    return new Map(rows.map((r) => [r.external_id as string, r]));
  };

  beforeAll(async () => {
    server = await startTestServer();
    orgId = (await buildOrg(server.pool, 'Review Sentiment Org')).orgId;
    await buildUser(server.pool, orgId, 'owner', 'owner@revsent.test');
    owner = await signIn(server.baseUrl, 'owner@revsent.test');
  });
  afterAll(async () => server?.close());

  it('analyses imported ru, fa and en reviews after the import commits; a review without text stays unanalysed', async () => {
    const lines = [
      ...REVIEWS.map((r, i) => JSON.stringify({ source: 'google', external_id: r.id, rating: 3, text: r.text, date: `2026-10-${String(10 + i)}` })),
      JSON.stringify({ source: 'google', external_id: 'stars-only', rating: 5, text: '', date: '2026-10-20' }),
    ];
    const res = await owner.post('/api/v1/reviews/import', { format: 'jsonl', content: lines.join('\n') });
    expect(res.status).toBe(200);
    expect(res.json.added).toBe(REVIEWS.length + 1);
    await waitFor(async () => [...(await stored()).values()].filter((r) => r.sentiment !== null).length === REVIEWS.length, 'the analysis job');
    const rows = await stored();
    for (const r of REVIEWS) {
      expect(rows.get(r.id), r.id).toMatchObject({ sentiment: r.sentiment, sentiment_source: 'lexicon' });
      expect(rows.get(r.id)!.sentiment_p).toBeGreaterThan(0);
      expect(rows.get(r.id)!.sentiment_p).toBeLessThanOrEqual(1);
    }
    expect(rows.get('stars-only')).toMatchObject({ sentiment: null, sentiment_p: null, sentiment_source: null });
  });

  it('never overwrites a manual sentiment, neither when picking reviews nor when saving', async () => {
    // A person said this obviously negative text is positive; the sweep and the job leave it alone.
    await server.pool.query(
      `insert into reviews (org_id, source, external_id, text, published_at, content_hash, sentiment, sentiment_p, sentiment_source)
       values ($1, 'google', 'manual', 'Terrible, rude staff, awful.', '2026-10-21', 'manual-hash', 'positive', 1, 'manual')`,
      [orgId],
    );
    // A review without sentiment that the sweep must find (as if the kick after its import was lost).
    await server.pool.query(
      `insert into reviews (org_id, source, external_id, text, published_at, content_hash)
       values ($1, 'google', 'swept', 'Ужасно, грубый персонал, никогда больше не приду.', '2026-10-22', 'swept-hash')`,
      [orgId],
    );
    await server.app.jobs.send(sweepCommentsJob, {});
    await waitFor(async () => (await stored()).get('swept')!.sentiment !== null, 'the sweep');
    const rows = await stored();
    expect(rows.get('swept')).toMatchObject({ sentiment: 'negative', sentiment_source: 'lexicon' });
    expect(rows.get('manual')).toMatchObject({ sentiment: 'positive', sentiment_p: 1, sentiment_source: 'manual' });
    // A correction made between the job's read and its write wins too (only the themes are written).
    const id = (await server.pool.query(`select id from reviews where org_id = $1 and external_id = 'manual'`, [orgId])).rows[0].id;
    await saveReviewAnalyses(server.pool, orgId, [{ id, sentiment: 'negative', p: 0.9, source: 'lexicon', themes: ['staff_politeness'], modelAt: null }]);
    expect((await stored()).get('manual')).toMatchObject({ sentiment: 'positive', sentiment_p: 1, sentiment_source: 'manual' });
  });

  it('answers sentiment per review and filters the list by it', async () => {
    const ids = async (query: string) => {
      const res = await owner.get(`/api/v1/reviews?${query}`);
      expect(res.status).toBe(200);
      const body = ReviewsAnswerSchema.parse(res.json);
      return body.reviews.map((r) => r.externalId).sort();
    };
    expect(await ids('sentiment=negative')).toEqual(['en-neg', 'fa-neg', 'ru-neg', 'swept']);
    expect(await ids('sentiment=positive')).toEqual(['en-pos', 'fa-pos', 'manual', 'ru-pos']);
    expect(await ids('sentiment=neutral')).toEqual([]);
    expect(await ids('sentiment=none')).toEqual(['stars-only']);
    const all = ReviewsAnswerSchema.parse((await owner.get('/api/v1/reviews?limit=200')).json).reviews;
    expect(all).toHaveLength(REVIEWS.length + 3);
    expect(all.find((r) => r.externalId === 'manual')).toMatchObject({ sentiment: 'positive', sentimentP: 1, sentimentSource: 'manual' });
    expect(all.find((r) => r.externalId === 'ru-pos')).toMatchObject({ sentiment: 'positive', sentimentSource: 'lexicon' });
    expect((await owner.get('/api/v1/reviews?sentiment=angry')).status).toBe(400);
    // The trend counts the same filtered reviews: 3 negative imported reviews, all rated 3 (the swept one has no rating).
    const trend = await owner.get('/api/v1/reviews/trend?sentiment=negative&from=2026-10-01&to=2026-10-31');
    expect(trend.status).toBe(200);
    expect(trend.json.series.map((s: { overall: { n: number } | null }) => s.overall?.n)).toEqual([3]);
  });
});
