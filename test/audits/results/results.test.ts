/**
 * The audit results API on real PostgreSQL against the hand-made data set of fixture.ts. Every expected number
 * is worked out here from the visits' answers (points: g1 2, g2 1, c1 3 critical, c2 1):
 *   V1 A  yes no  yes yes  6/7            greeting 2/3  checkout 3/3  clean 1/1
 *   V2 A  yes yes no  yes  autofail -> 0  greeting 3/3  checkout 0/3  clean 1/1
 *   V3 B  yes yes yes yes  7/7            greeting 3/3  checkout 3/3  clean 1/1
 *   V4 C  no  yes yes na   4/6            greeting 1/3  checkout 3/3  clean n/a
 *   V5 D  yes no  yes no   5/7            greeting 2/3  checkout 3/3  clean 0/1
 *   V6 E  no  no  yes yes  4/7            greeting 0/3  checkout 3/3  clean 1/1
 *   V9 K (competitor) yes yes yes no 6/7; V10 A February 7/7; V7 unpublished, V8 QA, V11 April: never in March's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../../helpers/app.ts';
import { seedResultsFixture, type ResultsFixture } from './fixture.ts';

let server: TestServer;
let admin: Client;
let manager: Client;
let auditor: Client;
let fx: ResultsFixture;
const MARCH = 'from=2026-03-01&to=2026-03-31';

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-04-10T12:00:00Z') });
  fx = await seedResultsFixture(server.pool, 'results.test');
  admin = await signIn(server.baseUrl, 'admin@results.test');
  manager = await signIn(server.baseUrl, 'a@results.test');
  auditor = await signIn(server.baseUrl, 'auditor@results.test');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const VISIT_SCORES = { V1: (100 * 6) / 7, V2: 0, V3: 100, V4: (100 * 4) / 6, V5: (100 * 5) / 7, V6: (100 * 4) / 7 };
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('GET /audits/summary', () => {
  it('counts the published own visits of the period: mean of visit scores, autofails, pooled standards and sections, change', async () => {
    const res = await admin.get(`/api/v1/audits/summary?${MARCH}`);
    expect(res.status).toBe(200);
    const s = res.json;
    const mean = meanOf(Object.values(VISIT_SCORES));
    expect(s.n).toBe(6);
    expect(s.mean).toBeCloseTo(mean, 10);
    expect(s.autofails).toBe(1);
    expect(s.autofailRate).toBeCloseTo(100 / 6, 10);
    // the previous 31 days (29 Jan .. 28 Feb): V10 alone, 100
    expect(s.previous).toMatchObject({ from: '2026-01-29', to: '2026-02-28', n: 1, mean: 100, autofails: 0 });
    expect(s.change).toBeCloseTo(mean - 100, 10);
    const std = Object.fromEntries(s.standards.map((x: { key: string }) => [x.key, x]));
    // greeting 2+3+3+1+2+0 of 6x3; checkout 3+0+3+3+3+3 of 6x3; cleanliness 1+1+1+0+1 of 5x1 (V4 n/a)
    expect(std.greeting).toMatchObject({ earned: 11, possible: 18, items: 12, visits: 6 });
    expect(std.greeting.score).toBeCloseTo((100 * 11) / 18, 10);
    expect(std.checkout_speed).toMatchObject({ earned: 15, possible: 18, items: 6, visits: 6 });
    expect(std.cleanliness).toMatchObject({ earned: 4, possible: 5, items: 5, visits: 5, score: 80 });
    const sec = Object.fromEntries(s.sections.map((x: { key: string }) => [x.key, x]));
    expect(sec.s1).toMatchObject({ name: 'Greeting', earned: 11, possible: 18 });
    expect(sec.s2).toMatchObject({ name: 'Checkout', earned: 19, possible: 23 });
    expect(sec.s2.score).toBeCloseTo((100 * 19) / 23, 10);
    // section names in the requested language
    const ru = await admin.get(`/api/v1/audits/summary?${MARCH}&lang=ru`);
    expect(ru.json.sections.map((x: { name: string }) => x.name).sort()).toEqual(['Касса', 'Приветствие']);
  });

  it('filters by kind, location and checklist; validates its parameters naming the field', async () => {
    expect((await admin.get(`/api/v1/audits/summary?${MARCH}&kind=call`)).json).toMatchObject({ n: 1, mean: 100 });
    expect((await admin.get(`/api/v1/audits/summary?${MARCH}&location=${fx.stores.A}`)).json).toMatchObject({ n: 2, mean: VISIT_SCORES.V1 / 2, autofails: 1 });
    expect((await admin.get(`/api/v1/audits/summary?${MARCH}&checklistId=${fx.checklistId}`)).json.n).toBe(6);
    expect((await admin.get(`/api/v1/audits/summary?${MARCH}&checklistId=00000000-0000-4000-8000-000000000001`)).json).toMatchObject({ n: 0, mean: null, autofailRate: null });
    // without a period: everything published and own (V1-V6, V10, V11), no previous period
    const all = (await admin.get('/api/v1/audits/summary')).json;
    expect(all.n).toBe(8);
    expect(all.previous).toBeNull();
    for (const [q, field] of [['from=2026-02-30', 'from'], ['kind=qa', 'kind'], ['location=nope', 'location'], ['from=2026-03-05&to=2026-03-01', 'to'], ['lang=de', 'lang']]) {
      const res = await admin.get(`/api/v1/audits/summary?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json.message, q).toMatch(new RegExp(`^${field}:`));
    }
  });
});

describe('locations, employees, trend', () => {
  it('by-location: own stores only, with n, mean, autofails and latest visit', async () => {
    const res = await admin.get(`/api/v1/audits/by-location?${MARCH}`);
    expect(res.status).toBe(200);
    const rows = res.json.locations;
    expect(rows.map((r: { name: string }) => r.name)).toEqual(['Store A', 'Store B', 'Store C', 'Store D', 'Store E']);
    expect(rows[0]).toMatchObject({ id: fx.stores.A, n: 2, autofails: 1, latest: '2026-03-20' });
    expect(rows[0].mean).toBeCloseTo((VISIT_SCORES.V1 + 0) / 2, 10);
    expect(rows[1]).toMatchObject({ n: 1, mean: 100, autofails: 0 }); // V7 unpublished and V8 QA are not counted
  });

  it('by-employee: the directory name or the free-text label', async () => {
    const rows = (await admin.get(`/api/v1/audits/by-employee?${MARCH}`)).json.employees;
    expect(rows.map((r: { name: string; n: number; mean: number }) => [r.name, r.n, r.mean])).toEqual([
      ['Anna', 1, VISIT_SCORES.V1], ['Boris', 1, 100], ['Till 2 cashier', 1, 0],
    ]);
  });

  it('trend by month', async () => {
    const res = await admin.get('/api/v1/audits/trend?from=2026-02-01&to=2026-04-30&interval=month');
    expect(res.json.points.map((p: { period: string; n: number }) => [p.period, p.n])).toEqual([['2026-02-01', 1], ['2026-03-01', 6], ['2026-04-01', 1]]);
    expect(res.json.points[1].mean).toBeCloseTo(meanOf(Object.values(VISIT_SCORES)), 10);
    expect(res.json.points[2].mean).toBe(0);
    // by week (Mondays): 2 Mar V1; 9 Mar V3 V4 V5 V6; 16 Mar V2
    const weeks = (await admin.get(`/api/v1/audits/trend?${MARCH}&interval=week`)).json.points;
    expect(weeks.map((p: { period: string; n: number }) => [p.period, p.n])).toEqual([['2026-03-02', 1], ['2026-03-09', 4], ['2026-03-16', 1]]);
    expect(weeks[1].mean).toBeCloseTo((VISIT_SCORES.V3 + VISIT_SCORES.V4 + VISIT_SCORES.V5 + VISIT_SCORES.V6) / 4, 10);
  });
});

describe('items and autofails', () => {
  it('what fails most often: fail rate first, with the item text of the requested language', async () => {
    const items = (await admin.get(`/api/v1/audits/items?${MARCH}`)).json.items;
    // g2 3 of 6 failed (V1 V5 V6); g1 2 of 6 (V4 V6); c2 1 of 5 (V5); c1 1 of 6 (V2)
    expect(items.map((i: { key: string; applicable: number; failed: number }) => [i.key, i.applicable, i.failed])).toEqual([
      ['g2', 6, 3], ['g1', 6, 2], ['c2', 5, 1], ['c1', 6, 1],
    ]);
    expect(items[0].failRate).toBe(50);
    expect(items[1].failRate).toBeCloseTo(100 / 3, 10);
    expect(items[1]).toMatchObject({ text: 'Greeted within 30 seconds', earned: 8, possible: 12, standard: 'greeting', critical: false });
    expect(items[3]).toMatchObject({ critical: true, earned: 15, possible: 18 });
    const fa = (await admin.get(`/api/v1/audits/items?${MARCH}&lang=fa`)).json.items;
    expect(fa[1].text).toBe('خوشامد در ۳۰ ثانیه');
  });

  it('autofails: the autofailed visits with their failed critical items', async () => {
    const res = await admin.get(`/api/v1/audits/autofails?${MARCH}`);
    expect(res.json.visits).toEqual([expect.objectContaining({
      visitId: fx.visits.V2, day: '2026-03-20', location: { id: fx.stores.A, name: 'Store A' }, score: 0, autofail: true,
      items: [{ key: 'c1', critical: true, text: 'Receipt given' }],
    })]);
  });

  it('to-fix: the failed items of each location\'s latest visit', async () => {
    const visits = (await manager.get(`/api/v1/audits/to-fix?${MARCH}`)).json.visits;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ visitId: fx.visits.V2, items: [{ key: 'c1', critical: true }] });
  });
});

describe('benchmark', () => {
  it('own against competitor by standard; the competitor never in the own figures', async () => {
    const b = (await admin.get(`/api/v1/audits/benchmark?${MARCH}`)).json;
    expect(b.own.n).toBe(6);
    expect(b.competitors).toMatchObject({ n: 1, autofails: 0 });
    expect(b.competitors.mean).toBeCloseTo((100 * 6) / 7, 10);
    const std = Object.fromEntries(b.standards.map((x: { key: string }) => [x.key, x]));
    expect(std.greeting.own).toMatchObject({ earned: 11, possible: 18 });
    expect(std.greeting.competitors).toMatchObject({ earned: 3, possible: 3, score: 100, visits: 1 });
    expect(std.cleanliness.competitors).toMatchObject({ earned: 0, possible: 1, score: 0 });
    expect(b.competitorLocations).toEqual([expect.objectContaining({ id: fx.stores.K, name: 'Rival Mart', n: 1 })]);
    expect(Object.keys(b.competitorLocations[0]).sort()).toEqual(['id', 'mean', 'n', 'name', 'standards']);
  });
});

/** Pearson r by the raw-sums formula (n Sxy - Sx Sy) / sqrt((n Sxx - Sx^2)(n Syy - Sy^2)). */
function pearsonBySums(x: number[], y: number[]): number {
  const n = x.length;
  const sx = x.reduce((a, b) => a + b, 0);
  const sy = y.reduce((a, b) => a + b, 0);
  const sxy = x.reduce((a, v, i) => a + v * y[i], 0);
  const sxx = x.reduce((a, v) => a + v * v, 0);
  const syy = y.reduce((a, v) => a + v * v, 0);
  return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
}

