/**
 * GET /api/v1/home with data built here and figures computed by hand: the period and its previous period, the
 * headline change and its test, the significant movers only, the themes that grew, and a store manager who sees
 * their store against the company figure and nothing of the other stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { HomeAnswerSchema } from '../../src/core/api/home.ts';
import { buildAnalyticsOrg, npsOf, seedCommentAnalyses, seedResponses, seedSurvey, seedThemes, type SeedResponse } from '../analytics/seed.ts';

// Today is 2026-03-15 (UTC): last 30 days = 2026-02-13..2026-03-14, the previous 30 days = 2026-01-14..2026-02-12.
const NOW = new Date('2026-03-15T12:00:00Z');
const CURRENT = '2026-03-01T10:00:00Z';
const PREVIOUS = '2026-02-01T10:00:00Z';

describe('GET /api/v1/home', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  const loc: Record<string, string> = {};
  let surveyId = '';

  const scores = (at: string, store: string, list: number[], comment?: (i: number) => string | undefined): SeedResponse[] =>
    list.map((s, i) => ({ locationId: loc[store], at, answers: { nps: { score: s }, ...(comment?.(i) ? { comment: { text: comment(i)! } } : {}) } }));
  const times = (n: number, score: number) => Array<number>(n).fill(score);

  beforeAll(async () => {
    server = await startTestServer({ now: () => NOW });
    const { pool } = server;
    const { orgId, root } = await buildAnalyticsOrg(pool, 'Home Org');
    const region = await buildLocation(pool, orgId, root, 'region', 'North');
    for (const name of ['S1', 'S2', 'S3', 'S4']) loc[name] = (await buildLocation(pool, orgId, region, 'store', `Store ${name}`)).id;
    await buildUser(pool, orgId, 'owner', 'owner@home.test');
    await buildUser(pool, orgId, 'location_manager', 'm1@home.test', [loc.S1]);
    const s = await seedSurvey(pool, orgId, [{ key: 'nps', type: 'nps' }, { key: 'comment', type: 'text' }], 'Store visit');
    surveyId = s.surveyId;
    await seedThemes(pool, orgId, { wait: { en: 'Waiting' }, price: { en: 'Prices' } });
    const s1Previous = await seedResponses(pool, orgId, surveyId, s.ids, scores(PREVIOUS, 'S1', [...times(20, 10), ...times(20, 0)], (i) => `before ${i}`));
    const s1Current = await seedResponses(pool, orgId, surveyId, s.ids, scores(CURRENT, 'S1', times(40, 10), (i) => `now ${i}`));
    await seedResponses(pool, orgId, surveyId, s.ids, [
      // S2: +100 -> -100, but 10 answers a side: never significant.
      ...scores(PREVIOUS, 'S2', times(10, 10)), ...scores(CURRENT, 'S2', times(10, 0)),
      // S3: 100 -> 0 with 40 a side: a significant fall.
      ...scores(PREVIOUS, 'S3', times(40, 10)), ...scores(CURRENT, 'S3', [...times(20, 10), ...times(20, 0)]),
      // S4: 0 -> 10 with 40 a side: too small a change to be significant.
      ...scores(PREVIOUS, 'S4', [...times(20, 10), ...times(20, 0)]), ...scores(CURRENT, 'S4', [...times(22, 10), ...times(18, 0)]),
    ]);
    // Waiting: 5 of 40 comments before, 30 of 40 now; prices: 10 of 40 before, 8 of 40 now (fell).
    const analyses = (ids: string[], prefix: string, wait: number, price: number) => ids.map((responseId, i) => ({
      responseId, questionId: s.ids.comment, text: `${prefix} ${i}`, sentiment: 'negative',
      themes: [...(i < wait ? ['wait'] : []), ...(i >= 40 - price ? ['price'] : [])],
    }));
    await seedCommentAnalyses(pool, orgId, [...analyses(s1Previous, 'before', 5, 10), ...analyses(s1Current, 'now', 30, 8)]);
    owner = await signIn(server.baseUrl, 'owner@home.test');
    manager = await signIn(server.baseUrl, 'm1@home.test');
  });
  afterAll(async () => server?.close());

  const home = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/home${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json;
  };

  it('answers 401 without a session, 400 for an unknown period and 404 for another survey', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/home`);
    expect(res.status).toBe(401);
    expect((await owner.get('/api/v1/home?period=last_century')).status).toBe(400);
    expect((await owner.get(`/api/v1/home?survey=${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('compares the last 30 days with the 30 before, with an arrow only for a significant change', async () => {
    const h = await home(owner);
    // The answer is exactly the schema the dashboard's types come from (strict: no key more or less).
    expect(() => HomeAnswerSchema.parse(h)).not.toThrow();
    expect(h.period).toBe('last_30_days');
    expect(h.window).toEqual({ from: '2026-02-13', to: '2026-03-14' });
    expect(h.previous).toEqual({ from: '2026-01-14', to: '2026-02-12' });
    expect(h.limited).toBe(false);
    expect(h.pinned).toEqual([]);
    const [survey] = h.surveys;
    expect(survey).toMatchObject({ surveyId, responses: 130, previousResponses: 130 });
    const nps = survey.headlines[0];
    // Now: 40 + 0 + 20 + 22 = 82 promoters and 0 + 10 + 20 + 18 = 48 detractors of 130; before: 90 and 40 of 130.
    expect(nps.current.value).toBeCloseTo((100 * (82 - 48)) / 130, 9);
    expect(nps.previous.value).toBeCloseTo((100 * (90 - 40)) / 130, 9);
    expect(nps.change.diff).toBeCloseTo((100 * (34 - 50)) / 130, 9);
    // About -12 points with an SE near 12: z about -1, not significant.
    expect(nps.change.significant).toBe(false);
    expect(nps.company).toBeNull();
  });

  it('lists only the locations that moved significantly, up and down', async () => {
    const h = await home(owner);
    expect(h.focus).toMatchObject({ surveyId, metric: 'nps' });
    expect(h.movers.up.map((m: any) => m.name)).toEqual(['Store S1']);
    expect(h.movers.down.map((m: any) => m.name)).toEqual(['Store S3']);
    // S1: 0 -> 100; S3: 100 -> 0.
    expect(h.movers.up[0].change.diff).toBeCloseTo(npsOf(times(40, 10)) - npsOf([...times(20, 10), ...times(20, 0)]), 9);
    expect(h.movers.down[0].change.diff).toBeCloseTo(-100, 9);
    expect(h.movers.up[0].change.significant).toBe(true);
  });

  it('lists the themes that grew with their shares', async () => {
    const h = await home(owner);
    expect(h.themes.map((t: any) => t.theme)).toEqual(['wait']);
    const [wait] = h.themes;
    expect(wait.names).toEqual({ en: 'Waiting' });
    expect(wait.current).toEqual({ n: 30, total: 40, share: 75 });
    expect(wait.previous).toEqual({ n: 5, total: 40, share: 12.5 });
    expect(wait.change.significant).toBe(true);
    expect(h.cases).toEqual({ open: 0, overdue: 0, created: 0, resolved: 0 });
    expect(h.audits).toEqual({ items: [] });
    expect(h.support).toBeNull();
  });

  it('shows a store manager their store against the company figure, and no other store', async () => {
    const res = await manager.get('/api/v1/home');
    expect(res.status).toBe(200);
    const h = res.json;
    expect(h.limited).toBe(true);
    const nps = h.surveys[0].headlines[0];
    // Their store: 40 promoters of 40 now, 20 and 20 of 40 before: +100 points, significant.
    expect(nps.current).toMatchObject({ value: 100, n: 40 });
    expect(nps.previous).toMatchObject({ value: 0, n: 40 });
    expect(nps.change.significant).toBe(true);
    // The company now: 82 promoters and 48 detractors of 130, as one number.
    expect(nps.company.n).toBe(130);
    expect(nps.company.value).toBeCloseTo((100 * (82 - 48)) / 130, 9);
    expect(h.movers.up.map((m: any) => m.locationId)).toEqual([loc.S1]);
    expect(h.movers.down).toEqual([]);
    for (const other of ['S2', 'S3', 'S4']) {
      expect(res.text).not.toContain(loc[other]);
      expect(res.text).not.toContain(`Store ${other}`);
    }
  });
  it('lists the caller\'s pinned saved views, and only the pinned ones', async () => {
    const pinned = await owner.post('/api/v1/saved-views', { name: 'North, last month', surveyId, query: 'range=30d', pinned: true });
    expect(pinned.status, pinned.text).toBe(201);
    expect((await owner.post('/api/v1/saved-views', { name: 'Not pinned', surveyId, query: 'range=90d' })).status).toBe(201);
    const h = await home(owner);
    expect(h.pinned.map((v: { name: string }) => v.name)).toEqual(['North, last month']);
    expect(h.pinned[0]).toMatchObject({ surveyId, query: 'range=30d', shared: false });
    expect((await home(manager)).pinned).toEqual([]);
  });
});
