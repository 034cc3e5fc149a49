/**
 * Reviews analysed like comments (issue 11; docs/reviews.md "Sentiment and themes"): themes matched with
 * the organisation's dictionary by the job that sets the sentiment, the theme filter and counts, a person's
 * sentiment correction (kept through re-analysis, training data, scoped, validated), re-analysis of lexicon
 * rows once a model is trained, and key phrases of negative vs positive reviews. Real PostgreSQL and pg-boss.
 * Sentiments and themes below were decided by a person reading the texts and the starter dictionary
 * (src/core/nlp/starterThemes.ts: "queue"/"waited"/"ждали" waiting_time, "rude"/"friendly"
 * staff_politeness, "cashier"/"staff" staff_help, "clean"/"تمیز" cleanliness, "prices"/"overpriced" price).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { ReviewsAnswerSchema } from '../../src/core/api/reviews.ts';
import { analyseOrgReviews } from '../../src/server/text/analyseReviews.ts';
import { loadAnalyser } from '../../src/server/text/analyseComments.ts';
import { trainingSet, trainOrgModel } from '../../src/server/text/textModel.ts';
import { waitUntil } from '../resilience/harness.ts';


const REVIEWS = [
  { id: 'q-neg', store: 'S1', text: 'We waited forever in the queue, the cashier was rude.', sentiment: 'negative', themes: ['staff_help', 'staff_politeness', 'waiting_time'] },
  { id: 'clean-pos', store: 'S1', text: 'Very clean store and friendly staff, excellent!', sentiment: 'positive', themes: ['cleanliness', 'staff_help', 'staff_politeness'] },
  { id: 'price-neg', store: 'S2', text: 'Terrible prices, everything is overpriced.', sentiment: 'negative', themes: ['price'] },
  { id: 'ru-q', store: 'S2', text: 'Ужасно долго ждали в очереди.', sentiment: 'negative', themes: ['waiting_time'] },
  { id: 'fa-clean', store: 'S1', text: 'فروشگاه تمیز بود، عالی.', sentiment: 'positive', themes: ['cleanliness'] },
] as const;

describe('review themes, corrections and re-analysis', () => {
  let server: TestServer;
  let owner: Client;
  let analyst: Client;
  let manager: Client;
  let orgId = '';
  let ownerId = '';
  const idOf: Record<string, string> = {};

  const stored = async () => {
    const { rows } = await server.pool.query(
      `select id, external_id, sentiment, sentiment_p, sentiment_source, themes, model_at::text as model_at, analysed_at, corrected_by
         from reviews where org_id = $1 order by external_id`,
      [orgId],
    );
    return new Map(rows.map((r) => [r.external_id as string, r]));
  };
  const externalIds = async (client: Client, query: string) => {
    const res = await client.get(`/api/v1/reviews?limit=200&${query}`);
    expect(res.status, query).toBe(200);
    return ReviewsAnswerSchema.parse(res.json).reviews.map((r) => r.externalId).sort();
  };

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Review Themes Org');
    orgId = org.orgId;
    const root = { id: org.rootLocationId, path: org.rootPath };
    const region = await buildLocation(server.pool, orgId, root, 'region', 'R1');
    const s1 = await buildLocation(server.pool, orgId, region, 'store', 'S1');
    await buildLocation(server.pool, orgId, root, 'store', 'S2');
    ownerId = await buildUser(server.pool, orgId, 'owner', 'owner@revthemes.test');
    await buildUser(server.pool, orgId, 'analyst', 'analyst@revthemes.test', [s1.id]);
    await buildUser(server.pool, orgId, 'location_manager', 'manager@revthemes.test', [region.id]);
    owner = await signIn(server.baseUrl, 'owner@revthemes.test');
    analyst = await signIn(server.baseUrl, 'analyst@revthemes.test');
    manager = await signIn(server.baseUrl, 'manager@revthemes.test');
    const lines = [
      ...REVIEWS.map((r, i) => JSON.stringify({ source: 'google', external_id: r.id, rating: 3, text: r.text, date: `2026-10-${10 + i}`, location: r.store })),
      JSON.stringify({ source: 'google', external_id: 'stars-only', rating: 5, text: '', date: '2026-10-20', location: 'S1' }),
    ];
    const res = await owner.post('/api/v1/reviews/import', { format: 'jsonl', content: lines.join('\n') });
    expect(res.json.added).toBe(REVIEWS.length + 1);
    await waitUntil('the analysis job', async () => [...(await stored()).values()].filter((r) => r.analysed_at !== null).length === REVIEWS.length, 30_000, 50);
    for (const [k, r] of await stored()) idOf[k] = r.id;
  }, 60_000);
  afterAll(async () => server?.close());

  it('matches themes with the dictionary in the job that sets the sentiment, and answers them per review', async () => {
    const rows = await stored();
    for (const r of REVIEWS) {
      const row = rows.get(r.id)!;
      expect({ id: r.id, sentiment: row.sentiment, source: row.sentiment_source, themes: [...row.themes].sort() }).toEqual({ id: r.id, sentiment: r.sentiment, source: 'lexicon', themes: r.themes });
    }
    expect(rows.get('stars-only')).toMatchObject({ sentiment: null, themes: [], analysed_at: null });
    const list = ReviewsAnswerSchema.parse((await owner.get('/api/v1/reviews?limit=200')).json).reviews;
    expect([...list.find((r) => r.externalId === 'fa-clean')!.themes]).toEqual(['cleanliness']);
    expect(list.find((r) => r.externalId === 'stars-only')!.themes).toEqual([]);
  });

  it('filters the list and the trend by theme and counts themes in the filters and scope', async () => {
    expect(await externalIds(owner, 'theme=waiting_time')).toEqual(['q-neg', 'ru-q']);
    expect(await externalIds(owner, 'theme=cleanliness&sentiment=positive')).toEqual(['clean-pos', 'fa-clean']);
    expect(await externalIds(owner, 'theme=price&source=yandex_maps')).toEqual([]);
    expect(await externalIds(manager, 'theme=waiting_time')).toEqual(['q-neg']);
    expect((await owner.get('/api/v1/reviews?theme=Bad%20Id')).status).toBe(400);
    const trend = await owner.get('/api/v1/reviews/trend?theme=waiting_time');
    expect(trend.status).toBe(200);
    expect(trend.json.series.map((s: { overall: { n: number } }) => s.overall.n)).toEqual([2]);

    const themes = await owner.get('/api/v1/reviews/themes');
    expect(themes.status).toBe(200);
    expect(themes.json.themes).toEqual([
      { theme: 'staff_help', n: 2, negative: 1, positive: 1 },
      { theme: 'staff_politeness', n: 2, negative: 1, positive: 1 },
      { theme: 'cleanliness', n: 2, negative: 0, positive: 2 },
      { theme: 'waiting_time', n: 2, negative: 2, positive: 0 },
      { theme: 'price', n: 1, negative: 1, positive: 0 },
    ].sort((a, b) => b.n - a.n || a.theme.localeCompare(b.theme)));
    // The region manager sees S1's reviews only; a theme filter counts that theme alone.
    const scoped = await manager.get('/api/v1/reviews/themes?theme=waiting_time');
    expect(scoped.json.themes).toEqual([{ theme: 'waiting_time', n: 1, negative: 1, positive: 0 }]);
    expect((await manager.get('/api/v1/reviews/themes?sentiment=positive')).json.themes).toEqual([
      { theme: 'cleanliness', n: 2, negative: 0, positive: 2 },
      { theme: 'staff_help', n: 1, negative: 0, positive: 1 },
      { theme: 'staff_politeness', n: 1, negative: 0, positive: 1 },
    ]);
    const s2 = (await server.pool.query(`select id from locations where org_id = $1 and name = 'S2'`, [orgId])).rows[0].id;
    expect((await manager.get(`/api/v1/reviews/themes?location=${s2}`)).status).toBe(404);
  });

  it('corrects a review sentiment: stored as manual, kept through re-analysis, used as training data', async () => {
    const res = await owner.patch(`/api/v1/reviews/${idOf['price-neg']}/sentiment`, { sentiment: 'neutral' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: idOf['price-neg'], externalId: 'price-neg', sentiment: 'neutral', sentimentP: 1, sentimentSource: 'manual', themes: ['price'] });
    expect((await stored()).get('price-neg')).toMatchObject({ sentiment: 'neutral', sentiment_source: 'manual', corrected_by: ownerId });
    // A dictionary change re-analyses every review: the correction stays, its themes follow the dictionary.
    const put = await owner.put('/api/v1/text/themes', { id: 'everything', names: { en: 'Everything' }, terms: { en: ['everything'] } });
    expect(put.status).toBe(201);
    await waitUntil('the re-analysis after a theme change', async () => ((await stored()).get('price-neg')!.themes as string[]).includes('everything'), 30_000, 50);
    expect((await stored()).get('price-neg')).toMatchObject({ sentiment: 'neutral', sentiment_p: 1, sentiment_source: 'manual' });
    // Its lexicon sentiment was negative; the person's label is what training reads.
    const set = await trainingSet(server.pool, orgId);
    expect(set).toContainEqual({ label: 'neutral', text: 'Terrible prices, everything is overpriced.' });
    expect(set.filter((x) => x.text === 'Terrible prices, everything is overpriced.')).toHaveLength(1);
    const status = await owner.get('/api/v1/text/model');
    expect(status.json).toMatchObject({ mode: 'lexicon', labelled: 1 });
  });

  it('lets only curators correct, within their locations, and refuses bad input', async () => {
    // The analyst works in S1: a review of S2 is not found, one of S1 is corrected.
    expect((await analyst.patch(`/api/v1/reviews/${idOf['ru-q']}/sentiment`, { sentiment: 'positive' })).status).toBe(404);
    const ok = await analyst.patch(`/api/v1/reviews/${idOf['q-neg']}/sentiment`, { sentiment: 'neutral' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ sentiment: 'neutral', sentimentSource: 'manual' });
    // Location managers read reviews but do not curate them.
    expect((await manager.patch(`/api/v1/reviews/${idOf['clean-pos']}/sentiment`, { sentiment: 'negative' })).status).toBe(403);
    const url = `/api/v1/reviews/${idOf['clean-pos']}/sentiment`;
    expect((await owner.patch(url, { sentiment: 'angry' })).status).toBe(400);
    expect((await owner.patch(url, {})).status).toBe(400);
    expect((await owner.patch(url, { sentiment: 'negative', themes: ['price'] })).status).toBe(400);
    // A rating without text has no sentiment to correct.
    const noText = await owner.patch(`/api/v1/reviews/${idOf['stars-only']}/sentiment`, { sentiment: 'positive' });
    expect(noText.status).toBe(400);
    expect((await owner.patch('/api/v1/reviews/00000000-0000-4000-8000-000000000000/sentiment', { sentiment: 'positive' })).status).toBe(404);
    expect((await owner.patch('/api/v1/reviews/not-an-id/sentiment', { sentiment: 'positive' })).status).toBe(404);
    // Another organisation's owner does not find it.
    const other = await buildOrg(server.pool, 'Other Review Org');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other-revthemes.test');
    const stranger = await signIn(server.baseUrl, 'owner@other-revthemes.test');
    expect((await stranger.patch(url, { sentiment: 'negative' })).status).toBe(404);
    // Nothing refused was written.
    const rows = await stored();
    expect(rows.get('clean-pos')).toMatchObject({ sentiment: 'positive', sentiment_source: 'lexicon' });
    expect(rows.get('ru-q')).toMatchObject({ sentiment: 'negative', sentiment_source: 'lexicon' });
    expect(rows.get('stars-only')).toMatchObject({ sentiment: null, sentiment_source: null });
  });

  it('re-analyses lexicon reviews with a model trained later (corrected reviews are its training data)', { timeout: 60_000 }, async () => {
    // 60 corrected reviews: with the two corrections above, enough for a model at a lower threshold than the product's.
    for (let i = 0; i < 30; i++) {
      for (const [sentiment, text] of [['negative', `awful slow checkout number ${i}`], ['positive', `great helpful cashier number ${i}`]]) {
        await server.pool.query(
          `insert into reviews (org_id, source, text, published_at, content_hash, sentiment, sentiment_p, sentiment_source, analysed_at)
           values ($1, 'google', $2, '2026-09-01', $3, $4, 1, 'manual', now())`,
          [orgId, text, `bulk-${sentiment}-${i}`, sentiment],
        );
      }
    }
    const outcome = await trainOrgModel(server.pool, orgId, { minComments: 50 });
    expect(outcome).toMatchObject({ trained: true, n: 62, classes: ['negative', 'neutral', 'positive'] });
    const trainedAt = (await server.pool.query(`select trained_at::text as t from text_models where org_id = $1`, [orgId])).rows[0].t;
    const run = await analyseOrgReviews(server.pool, orgId, await loadAnalyser(server.pool, orgId));
    expect(run).toEqual({ analysed: 3, more: false });
    const rows = await stored();
    for (const id of ['clean-pos', 'ru-q', 'fa-clean']) expect(rows.get(id), id).toMatchObject({ sentiment_source: 'model', model_at: trainedAt });
    expect(rows.get('price-neg')).toMatchObject({ sentiment: 'neutral', sentiment_source: 'manual', model_at: null });
    expect(rows.get('q-neg')).toMatchObject({ sentiment: 'neutral', sentiment_source: 'manual' });
    // Up to date now: nothing more to do.
    expect(await analyseOrgReviews(server.pool, orgId, await loadAnalyser(server.pool, orgId))).toEqual({ analysed: 0, more: false });
  });
});

describe('review key phrases', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Review Phrases Org');
    const root = { id: org.rootLocationId, path: org.rootPath };
    const x = await buildLocation(server.pool, org.orgId, root, 'store', 'X');
    const y = await buildLocation(server.pool, org.orgId, root, 'store', 'Y');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@revphrases.test');
    await buildUser(server.pool, org.orgId, 'location_manager', 'x@revphrases.test', [x.id]);
    owner = await signIn(server.baseUrl, 'owner@revphrases.test');
    manager = await signIn(server.baseUrl, 'x@revphrases.test');
    // Hand-made: negative reviews of X complain about the queue at the checkout, of Y about the parking;
    // positive reviews of X praise the barista's coffee; all of them name "the store".
    const rows: Array<[string, string, 'negative' | 'positive']> = [];
    for (let i = 0; i < 20; i++) {
      rows.push([x.id, 'The store had a long queue at the checkout.', 'negative']);
      rows.push([y.id, 'The store parking was full again.', 'negative']);
      rows.push([x.id, 'The store has a friendly barista and lovely coffee.', 'positive']);
    }
    for (const [i, [location, text, sentiment]] of rows.entries()) {
      await server.pool.query(
        `insert into reviews (org_id, source, location_id, text, published_at, content_hash, sentiment, sentiment_p, sentiment_source, analysed_at)
         values ($1, 'google', $2, $3, '2026-10-01', $4, $5, 0.9, 'lexicon', now())`,
        [org.orgId, location, text, `kp-${i}`, sentiment],
      );
    }
  });
  afterAll(async () => server?.close());

  const phrases = (side: { phrases: Array<{ phrase: string }> }) => side.phrases.map((p) => p.phrase);

  it('names what negative reviews say more than positive ones, and the reverse', async () => {
    const res = await owner.get('/api/v1/reviews/keyphrases');
    expect(res.status).toBe(200);
    expect(res.json.negative.n).toBe(40);
    expect(res.json.positive.n).toBe(20);
    const negative = phrases(res.json.negative);
    const positive = phrases(res.json.positive);
    for (const p of ['queue', 'checkout', 'parking']) expect(negative, p).toContain(p);
    for (const p of ['barista', 'coffee', 'friendly']) expect(positive, p).toContain(p);
    // Said as often on both sides: on neither.
    expect([...negative, ...positive]).not.toContain('store');
    expect(negative).not.toContain('coffee');
    expect(res.json.negative.phrases.find((p: { phrase: string }) => p.phrase === 'queue')).toMatchObject({ count: 20, otherCount: 0 });
    expect(res.json.negative.phrases[0].examples.length).toBeGreaterThan(0);
  });

  it('applies the filters and the caller scope', async () => {
    // X's manager does not see Y's parking complaints.
    const scoped = await manager.get('/api/v1/reviews/keyphrases');
    expect(scoped.json.negative.n).toBe(20);
    expect(phrases(scoped.json.negative)).toContain('queue');
    expect(phrases(scoped.json.negative)).not.toContain('parking');
    const onlyNegative = await owner.get('/api/v1/reviews/keyphrases?sentiment=negative');
    expect(onlyNegative.json).toMatchObject({ negative: { n: 40 }, positive: { n: 0, phrases: [] } });
    const none = await owner.get('/api/v1/reviews/keyphrases?from=2026-11-01');
    expect(none.json).toEqual({ negative: { n: 0, phrases: [] }, positive: { n: 0, phrases: [] } });
    expect((await owner.get('/api/v1/reviews/keyphrases?sentiment=angry')).status).toBe(400);
    expect((await owner.get('/api/v1/reviews/keyphrases?location=not-an-id')).status).toBe(400);
  });
});
