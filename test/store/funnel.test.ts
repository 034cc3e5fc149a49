/**
 * The store funnel API on a real server and PostgreSQL, on SQL-seeded footfall, sales, shifts, answers,
 * comments and audits (funnelFixture.ts); every expected figure is computed by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FunnelAnswerSchema, FunnelHoursAnswerSchema, FunnelStoresAnswerSchema } from '../../src/core/api/funnel.ts';
import { buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { buildFunnelStores, FOOTFALL, insertAudits, insertFootfall, insertSales, insertShift, SALES } from './funnelFixture.ts';

const NOW = new Date('2026-03-20T12:00:00Z');
const WINDOW = 'from=2026-03-10&to=2026-03-11';

describe('store funnel API', () => {
  let server: TestServer;
  let owner: Client;
  let managerA: Client;
  let managerB: Client;
  let other: Client;
  let stores: Awaited<ReturnType<typeof buildFunnelStores>>;

  beforeAll(async () => {
    server = await startTestServer({ now: () => NOW });
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Funnel Org', 'Europe/Moscow');
    stores = await buildFunnelStores(pool, org.orgId, org.root);
    await insertFootfall(pool, org.orgId, stores, FOOTFALL);
    await insertSales(pool, org.orgId, stores, SALES);
    // Store A's shifts: 09:30-11:00 and 10:00-10:30 local on 10 March; one on 12 March (outside the window).
    await insertShift(pool, org.orgId, stores.A, 's1', '2026-03-10T06:30:00Z', '2026-03-10T08:00:00Z');
    await insertShift(pool, org.orgId, stores.A, 's2', '2026-03-10T07:00:00Z', '2026-03-10T07:30:00Z');
    await insertShift(pool, org.orgId, stores.A, 's3', '2026-03-12T07:00:00Z', '2026-03-12T15:00:00Z');
    await insertAudits(pool, org.orgId, stores.A);

    // Customer answers: A 10, 9, 3 (2 promoters, 1 detractor of 3: NPS 33.3); B 6 (NPS -100); B's 10 at
    // 00:30 local on 12 March is outside the window. A staff survey's 0 at A is not customer NPS.
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }, { key: 'comment', type: 'text' }]);
    const [a10, a9, a3, b6] = await seedResponses(pool, org.orgId, s.surveyId, s.ids, [
      { locationId: stores.A, at: '2026-03-10T10:00:00Z', answers: { nps: { score: 10 }, comment: { text: 'Fast queue' } } },
      { locationId: stores.A, at: '2026-03-10T10:00:00Z', answers: { nps: { score: 9 }, comment: { text: 'Rude staff' } } },
      { locationId: stores.A, at: '2026-03-11T10:00:00Z', answers: { nps: { score: 3 }, comment: { text: 'Long queue' } } },
      { locationId: stores.B, at: '2026-03-10T10:00:00Z', answers: { nps: { score: 6 }, comment: { text: 'Waited forever' } } },
      { locationId: stores.B, at: '2026-03-11T21:30:00Z', answers: { nps: { score: 10 } } },
    ]);
    // Negative comments: A 2 (one about waiting: share 1/2), B 1 about waiting (share 1). A's positive one does not count.
    const analysis = [[a10, 'positive', ['waiting_time']], [a9, 'negative', ['staff_politeness']], [a3, 'negative', ['waiting_time']], [b6, 'negative', ['waiting_time', 'prices']]] as const;
    for (const [rid, sentiment, themes] of analysis) {
      await pool.query(
        `insert into comment_analysis(org_id, response_id, question_id, lang, sentiment, p, source, themes, text_md5) values ($1, $2, $3, 'en', $4, 0.9, 'lexicon', $5, 'x')`,
        [org.orgId, rid, s.ids.comment, sentiment, themes],
      );
    }
    const staff = await seedSurvey(pool, org.orgId, [{ key: 'enps', type: 'nps', required: true }], 'Staff pulse');
    await pool.query(`update surveys set audience = 'staff' where id = $1`, [staff.surveyId]);
    await seedResponses(pool, org.orgId, staff.surveyId, staff.ids, [{ locationId: stores.A, at: '2026-03-10T10:00:00Z', answers: { enps: { score: 0 } } }]);

    await buildUser(pool, org.orgId, 'owner', 'owner@funnel.test');
    await buildUser(pool, org.orgId, 'location_manager', 'a@funnel.test', [stores.A]);
    await buildUser(pool, org.orgId, 'location_manager', 'b@funnel.test', [stores.B]);
    const otherOrg = await buildAnalyticsOrg(pool, 'Other Funnel Org');
    await buildUser(pool, otherOrg.orgId, 'owner', 'owner@other-funnel.test');
    owner = await signIn(server.baseUrl, 'owner@funnel.test');
    managerA = await signIn(server.baseUrl, 'a@funnel.test');
    managerB = await signIn(server.baseUrl, 'b@funnel.test');
    other = await signIn(server.baseUrl, 'owner@other-funnel.test');
  });
  afterAll(async () => server?.close());

  it('gives the region\'s totals, previous period, trend and daily series in the organisation\'s days', async () => {
    const res = await owner.get(`/api/v1/store/funnel?${WINDOW}&location=${stores.North}`);
    expect(res.status).toBe(200);
    const a = FunnelAnswerSchema.parse(res.json);
    expect(a.period).toEqual({ from: '2026-03-10', to: '2026-03-11' });
    expect(a.previousPeriod).toEqual({ from: '2026-03-08', to: '2026-03-09' });
    // A: passers-by 500 + 40 with visitors 100 + 10; visitors 100 + 50 + 10; sales 20 + 5 + 2 = 27, 600 + 100 + 50 = 750;
    //    conversion pair: visitors 160 (every hour on a day with sales), transactions 20 + 0 + 2 = 22 (the 5 have no counter).
    // B: passers-by 1000 with visitors 200; visitors 300; sales 10, 400; conversion pair 100 / 10 (the 11th had no sales).
    // North: passers-by 1540, captured visitors 310, visitors 460, transactions 37, revenue 1150, conversion 32 / 260.
    expect(a.totals.passersBy).toBe(1540);
    expect(a.totals.visitors).toBe(460);
    expect(a.totals.transactions).toBe(37);
    expect(a.totals.revenue).toBe(1150);
    expect(a.totals.captureRate).toBeCloseTo(310 / 1540, 10);
    expect(a.totals.conversion).toBeCloseTo(32 / 260, 10);
    expect(a.totals.averageCheck).toBeCloseTo(1150 / 37, 10);
    // Previous: A on 9 March, 80 of 400 passing, 16 receipts, 400 revenue.
    expect(a.previous).toEqual({ passersBy: 400, visitors: 80, transactions: 16, revenue: 400, captureRate: 0.2, conversion: 0.2, averageCheck: 25 });
    expect(a.trend.visitors).toBeCloseTo(475, 8); // (460 - 80) / 80
    expect(a.trend.transactions).toBeCloseTo(131.25, 8);
    expect(a.trend.revenue).toBeCloseTo(187.5, 8);
    expect(a.trend.averageCheck).toBeCloseTo((1150 / 37 / 25 - 1) * 100, 8);
    expect(a.trend.captureRate).toBeCloseTo((310 / 1540 - 0.2) * 100, 8);
    expect(a.trend.conversion).toBeCloseTo((32 / 260 - 0.2) * 100, 8);
    // 10 March: A 10:00, 11:00, 15:00 and B 12:00 local; 11 March: A 00:00 and B 12:00 local.
    expect(a.series.map((p) => p.bucket)).toEqual(['2026-03-10', '2026-03-11']);
    expect(a.series[0]).toEqual({ bucket: '2026-03-10', passersBy: 500, visitors: 250, transactions: 35, revenue: 1100, captureRate: 0.2, conversion: 30 / 250, averageCheck: 1100 / 35 });
    expect(a.series[1]).toEqual({ bucket: '2026-03-11', passersBy: 1040, visitors: 210, transactions: 2, revenue: 50, captureRate: 210 / 1040, conversion: 0.2, averageCheck: 25 });
  });

  it('buckets hours and weeks in local time', async () => {
    const hours = FunnelAnswerSchema.parse((await owner.get(`/api/v1/store/funnel?${WINDOW}&location=${stores.A}&granularity=hour`)).json);
    expect(hours.series.map((p) => p.bucket)).toEqual(['2026-03-10T10:00', '2026-03-10T11:00', '2026-03-10T15:00', '2026-03-11T00:00']);
    expect(hours.series[1]).toMatchObject({ visitors: 50, passersBy: null, captureRate: null, transactions: null, conversion: 0 });
    expect(hours.series[2]).toMatchObject({ visitors: null, transactions: 5, conversion: null, averageCheck: 20 });
    // 9-10 March fall in the week of Monday 9 March, the 2nd to 8th in the week of Monday 2 March.
    const weeks = FunnelAnswerSchema.parse((await owner.get(`/api/v1/store/funnel?from=2026-03-02&to=2026-03-11&location=${stores.A}&granularity=week`)).json);
    expect(weeks.series.map((p) => [p.bucket, p.visitors])).toEqual([['2026-03-09', 80 + 160]]);
  });

  it('lists stores worst conversion first beside NPS, wait complaints, the checkout score and the reading', async () => {
    const res = await owner.get(`/api/v1/store/funnel/stores?${WINDOW}`);
    expect(res.status).toBe(200);
    const a = FunnelStoresAnswerSchema.parse(res.json);
    // Conversion: D 2 / 100, B 10 / 100, A 22 / 160; C has no footfall (last). Medians over A, B, D:
    // capture (110 / 540 = 0.2037, 0.2, 0.1) -> 0.2; conversion (0.1375, 0.1, 0.02) -> 0.1.
    expect(a.stores.map((s) => s.name)).toEqual(['Store D', 'Store B', 'Store A', 'Store C']);
    expect(a.median).toEqual({ captureRate: 0.2, conversion: 0.1 });
    const [d, b, sa, c] = a.stores;
    // D: capture 0.1 < 0.8 x 0.2 and conversion 0.02 < 0.8 x 0.1: shop window and access, assortment to queues.
    expect(d!.reading).toEqual({ findings: ['low_capture', 'low_conversion'], unread: null });
    expect(b!.reading).toEqual({ findings: [], unread: null });
    expect(sa).toMatchObject({ visitors: 160, transactions: 27, revenue: 750, conversion: 22 / 160, negativeComments: 2, waitComplaints: 1, waitShare: 0.5 });
    expect(sa!.nps?.value).toBeCloseTo(100 / 3, 8);
    expect(sa!.nps?.n).toBe(3);
    expect(sa!.checkout).toEqual({ score: 75, visitedAt: '2026-03-09T10:00:00.000Z', section: 'Checkout' });
    expect(b).toMatchObject({ negativeComments: 1, waitComplaints: 1, waitShare: 1, checkout: null });
    expect(b!.nps?.value).toBe(-100);
    expect(b!.nps?.n).toBe(1);
    expect(c).toEqual({
      locationId: stores.C, name: 'Store C', passersBy: null, visitors: null, transactions: null, revenue: null, captureRate: null, conversion: null,
      averageCheck: null, nps: null, negativeComments: 0, waitComplaints: 0, waitShare: null, checkout: null, reading: { findings: [], unread: 'no_data' },
    });
  });

  it('gives conversion by hour of day against the average staff on shift', async () => {
    const a = FunnelHoursAnswerSchema.parse((await owner.get(`/api/v1/store/funnel/hours?${WINDOW}&location=${stores.North}`)).json);
    expect(a.shifts).toBe(true);
    expect(a.hours).toHaveLength(24);
    // 1 store with shifts x 2 days = 2 store-days. 09:00: half an hour of s1 -> 0.25; 10:00: s1's hour and s2's half -> 0.75.
    expect(a.hours[9]).toEqual({ hour: 9, visitors: 0, transactions: 0, conversion: null, staffOnShift: 0.25 });
    expect(a.hours[10]).toEqual({ hour: 10, visitors: 100, transactions: 20, conversion: 0.2, staffOnShift: 0.75 });
    expect(a.hours[11]).toEqual({ hour: 11, visitors: 50, transactions: 0, conversion: 0, staffOnShift: 0 });
    // 12:00: B on both days (300 visitors), conversion only on the 10th: 10 / 100.
    expect(a.hours[12]).toEqual({ hour: 12, visitors: 300, transactions: 10, conversion: 0.1, staffOnShift: 0 });
    expect(a.hours[15]).toEqual({ hour: 15, visitors: 0, transactions: 5, conversion: null, staffOnShift: 0 });
    expect(a.hours[0]).toEqual({ hour: 0, visitors: 10, transactions: 2, conversion: 0.2, staffOnShift: 0 });
    // Store B has no shift file: no staff figure.
    const b = FunnelHoursAnswerSchema.parse((await managerB.get(`/api/v1/store/funnel/hours?${WINDOW}`)).json);
    expect(b.shifts).toBe(false);
    expect(b.hours[12]).toEqual({ hour: 12, visitors: 300, transactions: 10, conversion: 0.1, staffOnShift: null });
  });

  it('keeps a location manager to their store', async () => {
    const a = FunnelAnswerSchema.parse((await managerA.get(`/api/v1/store/funnel?${WINDOW}`)).json);
    expect(a.totals).toEqual({ passersBy: 540, visitors: 160, transactions: 27, revenue: 750, captureRate: 110 / 540, conversion: 22 / 160, averageCheck: 750 / 27 });
    const list = FunnelStoresAnswerSchema.parse((await managerA.get(`/api/v1/store/funnel/stores?${WINDOW}`)).json);
    expect(list.stores.map((s) => s.locationId)).toEqual([stores.A]);
    for (const path of ['/api/v1/store/funnel', '/api/v1/store/funnel/stores', '/api/v1/store/funnel/hours']) {
      expect((await managerA.get(`${path}?${WINDOW}&location=${stores.B}`)).status).toBe(404);
      expect((await other.get(`${path}?${WINDOW}&location=${stores.A}`)).status).toBe(404);
    }
    const foreign = FunnelAnswerSchema.parse((await other.get(`/api/v1/store/funnel?${WINDOW}`)).json);
    expect(foreign.totals.visitors).toBeNull();
    expect(foreign.series).toEqual([]);
  });

  it('refuses bad parameters with the field named, and callers without a session', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-03-12&to=2026-03-10', 'to'],
      ['from=2026-02-30', 'from'],
      ['location=nope', 'location'],
      ['granularity=month', 'granularity'],
      ['from=2026-01-01&to=2026-03-10&granularity=hour', 'granularity'],
    ];
    for (const [q, field] of cases) {
      const res = await owner.get(`/api/v1/store/funnel?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json.error).toBe('validation');
      expect(res.json.details.field).toBe(field);
    }
    const anon = await fetch(`${server.baseUrl}/api/v1/store/funnel`);
    expect(anon.status).toBe(401);
  });

  it('defaults to the last 30 days of the organisation\'s calendar', async () => {
    const a = FunnelAnswerSchema.parse((await owner.get('/api/v1/store/funnel')).json);
    // 12:00Z on 20 March is 15:00 in Moscow: 20 March, and the 29 days before it.
    expect(a.period).toEqual({ from: '2026-02-19', to: '2026-03-20' });
    expect(a.previousPeriod).toEqual({ from: '2026-01-20', to: '2026-02-18' });
  });
});
