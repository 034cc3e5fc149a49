/**
 * GET /api/v1/cases/metrics, /cases/root-causes and /cases/compensation over HTTP on real PostgreSQL: numbers
 * computed by hand (and by the oracle in fixture.ts) from the inserted cases, scoped to a store manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedCommentAnalyses, seedResponses, seedSurvey, seedThemes } from '../analytics/seed.ts';
import { CaseMetricsAnswerSchema, CompensationAnswerSchema, ParetoAnswerSchema } from '../../src/core/api/caseReports.ts';
import { expectedMetrics, insertCases, insertCompensation, type FixtureCase } from './fixture.ts';

const NOW = new Date('2026-04-01T12:00:00Z');
const MARCH = 'from=2026-03-01&to=2026-03-31';
const H = 60;

let server: TestServer;
let admin: Client;
let manager: Client;
let stores: Record<string, string>;
let causes: Record<string, string>;
let caseIds: Record<number, string>;
let otherOrgAdmin: Client;
let surveyId: string;

// Cases of stores A and B and one without a location (see the hand computations below).
const CASES = (responses: string[]): FixtureCase[] => [
  { n: 1, store: 'A', created: '2026-03-02T09:00:00Z', fa: 30, resolvedMin: 2 * H, dueMin: 4 * H, status: 'resolved', cause: 'staff_behaviour', controllable: true, trigger: { metric: 'nps', score: 3 }, recovery: 9, responseId: responses[0] },
  { n: 2, store: 'A', created: '2026-03-03T09:00:00Z', fa: 60, resolvedMin: 10 * H, dueMin: 8 * H, status: 'closed', cause: 'staff_behaviour', controllable: true, trigger: { metric: 'nps', score: 5 }, recovery: 6, responseId: responses[1] },
  { n: 3, store: 'A', created: '2026-03-05T09:00:00Z', fa: 10, resolvedMin: 1 * H, dueMin: 4 * H, status: 'resolved', cause: 'price', controllable: false, trigger: { metric: 'nps', score: 2 }, recovery: null, responseId: responses[2] },
  { n: 4, store: 'B', created: '2026-03-06T09:00:00Z', fa: 120, resolvedMin: 5 * H, dueMin: null, status: 'resolved', cause: 'staff_behaviour', controllable: null },
  { n: 5, store: 'B', created: '2026-03-10T09:00:00Z', fa: null, dueMin: 24 * H, status: 'new' },
  { n: 6, store: 'A', created: '2026-03-20T09:00:00Z', fa: 20, dueMin: 16 * 24 * H, status: 'in_progress' },
  // created in February, resolved on 1 March (9 days and 1 hour later), past its due time
  { n: 7, store: 'A', created: '2026-02-20T09:00:00Z', fa: 5, resolvedMin: 9 * 24 * H + H, dueMin: 24 * H, status: 'resolved', cause: 'delivery', trigger: { metric: 'csat', score: 2 }, recovery: 4 },
  { n: 9, store: null, created: '2026-03-15T09:00:00Z', fa: 15, resolvedMin: 3 * H, dueMin: 4 * H, status: 'resolved', cause: 'price' },
  // reopened: it was resolved once but is being worked again (not resolved in the period)
  { n: 10, store: 'B', created: '2026-03-12T09:00:00Z', fa: 30, resolvedMin: 2 * H, dueMin: 4 * H, status: 'in_progress' },
];
let rows: FixtureCase[];

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  const org = await buildAnalyticsOrg(server.pool, 'Reports Org');
  stores = {
    A: (await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store A')).id,
    B: (await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store B')).id,
  };
  const adminId = await buildUser(server.pool, org.orgId, 'admin', 'admin@reports.test');
  await buildUser(server.pool, org.orgId, 'location_manager', 'a@reports.test', [stores.A]);
  admin = await signIn(server.baseUrl, 'admin@reports.test');
  manager = await signIn(server.baseUrl, 'a@reports.test');
  // The default taxonomy, seeded on first read.
  const taxonomy = await admin.get('/api/v1/root-causes');
  causes = Object.fromEntries(taxonomy.json.items.map((c: { key: string; id: string }) => [c.key, c.id]));
  const survey = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
  surveyId = survey.surveyId;
  const responses = await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, [3, 5, 2].map((score) => ({ locationId: stores.A, at: '2026-03-01T08:00:00Z', answers: { nps: { score }, why: { text: 'bad' } } })));
  await seedThemes(server.pool, org.orgId, { staff_rude: { en: 'Rude staff', ru: 'Грубый персонал' }, queue: { en: 'Queue' }, price_high: { en: 'High prices' } });
  await seedCommentAnalyses(server.pool, org.orgId, [
    { responseId: responses[0], questionId: survey.ids.why, text: 'rude and slow', sentiment: 'negative', themes: ['staff_rude', 'queue'] },
    { responseId: responses[1], questionId: survey.ids.why, text: 'rude', sentiment: 'negative', themes: ['staff_rude'] },
    { responseId: responses[2], questionId: survey.ids.why, text: 'expensive', sentiment: 'negative', themes: ['price_high'] },
  ]);
  rows = CASES(responses);
  caseIds = await insertCases(server.pool, org.orgId, stores, causes, rows);
  await insertCompensation(server.pool, org.orgId, caseIds[1], adminId, 500, 'RUB', '2026-03-02T11:00:00Z');
  await insertCompensation(server.pool, org.orgId, caseIds[2], adminId, 300, 'RUB', '2026-03-03T19:00:00Z');
  await insertCompensation(server.pool, org.orgId, caseIds[3], adminId, 10.5, 'USD', '2026-03-05T10:00:00Z');
  await insertCompensation(server.pool, org.orgId, caseIds[7], adminId, 200, 'RUB', '2026-03-01T10:00:00Z');
  await insertCompensation(server.pool, org.orgId, caseIds[7], adminId, 50, 'RUB', '2026-02-21T10:00:00Z'); // before the period
  await insertCompensation(server.pool, org.orgId, caseIds[4], adminId, 1000, 'RUB', '2026-03-06T14:00:00Z');
  // Another organisation's case in the same store names and period: never counted.
  const other = await buildAnalyticsOrg(server.pool, 'Other Org');
  const otherStore = await buildLocation(server.pool, other.orgId, other.root, 'store', 'Store A');
  await buildUser(server.pool, other.orgId, 'admin', 'admin@other-reports.test');
  otherOrgAdmin = await signIn(server.baseUrl, 'admin@other-reports.test');
  await insertCases(server.pool, other.orgId, { A: otherStore.id }, {}, [{ n: 1, store: 'A', created: '2026-03-02T09:00:00Z', fa: 1, resolvedMin: 1, dueMin: 10, status: 'resolved' }]);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/cases/metrics', () => {
  it('counts and times the whole organisation for an admin (hand-computed)', async () => {
    const res = await admin.get(`/api/v1/cases/metrics?${MARCH}`);
    expect(res.status).toBe(200);
    const m = CaseMetricsAnswerSchema.parse(res.json);
    // created in March: 1, 2, 3, 4, 5, 6, 9, 10; resolved in March: 1, 2, 3, 4, 7, 9 (10 was reopened)
    expect(m.created).toBe(8);
    expect(m.resolved).toBe(6);
    // first actions of cases created in March (s): 1800, 3600, 600, 7200, 1200, 900, 1800 -> sorted 600 900 1200 1800 1800 3600 7200
    // median the 4th = 1800; p90 at 0.9*6 = 5.4: 3600 + 0.4*3600 = 5040
    expect(m.time_to_first_action).toEqual({ n: 7, median_s: 1800, p90_s: 5040 });
    // resolve times of cases resolved in March (s): 7200, 36000, 3600, 18000, 781200, 10800
    // sorted 3600 7200 10800 18000 36000 781200: median (10800+18000)/2 = 14400; p90 at 4.5: 36000 + 0.5*745200 = 408600
    expect(m.time_to_resolve).toEqual({ n: 6, median_s: 14400, p90_s: 408600 });
    // SLA judged: 1 met, 2 missed, 3 met, 7 missed, 9 met (4 has no due time): 3 of 5
    expect(m.sla_attainment).toMatchObject({ definition: 'case_sla.v1', n: 5, value: 60, smallSample: true });
    // low-score cases resolved in March: 1 (nps 3 -> 9 recovered), 2 (nps 5 -> 6 not), 3 (not answered), 7 (csat 2 -> 4 recovered)
    expect(m.recovery_rate).toMatchObject({ definition: 'case_recovery.v1', n: 3, details: { recovered: 2, low_score_cases: 4 } });
    expect(m.recovery_rate.value).toBeCloseTo(200 / 3, 6);
    // open now: 5, 6, 10; overdue: 5 (due 11 March) and 10 (due 12 March 13:00)
    expect(m.open).toBe(3);
    expect(m.overdue).toBe(2);
    // weeks from Monday: 23 Feb (7 resolved on Sunday 1 March), 2 March (1-4 created and resolved), 9 March (5, 10 created; 9 created and resolved), 16 March (6)
    expect(m.per_period).toEqual([
      { period: '2026-02-23', created: 0, resolved: 1 },
      { period: '2026-03-02', created: 4, resolved: 4 },
      { period: '2026-03-09', created: 3, resolved: 1 },
      { period: '2026-03-16', created: 1, resolved: 0 },
    ]);
  });

  it('agrees with the oracle for a store manager, who sees only store A', async () => {
    const res = await manager.get(`/api/v1/cases/metrics?${MARCH}`);
    expect(res.status).toBe(200);
    const e = expectedMetrics(rows.filter((c) => c.store === 'A'), new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'), NOW);
    expect(res.json.created).toBe(e.created);
    expect(res.json.resolved).toBe(e.resolved);
    expect(res.json.time_to_first_action).toEqual(e.fa);
    expect(res.json.time_to_resolve).toEqual(e.res);
    expect(res.json.sla_attainment.n).toBe(e.slaJudged);
    expect(res.json.sla_attainment.value).toBe((100 * e.slaMet) / e.slaJudged);
    expect(res.json.open).toBe(e.open);
    expect(res.json.overdue).toBe(e.overdue);
    // by hand as well: 4 created (1, 2, 3, 6), SLA 2 of 4 (1 and 3 met; 2 and 7 missed)
    expect(res.json.created).toBe(4);
    expect(res.json.sla_attainment.value).toBe(50);
  });

  it('filters by location and survey; another store is not found for the manager', async () => {
    const b = await admin.get(`/api/v1/cases/metrics?${MARCH}&location=${stores.B}`);
    expect(b.json.created).toBe(3); // 4, 5, 10
    expect(b.json.resolved).toBe(1);
    const bySurvey = await admin.get(`/api/v1/cases/metrics?${MARCH}&survey=${surveyId}`);
    expect(bySurvey.json.created).toBe(3); // 1, 2, 3
    expect((await manager.get(`/api/v1/cases/metrics?${MARCH}&location=${stores.B}`)).status).toBe(404);
  });

  it('refuses a bad period with the field named; viewers cannot read cases', async () => {
    const bad = await admin.get('/api/v1/cases/metrics?from=2026-03-10&to=2026-03-01');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^to:/);
    const badDay = await admin.get('/api/v1/cases/metrics?from=2026-02-30');
    expect(badDay.status).toBe(400);
    expect(badDay.json.message).toMatch(/^from:/);
    expect((await otherOrgAdmin.get(`/api/v1/cases/metrics?${MARCH}&location=${stores.A}`)).status).toBe(404);
    const other = await otherOrgAdmin.get(`/api/v1/cases/metrics?${MARCH}`);
    expect(other.json.created).toBe(1);
  });
});

describe('GET /api/v1/cases/root-causes (Pareto)', () => {
  it('orders causes with shares, controllable marks, compensation and comment themes', async () => {
    const res = await admin.get(`/api/v1/cases/root-causes?${MARCH}`);
    expect(res.status).toBe(200);
    // created in March with a cause: 1, 2, 4 staff; 3, 9 price (7 was created in February)
    ParetoAnswerSchema.parse(res.json);
    expect(res.json.total).toBe(5);
    const [staff, price] = res.json.causes;
    expect(res.json.causes).toHaveLength(2);
    expect(staff).toMatchObject({ key: 'staff_behaviour', count: 3, share: 0.6, cumulative_share: 0.6, controllable: 2, not_controllable: 0, vital: true, with_comment: 2 });
    expect(staff.compensation).toEqual([{ currency: 'RUB', amount: 1800 }]);
    expect(staff.themes).toEqual([
      { theme: 'staff_rude', name: { en: 'Rude staff', ru: 'Грубый персонал' }, count: 2 },
      { theme: 'queue', name: { en: 'Queue' }, count: 1 },
    ]);
    expect(price).toMatchObject({ key: 'price', count: 2, share: 0.4, cumulative_share: 1, controllable: 0, not_controllable: 1, vital: true, with_comment: 1 });
    expect(price.compensation).toEqual([{ currency: 'USD', amount: 10.5 }]);
    expect(price.themes).toEqual([{ theme: 'price_high', name: { en: 'High prices' }, count: 1 }]);
  });

  it('a store manager sees only their store: the case without a location and store B are left out', async () => {
    const res = await manager.get(`/api/v1/cases/root-causes?${MARCH}`);
    // A: 1, 2 staff; 3 price -> 2/3 and 1/3 (a tie-free order)
    expect(res.json.causes.map((c: { key: string; count: number }) => [c.key, c.count])).toEqual([['staff_behaviour', 2], ['price', 1]]);
    expect(res.json.causes[0].share).toBeCloseTo(2 / 3, 12);
  });
});

describe('GET /api/v1/cases/compensation', () => {
  it('sums per location and currency, given in the period', async () => {
    const res = await admin.get(`/api/v1/cases/compensation?${MARCH}&by=location`);
    expect(res.status).toBe(200);
    CompensationAnswerSchema.parse(res.json);
    const rowsOut = res.json.rows.map((r: any) => [r.label, r.currency, r.amount, r.count, r.cases]).sort();
    // A: 500 + 300 + 200 RUB (3 compensations, 3 cases) and 10.50 USD; B: 1000 RUB. The 50 RUB of February is out.
    expect(rowsOut).toEqual([['Store A', 'RUB', 1000, 3, 3], ['Store A', 'USD', 10.5, 1, 1], ['Store B', 'RUB', 1000, 1, 1]]);
    expect(res.json.totals).toEqual([{ currency: 'RUB', amount: 2000, count: 4 }, { currency: 'USD', amount: 10.5, count: 1 }]);
  });

  it('sums per root cause; scoped for the manager', async () => {
    const res = await admin.get(`/api/v1/cases/compensation?${MARCH}&by=root_cause`);
    const byKey = res.json.rows.map((r: any) => [r.key, r.currency, r.amount]).sort();
    expect(byKey).toEqual([[causes.delivery, 'RUB', 200], [causes.price, 'USD', 10.5], [causes.staff_behaviour, 'RUB', 1800]].sort());
    const mine = await manager.get(`/api/v1/cases/compensation?${MARCH}&by=location`);
    expect(mine.json.totals).toEqual([{ currency: 'RUB', amount: 1000, count: 3 }, { currency: 'USD', amount: 10.5, count: 1 }]);
    expect((await admin.get('/api/v1/cases/compensation?by=store')).status).toBe(400);
  });
});
