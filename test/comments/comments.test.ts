/**
 * Comment analysis in the product (issue 11): the analysis job after responses are stored (real
 * PostgreSQL and pg-boss), manual corrections (kept through re-analysis, used as training data),
 * training in a worker thread, the comments view's filters, theme counts and dictionary, and the
 * location manager's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, buildRegionTeam, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { analyseOrgComments } from '../../src/server/text/analyseComments.ts';
import { trainingSet, trainOrgModel } from '../../src/server/text/textModel.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** Polls `check` until it returns true (a positive wait for work done by the job queue). */
// Obvious comments (sentiment decided by a person), with the store and the NPS score beside them.
const COMMENTS = [
  { key: 'en-neg', store: 'S1', score: 2, at: '2026-09-10T10:00:00Z', text: 'Terrible service, the staff was rude and I waited forever. Very disappointed.', sentiment: 'negative' },
  { key: 'en-pos', store: 'S2', score: 10, at: '2026-09-12T10:00:00Z', text: 'Excellent coffee and very friendly staff, I love this place!', sentiment: 'positive' },
  { key: 'ru-neg', store: 'S1', score: 1, at: '2026-10-03T10:00:00Z', text: 'Ужасное обслуживание, очень долго ждали в очереди, персонал грубый.', sentiment: 'negative' },
  { key: 'ru-pos', store: 'S3', score: 9, at: '2026-10-05T10:00:00Z', text: 'Отличный магазин, вежливый персонал, всё понравилось!', sentiment: 'positive' },
  { key: 'fa-neg', store: 'S2', score: 3, at: '2026-10-07T10:00:00Z', text: 'خیلی بد بود، کارکنان بی‌ادب بودند و خیلی منتظر ماندم.', sentiment: 'negative' },
  { key: 'fa-pos', store: 'S1', score: 10, at: '2026-10-09T10:00:00Z', text: 'عالی بود، پرسنل خیلی مودب و فروشگاه تمیز بود.', sentiment: 'positive' },
  { key: 'ru-not', store: 'S3', score: 5, at: '2026-10-11T10:00:00Z', text: 'Кофе не понравился.', sentiment: 'negative' },
  { key: 'fa-not', store: 'S2', score: 4, at: '2026-10-13T10:00:00Z', text: 'غذا خوب نبود', sentiment: 'negative' },
] as const;

