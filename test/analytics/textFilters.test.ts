/**
 * Sentiment and theme as dashboard filters (issue 11, docs/analytics.md "Comment filters"): every panel's
 * endpoint keeps only responses with an analysed comment of the sentiment / a theme. The expected figures
 * are computed here from the rows the test inserted (plain JavaScript over the generated data), never by
 * the production SQL; the comment analyses are inserted as `manual` rows so no job rewrites them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { rng } from '../helpers/rng.ts';
import { buildAnalyticsOrg, buildRegionTeam, npsOf, seedCommentAnalyses, seedResponses, seedSurvey, seedThemes, type SeedResponse } from './seed.ts';

type Sentiment = 'negative' | 'neutral' | 'positive';
interface Comment { key: 'why' | 'more'; text: string; sentiment: Sentiment; themes: string[] }
interface Row {
  id: string;
  store: 'S1' | 'S2' | 'S3';
  month: '2026-08' | '2026-09' | '2026-10';
  nps: number;
  speed?: number;
  staff?: number;
  pick: string;
  comments: Comment[];
}

const THEMES = ['waiting_time', 'cleanliness', 'price'];
const N = 420;

describe('sentiment and theme filters on the dashboard', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId: string;
  let surveyId: string;
  let loc: Record<string, string>;
  const rows: Row[] = [];

  const get = async (client: Client, path: string) => {
    const res = await client.get(`/api/v1/surveys/${surveyId}${path}`);
    expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(200);
    return res.json;
  };
  /** Responses with a comment of one of `sentiments` (any when empty) carrying one of `themes` (any when empty). */
  const matching = (sentiments: Sentiment[], themes: string[], among: Row[] = rows) =>
    among.filter((r) => r.comments.some((c) => (sentiments.length === 0 || sentiments.includes(c.sentiment)) && (themes.length === 0 || c.themes.some((t) => themes.includes(t)))));
  const nps = (among: Row[]) => npsOf(among.map((r) => r.nps));
  const npsResult = (summary: any) => summary.questions.find((q: any) => q.key === 'nps').result;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildAnalyticsOrg(server.pool, 'Text Filters Org');
    orgId = org.orgId;
    ({ loc, owner, manager } = await buildRegionTeam(server, orgId, org.root, 'textfilters.test'));
    const s = await seedSurvey(server.pool, orgId, [
      { key: 'nps', type: 'nps' },
      { key: 'speed', type: 'rating', min: 1, max: 5 },
      { key: 'staff', type: 'rating', min: 1, max: 5 },
      { key: 'pick', type: 'single' },
      { key: 'why', type: 'text' },
      { key: 'more', type: 'text' },
    ]);
    surveyId = s.surveyId;
    await seedThemes(server.pool, orgId, Object.fromEntries(THEMES.map((id) => [id, { en: `Theme ${id}` }])));
    const random = rng(20261130);
    const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const seeds: SeedResponse[] = [];
    for (let i = 0; i < N; i++) {
      const store = pickOf(['S1', 'S2', 'S3'] as const);
      const month = pickOf(['2026-08', '2026-09', '2026-10'] as const);
      const score = Math.floor(random() * 11);
      const row: Row = { id: '', store, month, nps: score, pick: pickOf(['a', 'b', 'c']), comments: [] };
      if (random() < 0.85) row.speed = 1 + Math.floor(random() * 5);
      if (random() < 0.85) row.staff = 1 + Math.floor(random() * 5);
      for (const key of ['why', 'more'] as const) {
        if (random() < (key === 'why' ? 0.7 : 0.3)) {
          const themes = THEMES.filter(() => random() < 0.3);
          row.comments.push({ key, text: `comment ${i} ${key}`, sentiment: pickOf(['negative', 'neutral', 'positive'] as const), themes });
        }
      }
      rows.push(row);
      seeds.push({
        locationId: loc[store],
        at: `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T12:00:00Z`,
        answers: {
          nps: { score },
          ...(row.speed ? { speed: { score: row.speed } } : {}),
          ...(row.staff ? { staff: { score: row.staff } } : {}),
          pick: { choice: row.pick },
          ...Object.fromEntries(row.comments.map((c) => [c.key, { text: c.text }])),
        },
      });
    }
    // One response with two comments that each meet half of "negative about price": it must not match both.
    const split: Row = { id: '', store: 'S2', month: '2026-09', nps: 9, pick: 'a', comments: [
      { key: 'why', text: 'split why', sentiment: 'negative', themes: ['cleanliness'] },
      { key: 'more', text: 'split more', sentiment: 'positive', themes: ['price'] },
    ] };
    rows.push(split);
    seeds.push({ locationId: loc.S2, at: '2026-09-15T12:00:00Z', answers: { nps: { score: 9 }, pick: { choice: 'a' }, why: { text: 'split why' }, more: { text: 'split more' } } });
    const ids = await seedResponses(server.pool, orgId, surveyId, s.ids, seeds);
    ids.forEach((id, i) => (rows[i].id = id));
    await seedCommentAnalyses(server.pool, orgId, rows.flatMap((r) => r.comments.map((c) => ({ responseId: r.id, questionId: s.ids[c.key], ...c }))));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('summary: responses, NPS, distribution and choice counts cover only responses with such a comment, read from raw answers', async () => {
    for (const [query, sentiments, themes] of [
      ['sentiment=negative', ['negative'], []],
      ['sentiment=negative,positive', ['negative', 'positive'], []],
      ['theme=price', [], ['price']],
      ['theme=price,cleanliness', [], ['price', 'cleanliness']],
      ['theme=price&theme=cleanliness', [], ['price', 'cleanliness']],
      ['sentiment=negative&theme=price', ['negative'], ['price']],
    ] as Array<[string, Sentiment[], string[]]>) {
      const want = matching(sentiments, themes);
      const summary = await get(owner, `/analytics/summary?${query}`);
      expect(summary.source, query).toBe('raw');
      expect(summary.responses, query).toBe(want.length);
      const result = npsResult(summary);
      expect(result.n, query).toBe(want.length);
      expect(result.value, query).toBeCloseTo(nps(want), 9);
      const distribution = summary.questions.find((q: any) => q.key === 'nps').distribution;
      for (let score = 0; score <= 10; score++) {
        const n = want.filter((r) => r.nps === score).length;
        expect(distribution.find((d: any) => d.score === score)?.n ?? 0, `${query} score ${score}`).toBe(n);
      }
      const choices = summary.questions.find((q: any) => q.key === 'pick').choices;
      for (const v of ['a', 'b', 'c']) {
        expect(choices.find((c: any) => c.value === v)?.n ?? 0, `${query} choice ${v}`).toBe(want.filter((r) => r.pick === v).length);
      }
    }
    // The split response has a negative comment and a price comment, but no negative comment about price.
    const split = rows[rows.length - 1];
    expect(matching(['negative'], ['price']).includes(split)).toBe(false);
    expect(matching(['negative'], []).includes(split)).toBe(true);
    // Without the filters, every response.
    expect((await get(owner, '/analytics/summary')).responses).toBe(rows.length);
  });

  it('trend, breakdown, heat table and drivers keep the filter', async () => {
    const want = matching(['negative'], []);
    const trend = await get(owner, `/analytics/trend?sentiment=negative&interval=month&from=2026-08-01&to=2026-10-31`);
    expect(trend.source).toBe('raw');
    for (const month of ['2026-08', '2026-09', '2026-10']) {
      const point = trend.points.find((p: any) => p.period === `${month}-01`);
      const inMonth = want.filter((r) => r.month === month);
      expect(point.result.n, month).toBe(inMonth.length);
      expect(point.result.value, month).toBeCloseTo(nps(inMonth), 9);
    }

    const breakdown = await get(owner, `/analytics/breakdown?sentiment=negative&by=location&leaf=1`);
    for (const store of ['S1', 'S2', 'S3'] as const) {
      const row = breakdown.rows.find((r: any) => r.key === loc[store]);
      expect(row.result.n, store).toBe(want.filter((r) => r.store === store).length);
    }

    const heat = await get(owner, `/analytics/heatmap?theme=waiting_time`);
    const waiting = matching([], ['waiting_time']);
    const region = heat.rows.find((r: any) => r.locationId === loc.R1);
    const npsId = Object.keys(region.cells).find((id) => region.cells[id]?.metric === 'nps')!;
    expect(region.cells[npsId].n).toBe(waiting.filter((r) => r.store === 'S1' || r.store === 'S3').length);

    const drivers = await get(owner, `/analytics/drivers?sentiment=negative`);
    expect(drivers.source).toBe('raw');
    expect(drivers.n).toBe(want.filter((r) => r.speed !== undefined && r.staff !== undefined).length);
    const speed = drivers.drivers.find((d: any) => d.key === 'speed');
    const speeds = want.filter((r) => r.speed !== undefined).map((r) => r.speed!);
    expect(speed.performanceN).toBe(speeds.length);
    expect(speed.performance).toBeCloseTo(speeds.reduce((a, b) => a + b, 0) / speeds.length, 9);
  });

  it('comparisons keep the filter on both sides (locations, periods, the rest of a region)', async () => {
    const want = matching(['negative'], ['price', 'waiting_time']);
    const q = 'sentiment=negative&theme=price,waiting_time';
    const byStore = await get(owner, `/analytics/compare?${q}&aLocation=${loc.S1}&bLocation=${loc.S2}`);
    expect(byStore.source).toBe('raw');
    expect(byStore.a.n).toBe(want.filter((r) => r.store === 'S1').length);
    expect(byStore.b.n).toBe(want.filter((r) => r.store === 'S2').length);
    expect(byStore.a.value).toBeCloseTo(nps(want.filter((r) => r.store === 'S1')), 9);
    expect(byStore.b.value).toBeCloseTo(nps(want.filter((r) => r.store === 'S2')), 9);

    const byPeriod = await get(owner, `/analytics/compare?${q}&aFrom=2026-10-01&aTo=2026-10-31&bFrom=2026-08-01&bTo=2026-08-31`);
    expect(byPeriod.a.n).toBe(want.filter((r) => r.month === '2026-10').length);
    expect(byPeriod.b.n).toBe(want.filter((r) => r.month === '2026-08').length);

    // A store against its own region: the region side becomes the rest of it (S3), still filtered.
    const nested = await get(owner, `/analytics/compare?${q}&aLocation=${loc.S1}&bLocation=${loc.R1}`);
    expect(nested.sides.b.kind).toBe('rest_of_location');
    expect(nested.b.n).toBe(want.filter((r) => r.store === 'S3').length);
  });

  it('a location manager\'s filtered figures and comments cover only their locations', async () => {
    const want = matching(['positive'], []);
    const mine = want.filter((r) => r.store === 'S1' || r.store === 'S3');
    const summary = await get(manager, '/analytics/summary?sentiment=positive');
    expect(summary.responses).toBe(mine.length);
    expect(npsResult(summary).value).toBeCloseTo(nps(mine), 9);
    const trend = await get(manager, '/analytics/trend?sentiment=positive&interval=month');
    expect(trend.points.reduce((n: number, p: any) => n + (p.result?.n ?? 0), 0)).toBe(mine.length);
    // The comments a manager sees under the filter: only their stores' responses with a positive comment.
    const comments = await get(manager, '/comments?sentiment=positive&limit=200');
    const ids = new Set(mine.map((r) => r.id));
    expect(comments.comments.length).toBe(mine.reduce((n, r) => n + r.comments.length, 0));
    for (const c of comments.comments) expect(ids.has(c.responseId)).toBe(true);
  });

  it('comment lists: the latest comments keep every comment of a matching response; the analysed list keeps the matching comments', async () => {
    const want = matching(['negative'], ['price']);
    const latest = await get(owner, '/comments?sentiment=negative&theme=price&limit=200');
    expect(latest.comments.length).toBe(want.reduce((n, r) => n + r.comments.length, 0));
    const ids = new Set(want.map((r) => r.id));
    for (const c of latest.comments) expect(ids.has(c.responseId)).toBe(true);

    const analysed = await get(owner, '/text/comments?sentiment=negative&theme=price&limit=200');
    const comments = rows.flatMap((r) => r.comments).filter((c) => c.sentiment === 'negative' && c.themes.includes('price'));
    expect(analysed.total).toBe(comments.length);
    for (const c of analysed.comments) expect(c.analysis).toMatchObject({ sentiment: 'negative', themes: expect.arrayContaining(['price']) });
  });

  it('refuses invalid values with a 400 naming the parameter and the value', async () => {
    const cases: Array<[string, RegExp]> = [
      ['sentiment=angry', /^sentiment: "angry" is not a sentiment: negative, neutral, positive$/],
      ['sentiment=negative,angry', /^sentiment: "angry" is not/],
      ['sentiment=', /^sentiment: give a sentiment/],
      ['theme=Price!', /^theme: "Price!" is not a theme id/],
      ['theme=no_such_theme', /^theme: "no_such_theme" is not one of the organisation's themes/],
      ['theme=price,no_such_theme', /"no_such_theme"/],
      [`theme=${Array.from({ length: 21 }, (_, i) => `t${i}`).join(',')}`, /^theme: at most 20 values$/],
    ];
    for (const path of ['/analytics/summary', '/analytics/compare', '/comments', '/text/comments']) {
      for (const [query, message] of cases) {
        const res = await owner.get(`/api/v1/surveys/${surveyId}${path}?${query}&aLocation=${loc.S1}&bLocation=${loc.S2}`);
        expect(res.status, `${path}?${query}`).toBe(400);
        expect(res.json.error, `${path}?${query}`).toBe('validation');
        expect(res.json.message, `${path}?${query}`).toMatch(message);
        expect(res.json.details.field, `${path}?${query}`).toMatch(/^(sentiment|theme)$/);
      }
    }
  });
});
