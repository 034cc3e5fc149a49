/**
 * GET /api/v1/staff/perception on real PostgreSQL (test/staff/perceptionSeed.ts): the staff's estimate beside the
 * customers' answers per location, worked out by hand; a store of 4 staff merged into its region, a group left under
 * 5 hidden, a location manager's scope, the period, and the validation errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { seedSurvey } from '../analytics/seed.ts';
import { seedPerception } from './perceptionSeed.ts';

let server: TestServer;
let owner: Client;
let managerR: Client;
let managerB: Client;
let outsider: Client;
let fx: Awaited<ReturnType<typeof seedPerception>>;
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

beforeAll(async () => {
  server = await startTestServer();
  fx = await seedPerception(server.pool, 'perception.test');
  owner = await signIn(server.baseUrl, 'owner@perception.test');
  managerR = await signIn(server.baseUrl, 'r@perception.test');
  managerB = await signIn(server.baseUrl, 'b@perception.test');
  const other = await buildOrg(server.pool, 'Other');
  await buildUser(server.pool, other.orgId, 'owner', 'else@other.test');
  outsider = await signIn(server.baseUrl, 'else@other.test');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const get = (c: Client, q: string) => c.get(`/api/v1/staff/perception?${q}`);
const groupsOf = (json: any) => json.groups.map((g: any) => [g.name, g.team, g.staffN]);

// Store A: 6 staff. Expected NPS: promoters 10, 9, 9; detractors 6, 3: (3 - 2) / 6 = 16.67. CSAT >= 4: 5, 4, 4, 5 of 6 = 66.67%.
// Its customers (November): NPS 10, 10, 9, 10 promoters, 5 detractor: (4 - 1) / 5 = 60; CSAT 5, 4, 5 of 5 answers = 60%.
function expectStoreA(a: any) {
  expect(a).toMatchObject({ locationId: fx.loc.A, name: 'Store A', team: null, staffN: 6, actual: { nps: expect.closeTo(60, 9), csat: expect.closeTo(60, 9), n: 5 }, reading: { nps: 'pessimistic', csat: 'optimistic' } });
  expect(a.expected.nps).toBeCloseTo(100 / 6, 9);
  expect(a.expected.csat).toBeCloseTo(200 / 3, 9);
  expect(a.gap.nps).toBeCloseTo(100 / 6 - 60, 9);
  expect(a.gap.csat).toBeCloseTo(200 / 3 - 60, 9);
  // Customers' 4 negative comments: queue 3, staff 2, price 1 (the positive one is left out). Staff (6): queue 2, price 3, parking 1.
  expect(a.complaints).toEqual([
    { theme: 'queue', name: { en: 'Queues', ru: 'Очереди', fa: 'صف' }, customerShare: 0.75, top: true, staffShare: 2 / 6, unseen: false },
    { theme: 'staff', name: { en: 'Staff', ru: 'Персонал', fa: 'کارکنان' }, customerShare: 0.5, top: true, staffShare: 0, unseen: true },
    { theme: 'price', name: { en: 'Prices', ru: 'Цены', fa: 'قیمت' }, customerShare: 0.25, top: true, staffShare: 0.5, unseen: false },
    { theme: 'parking', name: { en: 'Parking', ru: 'Парковка', fa: 'پارکینگ' }, customerShare: 0, top: false, staffShare: 1 / 6, unseen: false },
  ]);
}

// Region R: Store B's 4 staff merged with R's own 1 (the respondent who answered only the eNPS question is not counted):
// NPS 10, 10, 9 promoters, 0 detractor, 7 passive: (3 - 1) / 5 = 40; CSAT 5, 5, 4, 4 of 5 = 80%.
// Customers of R's subtree (A + B): NPS promoters 4, detractors 3 of 7 = 14.29; CSAT 3 of 7 = 42.86%.
function expectRegion(r: any) {
  expect(r).toMatchObject({ locationId: fx.loc.R, name: 'Region R', team: null, staffN: 5, expected: { nps: expect.closeTo(40, 9), csat: expect.closeTo(80, 9) }, reading: { nps: 'optimistic', csat: 'optimistic' } });
  expect(r.actual.n).toBe(7);
  expect(r.actual.nps).toBeCloseTo(100 / 7, 9);
  expect(r.actual.csat).toBeCloseTo(300 / 7, 9);
  expect(r.gap.nps).toBeCloseTo(40 - 100 / 7, 9);
  expect(r.gap.csat).toBeCloseTo(80 - 300 / 7, 9);
  // 6 negative comments: queue 4, cleanliness 2, staff 2, price 1; R's staff named none of them.
  expect(r.complaints.map((c: any) => [c.theme, c.customerShare, c.staffShare, c.unseen])).toEqual([
    ['queue', 4 / 6, 0, true], ['cleanliness', 2 / 6, 0, true], ['staff', 2 / 6, 0, true], ['price', 1 / 6, 0, true],
  ]);
}

describe('GET /api/v1/staff/perception', () => {
  it('compares the staff estimate with the customers per location, merging a store of 4 into its region and hiding what stays under 5', async () => {
    const res = await get(owner, `survey=${fx.staffSurveyId}&customerSurvey=${fx.customerSurveyId}&${NOVEMBER}`);
    expect(res.status).toBe(200);
    expect(groupsOf(res.json)).toEqual([['Region R', null, 5], ['Store A', null, 6]]);
    expectRegion(res.json.groups[0]);
    expectStoreA(res.json.groups[1]);
    // Store D's 2 staff go up to the company, which has none of its own: 2, hidden.
    expect(res.json.hidden).toBe(1);
    expect(res.json.thresholds).toEqual({ minGroup: 5, topThemes: 5, unseenBelowShare: 0.2, alignedWithin: 5 });
    expect(res.json.asks).toEqual({ nps: true, csat: true, complaints: true, team: false });
    expect(res.json.survey).toEqual({ id: fx.staffSurveyId, name: 'Staff pulse November', status: 'live' });
    for (const g of res.json.groups) expect(g.staffN).toBeGreaterThanOrEqual(5);
  });

  it('picks the staff survey and the live customer survey with an NPS question by default', async () => {
    const res = await get(owner, NOVEMBER);
    expect(res.status).toBe(200);
    expect(res.json.survey.id).toBe(fx.staffSurveyId);
    expect(res.json.customerSurvey.id).toBe(fx.customerSurveyId);
    expect(res.json.surveys.staff.map((s: any) => s.id)).toEqual([fx.staffSurveyId]);
    expect(res.json.surveys.customers.map((s: any) => s.id)).toEqual([fx.customerSurveyId]);
    expect(groupsOf(res.json)).toEqual([['Region R', null, 5], ['Store A', null, 6]]);
  });

  it("shows a location manager their subtree only, and a manager of a 4-person store nothing but the hidden count", async () => {
    const r = await get(managerR, NOVEMBER);
    expect(r.status).toBe(200);
    expect(groupsOf(r.json)).toEqual([['Region R', null, 5], ['Store A', null, 6]]);
    expectRegion(r.json.groups[0]);
    expectStoreA(r.json.groups[1]);
    expect(r.json.hidden).toBe(0);

    const b = await get(managerB, NOVEMBER);
    expect(b.status).toBe(200);
    expect(b.json.groups).toEqual([]);
    expect(b.json.hidden).toBe(1);
    expect(b.text).not.toContain('"staffN":4');

    expect((await get(managerR, `location=${fx.loc.D}&${NOVEMBER}`)).status).toBe(404);
    expect((await get(managerB, `location=${fx.loc.A}`)).status).toBe(404);
  });

  it('limits to a location subtree and to the period', async () => {
    const a = await get(owner, `location=${fx.loc.A}&${NOVEMBER}`);
    expect(groupsOf(a.json)).toEqual([['Store A', null, 6]]);
    expectStoreA(a.json.groups[0]);
    expect(a.json.hidden).toBe(0);
    // Without a period the October answers count: A's staff 7 (a 0 more: (3 - 3) / 7 = 0), its customers 6 (a 0 more: (4 - 2) / 6 = 33.33).
    const all = await get(owner, `location=${fx.loc.A}`);
    expect(all.json.groups[0].staffN).toBe(7);
    expect(all.json.groups[0].expected.nps).toBeCloseTo(0, 9);
    expect(all.json.groups[0].actual.nps).toBeCloseTo(100 / 3, 9);
    // October alone: one staff answer, hidden.
    const october = await get(owner, 'from=2026-10-01&to=2026-10-31');
    expect(october.json.groups).toEqual([]);
    expect(october.json.hidden).toBe(1);
  });

  it('refuses a survey that is not a staff survey, a customer survey that is, and a reversed period', async () => {
    const notStaff = await get(owner, `survey=${fx.customerSurveyId}`);
    expect(notStaff.status).toBe(400);
    expect(notStaff.json.details.field).toBe('survey');
    const notCustomers = await get(owner, `survey=${fx.staffSurveyId}&customerSurvey=${fx.staffSurveyId}`);
    expect(notCustomers.status).toBe(400);
    expect(notCustomers.json.details.field).toBe('customerSurvey');
    const reversed = await get(owner, 'from=2026-11-30&to=2026-11-01');
    expect(reversed.status).toBe(400);
    const badId = await get(owner, 'survey=nope');
    expect(badId.status).toBe(400);
    expect(badId.json.message).toContain('survey');
  });

  it("refuses a customer survey without NPS or CSAT, and another organisation's surveys", async () => {
    const textOnly = await seedSurvey(server.pool, fx.orgId, [{ key: 'why', type: 'text' }], 'Text only');
    const res = await get(owner, `customerSurvey=${textOnly.surveyId}`);
    expect(res.status).toBe(400);
    expect(res.json.details.field).toBe('customerSurvey');
    expect((await get(outsider, `survey=${fx.staffSurveyId}`)).status).toBe(404);
    const empty = await get(outsider, '');
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ survey: null, customerSurvey: null, groups: [], hidden: 0 });
  });

  it('needs a session', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/staff/perception`);
    expect(res.status).toBe(401);
  });
});