describe('comment analysis', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId: string;
  let surveyId: string;
  let ids: Record<string, string>;
  let loc: Record<string, string>;
  const responseOf: Record<string, string> = {};

  const analysed = async () => Number((await server.pool.query(`select count(*) from comment_analysis where org_id = $1`, [orgId])).rows[0].count);
  const row = async (key: string) =>
    (await server.pool.query(`select sentiment, source, themes, lang from comment_analysis where org_id = $1 and response_id = $2`, [orgId, responseOf[key]])).rows[0];

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Comments Org');
    orgId = org.orgId;
    const team = await buildRegionTeam(server, orgId, org.root, 'comments.test');
    ({ loc, owner, manager } = team);
    ({ surveyId, ids } = await seedSurvey(server.pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]));
    const rids = await seedResponses(
      server.pool, orgId, surveyId, ids,
      COMMENTS.map((c) => ({ locationId: loc[c.store], at: c.at, answers: { nps: { score: c.score }, why: { text: c.text } } })),
      { queue: true },
    );
    COMMENTS.forEach((c, i) => (responseOf[c.key] = rids[i]));
    // As a writer does after its commit: the fold runs, then queues the analysis.
    server.app.rollupFolder.kick(orgId);
    await waitFor(async () => (await analysed()) === COMMENTS.length, 'the analysis job');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('analyses new comments after the fold: the sentiment of obvious ru / fa / en comments, themes, language', async () => {
    for (const c of COMMENTS) {
      const r = await row(c.key);
      expect({ key: c.key, sentiment: r.sentiment, source: r.source }).toEqual({ key: c.key, sentiment: c.sentiment, source: 'lexicon' });
      expect(r.lang).toBe(c.key.slice(0, 2));
    }
    expect((await row('ru-neg')).themes).toEqual(expect.arrayContaining(['waiting_time', 'staff_politeness']));
    expect((await row('fa-pos')).themes).toEqual(expect.arrayContaining(['cleanliness']));
    // The dictionary was seeded from the starter themes on first use.
    const themes = await owner.get('/api/v1/text/themes');
    expect(themes.json.themes.map((t: any) => t.id)).toEqual(expect.arrayContaining(['waiting_time', 'cleanliness', 'price']));
  });

  it('lists comments with their analysis and filters them', async () => {
    const base = `/api/v1/surveys/${surveyId}/text/comments`;
    const texts = async (query: string) => (await owner.get(`${base}?${query}`)).json.comments.map((c: any) => c.text).sort();
    const all = await owner.get(base);
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(8);
    const enPos = all.json.comments.find((c: any) => c.responseId === responseOf['en-pos']);
    expect(enPos).toMatchObject({ score: 10, locationName: 'S2', analysis: { sentiment: 'positive', source: 'lexicon', lang: 'en' } });
    const text = (k: string) => COMMENTS.find((c) => c.key === k)!.text;
    const sorted = (...keys: string[]) => keys.map(text).sort();
    expect(await texts('sentiment=positive')).toEqual(sorted('en-pos', 'ru-pos', 'fa-pos'));
    expect(await texts('lang=fa')).toEqual(sorted('fa-neg', 'fa-pos', 'fa-not'));
    expect(await texts('theme=cleanliness')).toEqual(sorted('fa-pos'));
    expect(await texts('scoreMin=9')).toEqual(sorted('en-pos', 'ru-pos', 'fa-pos'));
    expect(await texts('scoreMax=3&sentiment=negative')).toEqual(sorted('en-neg', 'ru-neg', 'fa-neg'));
    expect(await texts(`location=${loc.S2}`)).toEqual(sorted('en-pos', 'fa-neg', 'fa-not'));
    expect(await texts('from=2026-10-01&to=2026-10-08')).toEqual(sorted('ru-neg', 'ru-pos', 'fa-neg'));
    expect(await texts('q=coffee')).toEqual(sorted('en-pos'));
    // A search is literal text, not a LIKE pattern.
    expect(await texts('q=%25')).toEqual([]);
    const page = await owner.get(`${base}?limit=3&offset=6`);
    expect(page.json.comments.map((c: any) => c.text)).toEqual([text('en-pos'), text('en-neg')]);
    expect((await owner.get(`${base}?sentiment=angry`)).status).toBe(400);
  });

  it('counts themes per month and per location', async () => {
    const trend = await owner.get(`/api/v1/surveys/${surveyId}/text/themes/trend`);
    const waiting = trend.json.rows.filter((r: any) => r.theme === 'waiting_time');
    // en-neg ("waited", September), ru-neg ("ждали в очереди") and fa-neg ("منتظر ماندم") in October; all negative.
    expect(waiting).toEqual([
      { month: '2026-09-01', theme: 'waiting_time', n: 1, negative: 1 },
      { month: '2026-10-01', theme: 'waiting_time', n: 2, negative: 2 },
    ]);
    const heat = await owner.get(`/api/v1/surveys/${surveyId}/text/themes/locations?theme=cleanliness`);
    expect(heat.json.rows).toEqual([{ locationId: loc.S1, locationName: 'S1', theme: 'cleanliness', n: 1, negative: 0 }]);
  });

  it("limits a location manager to their locations' comments", async () => {
    const res = await manager.get(`/api/v1/surveys/${surveyId}/text/comments`);
    expect(res.status).toBe(200);
    const inR1 = COMMENTS.filter((c) => c.store !== 'S2').map((c) => c.text).sort();
    expect(res.json.comments.map((c: any) => c.text).sort()).toEqual(inR1);
    const heat = await manager.get(`/api/v1/surveys/${surveyId}/text/themes/locations`);
    expect(new Set(heat.json.rows.map((r: any) => r.locationName))).toEqual(new Set(['S1', 'S3']));
    expect((await manager.get(`/api/v1/surveys/${surveyId}/text/comments?location=${loc.S2}`)).status).toBe(404);
    // Location managers do not correct, retrain or edit themes.
    expect((await manager.patch(`/api/v1/text/comments/${responseOf['ru-pos']}/${ids.why}`, { sentiment: 'negative' })).status).toBe(403);
    expect((await manager.post('/api/v1/text/model/retrain')).status).toBe(403);
    expect((await manager.put('/api/v1/text/themes', { id: 'x', terms: { en: ['x'] } })).status).toBe(403);
  });

  it('keeps a manual correction through re-analysis and uses it as training data', async () => {
    const url = `/api/v1/text/comments/${responseOf['ru-not']}/${ids.why}`;
    const res = await owner.patch(url, { sentiment: 'neutral', themes: ['product_quality'] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sentiment: 'neutral', source: 'manual', themes: ['product_quality'] });
    // Re-analysis of everything (a dictionary change marks every row out of date) leaves it alone.
    await server.pool.query(`update orgs set text_themes_changed_at = clock_timestamp() where id = $1`, [orgId]);
    const run = await analyseOrgComments(server.pool, orgId);
    expect(run.analysed).toBe(COMMENTS.length - 1);
    expect(await row('ru-not')).toMatchObject({ sentiment: 'neutral', source: 'manual', themes: ['product_quality'] });
    // Its score (5) says negative; the correction wins.
    const set = await trainingSet(server.pool, orgId);
    expect(set).toContainEqual({ label: 'neutral', text: 'Кофе не понравился.' });
    expect(set).not.toContainEqual({ label: 'negative', text: 'Кофе не понравился.' });
    expect(set).toHaveLength(COMMENTS.length);
    // Unknown comment, or one of another organisation: 404.
    expect((await owner.patch(`/api/v1/text/comments/${responseOf['ru-not']}/${ids.nps}`, { sentiment: 'neutral' })).status).toBe(404);
  });

  it('stays in lexicon mode with too few labelled comments, then trains in a worker thread and re-analyses with the model', async () => {
    const before = await owner.get('/api/v1/text/model');
    expect(before.json).toMatchObject({ mode: 'lexicon', n: null, labelled: COMMENTS.length, minComments: 200 });
    expect(await trainOrgModel(server.pool, orgId)).toMatchObject({ trained: false, n: COMMENTS.length });
    // 60 more scored comments: training with a lower threshold than the product's.
    const more = Array.from({ length: 30 }, (_, i) => [
      { at: '2026-11-02T10:00:00Z', answers: { nps: { score: 1 }, why: { text: `awful slow checkout number ${i}` } } },
      { at: '2026-11-02T11:00:00Z', answers: { nps: { score: 10 }, why: { text: `great helpful cashier number ${i}` } } },
    ]).flat();
    await seedResponses(server.pool, orgId, surveyId, ids, more);
    const outcome = await trainOrgModel(server.pool, orgId, { minComments: 50 });
    expect(outcome).toMatchObject({ trained: true, n: COMMENTS.length + 60, classes: ['negative', 'neutral', 'positive'] });
    const status = await owner.get('/api/v1/text/model');
    expect(status.json).toMatchObject({ mode: 'model', n: COMMENTS.length + 60 });
    await analyseOrgComments(server.pool, orgId);
    const sources = await server.pool.query(`select source, count(*)::int as n from comment_analysis where org_id = $1 group by 1 order by 1`, [orgId]);
    expect(sources.rows).toEqual([{ source: 'manual', n: 1 }, { source: 'model', n: COMMENTS.length + 59 }]);
    expect(await row('ru-not')).toMatchObject({ sentiment: 'neutral', source: 'manual' });
    // The retrain button queues the job, which trains with the product threshold: too few, the model stays.
    expect((await owner.post('/api/v1/text/model/retrain')).status).toBe(202);
  }, 60_000);

  it('edits the theme dictionary and re-analyses with it', async () => {
    const put = await owner.put('/api/v1/text/themes', { id: 'coffee', names: { en: 'Coffee', ru: 'Кофе', fa: 'قهوه' }, terms: { en: ['coffee'], ru: ['кофе'], fa: ['قهوه'] } });
    expect(put.status).toBe(201);
    await waitFor(async () => ((await row('en-pos')).themes as string[]).includes('coffee'), 'the re-analysis after a theme change');
    // The manual row keeps its own themes.
    expect((await row('ru-not')).themes).toEqual(['product_quality']);
    expect((await owner.put('/api/v1/text/themes', { id: 'Bad Id', terms: {} })).status).toBe(400);
    expect((await owner.delete('/api/v1/text/themes?id=coffee')).status).toBe(204);
    expect((await owner.delete('/api/v1/text/themes?id=coffee')).status).toBe(404);
    await waitFor(async () => !((await row('en-pos')).themes as string[]).includes('coffee'), 'the re-analysis after a theme deletion');
  });

  it('lists key phrases of detractors and promoters', async () => {
    const res = await owner.get(`/api/v1/surveys/${surveyId}/text/keyphrases`);
    expect(res.status).toBe(200);
    expect(res.json.groupedBy).toBe('nps');
    // 30 x "awful slow checkout" (score 1) against 30 x "great helpful cashier" (score 10), plus the seeded ones.
    expect(res.json.detractors.phrases.map((p: any) => p.phrase)).toContain('awful');
    expect(res.json.promoters.phrases.map((p: any) => p.phrase)).toContain('great');
    expect(res.json.detractors.phrases[0].examples.length).toBeGreaterThan(0);
  });
});
