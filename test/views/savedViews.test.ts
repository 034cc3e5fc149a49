/** Saved views API (docs/analytics.md "Saved views"): CRUD, personal vs shared, scope narrowing, pins, 401, validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { seedOrg, seedSecondStore, type OrgSeed, type SecondStore } from '../admin/securityFixtures.ts';
import { listPinnedViews } from '../../src/db/savedViews/savedViews.ts';

describe('saved views API', () => {
  let server: TestServer;
  let A: OrgSeed;
  let A2: SecondStore;
  let B: OrgSeed;
  let owner: Client;
  let analyst: Client;
  let analystId: string;
  let manager: Client;
  let managerId: string;
  let admin: Client;
  let ownerB: Client;

  beforeAll(async () => {
    server = await startTestServer();
    A = await seedOrg(server.pool, 'A');
    A2 = await seedSecondStore(server.pool, A, 'A2');
    B = await seedOrg(server.pool, 'B');
    analystId = await buildUser(server.pool, A.orgId, 'analyst', 'analyst@views.test');
    managerId = await buildUser(server.pool, A.orgId, 'location_manager', 'lm@views.test', [A.storeId]);
    await buildUser(server.pool, A.orgId, 'admin', 'admin@views.test');
    owner = await signIn(server.baseUrl, A.ownerEmail);
    analyst = await signIn(server.baseUrl, 'analyst@views.test');
    manager = await signIn(server.baseUrl, 'lm@views.test');
    admin = await signIn(server.baseUrl, 'admin@views.test');
    ownerB = await signIn(server.baseUrl, B.ownerEmail);
  });
  afterAll(() => server?.close());

  const save = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/saved-views', { surveyId: A.surveyId, ...body });

  it('answers 401 without a session', async () => {
    const anon = new Client(server.baseUrl);
    expect((await anon.get('/api/v1/saved-views')).status).toBe(401);
    expect((await anon.post('/api/v1/saved-views', { name: 'x', surveyId: A.surveyId })).status).toBe(401);
    expect((await anon.delete(`/api/v1/saved-views/${crypto.randomUUID()}`)).status).toBe(401);
  });

  it('validates the body', async () => {
    const empty = await save(analyst, { name: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.json.message).toMatch(/^name:/);
    expect((await analyst.post('/api/v1/saved-views', { name: 'x', surveyId: 'nope' })).json.message).toMatch(/^surveyId:/);
    expect((await save(analyst, { name: 'x', query: 'a'.repeat(2001) })).json.message).toMatch(/^query:/);
    expect((await save(analyst, { name: 'x', color: 'red' })).status).toBe(400);
    // Another organisation's survey is not found.
    expect((await analyst.post('/api/v1/saved-views', { name: 'x', surveyId: B.surveyId })).status).toBe(404);
  });

  it('saves a personal view that only its owner sees, keeping only dashboard parameters', async () => {
    const res = await save(analyst, { name: 'My NPS', query: '?range=30d&cmp=periods&aFrom=2026-01-01&evil=1' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      name: 'My NPS', surveyId: A.surveyId, surveyName: 'Survey A', query: 'range=30d&cmp=periods&aFrom=2026-01-01', shared: false, mine: true,
      pinned: false, narrowed: false, mayChange: true, owner: { id: analystId },
      url: `/app/surveys/${A.surveyId}?range=30d&cmp=periods&aFrom=2026-01-01`,
    });
    const id = res.json.id;
    expect((await analyst.get('/api/v1/saved-views')).json.views.map((v: any) => v.id)).toEqual([id]);
    expect((await owner.get('/api/v1/saved-views')).json.views).toEqual([]);
    expect((await owner.get(`/api/v1/saved-views/${id}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/saved-views/${id}`, { name: 'Taken' })).status).toBe(404);
    expect((await ownerB.get(`/api/v1/saved-views/${id}`)).status).toBe(404);
    await analyst.delete(`/api/v1/saved-views/${id}`);
  });

  it('shares a view with the organisation: others see it, only the owner or an admin change it', async () => {
    const id = (await save(analyst, { name: 'Shared view', query: 'range=12m', shared: true })).json.id;
    const seen = (await manager.get('/api/v1/saved-views')).json.views;
    expect(seen).toMatchObject([{ id, shared: true, mine: false, mayChange: false }]);
    expect((await manager.patch(`/api/v1/saved-views/${id}`, { name: 'Mine now' })).status).toBe(403);
    expect((await manager.delete(`/api/v1/saved-views/${id}`)).status).toBe(403);
    expect((await ownerB.get('/api/v1/saved-views')).json.views).toEqual([]);
    const renamed = await admin.patch(`/api/v1/saved-views/${id}`, { name: 'Renamed by admin' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Renamed by admin', query: 'range=12m', mayChange: true, mine: false });
    expect((await analyst.patch(`/api/v1/saved-views/${id}`, {})).status).toBe(400);
    // Made personal again: it leaves the others' lists and pins.
    await manager.put(`/api/v1/saved-views/${id}/pin`);
    expect((await analyst.patch(`/api/v1/saved-views/${id}`, { shared: false })).json.shared).toBe(false);
    expect((await manager.get('/api/v1/saved-views')).json.views).toEqual([]);
    expect((await server.pool.query(`select count(*)::int as n from saved_view_pins where view_id = $1`, [id])).rows[0].n).toBe(0);
    expect((await analyst.delete(`/api/v1/saved-views/${id}`)).json).toEqual({ ok: true });
    expect((await analyst.get(`/api/v1/saved-views/${id}`)).status).toBe(404);
  });

  it('lists a shared view naming a location outside the caller\'s scope, narrowed to their scope', async () => {
    const query = `range=30d&location=${A2.storeId}&cmp=locations&aLoc=${A.storeId}&bLoc=${A2.storeId}`;
    const id = (await save(owner, { name: 'Store A2', query, shared: true })).json.id;
    const mine = (await owner.get(`/api/v1/saved-views/${id}`)).json;
    expect(mine).toMatchObject({ query, narrowed: false });
    const theirs = (await manager.get(`/api/v1/saved-views/${id}`)).json;
    expect(theirs).toMatchObject({ query: `range=30d&cmp=locations&aLoc=${A.storeId}`, narrowed: true, url: `/app/surveys/${A.surveyId}?range=30d&cmp=locations&aLoc=${A.storeId}` });
    expect(JSON.stringify(await manager.get('/api/v1/saved-views'))).not.toContain(A2.storeId);
    await owner.delete(`/api/v1/saved-views/${id}`);
  });

  it('pins per user, lists pinned first, and gives the home page the caller\'s pinned views', async () => {
    const b = (await save(analyst, { name: 'B view', shared: true, pinned: true, query: `location=${A2.storeId}` })).json;
    const a = (await save(analyst, { name: 'A view' })).json;
    expect(b.pinned).toBe(true);
    expect((await analyst.get(`/api/v1/saved-views?survey=${A.surveyId}`)).json.views.map((v: any) => v.name)).toEqual(['B view', 'A view']);
    expect((await analyst.get(`/api/v1/saved-views?survey=${B.surveyId}`)).json.views).toEqual([]);
    expect((await analyst.get('/api/v1/saved-views?survey=x')).status).toBe(400);
    // The manager sees B unpinned (pins are the analyst's), pins it, then unpins it.
    expect((await manager.get(`/api/v1/saved-views/${b.id}`)).json.pinned).toBe(false);
    expect((await manager.put(`/api/v1/saved-views/${b.id}/pin`)).json.pinned).toBe(true);
    expect((await manager.put(`/api/v1/saved-views/${a.id}/pin`)).status).toBe(404);
    const principal = (userId: string, role: 'analyst' | 'location_manager', paths: string[] | null) => ({ orgId: A.orgId, userId, role, locationPaths: paths });
    const storePath = (await server.pool.query(`select path from locations where id = $1`, [A.storeId])).rows[0].path;
    expect(await listPinnedViews(server.pool, principal(managerId, 'location_manager', [storePath]))).toEqual([
      { id: b.id, name: 'B view', surveyId: A.surveyId, surveyName: 'Survey A', query: '', url: `/app/surveys/${A.surveyId}`, shared: true },
    ]);
    expect(await listPinnedViews(server.pool, principal(analystId, 'analyst', null))).toEqual([
      { id: b.id, name: 'B view', surveyId: A.surveyId, surveyName: 'Survey A', query: `location=${A2.storeId}`, url: `/app/surveys/${A.surveyId}?location=${A2.storeId}`, shared: true },
    ]);
    expect((await manager.delete(`/api/v1/saved-views/${b.id}/pin`)).json.pinned).toBe(false);
    expect((await analyst.get(`/api/v1/saved-views/${b.id}`)).json.pinned).toBe(true);
    // Deleting a view removes its pins.
    await analyst.delete(`/api/v1/saved-views/${b.id}`);
    expect(await listPinnedViews(server.pool, principal(analystId, 'analyst', null))).toEqual([]);
  });
});
