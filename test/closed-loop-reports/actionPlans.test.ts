/**
 * Action plans over HTTP on real PostgreSQL: validation naming the field, scoping (a store manager reads the
 * plans touching their store; a restricted analyst changes only plans wholly theirs), and the effect on a known
 * before/after dataset whose NPS change is computed here with Rocks' adjusted Wald formula, written out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { ActionPlanAnswerSchema, ActionPlanEffectAnswerSchema, ActionPlansAnswerSchema } from '../../src/core/api/actionPlans.ts';
import { RootCauseAnswerSchema } from '../../src/core/api/rootCauses.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

let server: TestServer;
let admin: Client;
let manager: Client;
let analystA: Client;
let otherAdmin: Client;
let stores: Record<string, string>;
let survey: { surveyId: string; ids: Record<string, string> };
let adminId: string;

const scores = (spec: Array<[score: number, count: number]>) => spec.flatMap(([s, n]) => Array<number>(n).fill(s));

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  const org = await buildAnalyticsOrg(server.pool, 'Plans Org');
  stores = {
    A: (await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store A')).id,
    B: (await buildLocation(server.pool, org.orgId, org.root, 'store', 'Store B')).id,
  };
  adminId = await buildUser(server.pool, org.orgId, 'admin', 'admin@plans.test');
  await buildUser(server.pool, org.orgId, 'location_manager', 'a@plans.test', [stores.A]);
  await buildUser(server.pool, org.orgId, 'analyst', 'analyst@plans.test', [stores.A]);
  admin = await signIn(server.baseUrl, 'admin@plans.test');
  manager = await signIn(server.baseUrl, 'a@plans.test');
  analystA = await signIn(server.baseUrl, 'analyst@plans.test');
  survey = await seedSurvey(server.pool, org.orgId, [{ key: 'nps', type: 'nps' }, { key: 'why', type: 'text' }]);
  const at = (day: string, locationId: string) => (score: number) => ({ locationId, at: `${day}T10:00:00Z`, answers: { nps: { score } } });
  // Store A before the start (19-28 Feb): 10 promoters, 10 passives, 20 detractors (NPS -25);
  // after (1-10 Mar): 25 promoters, 10 passives, 5 detractors (NPS 50).
  await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, scores([[9, 10], [7, 10], [3, 20]]).map(at('2026-02-20', stores.A)));
  await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, scores([[10, 25], [8, 10], [0, 5]]).map(at('2026-03-05', stores.A)));
  // Not in the plan's windows or locations: store A long before, store B after the start.
  await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, scores([[0, 30]]).map(at('2026-02-10', stores.A)));
  await seedResponses(server.pool, org.orgId, survey.surveyId, survey.ids, scores([[0, 40]]).map(at('2026-03-05', stores.B)));
  const other = await buildAnalyticsOrg(server.pool, 'Other Plans Org');
  await buildUser(server.pool, other.orgId, 'admin', 'admin@other-plans.test');
  otherAdmin = await signIn(server.baseUrl, 'admin@other-plans.test');
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const plan = (over: Record<string, unknown> = {}) => ({
  title: 'Train cashiers at Store A', startDate: '2026-03-01', surveyId: survey.surveyId, questionId: survey.ids.nps,
  locationIds: [stores.A], targetValue: 35, ownerUserId: adminId, ...over,
});

describe('action plans CRUD and validation', () => {
  it('refuses bad input naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [plan({ title: '' }), 'title'],
      [plan({ startDate: '2026-02-30' }), 'startDate'],
      [plan({ dueDate: '2026-02-01' }), 'dueDate'],
      [plan({ questionId: null }), 'questionId'],
      [plan({ surveyId: null }), 'surveyId'],
      [plan({ questionId: survey.ids.why }), 'questionId'],
      [plan({ locationIds: ['00000000-0000-4000-8000-000000000001'] }), 'locationIds'],
      [plan({ ownerUserId: '00000000-0000-4000-8000-000000000001' }), 'ownerUserId'],
      [plan({ status: 'finished' }), 'status'],
      [plan({ extra: 1 }), ''],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/action-plans', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field) expect(res.json.message, field).toMatch(new RegExp(`^${field}:`));
    }
  });

  it('creates, reads, changes and deletes a plan', async () => {
    const created = await admin.post('/api/v1/action-plans', plan({ dueDate: '2026-06-01' }));
    expect(created.status).toBe(201);
    ActionPlanAnswerSchema.parse(created.json); // the answer is what the contract says, strictly
    const p = created.json.plan;
    expect(p).toMatchObject({
      title: 'Train cashiers at Store A', status: 'active', startDate: '2026-03-01', dueDate: '2026-06-01', targetValue: 35,
      locations: [{ id: stores.A, name: 'Store A' }], owner: { id: adminId, email: 'admin@plans.test' }, surveyName: 'Survey', canEdit: true,
    });
    const patched = await admin.patch(`/api/v1/action-plans/${p.id}`, { status: 'done', dueDate: null, title: 'Cashier training' });
    expect(patched.status).toBe(200);
    expect(patched.json.plan).toMatchObject({ status: 'done', dueDate: null, title: 'Cashier training', startDate: '2026-03-01' });
    // a change that makes the whole plan inconsistent is refused
    expect((await admin.patch(`/api/v1/action-plans/${p.id}`, { startDate: '2026-07-01', dueDate: '2026-06-01' })).status).toBe(400);
    expect((await admin.get(`/api/v1/action-plans/${p.id}`)).json.plan.title).toBe('Cashier training');
    expect((await admin.delete(`/api/v1/action-plans/${p.id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/action-plans/${p.id}`)).status).toBe(404);
    expect((await admin.get('/api/v1/action-plans/not-an-id')).status).toBe(404);
  });

  it('scopes plans to the caller\'s locations', async () => {
    const onA = (await admin.post('/api/v1/action-plans', plan({ title: 'A only' }))).json.plan;
    const onB = (await admin.post('/api/v1/action-plans', plan({ title: 'B only', locationIds: [stores.B] }))).json.plan;
    const onBoth = (await admin.post('/api/v1/action-plans', plan({ title: 'A and B', locationIds: [stores.A, stores.B] }))).json.plan;
    const orgWide = (await admin.post('/api/v1/action-plans', plan({ title: 'Everywhere', locationIds: [] }))).json.plan;
    // the store manager reads the plans touching store A, changes none (no plan.manage)
    const listed = await manager.get('/api/v1/action-plans');
    ActionPlansAnswerSchema.parse(listed.json);
    expect(listed.json.items.map((x: { title: string }) => x.title).sort()).toEqual(['A and B', 'A only']);
    expect((await manager.get(`/api/v1/action-plans/${onB.id}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/action-plans/${orgWide.id}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/action-plans/${onB.id}/effect`)).status).toBe(404);
    expect((await manager.post('/api/v1/action-plans', plan())).status).toBe(403);
    // an analyst limited to store A changes plans wholly theirs only
    expect((await analystA.patch(`/api/v1/action-plans/${onA.id}`, { status: 'planned' })).status).toBe(200);
    const both = await analystA.get(`/api/v1/action-plans/${onBoth.id}`);
    expect(both.json.plan.canEdit).toBe(false);
    expect((await analystA.patch(`/api/v1/action-plans/${onBoth.id}`, { status: 'planned' })).status).toBe(403);
    expect((await analystA.delete(`/api/v1/action-plans/${onBoth.id}`)).status).toBe(403);
    expect((await analystA.patch(`/api/v1/action-plans/${onB.id}`, { status: 'planned' })).status).toBe(404);
    const outside = await analystA.post('/api/v1/action-plans', plan({ locationIds: [stores.B] }));
    expect(outside.status).toBe(400);
    expect(outside.json.message).toMatch(/^locationIds:/);
    expect((await analystA.post('/api/v1/action-plans', plan({ locationIds: [] }))).json.message).toMatch(/^locationIds:/);
    // filters; another organisation sees none of it
    expect((await admin.get(`/api/v1/action-plans?location=${stores.B}`)).json.items.map((x: { title: string }) => x.title).sort()).toEqual(['A and B', 'B only']);
    expect((await otherAdmin.get('/api/v1/action-plans')).json.items).toEqual([]);
    expect((await otherAdmin.get(`/api/v1/action-plans/${onA.id}`)).status).toBe(404);
    expect((await otherAdmin.delete(`/api/v1/action-plans/${onA.id}`)).status).toBe(404);
  });
});

/** Rocks' adjusted Wald for one side, written out: n + 3, 3/4 promoter, 3/4 detractor. */
function adjusted(promoters: number, detractors: number, n: number) {
  const p = (promoters + 0.75) / (n + 3);
  const d = (detractors + 0.75) / (n + 3);
  return { nps: 100 * (p - d), se: 100 * Math.sqrt((p + d - (p - d) ** 2) / (n + 3)) };
}

