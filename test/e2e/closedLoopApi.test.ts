/**
 * The closed loop's REST API as an outside integrator meets it (issue 13 "API"): /api/v1/cases,
 * /api/v1/alert-rules, /api/v1/alerts and /api/v1/action-plans with a session and with API keys (scopes
 * read and cases, organisation-wide and limited to one store); every answer parses with the answer schema
 * the OpenAPI document is made from, and the document's answer object names the same fields; a key or user
 * limited to store A never sees store B's cases, alerts or plans (404 for B's ids); odd input (huge strings,
 * wrong types, unknown and malformed ids) is a 400 naming the field or a 404, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { makeKey, withKey } from '../integrations/fixture.ts';
import { buildSurvey } from '../respond/factory.ts';
import { KEY_OPERATIONS } from '../../src/core/api/keyRoutes.ts';

let server: TestServer;
let owner: Client;
let alice: Client;
let analyst: Client;
let viewer: Client;
const ids = { storeA: '', storeB: '', caseA: '', caseB: '', ruleA: '', ruleB: '', planA: '', planB: '', survey: '' };
const keys = { read: '', cases: '', readA: '', casesA: '' };

const opOf = (method: string, path: string) => KEY_OPERATIONS.find((o) => o.method === method && o.path === path)!;

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Api Loop');
  const root = { id: org.rootLocationId, path: org.rootPath };
  ids.storeA = (await buildLocation(server.pool, org.orgId, root, 'store', 'Store A')).id;
  ids.storeB = (await buildLocation(server.pool, org.orgId, root, 'store', 'Store B')).id;
  ids.survey = (await buildSurvey(server.pool, org.orgId)).id;
  await buildUser(server.pool, org.orgId, 'owner', 'owner@apiloop.test');
  await buildUser(server.pool, org.orgId, 'location_manager', 'alice@apiloop.test', [ids.storeA]);
  await buildUser(server.pool, org.orgId, 'analyst', 'analyst@apiloop.test');
  await buildUser(server.pool, org.orgId, 'viewer', 'viewer@apiloop.test');
  owner = await signIn(server.baseUrl, 'owner@apiloop.test');
  alice = await signIn(server.baseUrl, 'alice@apiloop.test');
  analyst = await signIn(server.baseUrl, 'analyst@apiloop.test');
  viewer = await signIn(server.baseUrl, 'viewer@apiloop.test');
  for (const [name, store] of [['A', ids.storeA], ['B', ids.storeB]] as const) {
    const c = await owner.post('/api/v1/cases', { channel: 'phone', title: `Complaint at store ${name}`, priority: 'normal', locationId: store, customerEmail: `c${name}@example.com` });
    expect(c.status, c.text).toBe(201);
    ids[`case${name}`] = c.json.id;
    const r = await owner.post('/api/v1/alert-rules', { name: `Detractor at ${name}`, trigger: 'low_score', params: { metric: 'nps' }, locationId: store, recipients: { emails: ['ops@apiloop.test'] } });
    expect(r.status, r.text).toBe(201);
    ids[`rule${name}`] = r.json.rule.id;
    const p = await owner.post('/api/v1/action-plans', { title: `Plan for ${name}`, startDate: '2026-01-01', locationIds: [store] });
    expect(p.status, p.text).toBe(201);
    ids[`plan${name}`] = p.json.plan.id;
  }
  keys.read = (await makeKey(owner, 'read')).key;
  keys.readA = (await makeKey(owner, 'read', ids.storeA)).key;
  const cases = await owner.post('/api/v1/org/api-keys', { name: 'cases key', scope: 'cases' });
  expect(cases.status, cases.text).toBe(201);
  keys.cases = cases.json.key;
  const casesA = await owner.post('/api/v1/org/api-keys', { name: 'cases key A', scope: 'cases', locationId: ids.storeA });
  expect(casesA.status, casesA.text).toBe(201);
  keys.casesA = casesA.json.key;
}, 60_000);
afterAll(() => server?.close());

type Caller = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any; text: string }>;
const byKey = (key: () => string): Caller => (method, path, body) => withKey(server, key(), method, path, body);
const bySession = (client: () => Client): Caller => (method, path, body) => client().request(method, path, body);

const callers: [string, Caller, 'all' | 'A'][] = [
  ['owner session', bySession(() => owner), 'all'],
  ['read key', byKey(() => keys.read), 'all'],
  ['cases key', byKey(() => keys.cases), 'all'],
  ['read key of store A', byKey(() => keys.readA), 'A'],
  ['cases key of store A', byKey(() => keys.casesA), 'A'],
  ['store A manager session', bySession(() => alice), 'A'],
];

describe('reads with a session and with keys', () => {
  it.each(callers)('%s: lists and single items parse with the declared schemas, scoped to its stores', async (_name, call, sees) => {
    const list = async (path: string) => {
      const res = await call('GET', path);
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      const parsed = opOf('GET', path.split('?')[0]).answer.safeParse(res.json);
      expect(parsed.success, `${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      return res.json;
    };
    const cases = await list('/api/v1/cases?status=new,in_progress,waiting_customer,resolved,closed');
    const plans = await list('/api/v1/action-plans');
    await list('/api/v1/alerts');
    await list('/api/v1/cases/metrics');
    await list('/api/v1/cases/root-causes');
    await list('/api/v1/cases/compensation');
    expect(cases.items.map((c: any) => c.title).sort()).toEqual(sees === 'all' ? ['Complaint at store A', 'Complaint at store B'] : ['Complaint at store A']);
    expect(plans.items.map((p: any) => p.title).sort()).toEqual(sees === 'all' ? ['Plan for A', 'Plan for B'] : ['Plan for A']);

    const one = async (path: string, template: string, visible: boolean) => {
      const res = await call('GET', path);
      if (!visible) {
        expect(res.status, path).toBe(404);
        return;
      }
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      const parsed = opOf('GET', template).answer.safeParse(res.json);
      expect(parsed.success, `${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    };
    await one(`/api/v1/cases/${ids.caseA}`, '/api/v1/cases/:id', true);
    await one(`/api/v1/cases/${ids.caseB}`, '/api/v1/cases/:id', sees === 'all');
    await one(`/api/v1/action-plans/${ids.planA}`, '/api/v1/action-plans/:id', true);
    await one(`/api/v1/action-plans/${ids.planB}`, '/api/v1/action-plans/:id', sees === 'all');
    await one(`/api/v1/action-plans/${ids.planB}/effect`, '/api/v1/action-plans/:id/effect', sees === 'all');
  });

  it('alert rules: keys and the store manager read them (only their store\'s), the manager may not manage them', async () => {
    for (const [key, expected] of [[keys.read, ['Detractor at A', 'Detractor at B']], [keys.cases, ['Detractor at A', 'Detractor at B']], [keys.readA, ['Detractor at A']]] as const) {
      const res = await withKey(server, key, 'GET', '/api/v1/alert-rules');
      expect(res.status, res.text).toBe(200);
      expect(opOf('GET', '/api/v1/alert-rules').answer.safeParse(res.json).success).toBe(true);
      expect(res.json.items.map((r: any) => r.name).sort()).toEqual(expected);
    }
    expect((await withKey(server, keys.readA, 'GET', `/api/v1/alert-rules/${ids.ruleB}`)).status).toBe(404);
    const single = await withKey(server, keys.readA, 'GET', `/api/v1/alert-rules/${ids.ruleA}`);
    expect(single.status).toBe(200);
    expect(opOf('GET', '/api/v1/alert-rules/:id').answer.safeParse(single.json).success).toBe(true);
    // The store manager reads the rules of her store (case.read) but may not manage them (alert.manage).
    const hers = await alice.get('/api/v1/alert-rules');
    expect(hers.status).toBe(200);
    expect(hers.json.items.map((r: any) => r.name)).toEqual(['Detractor at A']);
    expect((await alice.get(`/api/v1/alert-rules/${ids.ruleB}`)).status).toBe(404);
    expect((await alice.post('/api/v1/alert-rules', { name: 'Mine', trigger: 'low_score', params: { metric: 'nps' }, locationId: ids.storeA })).status).toBe(403);
    expect((await alice.patch(`/api/v1/alert-rules/${ids.ruleA}`, { enabled: false })).status).toBe(403);
  });

  it('the OpenAPI document names the fields the real answers have', async () => {
    const doc = await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json();
    const schemaOf = (path: string, method: string) => {
      const op = doc.paths[path][method];
      return op.responses[Object.keys(op.responses).find((s) => s.startsWith('2'))!].content['application/json'].schema;
    };
    const keysOf = (s: any) => Object.keys(s.properties ?? {}).sort();
    const cases = await owner.get('/api/v1/cases');
    expect(keysOf(schemaOf('/api/v1/cases', 'get'))).toEqual(Object.keys(cases.json).sort());
    expect(keysOf(schemaOf('/api/v1/cases', 'get').properties.items.items)).toEqual(expect.arrayContaining(Object.keys(cases.json.items[0])));
    const one = await owner.get(`/api/v1/cases/${ids.caseA}`);
    expect(keysOf(schemaOf('/api/v1/cases/{id}', 'get'))).toEqual(Object.keys(one.json).sort());
    const plans = await owner.get('/api/v1/action-plans');
    expect(keysOf(schemaOf('/api/v1/action-plans', 'get').properties.items.items)).toEqual(Object.keys(plans.json.items[0]).sort());
    const rules = await owner.get('/api/v1/alert-rules');
    expect(keysOf(schemaOf('/api/v1/alert-rules', 'get').properties.items.items)).toEqual(Object.keys(rules.json.items[0]).sort());
  });
});

describe('writes with keys', () => {
  it('a read key cannot write; a cases key of store A writes only at store A', async () => {
    const body = { channel: 'letter', title: 'By key', priority: 'low', locationId: ids.storeA };
    expect((await withKey(server, keys.read, 'POST', '/api/v1/cases', body)).status).toBe(403);
    const made = await withKey(server, keys.casesA, 'POST', '/api/v1/cases', body);
    expect(made.status, made.text).toBe(201);
    expect(opOf('POST', '/api/v1/cases').answer.safeParse(made.json).success).toBe(true);
    const elsewhere = await withKey(server, keys.casesA, 'POST', '/api/v1/cases', { ...body, locationId: ids.storeB });
    // "no such location" (400 naming the field), as for an unknown id: nothing tells that store B exists.
    expect(elsewhere.status, elsewhere.text).toBe(400);
    expect(elsewhere.json.message).toBe('locationId: no such location');
    expect((await server.pool.query(`select count(*)::int as n from cases where location_id = $1`, [ids.storeB])).rows[0].n).toBe(1);
    expect((await withKey(server, keys.casesA, 'PATCH', `/api/v1/cases/${ids.caseB}`, { priority: 'urgent' })).status).toBe(404);
    expect((await withKey(server, keys.casesA, 'POST', `/api/v1/cases/${ids.caseB}/notes`, { text: 'hi' })).status).toBe(404);
    expect((await withKey(server, keys.casesA, 'PATCH', `/api/v1/action-plans/${ids.planB}`, { status: 'done' })).status).toBe(404);
    expect((await withKey(server, keys.casesA, 'DELETE', `/api/v1/action-plans/${ids.planB}`)).status).toBe(404);
    expect((await withKey(server, keys.casesA, 'PATCH', `/api/v1/alert-rules/${ids.ruleB}`, { enabled: false })).status).toBe(404);
    expect((await withKey(server, keys.casesA, 'DELETE', `/api/v1/alert-rules/${ids.ruleB}`)).status).toBe(404);
    const { rows } = await server.pool.query(`select (select priority from cases where id = $1) as priority, (select status from action_plans where id = $2) as plan, (select enabled from alert_rules where id = $3) as enabled`, [ids.caseB, ids.planB, ids.ruleB]);
    expect(rows[0]).toEqual({ priority: 'normal', plan: 'active', enabled: true });
  });

  it('roles: an analyst reads cases and plans; a viewer reads no cases', async () => {
    expect((await analyst.get('/api/v1/cases')).status).toBe(200);
    expect((await analyst.get('/api/v1/action-plans')).status).toBe(200);
    expect((await viewer.get('/api/v1/cases')).status).toBe(403);
    expect((await viewer.get(`/api/v1/cases/${ids.caseA}`)).status).toBe(403);
    expect((await viewer.post('/api/v1/cases', { channel: 'phone', title: 'x', priority: 'low' })).status).toBe(403);
  });
});

describe('odd input', () => {
  const huge = 'x'.repeat(200_000);
  const unknown = '00000000-0000-4000-8000-000000000000';
  const bodies: [string, string, unknown][] = [
    ['POST', '/api/v1/cases', { channel: 'phone', title: huge, priority: 'low' }],
    ['POST', '/api/v1/cases', { channel: 'pigeon', title: 'x', priority: 'low' }],
    ['POST', '/api/v1/cases', { channel: 'phone', title: 42, priority: 'low' }],
    ['POST', '/api/v1/cases', { channel: 'phone', title: 'x', priority: 'low', locationId: 'not-a-uuid' }],
    ['POST', '/api/v1/cases', { channel: 'phone', title: 'x', priority: 'low', customerEmail: 'not an address' }],
    ['POST', '/api/v1/cases', []],
    ['POST', '/api/v1/cases', 'null'],
    ['PATCH', `/api/v1/cases/${'CASE'}`, { priority: 'whenever' }],
    ['PATCH', `/api/v1/cases/${'CASE'}`, { ownerUserId: unknown }],
    ['PATCH', `/api/v1/cases/${'CASE'}`, { title: huge }],
    ['POST', `/api/v1/cases/${'CASE'}/notes`, { text: huge }],
    ['POST', `/api/v1/cases/${'CASE'}/notes`, { text: ['a'] }],
    ['POST', `/api/v1/cases/${'CASE'}/resolve`, { rootCauseId: unknown, controllable: true }],
    ['POST', `/api/v1/cases/${'CASE'}/resolve`, { rootCauseId: 'x', controllable: 'yes' }],
    ['POST', `/api/v1/cases/${'CASE'}/compensations`, { amount: -5, kind: 'refund' }],
    ['POST', `/api/v1/cases/${'CASE'}/compensations`, { amount: 1e308 }],
    ['POST', '/api/v1/cases/bulk', { ids: [unknown], action: 'status', value: 'resolved' }],
    ['POST', '/api/v1/cases/bulk', { ids: Array.from({ length: 5000 }, () => unknown), action: 'priority', value: 'low' }],
    ['POST', '/api/v1/alert-rules', { name: huge, trigger: 'low_score', params: { metric: 'nps' } }],
    ['POST', '/api/v1/alert-rules', { name: 'x', trigger: 'astrology', params: {} }],
    ['POST', '/api/v1/alert-rules', { name: 'x', trigger: 'low_score', params: { metric: 'nps' }, surveyId: unknown }],
    ['POST', '/api/v1/alert-rules', { name: 'x', trigger: 'low_score', params: { metric: 'nps' }, locationId: unknown }],
    ['POST', '/api/v1/alert-rules', { name: 'x', trigger: 'comment_match', params: { keywords: [huge] } }],
    ['POST', '/api/v1/alert-rules', { name: 'x', trigger: 'low_score', params: { metric: 'nps' }, recipients: { userIds: [unknown] } }],
    ['POST', '/api/v1/alert-rules', { name: 'x', trigger: 'low_score', params: { metric: 'nps' }, quietMinutes: 1e12 }],
    ['PATCH', `/api/v1/alert-rules/${'RULE'}`, { trigger: 'metric_drop' }],
    ['POST', '/api/v1/action-plans', { title: 'x', startDate: '2026-02-30' }],
    ['POST', '/api/v1/action-plans', { title: 'x', startDate: '2026-01-01', locationIds: [unknown] }],
    ['POST', '/api/v1/action-plans', { title: 'x', startDate: '2026-01-01', surveyId: unknown, questionId: unknown }],
    ['POST', '/api/v1/action-plans', { title: 'x', startDate: '2026-01-01', ownerUserId: unknown }],
    ['POST', '/api/v1/action-plans', { title: 'x', startDate: '2026-01-01', rootCauseId: unknown }],
    ['POST', '/api/v1/action-plans', { title: 'x', startDate: '2026-03-01', dueDate: '2026-01-01' }],
    ['PATCH', `/api/v1/action-plans/${'PLAN'}`, { targetValue: 'high' }],
  ];
  it.each(bodies)('%s %s -> 4xx naming the problem, never 500', async (method, template, body) => {
    const path = template.replace('CASE', ids.caseA).replace('RULE', ids.ruleA).replace('PLAN', ids.planA);
    const res = await owner.request(method, path, body);
    expect(res.status, res.text).toBeGreaterThanOrEqual(400);
    expect(res.status, res.text).toBeLessThan(500);
    expect(res.json?.message ?? res.json?.error, res.text).toBeTruthy();
  });

  const gets = ['/api/v1/cases/ID', '/api/v1/cases/ID/events', '/api/v1/action-plans/ID', '/api/v1/action-plans/ID/effect', '/api/v1/alert-rules/ID'];
  it.each(gets)('GET %s with an unknown or malformed id is a 404 or 400', async (template) => {
    for (const id of [unknown, 'nope', '1%27%20or%201=1', 'x'.repeat(5000)]) {
      const res = await owner.get(template.replace('ID', id));
      expect([400, 404], `${id}: ${res.text}`).toContain(res.status);
    }
  });

  it('query strings: wrong values are 400s naming the parameter', async () => {
    for (const q of ['status=opened', 'priority=9', 'owner=someone', 'from=yesterday', 'limit=-1', 'sort=random', 'q=' + 'x'.repeat(5000)]) {
      const res = await owner.get(`/api/v1/cases?${q}`);
      expect(res.status, `${q}: ${res.text}`).toBe(400);
      expect(res.json.message, q).toContain(q.split('=')[0]);
    }
    for (const q of ['from=2026-13-01', 'location=nope', 'interval=decade']) {
      const res = await owner.get(`/api/v1/cases/metrics?${q}`);
      expect(res.status, `${q}: ${res.text}`).toBe(400);
    }
  });
});
