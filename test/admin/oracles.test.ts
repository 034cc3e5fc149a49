/**
 * No existence oracles: what an organisation's admins see must not tell whether an e-mail address is
 * registered in another organisation (or among people outside a location-scoped admin's locations),
 * nor where a location code lies outside the admin's locations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, Client, signIn, startTestServer, TEST_PASSWORD, type OrgFixture, type TestServer } from '../helpers/app.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const TOKEN = /\/invite\/[A-Za-z0-9_-]{43}/g;

/** A response body with what must differ between two addresses (the address, ids, times, tokens) blanked. */
function shape(value: unknown, email: string): unknown {
  const text = JSON.stringify(value)
    .split(email).join('<email>')
    .replace(UUID, '<id>')
    .replace(ISO_TIME, '<time>')
    .replace(TOKEN, '/invite/<token>');
  return JSON.parse(text);
}

describe('inviting an address that has an account elsewhere', () => {
  let server: TestServer;
  let org: OrgFixture;
  let owner: Client;
  let east: { id: string; path: string };
  let west: { id: string; path: string };
  beforeAll(async () => {
    server = await startTestServer();
    org = await buildOrg(server.pool, 'Inviting Org');
    east = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'East');
    west = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'West');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@inviting.test');
    await buildUser(server.pool, org.orgId, 'admin', 'east-admin@inviting.test', [east.id]);
    await buildUser(server.pool, org.orgId, 'viewer', 'west-viewer@inviting.test', [west.id]);
    await buildUser(server.pool, org.orgId, 'viewer', 'east-viewer@inviting.test', [east.id]);
    const elsewhere = await buildOrg(server.pool, 'Secret Other Org');
    await buildUser(server.pool, elsewhere.orgId, 'analyst', 'taken@elsewhere.test');
    owner = await signIn(server.baseUrl, 'owner@inviting.test');
  });
  afterAll(async () => server.close());

  /** Everything the inviter can see about one invitation: the answer, their list of people and the outbox. */
  async function inviterView(inviter: Client, email: string, locationIds: string[] = []) {
    const res = await inviter.post('/api/v1/invitations', { email, role: 'viewer', locationIds });
    const listed = (await inviter.get('/api/v1/users')).json.invitations.filter((i: any) => i.email === email);
    const mailed = (await inviter.get('/api/v1/outbox')).json.messages.filter((m: any) => m.to === email);
    return { status: res.status, body: shape(res.json, email), listed: shape(listed, email), mailed: shape(mailed, email), link: res.json.link as string };
  }

  it('answers the inviter exactly as for a fresh address, and tells only the invitee at acceptance', async () => {
    const fresh = await inviterView(owner, 'fresh@nowhere.test');
    const taken = await inviterView(owner, 'taken@elsewhere.test');
    expect(fresh.status).toBe(201);
    expect({ ...taken, link: undefined }).toEqual({ ...fresh, link: undefined });
    expect(taken.listed).toHaveLength(1);
    expect(taken.mailed).toHaveLength(1);

    const anon = new Client(server.baseUrl);
    const token = taken.link.split('/invite/')[1];
    // Opening the link says the same as for anyone: who invites, to what.
    expect((await anon.get(`/api/v1/invitations/${token}`)).json).toEqual({ email: 'taken@elsewhere.test', role: 'viewer', orgName: 'Inviting Org' });
    const accepted = await anon.post(`/api/v1/invitations/${token}/accept`, { name: 'Taken', password: 'a long enough password' });
    expect(accepted.status).toBe(409);
    expect(accepted.json.message).toMatch(/already has a Sarafan account/);
    expect(accepted.json.message).toMatch(/one organisation/);
    expect(accepted.json.message).toContain('Inviting Org');
    expect(accepted.json.message).not.toContain('Secret Other Org');
    // Nothing changed: the account stays where it was, with its password; the invitation stays pending.
    const accounts = await server.pool.query(`select o.name from users u join orgs o on o.id = u.org_id where lower(u.email) = 'taken@elsewhere.test'`);
    expect(accounts.rows).toEqual([{ name: 'Secret Other Org' }]);
    expect((await signIn(server.baseUrl, 'taken@elsewhere.test', TEST_PASSWORD)).baseUrl).toBe(server.baseUrl);
    expect((await anon.get(`/api/v1/invitations/${token}`)).status).toBe(200);
    // The fresh address signs up as before.
    const freshToken = fresh.link.split('/invite/')[1];
    expect((await anon.post(`/api/v1/invitations/${freshToken}/accept`, { name: 'Fresh', password: 'a long enough password' })).status).toBe(200);
  });

  it("answers a location-scoped admin alike for a fresh address and for a person outside the admin's locations", async () => {
    const admin = await signIn(server.baseUrl, 'east-admin@inviting.test');
    const fresh = await inviterView(admin, 'fresh2@nowhere.test', [east.id]);
    const outside = await inviterView(admin, 'west-viewer@inviting.test', [east.id]);
    const elsewhere = await inviterView(admin, 'taken@elsewhere.test', [east.id]);
    expect(fresh.status).toBe(201);
    expect({ ...outside, link: undefined }).toEqual({ ...fresh, link: undefined });
    expect({ ...elsewhere, link: undefined }).toEqual({ ...fresh, link: undefined });
    // People the admin already sees are refused, as for the owner with anyone of the organisation.
    const seen = await admin.post('/api/v1/invitations', { email: 'East-Viewer@inviting.test', role: 'viewer', locationIds: [east.id] });
    expect([seen.status, seen.json.message]).toEqual([409, 'This person already has an account in your organisation']);
    expect((await owner.post('/api/v1/invitations', { email: 'west-viewer@inviting.test', role: 'viewer' })).status).toBe(409);
  });
});

