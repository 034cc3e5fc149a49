import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildOrgWithOwner, buildUser, Client, signIn, startTestServer, type OrgFixture, type TestServer } from '../helpers/app.ts';

const tokenOf = (link: string) => link.split('/invite/')[1];

describe('users and invitations API', () => {
  let server: TestServer;
  let org: OrgFixture;
  let owner: Client;
  let store: { id: string; path: string };
  beforeAll(async () => {
    server = await startTestServer();
    ({ org, store, owner } = await buildOrgWithOwner(server, 'People Org', 'owner@people.test'));
    await server.pool.query(`update users set name = 'Olga', locale = 'ru' where email = 'owner@people.test'`);
  });
  afterAll(async () => server.close());

  it('invites by link without SMTP, writes the outbox in the inviter language, and the invitee signs up', async () => {
    const res = await owner.post('/api/v1/invitations', { email: 'lm@people.test', role: 'location_manager', locationIds: [store.id] });
    expect(res.status).toBe(201);
    expect(res.json.emailed).toBe(false);
    expect(res.json.link).toMatch(new RegExp(`^${server.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
    expect(res.json.invitation).toMatchObject({ email: 'lm@people.test', role: 'location_manager', locationIds: [store.id], acceptedAt: null });
    const days = (Date.parse(res.json.invitation.expiresAt) - Date.parse(res.json.invitation.createdAt)) / 86400e3;
    expect(days).toBeCloseTo(7, 3);
    const token = tokenOf(res.json.link);
    const stored = await server.pool.query(`select token_hash from invitations where id = $1`, [res.json.invitation.id]);
    expect(stored.rows[0].token_hash).not.toContain(token);

    const outbox = (await owner.get('/api/v1/outbox')).json.messages;
    expect(outbox[0]).toMatchObject({ to: 'lm@people.test', sentAt: null });
    expect(outbox[0].subject).toMatch(/Приглашение/);
    expect(outbox[0].body).toContain(res.json.link);

    const anon = new Client(server.baseUrl);
    expect((await anon.get(`/api/v1/invitations/${token}`)).json).toEqual({ email: 'lm@people.test', role: 'location_manager', orgName: 'People Org' });
    expect((await anon.post(`/api/v1/invitations/${token}/accept`, { name: 'Lena', password: 'short' })).status).toBe(400);
    const accepted = await anon.post(`/api/v1/invitations/${token}/accept`, { name: 'Lena', password: 'a long enough password' });
    expect(accepted.status).toBe(200);
    const me = (await anon.get('/api/v1/me')).json;
    expect(me.user).toMatchObject({ email: 'lm@people.test', role: 'location_manager', locale: 'ru' });
    expect(me.locationPaths).toEqual([store.path]);
    expect((await anon.get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await new Client(server.baseUrl).post(`/api/v1/invitations/${token}/accept`, { name: 'X', password: 'a long enough password' })).status).toBe(404);
    expect((await anon.get('/api/v1/invitations/not-a-token')).status).toBe(404);
  });

  it('keeps one pending invitation per e-mail and refuses owners, existing users and manager invitations without locations', async () => {
    const first = await owner.post('/api/v1/invitations', { email: 'viewer@people.test', role: 'viewer' });
    // Inviting again says so (and which invitation to resend) instead of silently breaking the first link.
    const second = await owner.post('/api/v1/invitations', { email: 'Viewer@people.test', role: 'analyst' });
    expect(second.status).toBe(409);
    expect(second.json.message).toBe('This person already has a pending invitation; resend it instead');
    expect(second.json.details).toEqual({ reason: 'pending_invitation', invitationId: first.json.invitation.id });
    expect((await new Client(server.baseUrl).get(`/api/v1/invitations/${tokenOf(first.json.link)}`)).status).toBe(200);
    const list = (await owner.get('/api/v1/users')).json;
    expect(list.invitations.filter((i: any) => i.email.toLowerCase() === 'viewer@people.test' && !i.acceptedAt)).toHaveLength(1);
    expect((await owner.post('/api/v1/invitations', { email: 'x@people.test', role: 'owner' })).status).toBe(400);
    expect((await owner.post('/api/v1/invitations', { email: 'owner@people.test', role: 'viewer' })).status).toBe(409);
    const noLoc = await owner.post('/api/v1/invitations', { email: 'lm2@people.test', role: 'location_manager' });
    expect(noLoc.status).toBe(400);
    expect(noLoc.json.message).toMatch(/locationIds/);
    const other = await buildOrg(server.pool, 'Other Org');
    expect((await owner.post('/api/v1/invitations', { email: 'lm3@people.test', role: 'viewer', locationIds: [other.rootLocationId] })).status).toBe(404);
  });

  it('lists users with their locations, and only lets managers of people do it', async () => {
    const { users } = (await owner.get('/api/v1/users')).json;
    const lm = users.find((u: any) => u.email === 'lm@people.test');
    expect(lm).toMatchObject({ role: 'location_manager', locationIds: [store.id], disabled: false, name: 'Lena' });
    expect(Object.keys(lm).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'locationIds', 'name', 'role']);
    const lmClient = await signIn(server.baseUrl, 'lm@people.test', 'a long enough password');
    expect((await lmClient.get('/api/v1/users')).status).toBe(403);
    expect((await lmClient.post('/api/v1/invitations', { email: 'z@people.test', role: 'viewer' })).status).toBe(403);
    expect((await lmClient.get('/api/v1/outbox')).status).toBe(403);
  });

  it('changes roles and locations, disables users, and protects the last owner', async () => {
    const { users } = (await owner.get('/api/v1/users')).json;
    const lm = users.find((u: any) => u.email === 'lm@people.test');
    const me = users.find((u: any) => u.email === 'owner@people.test');
    expect((await owner.patch(`/api/v1/users/${lm.id}`, { locationIds: [] })).status).toBe(400);
    const analyst = await owner.patch(`/api/v1/users/${lm.id}`, { role: 'analyst', locationIds: [] });
    expect(analyst.json.user).toMatchObject({ role: 'analyst', locationIds: [] });
    expect((await owner.patch(`/api/v1/users/${me.id}`, { role: 'admin' })).status).toBe(409);
    expect((await owner.patch(`/api/v1/users/${me.id}`, { disabled: true })).status).toBe(409);

    const lmClient = await signIn(server.baseUrl, 'lm@people.test', 'a long enough password');
    const disabled = await owner.patch(`/api/v1/users/${lm.id}`, { disabled: true });
    expect(disabled.json.user.disabled).toBe(true);
    expect((await lmClient.get('/api/v1/me')).status).toBe(401);

    await buildUser(server.pool, org.orgId, 'admin', 'admin@people.test');
    const admin = await signIn(server.baseUrl, 'admin@people.test');
    expect((await admin.patch(`/api/v1/users/${me.id}`, { role: 'viewer' })).status).toBe(403);
    expect((await admin.patch(`/api/v1/users/${lm.id}`, { role: 'owner' })).status).toBe(403);
    const promoted = await owner.patch(`/api/v1/users/${lm.id}`, { role: 'owner', disabled: false });
    expect(promoted.json.user.role).toBe('owner');
    expect((await owner.patch(`/api/v1/users/${me.id}`, { role: 'admin' })).status).toBe(200);
    const actions = await server.pool.query(`select count(*)::int as n from audit_log where org_id = $1 and action = 'user.update'`, [org.orgId]);
    expect(actions.rows[0].n).toBeGreaterThanOrEqual(4);
  });

  it('refuses an invitation whose locations were deleted instead of granting the whole organisation', async () => {
    const temp = (await owner.post('/api/v1/locations', { parentId: org.rootLocationId, kind: 'team', name: 'Short-lived' })).json.location;
    const inv = await owner.post('/api/v1/invitations', { email: 'late@people.test', role: 'analyst', locationIds: [temp.id] });
    expect((await owner.delete(`/api/v1/locations/${temp.id}`)).status).toBe(204);
    const res = await new Client(server.baseUrl).post(`/api/v1/invitations/${tokenOf(inv.json.link)}/accept`, { name: 'Late', password: 'a long enough password' });
    expect(res.status).toBe(409);
    expect((await server.pool.query(`select count(*)::int as n from users where email = 'late@people.test'`)).rows[0].n).toBe(0);
  });

  it('lets exactly one of two owners demoting each other at once succeed, and one user come from a double accept', async () => {
    const other = await buildOrg(server.pool, 'Race Org');
    const o1 = await buildUser(server.pool, other.orgId, 'owner', 'o1@race.test');
    const o2 = await buildUser(server.pool, other.orgId, 'owner', 'o2@race.test');
    const [c1, c2] = await Promise.all([signIn(server.baseUrl, 'o1@race.test'), signIn(server.baseUrl, 'o2@race.test')]);
    const results = await Promise.all([c1.patch(`/api/v1/users/${o2}`, { role: 'admin' }), c2.patch(`/api/v1/users/${o1}`, { role: 'admin' })]);
    // One succeeds. The other is refused: 409 (the last owner) when both ran at once, or 403 when the first had
    // already committed and made its author an admin, who may not change an owner (which one depends on timing).
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const owners = await server.pool.query(`select count(*)::int as n from users where org_id = $1 and role = 'owner'`, [other.orgId]);
    expect(owners.rows[0].n).toBe(1);

    const inv = await c1.post('/api/v1/invitations', { email: 'twice@race.test', role: 'viewer' });
    const token = tokenOf(inv.json.link);
    const body = { name: 'Twice', password: 'a long enough password' };
    const accepts = await Promise.all([
      new Client(server.baseUrl).post(`/api/v1/invitations/${token}/accept`, body),
      new Client(server.baseUrl).post(`/api/v1/invitations/${token}/accept`, body),
    ]);
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 404]);
    const users = await server.pool.query(`select count(*)::int as n from users where lower(email) = 'twice@race.test'`);
    expect(users.rows[0].n).toBe(1);
  });

  it('limits a location-scoped admin to people inside their locations', async () => {
    const region = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'East');
    const eastStore = await buildLocation(server.pool, org.orgId, region, 'store', 'East 1');
    await buildUser(server.pool, org.orgId, 'admin', 'east-admin@people.test', [region.id]);
    const inside = await buildUser(server.pool, org.orgId, 'viewer', 'east-viewer@people.test', [eastStore.id]);
    const outside = await buildUser(server.pool, org.orgId, 'viewer', 'west-viewer@people.test', [store.id]);
    const eastAdmin = await signIn(server.baseUrl, 'east-admin@people.test');
    const { users } = (await eastAdmin.get('/api/v1/users')).json;
    expect(users.map((u: any) => u.email).sort()).toEqual(['east-admin@people.test', 'east-viewer@people.test']);
    expect((await eastAdmin.patch(`/api/v1/users/${outside}`, { disabled: true })).status).toBe(404);
    expect((await eastAdmin.patch(`/api/v1/users/${inside}`, { locationIds: [store.id] })).status).toBe(404);
    expect((await eastAdmin.patch(`/api/v1/users/${inside}`, { locationIds: [] })).status).toBe(400);
    expect((await eastAdmin.post('/api/v1/invitations', { email: 'e2@people.test', role: 'analyst' })).status).toBe(400);
    const ok = await eastAdmin.post('/api/v1/invitations', { email: 'e2@people.test', role: 'analyst', locationIds: [eastStore.id] });
    expect(ok.status).toBe(201);
    expect((await eastAdmin.get('/api/v1/outbox')).json.messages.map((m: any) => m.to)).toEqual(['e2@people.test']);
    expect((await eastAdmin.patch('/api/v1/org', { name: 'Mine now' })).status).toBe(403);
  });
});