describe('GET /api/v1/action-plans/:id/effect', () => {
  it('compares the ten days after the start with the ten before, over the plan\'s locations', async () => {
    const p = (await admin.post('/api/v1/action-plans', plan())).json.plan;
    const res = await admin.get(`/api/v1/action-plans/${p.id}/effect`);
    expect(res.status).toBe(200);
    const e = res.json;
    ActionPlanEffectAnswerSchema.parse(e);
    expect(e.state).toBe('ok');
    expect(e.question).toMatchObject({ metric: 'nps', higherIsBetter: true });
    expect(e.before).toMatchObject({ from: '2026-02-19', to: '2026-02-28', result: { metric: 'nps', n: 40, value: -25 } });
    expect(e.after).toMatchObject({ from: '2026-03-01', to: '2026-03-10', result: { metric: 'nps', n: 40, value: 50 } });
    const b = adjusted(10, 20, 40);
    const a = adjusted(25, 5, 40);
    const se = Math.sqrt(a.se ** 2 + b.se ** 2);
    expect(e.change.diff).toBe(75);
    expect(e.change.test).toBe('adjusted_wald_z');
    expect(e.change.se).toBeCloseTo(se, 6);
    expect(e.change.ci95[0]).toBeCloseTo(a.nps - b.nps - 1.96 * se, 6);
    expect(e.change.ci95[1]).toBeCloseTo(a.nps - b.nps + 1.96 * se, 6);
    // z = 69.77 / 16.67 = 4.19: p about 3e-5
    expect(e.change.pValue).toBeLessThan(0.001);
    expect(e.change.significant).toBe(true);
    expect(e.interval).toBe('week');
    // weeks from Monday 16 Feb (cut by the window: partial); the week of 23 Feb has no answers; 2-8 March is whole
    expect(e.trend.map((t: any) => [t.period, t.partial, t.result.n, t.result.value])).toEqual([
      ['2026-02-16', true, 40, -25], ['2026-02-23', false, 0, null], ['2026-03-02', false, 40, 50],
    ]);
    expect(e.locations).toEqual([{ id: stores.A, name: 'Store A' }]);
  });

  it('says why a change is not significant, and when there is nothing to measure', async () => {
    const onB = (await admin.post('/api/v1/action-plans', plan({ locationIds: [stores.B] }))).json.plan;
    const e = (await admin.get(`/api/v1/action-plans/${onB.id}/effect`)).json;
    expect(e.before.result.n).toBe(0);
    expect(e.after.result.n).toBe(40);
    expect(e.change).toMatchObject({ significant: false, reason: { code: 'no_answers' } });
    const future = (await admin.post('/api/v1/action-plans', plan({ startDate: '2026-04-01' }))).json.plan;
    expect((await admin.get(`/api/v1/action-plans/${future.id}/effect`)).json).toMatchObject({ state: 'not_started', before: null, change: null });
    const noMetric = (await admin.post('/api/v1/action-plans', plan({ surveyId: null, questionId: null }))).json.plan;
    expect((await admin.get(`/api/v1/action-plans/${noMetric.id}/effect`)).json).toMatchObject({ state: 'no_metric', question: null });
  });
});

