import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type OrgFixture, type TestServer } from '../helpers/app.ts';

describe('locations API', () => {
  let server: TestServer;
  let org: OrgFixture;
  let owner: Client;
  beforeAll(async () => {
    server = await startTestServer();
    org = await buildOrg(server.pool, 'Loc Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@loc.test');
    owner = await signIn(server.baseUrl, 'owner@loc.test');
  });
  afterAll(async () => server.close());

  const find = async (code: string) => ((await owner.get('/api/v1/locations')).json.locations as any[]).find((l) => l.code === code);

  it('creates, renames and lists locations with path and depth', async () => {
    const region = await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'region', name: 'North', code: 'N' });
    expect(region.status).toBe(201);
    expect(region.json.location).toMatchObject({ parentId: org.rootLocationId, kind: 'region', name: 'North', code: 'N', depth: 1 });
    expect(region.json.location.path).toBe(`${org.rootPath}${region.json.location.id}/`);
    const store = await owner.post('/api/v1/locations', { parentId: region.json.location.id, kind: 'store', name: 'Store 1', code: 'S1' });
    expect(store.json.location.depth).toBe(2);
    const renamed = await owner.patch(`/api/v1/locations/${store.json.location.id}`, { name: 'Store One' });
    expect(renamed.json.location.name).toBe('Store One');
    const list = (await owner.get('/api/v1/locations')).json.locations as any[];
    expect(list.map((l) => l.code)).toEqual([null, 'N', 'S1']);
    const audit = await server.pool.query(`select action from audit_log where org_id = $1 and action like 'location.%' order by id`, [org.orgId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['location.create', 'location.create', 'location.update']);
  });

  it('refuses duplicate codes, bad kinds and unknown parents', async () => {
    expect((await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'store', name: 'X', code: 'N' })).status).toBe(409);
    expect((await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'shop', name: 'X' })).status).toBe(400);
    const missing = await owner.post('/api/v1/locations', { parentId: '00000000-0000-4000-8000-000000000000', kind: 'store', name: 'X' });
    expect(missing.status).toBe(404);
    expect((await owner.patch('/api/v1/locations/not-a-uuid', { name: 'x' })).status).toBe(404);
  });

  it('moves a subtree, recomputing every path, and refuses moving under a descendant', async () => {
    const north = await find('N');
    const s1 = await find('S1');
    const south = (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'region', name: 'South', code: 'SO' })).json.location;
    const moved = await owner.patch(`/api/v1/locations/${north.id}`, { parentId: south.id });
    expect(moved.status).toBe(200);
    expect(moved.json.location.path).toBe(`${south.path}${north.id}/`);
    expect((await find('S1')).path).toBe(`${south.path}${north.id}/${s1.id}/`);
    expect((await find('S1')).depth).toBe(3);
    const cycle = await owner.patch(`/api/v1/locations/${south.id}`, { parentId: s1.id });
    expect(cycle.status).toBe(400);
    expect(cycle.json.message).toMatch(/descendant/);
    expect((await owner.patch(`/api/v1/locations/${org.rootLocationId}`, { parentId: south.id })).status).toBe(400);
  });

  it('never lets two concurrent moves make a cycle', async () => {
    const [x, y] = await Promise.all(
      ['RaceX', 'RaceY'].map(async (code) => (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'region', name: code, code })).json.location),
    );
    const results = await Promise.all([owner.patch(`/api/v1/locations/${x.id}`, { parentId: y.id }), owner.patch(`/api/v1/locations/${y.id}`, { parentId: x.id })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const rows = (await owner.get('/api/v1/locations')).json.locations as any[];
    for (const l of rows.filter((r) => r.parentId)) expect(l.path).toBe(`${rows.find((p) => p.id === l.parentId).path}${l.id}/`);
  });

  it('deletes leaves only, and never locations with responses', async () => {
    const south = await find('SO');
    expect((await owner.delete(`/api/v1/locations/${south.id}`)).status).toBe(409);
    expect((await owner.delete(`/api/v1/locations/${org.rootLocationId}`)).status).toBe(409);
    const leaf = (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'team', name: 'Temp' })).json.location;
    // An analyst limited to the leaf would see everything once their only grant vanished.
    const analyst = await buildUser(server.pool, org.orgId, 'analyst', 'limited@loc.test', [leaf.id]);
    const held = await owner.delete(`/api/v1/locations/${leaf.id}`);
    expect(held.status).toBe(409);
    expect(held.json.details).toEqual({ users: 1 });
    await server.pool.query(`delete from user_locations where org_id = $1 and user_id = $2`, [org.orgId, analyst]);
    expect((await owner.delete(`/api/v1/locations/${leaf.id}`)).status).toBe(204);
    const s1 = await find('S1');
    const survey = await server.pool.query(`insert into surveys(org_id, slug, name) values ($1, 'loc-del', 'S') returning id`, [org.orgId]);
    await server.pool.query(
      `insert into responses(org_id, survey_id, location_id, language, idempotency_key, survey_version) values ($1, $2, $3, 'en', 'k1', 1)`,
      [org.orgId, survey.rows[0].id, s1.id],
    );
    const refused = await owner.delete(`/api/v1/locations/${s1.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.message).toMatch(/Responses/);
  });

  it('imports CSV all-or-nothing, upserting by code, with quoted fields and forward parent references', async () => {
    const csv = 'code,name,kind,parent_code\nS2,"Store, Two",store,W\nW,West,region,\nS1,Store One (moved),store,W\n';
    const res = await owner.request('POST', '/api/v1/locations/import', csv, { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ created: 2, updated: 1 });
    const west = await find('W');
    expect(await find('S2')).toMatchObject({ name: 'Store, Two', parentId: west.id, path: `${west.path}${(await find('S2')).id}/` });
    expect((await find('S1')).parentId).toBe(west.id);

    const before = ((await owner.get('/api/v1/locations')).json.locations as any[]).length;
    const bad = await owner.request('POST', '/api/v1/locations/import', 'code,name,kind,parent_code\nS9,Nine,store,\nS10,Ten,store,NOPE\n', {
      'content-type': 'text/csv',
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'validation', message: 'line 3: unknown parent_code NOPE' });
    expect(((await owner.get('/api/v1/locations')).json.locations as any[]).length).toBe(before);
    const broken = await owner.request('POST', '/api/v1/locations/import', 'code,name,kind,parent_code\n"S9,Nine,store,\n', { 'content-type': 'text/csv' });
    expect(broken.status).toBe(400);
    expect(broken.json.message).toMatch(/^line 2: /);
    expect((await owner.post('/api/v1/locations/import', { csv: 'x' })).status).toBe(400);
  });

  it('keeps the hierarchy at most 32 levels deep, counting the moved subtree', async () => {
    const chain = Array.from({ length: 32 }, (_, i) => `D${i},Deep ${i},region,${i === 0 ? '' : `D${i - 1}`}`);
    const res = await owner.request('POST', '/api/v1/locations/import', ['code,name,kind,parent_code', ...chain].join('\n'), { 'content-type': 'text/csv' });
    expect(res.json).toEqual({ created: 32, updated: 0 });
    const deepest = await find('D31');
    expect(deepest.depth).toBe(32);
    expect((await owner.post('/api/v1/locations', { parentId: deepest.id, kind: 'store', name: 'Too deep' })).status).toBe(400);
    const d30 = await find('D30');
    const w = (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'region', name: 'Two levels', code: 'TL' })).json.location;
    await owner.post('/api/v1/locations', { parentId: w.id, kind: 'store', name: 'Leaf', code: 'TL1' });
    const tooDeep = await owner.patch(`/api/v1/locations/${w.id}`, { parentId: d30.id });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.json.message).toMatch(/32 levels/);
    expect((await owner.patch(`/api/v1/locations/${(await find('TL1')).id}`, { parentId: d30.id })).status).toBe(200);
  });

  it('limits location managers to their subtree and lets only editors write', async () => {
    const west = await find('W');
    await buildUser(server.pool, org.orgId, 'location_manager', 'lm@loc.test', [west.id]);
    const lm = await signIn(server.baseUrl, 'lm@loc.test');
    const seen = (await lm.get('/api/v1/locations')).json.locations as any[];
    expect(seen.map((l) => l.code).sort()).toEqual(['S1', 'S2', 'W']);
    expect((await lm.post('/api/v1/locations', { parentId: west.id, kind: 'store', name: 'X' })).status).toBe(403);

    const scopedRegion = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'Scoped');
    await buildUser(server.pool, org.orgId, 'admin', 'scoped-admin@loc.test', [scopedRegion.id]);
    const admin = await signIn(server.baseUrl, 'scoped-admin@loc.test');
    expect((await admin.post('/api/v1/locations', { parentId: scopedRegion.id, kind: 'store', name: 'Inside' })).status).toBe(201);
    expect((await admin.post('/api/v1/locations', { parentId: west.id, kind: 'store', name: 'Outside' })).status).toBe(404);
    expect((await admin.patch(`/api/v1/locations/${west.id}`, { name: 'Hacked' })).status).toBe(404);
    expect((await admin.patch(`/api/v1/locations/${scopedRegion.id}`, { parentId: west.id })).status).toBe(404);
    const imp = await admin.request('POST', '/api/v1/locations/import', 'code,name,kind,parent_code\nZ1,Z,store,\n', { 'content-type': 'text/csv' });
    expect(imp.json.message).toMatch(/line 2: code Z1 is not a code of your locations/);
  });
});
