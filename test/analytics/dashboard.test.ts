/**
 * Dashboard endpoints against a real PostgreSQL: hand-computed metrics, trend buckets, location
 * drill-down, scoping of a location manager, comments, compare, and rollup == raw on random data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, npsOf, seedResponses, seedSurvey, type SeedResponse } from './seed.ts';

const NPS = [10, 9, 8, 3, 10, 6, 7, 9, 9, 0, 5, 10];
const CSAT = [5, 4, 3, 5, 2, 4, 4, 1, 5, 3];
const CES = [7, 6, 5, 2, 7];
// Responses 0-3 Store A (link, new), 4-6 Store B (email, returning), 7-11 Store C (email, new).
const STORE = (i: number) => (i < 4 ? 'A' : i < 7 ? 'B' : 'C');
const WEEK1 = '2026-01-06T10:00:00Z'; // week starting Monday 2026-01-05
const WEEK2 = '2026-01-14T10:00:00Z'; // week starting Monday 2026-01-12

/** Adjusted-Wald SE of an NPS in points (METRICS.md): 3 added to n, 3/4 to promoters and to detractors. */
function adjustedWaldSe(scores: number[]): number {
  const n = scores.length + 3;
  const p = (scores.filter((s) => s >= 9).length + 0.75) / n;
  const d = (scores.filter((s) => s <= 6).length + 0.75) / n;
  return 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
}