describe('customer link', () => {
  it('puts each store\'s audit mean beside its NPS and CSAT, and correlates standards with them across 5 stores', async () => {
    const res = await admin.get(`/api/v1/audits/customer-link?${MARCH}`);
    expect(res.status).toBe(200);
    const c = res.json;
    expect(c.caveat).toMatch(/correlation, not cause/);
    const byName = Object.fromEntries(c.locations.map((l: { name: string }) => [l.name, l]));
    expect(Object.keys(byName).sort()).toEqual(['Store A', 'Store B', 'Store C', 'Store D', 'Store E']);
    // A: 6 promoters, 2 passives, 2 detractors of 10 -> 40 (February's zeros are not the period); 7 of 10 satisfied -> 70%
    expect(byName['Store A'].nps).toMatchObject({ value: 40, n: 10 });
    expect(byName['Store A'].csat).toMatchObject({ value: 70, n: 10 });
    expect(byName['Store E'].nps.value).toBe(-40);
    expect(byName['Store A'].audit.n).toBe(2);
    const nps = [40, 70, -10, 30, -40];
    const csat = [70, 90, 40, 60, 30];
    // greeting per store: A 5/6, B 3/3, C 1/3, D 2/3, E 0/3
    const greeting = [(100 * 5) / 6, 100, 100 / 3, 200 / 3, 0];
    const corr = Object.fromEntries(c.correlations.map((x: { standard: string }) => [x.standard, x]));
    expect(corr.greeting.nps.n).toBe(5);
    const r = pearsonBySums(greeting, nps);
    expect(corr.greeting.nps.r).toBeCloseTo(r, 10);
    expect(corr.greeting.csat.r).toBeCloseTo(pearsonBySums(greeting, csat), 10);
    // t test with 3 degrees of freedom: closed-form t(3) CDF F(t) = 1/2 + (u / (1 + u^2) + atan u) / pi, u = t / sqrt 3
    const t = r * Math.sqrt(3 / (1 - r * r));
    const u = t / Math.sqrt(3);
    expect(corr.greeting.nps.pValue).toBeCloseTo(2 * (1 - (0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI)), 8);
    const z = 0.5 * Math.log((1 + r) / (1 - r));
    expect(corr.greeting.nps.ci95[0]).toBeCloseTo(Math.tanh(z - 1.96 / Math.sqrt(2)), 10);
    // cleanliness: C has none (n/a) -> 4 stores, too few
    expect(corr.cleanliness.nps).toMatchObject({ n: 4, r: null, reason: 'too_few' });
  });
});

