/**
 * /api/v1/loyalty on transactions seeded in SQL, in an organisation on Moscow time: the figures worked out
 * by hand in the comments, the caller's locations only, calendar days in the organisation's zone, the NPS
 * groups through contacts, the what-if, and the validation errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';

let server: TestServer;
let owner: Client;
let manager: Client;
let storeA: { id: string; path: string };
let storeB: { id: string; path: string };

beforeAll(async () => {
  server = await startTestServer();
  const { pool } = server;
  const org = await buildOrg(pool, 'Loyalty Org');
  await pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [org.orgId]);
  const root = { id: org.rootLocationId, path: org.rootPath };
  storeA = await buildLocation(pool, org.orgId, root, 'store', 'A');
  storeB = await buildLocation(pool, org.orgId, root, 'store', 'B');
  await buildUser(pool, org.orgId, 'owner', 'owner@loyalty.test');
  await buildUser(pool, org.orgId, 'location_manager', 'manager@loyalty.test', [storeA.id]);
  await buildUser(pool, org.orgId, 'auditor', 'auditor@loyalty.test');
  const tx = [
    [storeA.id, 'r1', '2026-01-05 10:00+03', 100, 'c1'],
    // 22:30 UTC on Jan 31 is 01:30 on Feb 1 in Moscow: a February purchase
    [storeA.id, 'r2', '2026-01-31 22:30+00', 40, 'c1'],
    [storeA.id, 'r3', '2026-01-20 12:00+03', 30.5, 'c2'],
    [storeA.id, 'r4', '2026-01-20 18:00+03', 9.5, 'c2'],
    [storeA.id, 'r5', '2026-02-14 12:00+03', 10, 'c3'],
    [storeA.id, 'r6', '2026-02-14 13:00+03', 500, null],
    [storeB.id, 'r7', '2026-02-20 12:00+03', 50, 'c1'],
    [storeB.id, 'r8', '2026-03-03 12:00+03', 20, 'c4'],
  ];
  for (const [loc, receipt, at, amount, customer] of tx) {
    await pool.query(`insert into sales_transactions(org_id, location_id, receipt_id, at, amount, customer_key) values ($1, $2, $3, $4, $5, $6)`, [org.orgId, loc, receipt, at, amount, customer]);
  }
  // NPS answers through contacts: c1 3 then 10 (latest counts), c2 5, c3 8; a staff survey's 0 for c3 does not count
  const survey = async (audience: string, slug: string) => {
    const s = await pool.query(`insert into surveys(org_id, slug, name, audience) values ($1, $2, $2, $3) returning id`, [org.orgId, slug, audience]);
    const q = await pool.query(`insert into questions(org_id, survey_id, key, position, type, metric) values ($1, $2, 'nps', 0, 'nps', 'nps') returning id`, [org.orgId, s.rows[0].id]);
    return { surveyId: s.rows[0].id as string, questionId: q.rows[0].id as string };
  };
  const customers = await survey('customers', 'ly-nps');
  const staff = await survey('staff', 'ly-staff');
  const contact = async (external: string) => (await pool.query(`insert into contacts(org_id, external_id) values ($1, $2) returning id`, [org.orgId, external])).rows[0].id as string;
  const contacts = { c1: await contact('c1'), c2: await contact('c2'), c3: await contact('c3') };
  let n = 0;
  const answer = async (s: { surveyId: string; questionId: string }, contactId: string, score: number, at: string) => {
    n += 1;
    const r = await pool.query(
      `insert into responses(org_id, survey_id, location_id, language, idempotency_key, survey_version, submitted_at, contact_id) values ($1, $2, $3, 'en', $4, 1, $5, $6) returning id`,
      [org.orgId, s.surveyId, storeA.id, `k${n}`, at, contactId],
    );
    await pool.query(
      `insert into answers(org_id, response_id, question_id, survey_id, location_id, channel, language, submitted_at, score) values ($1, $2, $3, $4, $5, 'link', 'en', $6, $7)`,
      [org.orgId, r.rows[0].id, s.questionId, s.surveyId, storeA.id, at, score],
    );
  };
  await answer(customers, contacts.c1, 3, '2026-01-06 10:00Z');
  await answer(customers, contacts.c1, 10, '2026-02-21 10:00Z');
  await answer(customers, contacts.c2, 5, '2026-01-21 10:00Z');
  await answer(customers, contacts.c3, 8, '2026-02-15 10:00Z');
  await answer(staff, contacts.c3, 0, '2026-03-01 10:00Z');
  owner = await signIn(server.baseUrl, 'owner@loyalty.test');
  manager = await signIn(server.baseUrl, 'manager@loyalty.test');
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/loyalty/summary', () => {
  it('the whole organisation, by hand', async () => {
    const res = await owner.get('/api/v1/loyalty/summary');
    expect(res.status).toBe(200);
    // c1 100 (Jan 5) + 40 (Feb 1, Moscow) + 50 (Feb 20) = 190 on 3 days; c2 30.5 + 9.5 = 40 on one day; c3 10; c4 20.
    // The receipt without a customer is left out. 4 customers, 7 transactions, 260; top 1: 190 / 260; repeat 1 / 4.
    // Jan: c1 c2; Feb: c1 c3; Mar: c4 (last). Jan -> Feb: c1 (1 of 2); Feb -> Mar: nobody (0 of 2).
    expect(res.json).toMatchObject({
      period: 'month', customers: 4, transactions: 7, revenue: 260, top20_revenue_share: 190 / 260, repeat_customer_rate: 0.25,
      retention: [{ period: '2026-01', active: 2, retained: 1, rate: 0.5 }, { period: '2026-02', active: 2, retained: 0, rate: 0 }],
      valuePerCustomer: 65, timeZone: 'Europe/Moscow',
      // ascending: 10, 20, 40, 190
      lorenz: [
        { customers: 0, revenue: 0 }, { customers: 0.25, revenue: 10 / 260 }, { customers: 0.5, revenue: 30 / 260 },
        { customers: 0.75, revenue: 70 / 260 }, { customers: 1, revenue: 1 },
      ],
      // Jan cohort c1 c2: Feb c1, Mar nobody; Feb cohort c3; Mar cohort c4
      cohorts: [
        { cohort: '2026-01', size: 2, active: [2, 1, 0], share: [1, 0.5, 0] },
        { cohort: '2026-02', size: 1, active: [1, 0], share: [1, 0] },
        { cohort: '2026-03', size: 1, active: [1], share: [1] },
      ],
    });
  });

  it('calendar days in the organisation zone: from Feb 1 takes the purchase made at 22:30 UTC on Jan 31', async () => {
    const res = await owner.get('/api/v1/loyalty/summary?from=2026-02-01&to=2026-03-31&period=week');
    // c1 40 + 50, c3 10, c4 20: 120, 4 transactions, 3 customers
    expect(res.json).toMatchObject({ customers: 3, transactions: 4, revenue: 120, repeat_customer_rate: 1 / 3 });
    // ISO weeks: Feb 1 (Sun) 2026-W05 c1; Feb 14 (Sat) W07 c3; Feb 20 (Fri) W08 c1; Mar 3 (Tue) W10 c4 (last)
    expect(res.json.retention).toEqual([
      { period: '2026-W05', active: 1, retained: 0, rate: 0 },
      { period: '2026-W07', active: 1, retained: 0, rate: 0 },
      { period: '2026-W08', active: 1, retained: 0, rate: 0 },
    ]);
    const jan = await owner.get('/api/v1/loyalty/summary?to=2026-01-31');
    // c1 100, c2 40
    expect(jan.json).toMatchObject({ customers: 2, transactions: 3, revenue: 140 });
  });

  it('a location manager sees the transactions of their locations only', async () => {
    const res = await manager.get('/api/v1/loyalty/summary');
    // store A: c1 100 + 40 (Jan 5, Feb 1), c2 40, c3 10: 190, 5 transactions; top 1: 140 / 190; repeat 1 / 3
    expect(res.json).toMatchObject({
      customers: 3, transactions: 5, revenue: 190, top20_revenue_share: 140 / 190, repeat_customer_rate: 1 / 3,
      retention: [{ period: '2026-01', active: 2, retained: 1, rate: 0.5 }],
    });
    expect((await manager.get(`/api/v1/loyalty/summary?location=${storeB.id}`)).status).toBe(404);
    const b = await owner.get(`/api/v1/loyalty/summary?location=${storeB.id}`);
    expect(b.json).toMatchObject({ customers: 2, transactions: 2, revenue: 70 });
  });

  it('refuses bad filters, strangers and roles without dashboards', async () => {
    const bad = await owner.get('/api/v1/loyalty/summary?from=2026-03-01&to=2026-02-01');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('from');
    const period = await owner.get('/api/v1/loyalty/summary?period=fortnight');
    expect(period.status).toBe(400);
    expect(period.json.message).toContain('period');
    const auditor = await signIn(server.baseUrl, 'auditor@loyalty.test');
    expect((await auditor.get('/api/v1/loyalty/summary')).status).toBe(403);
    const anonymous = await fetch(`${server.baseUrl}/api/v1/loyalty/summary`);
    expect(anonymous.status).toBe(401);
  });
});

describe('GET /api/v1/loyalty/nps-value', () => {
  it('revenue per customer by the latest NPS answer of a customer survey', async () => {
    const res = await owner.get('/api/v1/loyalty/nps-value');
    expect(res.status).toBe(200);
    // c1 latest 10: promoter 190; c3 8: passive 10; c2 5: detractor 40; c4 no answer: 20
    expect(res.json.groups).toEqual([
      { group: 'promoter', customers: 1, revenue: 190, revenuePerCustomer: 190 },
      { group: 'passive', customers: 1, revenue: 10, revenuePerCustomer: 10 },
      { group: 'detractor', customers: 1, revenue: 40, revenuePerCustomer: 40 },
      { group: 'unknown', customers: 1, revenue: 20, revenuePerCustomer: 20 },
    ]);
  });
});

describe('GET /api/v1/loyalty/what-if', () => {
  it('defaults from the data', async () => {
    const res = await owner.get('/api/v1/loyalty/what-if');
    expect(res.status).toBe(200);
    // 4 customers, 65 per customer, 1 detractor (10% rounded up: 1), passives 10, detractors 40, acquisition 20% of 65 = 13
    expect(res.json.defaults).toEqual({
      customers: 4, retentionPoints: 5, revenuePerRetainedCustomer: 65, detractorsToPassives: 1, passiveValue: 10, detractorValue: 40, acquisitionCost: 13, acquisitionToRetention: 5,
    });
    // 4 × 5 / 100 = 0.2; × 65 = 13; 1 × (10 − 40) = −30; 0.2 × (13 − 13 / 5) = 2.08
    expect(res.json.extraCustomers).toBeCloseTo(0.2, 12);
    expect(res.json.extraRevenueRetention).toBeCloseTo(13, 12);
    expect(res.json.extraRevenueDetractors).toBe(-30);
    expect(res.json.saving).toBeCloseTo(2.08, 12);
  });

  it('the user assumptions', async () => {
    const res = await owner.get('/api/v1/loyalty/what-if?retentionPoints=10&detractorsToPassives=2&acquisitionCost=50&passiveValue=100');
    // 4 × 10 / 100 = 0.4; × 65 = 26; 2 × (100 − 40) = 120; 0.4 × (50 − 10) = 16; total 162
    expect(res.json.assumptions).toMatchObject({ retentionPoints: 10, detractorsToPassives: 2, acquisitionCost: 50, passiveValue: 100, detractorValue: 40 });
    expect(res.json.extraRevenueRetention).toBeCloseTo(26, 12);
    expect(res.json.extraRevenueDetractors).toBe(120);
    expect(res.json.saving).toBeCloseTo(16, 12);
    expect(res.json.totalGain).toBeCloseTo(162, 12);
    expect(res.json.formulas.detractors[2]).toEqual({ kind: 'term', term: 'detractorsToPassives', value: 2 });
  });

  it('names a bad assumption', async () => {
    const res = await owner.get('/api/v1/loyalty/what-if?retentionPoints=120');
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('retentionPoints');
  });
});