describe('analytics dashboard API', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let surveyId = '';
  let q: Record<string, string> = {};
  const loc: Record<string, string> = {};
  const api = (path: string) => owner.get(`/api/v1${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Dash Org');
    const { root } = org;
    const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
    const south = await buildLocation(pool, org.orgId, root, 'region', 'South');
    Object.assign(loc, { root: root.id, north: north.id, south: south.id });
    loc.A = (await buildLocation(pool, org.orgId, north, 'store', 'Store A')).id;
    loc.B = (await buildLocation(pool, org.orgId, north, 'store', 'Store B')).id;
    loc.C = (await buildLocation(pool, org.orgId, south, 'store', 'Store C')).id;
    await buildUser(pool, org.orgId, 'owner', 'owner@dash.test');
    await buildUser(pool, org.orgId, 'location_manager', 'north@dash.test', [north.id]);
    const s = await seedSurvey(pool, org.orgId, [
      { key: 'nps', type: 'nps', required: true },
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      { key: 'ces', type: 'rating', metric: 'ces', min: 1, max: 7, direction: 'higher_is_easier' },
      { key: 'reason', type: 'single' },
      { key: 'why', type: 'text' },
    ]);
    surveyId = s.surveyId;
    q = s.ids;
    const responses: SeedResponse[] = NPS.map((score, i) => ({
      locationId: loc[STORE(i)],
      channel: STORE(i) === 'A' ? 'link' : 'email',
      hidden: { segment: STORE(i) === 'B' ? 'returning' : 'new' },
      at: i % 2 === 0 ? WEEK1 : WEEK2,
      answers: {
        nps: { score },
        ...(i < CSAT.length ? { csat: { score: CSAT[i] } } : {}),
        ...(i < CES.length ? { ces: { score: CES[i] } } : {}),
        ...(i < 3 ? { reason: { choice: i === 0 ? 'price' : 'staff' } } : {}),
        ...(i === 0 ? { why: { text: '<b>great</b> coffee' } } : i === 3 ? { why: { text: 'slow' } } : i === 7 ? { why: { text: 'ok' } } : {}),
      },
    }));
    await seedResponses(pool, org.orgId, surveyId, q, responses);
    owner = await signIn(server.baseUrl, 'owner@dash.test');
    manager = await signIn(server.baseUrl, 'north@dash.test');
  });
  afterAll(async () => server?.close());

  it('summarises NPS, CSAT and CES with n and 95% intervals from rollups', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/summary`);
    expect(res.status).toBe(200);
    expect(res.json.responses).toBe(12);
    expect(res.json.source).toBe('rollup');
    const byKey = Object.fromEntries(res.json.questions.map((x: any) => [x.key, x]));
    const nps = byKey.nps.result;
    expect(nps.definition).toBe('nps.v1');
    expect(nps.n).toBe(12);
    expect(nps.value).toBeCloseTo(npsOf(NPS), 6);
    // 6 promoters, 4 detractors of 12: variance p + d - (p - d)^2, SE in points.
    const p = 6 / 12;
    const d = 4 / 12;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 12);
    expect(nps.se).toBeCloseTo(se, 6);
    // Interval by adjusted Wald: n' = 15, p' = 6.75/15 = 0.45, d' = 4.75/15 = 0.316667, NPS' = 13.3333,
    // var' = 0.766667 - 0.133333^2 = 0.748889, SE' = 100 sqrt(0.748889/15) = 22.3441 -> 13.3333 - 1.96 * 22.3441.
    expect(nps.ci95[0]).toBeCloseTo(13.33333 - 1.96 * 22.34411, 3);
    expect(nps.ci95Method).toBe('adjusted_wald');
    expect(nps.smallSample).toBe(true);
    expect(byKey.nps.distribution).toHaveLength(11);
    expect(byKey.nps.distribution.find((x: any) => x.score === 10).n).toBe(NPS.filter((s) => s === 10).length);
    expect(byKey.csat.result.definition).toBe('csat.v1');
    expect(byKey.csat.result.value).toBeCloseTo((100 * CSAT.filter((s) => s >= 4).length) / CSAT.length, 6);
    expect(byKey.csat.result.n).toBe(CSAT.length);
    expect(byKey.ces.result.definition).toBe('ces.v1');
    expect(byKey.ces.result.value).toBeCloseTo(CES.reduce((a, b) => a + b, 0) / CES.length, 6);
    expect(byKey.reason.choices).toEqual([{ value: 'staff', n: 2 }, { value: 'price', n: 1 }]);
    expect(byKey.why.result).toBeNull();
  });

  it('answers the same numbers from raw answers when asked to include excluded ones', async () => {
    const rollup = await api(`/surveys/${surveyId}/analytics/summary?channel=email`);
    const raw = await api(`/surveys/${surveyId}/analytics/summary?channel=email&includeExcluded=1`);
    expect(raw.json.source).toBe('raw');
    expect(raw.json.questions).toEqual(rollup.json.questions);
    expect(rollup.json.responses).toBe(8);
    // Both equal the hand computation over the e-mail answers (stores B and C, responses 4-11), not only each other.
    expect(raw.json.questions.find((x: any) => x.key === 'nps').result.value).toBeCloseTo(npsOf(NPS.slice(4)), 6);
  });

  it('buckets the trend by week and by month', async () => {
    const week = await api(`/surveys/${surveyId}/analytics/trend?question=${q.nps}&interval=week`);
    expect(week.status).toBe(200);
    expect(week.json.points.map((x: any) => x.period)).toEqual(['2026-01-05', '2026-01-12']);
    expect(week.json.points[0].result.value).toBeCloseTo(npsOf(NPS.filter((_, i) => i % 2 === 0)), 6);
    expect(week.json.points[1].result.n).toBe(6);
    expect(week.json.points[1].result.ci95).toHaveLength(2);
    const day = await api(`/surveys/${surveyId}/analytics/trend?question=${q.nps}&interval=day`);
    expect(day.json.points).toHaveLength(9); // 2026-01-06 .. 2026-01-14, empty days filled
    expect(day.json.points[1].result.n).toBe(0);
    const month = await api(`/surveys/${surveyId}/analytics/trend?question=${q.nps}&interval=month`);
    // January 2026 lies wholly before today and the window is open: not partial.
    expect(month.json.points).toEqual([{ period: '2026-01-01', partial: false, result: expect.objectContaining({ n: 12 }) }]);
    expect((await api(`/surveys/${surveyId}/analytics/trend?interval=year`)).status).toBe(400);
  });

  it('drills down the location hierarchy over whole subtrees', async () => {
    const top = await api(`/surveys/${surveyId}/analytics/breakdown?question=${q.nps}&by=location`);
    expect(top.status).toBe(200);
    expect(top.json.rows.map((r: any) => r.label)).toEqual(['North', 'South']);
    const north = top.json.rows[0];
    expect(north.hasChildren).toBe(true);
    expect(north.result.n).toBe(7);
    expect(north.result.value).toBeCloseTo(npsOf(NPS.slice(0, 7)), 6);
    const stores = await api(`/surveys/${surveyId}/analytics/breakdown?question=${q.nps}&by=location&parent=${loc.north}`);
    expect(stores.json.rows.map((r: any) => [r.label, r.result.n, r.hasChildren])).toEqual([['Store A', 4, false], ['Store B', 3, false]]);
    const worst = await api(`/surveys/${surveyId}/analytics/breakdown?question=${q.nps}&by=location&leaf=1&sort=worst&limit=2`);
    const storeNps = { 'Store A': npsOf(NPS.slice(0, 4)), 'Store B': npsOf(NPS.slice(4, 7)), 'Store C': npsOf(NPS.slice(7)) };
    const expected = Object.entries(storeNps).sort((a, b) => a[1] - b[1]).slice(0, 2).map(([k]) => k);
    expect(worst.json.rows.map((r: any) => r.label)).toEqual(expected);
  });

  it('breaks down by channel, language and a marked dimension', async () => {
    const channel = await api(`/surveys/${surveyId}/analytics/breakdown?question=${q.nps}&by=channel`);
    expect(Object.fromEntries(channel.json.rows.map((r: any) => [r.key, r.result.n]))).toEqual({ email: 8, link: 4 });
    const seg = await api(`/surveys/${surveyId}/analytics/breakdown?question=${q.nps}&by=dim:segment`);
    expect(seg.json.source).toBe('rollup');
    const returning = seg.json.rows.find((r: any) => r.key === 'returning');
    expect(returning.result.value).toBeCloseTo(npsOf(NPS.slice(4, 7)), 6);
    const filtered = await api(`/surveys/${surveyId}/analytics/summary?dim=segment:returning`);
    expect(filtered.json.responses).toBe(3);
  });

  it('shows a heat table of locations x metrics', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/heatmap?parent=${loc.north}`);
    expect(res.status).toBe(200);
    expect(res.json.columns.map((c: any) => c.key)).toEqual(['nps', 'csat', 'ces']);
    const a = res.json.rows.find((r: any) => r.name === 'Store A');
    expect(a.cells[q.nps].n).toBe(4);
    expect(a.cells[q.ces].value).toBeCloseTo((7 + 6 + 5 + 2) / 4, 6);
  });

  it('limits a location manager to their subtree', async () => {
    const summary = await manager.get(`/api/v1/surveys/${surveyId}/analytics/summary`);
    expect(summary.status).toBe(200);
    expect(summary.json.responses).toBe(7);
    const nps = summary.json.questions.find((x: any) => x.key === 'nps').result;
    expect(nps.value).toBeCloseTo(npsOf(NPS.slice(0, 7)), 6);
    const top = await manager.get(`/api/v1/surveys/${surveyId}/analytics/breakdown?by=location`);
    expect(top.json.rows.map((r: any) => r.label)).toEqual(['North']);
    expect((await manager.get(`/api/v1/surveys/${surveyId}/analytics/breakdown?by=location&parent=${loc.south}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/surveys/${surveyId}/analytics/summary?location=${loc.C}`)).status).toBe(404);
    const comments = await manager.get(`/api/v1/surveys/${surveyId}/comments`);
    expect(comments.json.comments.map((c: any) => c.text).sort()).toEqual(['<b>great</b> coffee', 'slow']);
    expect((await manager.post(`/api/v1/responses/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/exclude`, { reason: 'x' })).status).toBe(403);
  });

  it('lists the latest comments with the NPS group, paginated', async () => {
    const first = await api(`/surveys/${surveyId}/comments?limit=2`);
    expect(first.status).toBe(200);
    expect(first.json.comments).toHaveLength(2);
    expect(first.json.comments[0].submittedAt >= first.json.comments[1].submittedAt).toBe(true);
    const rest = await api(`/surveys/${surveyId}/comments?limit=2&before=${encodeURIComponent(first.json.nextBefore)}`);
    expect(rest.json.comments.length).toBeGreaterThan(0);
    const all = [...first.json.comments, ...rest.json.comments];
    const great = all.find((c: any) => c.text === '<b>great</b> coffee');
    expect(great).toMatchObject({ score: 10, group: 'promoter', locationName: 'Store A', channel: 'link' });
    const detractors = await api(`/surveys/${surveyId}/comments?group=detractor`);
    expect(detractors.json.comments.map((c: any) => c.text)).toEqual(['slow']);
  });

  it('pages comments without losing any when a page ends inside one response or one instant', async () => {
    const org = (await server.pool.query(`select org_id from surveys where id = $1`, [surveyId])).rows[0].org_id as string;
    const s = await seedSurvey(server.pool, org, [
      { key: 'nps', type: 'nps' },
      { key: 'good', type: 'text' },
      { key: 'bad', type: 'text' },
    ], 'Paging');
    // Five responses with two comments each: three at one instant (microseconds apart from the others), two at another.
    const at = ['2026-02-01T10:00:00.123456Z', '2026-02-01T10:00:00.123456Z', '2026-02-01T10:00:00.123456Z', '2026-02-01T10:00:00.123999Z', '2026-02-01T10:00:00.123999Z'];
    await seedResponses(server.pool, org, s.surveyId, s.ids, at.map((t, i) => ({
      at: t,
      answers: { nps: { score: 9 }, good: { text: `good ${i}` }, bad: { text: `bad ${i}` } },
    })));
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let before: string | null = null;
      for (let page = 0; page < 20; page++) {
        const res = await api(`/surveys/${s.surveyId}/comments?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.json.comments.map((c: any) => c.text));
        before = res.json.nextBefore;
        if (!before) break;
      }
      expect(seen.sort()).toEqual([0, 1, 2, 3, 4].flatMap((i) => [`bad ${i}`, `good ${i}`]).sort());
    }
    const first = await api(`/surveys/${s.surveyId}/comments?limit=2`);
    expect(first.json.comments[0].submittedAt).toBe('2026-02-01T10:00:00.123999Z');
    // A plain instant still means "strictly older" (the dashboard passes the last comment's time).
    const older = await api(`/surveys/${s.surveyId}/comments?before=${encodeURIComponent('2026-02-01T10:00:00.123999Z')}`);
    expect(older.json.comments).toHaveLength(6);
    expect((await api(`/surveys/${s.surveyId}/comments?before=yesterday`)).status).toBe(400);
    expect((await api(`/surveys/${s.surveyId}/comments?before=${encodeURIComponent('2026-02-01T10:00:00Z,x,y')}`)).status).toBe(400);
  });

  it('compares two periods and two segments with a significance test', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/compare?question=${q.nps}&aFrom=2026-01-12&aTo=2026-01-18&bFrom=2026-01-05&bTo=2026-01-11`);
    expect(res.status).toBe(200);
    const a = NPS.filter((_, i) => i % 2 === 1);
    const b = NPS.filter((_, i) => i % 2 === 0);
    expect(res.json.a.n).toBe(6);
    expect(res.json.change.diff).toBeCloseTo(npsOf(a) - npsOf(b), 6);
    // METRICS.md: SE of an NPS difference = sqrt(SE1'^2 + SE2'^2), each side on adjusted counts (n + 3, +3/4 each group).
    // a = 9 3 6 9 0 10: 3 promoters, 3 detractors -> SE' = 100 sqrt(0.833333 / 9) = 30.4290;
    // b = 10 8 10 7 9 5: 3 promoters, 1 detractor -> SE' = 100 sqrt(0.561728 / 9) = 24.9828; SE = 39.3710.
    expect(res.json.change.se).toBeCloseTo(Math.hypot(adjustedWaldSe(a), adjustedWaldSe(b)), 6);
    expect(res.json.change.se).toBeCloseTo(39.371, 2);
    expect(res.json.change).toMatchObject({ test: 'adjusted_wald_z', significant: false, reason: { code: 'small_sample' } }); // n = 6 a side
    const seg = await api(`/surveys/${surveyId}/analytics/compare?question=${q.csat}&aDim=segment:new&bDim=segment:returning`);
    expect(seg.json.change.definition).toBe('csat.v1.diff');
    expect((await api(`/surveys/${surveyId}/analytics/compare?question=${q.nps}`)).status).toBe(400);
  });

  it('lists surveys with headline metrics in the overview', async () => {
    const res = await api('/analytics/overview');
    expect(res.status).toBe(200);
    const s = res.json.surveys.find((x: any) => x.surveyId === surveyId);
    expect(s.responses).toBe(12);
    expect(s.metrics.nps.value).toBeCloseTo(npsOf(NPS), 6);
    expect(s.metrics.csat.n).toBe(CSAT.length);
    expect((await api('/analytics/freshness')).json).toEqual({ rollups: 'transactional', lagSeconds: 0, pending: 0 });
  });

  it('answers 404 for unknown surveys and 401 without a session', async () => {
    expect((await api(`/surveys/${loc.A}/analytics/summary`)).status).toBe(404);
    // A malformed id is answered like an unknown one (issue 7).
    expect((await api(`/surveys/not-an-id/analytics/summary`)).status).toBe(404);
    const anon = await fetch(`${server.baseUrl}/api/v1/surveys/${surveyId}/analytics/summary`);
    expect(anon.status).toBe(401);
  });
});