describe('scope and permissions', () => {
  it('a store manager sees only their store', async () => {
    const s = (await manager.get(`/api/v1/audits/summary?${MARCH}`)).json;
    expect(s).toMatchObject({ n: 2, autofails: 1 });
    expect(s.mean).toBeCloseTo(VISIT_SCORES.V1 / 2, 10);
    // the whole company as one number: the six own visits, the competitor not among them
    expect(s.company.n).toBe(6);
    expect(s.company.mean).toBeCloseTo(meanOf(Object.values(VISIT_SCORES)), 10);
    expect((await admin.get(`/api/v1/audits/summary?${MARCH}`)).json.company).toBeNull();
    expect((await manager.get(`/api/v1/audits/by-location?${MARCH}`)).json.locations.map((l: { id: string }) => l.id)).toEqual([fx.stores.A]);
    expect((await manager.get(`/api/v1/audits/by-employee?${MARCH}`)).json.employees.map((e: { name: string }) => e.name)).toEqual(['Anna', 'Till 2 cashier']);
    const link = (await manager.get(`/api/v1/audits/customer-link?${MARCH}`)).json;
    expect(link.locations.map((l: { id: string }) => l.id)).toEqual([fx.stores.A]);
    expect(link.correlations.every((c: { nps: { reason: string } }) => c.nps.reason === 'too_few')).toBe(true);
    const bench = (await manager.get(`/api/v1/audits/benchmark?${MARCH}`)).json;
    expect(bench.own.n).toBe(2);
    expect(bench.competitorLocations).toEqual([]); // the competitor is outside the manager's subtree
    const items = (await manager.get(`/api/v1/audits/items?${MARCH}`)).json.items;
    expect(items.reduce((s: number, i: { applicable: number }) => s + i.applicable, 0)).toBe(8);
    // another store, asked for by id: not found
    expect((await manager.get(`/api/v1/audits/summary?${MARCH}&location=${fx.stores.B}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/audits/autofails?location=${fx.stores.B}`)).status).toBe(404);
  });

  it('an auditor sees no results; anonymous callers are refused', async () => {
    for (const path of ['summary', 'by-location', 'by-employee', 'trend', 'items', 'autofails', 'to-fix', 'benchmark', 'customer-link']) {
      expect((await auditor.get(`/api/v1/audits/${path}`)).status, path).toBe(403);
      expect((await fetch(`${server.baseUrl}/api/v1/audits/${path}`)).status, path).toBe(401);
    }
  });

  it('another organisation sees none of it', async () => {
    const other = await seedResultsFixture(server.pool, 'other-results.test', { withData: false });
    const o = await signIn(server.baseUrl, 'admin@other-results.test');
    expect((await o.get(`/api/v1/audits/summary?${MARCH}`)).json.n).toBe(0);
    expect((await o.get(`/api/v1/audits/by-location?location=${fx.stores.A}`)).status).toBe(404);
    expect((await o.get(`/api/v1/audits/customer-link?survey=${fx.surveyId}`)).status).toBe(404);
    expect(other.orgId).not.toBe(fx.orgId);
  });
});