describe('root-cause taxonomy editing', () => {
  it('adds, renames, moves, archives and deletes an unused cause', async () => {
    const list0 = (await admin.get('/api/v1/root-causes')).json.items;
    expect(list0).toHaveLength(8);
    const created = await admin.post('/api/v1/root-causes', { name: { en: 'Long queue', ru: 'Очередь' } });
    expect(created.status).toBe(201);
    RootCauseAnswerSchema.parse(created.json);
    expect(created.json.cause).toMatchObject({ key: 'long_queue', position: 8, archived: false, name: { en: 'Long queue', ru: 'Очередь' } });
    const id = created.json.cause.id;
    const renamed = await admin.patch(`/api/v1/root-causes/${id}`, { name: { fa: 'صف طولانی' }, position: 0 });
    expect(renamed.json.cause).toMatchObject({ position: 0, name: { en: 'Long queue', ru: 'Очередь', fa: 'صف طولانی' } });
    const order = (await admin.get('/api/v1/root-causes')).json.items.map((c: { key: string; position: number }) => `${c.position}:${c.key}`);
    expect(order.slice(0, 3)).toEqual(['0:long_queue', '1:staff_behaviour', '2:understaffing']);
    expect((await admin.patch(`/api/v1/root-causes/${id}`, { archived: true })).json.cause.archived).toBe(true);
    const listed = (await admin.get('/api/v1/root-causes')).json.items;
    expect(listed[listed.length - 1].key).toBe('long_queue'); // archived last
    expect((await admin.delete(`/api/v1/root-causes/${id}`)).status).toBe(200);
    expect((await admin.patch(`/api/v1/root-causes/${id}`, { archived: false })).status).toBe(404);
  });

  it('keeps a cause in use, refuses bad names, and needs case.configure', async () => {
    const price = (await admin.get('/api/v1/root-causes')).json.items.find((c: { key: string }) => c.key === 'price');
    await admin.post('/api/v1/action-plans', plan({ rootCauseId: price.id }));
    const del = await admin.delete(`/api/v1/root-causes/${price.id}`);
    expect(del.status).toBe(409);
    const bad = await admin.post('/api/v1/root-causes', { name: { en: '  ' } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^name\.en:/);
    expect((await admin.post('/api/v1/root-causes', { name: {} })).json.message).toMatch(/^name:/);
    expect((await admin.patch(`/api/v1/root-causes/${price.id}`, {})).status).toBe(400);
    expect((await manager.post('/api/v1/root-causes', { name: { en: 'Mine' } })).status).toBe(403);
    expect((await analystA.patch(`/api/v1/root-causes/${price.id}`, { archived: true })).status).toBe(403);
    expect((await otherAdmin.patch(`/api/v1/root-causes/${price.id}`, { archived: true })).status).toBe(404);
    expect((await otherAdmin.delete(`/api/v1/root-causes/${price.id}`)).status).toBe(404);
  });
});