describe('location codes outside a location-scoped admin', () => {
  let server: TestServer;
  let admin: Client;
  let east: { id: string; path: string };
  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Coded Org');
    const owner = await (async () => {
      await buildUser(server.pool, org.orgId, 'owner', 'owner@coded.test');
      return signIn(server.baseUrl, 'owner@coded.test');
    })();
    east = (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'region', name: 'East', code: 'EAST' })).json.location;
    const west = (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'region', name: 'West', code: 'WEST' })).json.location;
    await owner.post('/api/v1/locations', { parentId: east.id, kind: 'store', name: 'East 1', code: 'E-1' });
    await owner.post('/api/v1/locations', { parentId: west.id, kind: 'store', name: 'West 1', code: 'W-1' });
    await buildUser(server.pool, org.orgId, 'admin', 'east-admin@coded.test', [east.id]);
    admin = await signIn(server.baseUrl, 'east-admin@coded.test');
  });
  afterAll(async () => server.close());

  const importCsv = (csv: string) => admin.request('POST', '/api/v1/locations/import', csv, { 'content-type': 'text/csv' });
  const answer = (res: { status: number; json: any }, code: string) => ({ status: res.status, body: JSON.parse(JSON.stringify(res.json).split(code).join('<code>')) });

  it('answers alike for a code held outside the scope and a code nobody has, and writes nothing', async () => {
    const before = (await server.pool.query(`select id, name, code, path from locations order by id`)).rows;
    // Import: the admin updates their own locations by code; W-1 (West) and Z-9 (nobody) get the same answer.
    const outsideImport = await importCsv('code,name,kind,parent_code\nW-1,Mine now,store,EAST\n');
    const unknownImport = await importCsv('code,name,kind,parent_code\nZ-9,Mine now,store,EAST\n');
    expect(outsideImport.status).toBe(400);
    expect(outsideImport.json).toEqual({
      ok: false, error: 'validation', details: { line: 2 },
      message: 'line 2: code W-1 is not a code of your locations (with access limited to some locations an import updates your locations by code; add new locations on the Locations page)',
    });
    expect(answer(outsideImport, 'W-1')).toEqual(answer(unknownImport, 'Z-9'));
    // Their own store is updated by code.
    const own = await importCsv('code,name,kind,parent_code\nE-1,East One,store,EAST\n');
    expect([own.status, own.json.updated, own.json.created]).toEqual([200, 1, 0]);

    // Create and rename: a location-scoped admin sets no codes, whatever the code.
    const refusal = { ok: false, error: 'validation', details: { field: 'code' },
      message: 'code: with access limited to some locations you cannot set location codes; new locations get none (their survey links use the location id) and an organisation-wide admin sets codes' };
    for (const code of ['W-1', 'E-1', 'Z-9']) {
      const created = await admin.post('/api/v1/locations', { parentId: east.id, kind: 'store', name: 'X', code });
      expect([created.status, created.json]).toEqual([400, refusal]);
    }
    const mine = await admin.post('/api/v1/locations', { parentId: east.id, kind: 'store', name: 'East 2' });
    expect([mine.status, mine.json.location.code]).toEqual([201, null]);
    for (const code of ['W-1', 'E-1', 'Z-9']) {
      const renamed = await admin.patch(`/api/v1/locations/${mine.json.location.id}`, { code });
      expect([renamed.status, renamed.json]).toEqual([400, refusal]);
    }
    // Renaming without touching the code still works.
    expect((await admin.patch(`/api/v1/locations/${mine.json.location.id}`, { name: 'East Two', code: null })).status).toBe(200);
    const after = (await server.pool.query(`select id, name, code, path from locations order by id`)).rows;
    expect(after.filter((l) => l.code === 'W-1')).toEqual(before.filter((l) => l.code === 'W-1'));
    expect(after.some((l) => l.code === 'Z-9')).toBe(false);
  });
});
