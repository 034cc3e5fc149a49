/**
 * The case-operations settings API on a real server: routing rules (order kept, references checked),
 * teams with members, business hours (validated, inherited), compensation limits (validated); only for
 * whole-organisation configurers; another organisation's team is a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildCaseOrg } from './fixtures.ts';
import { compensationLimitFor } from '../../src/db/cases/compensationLimits.ts';

let server: TestServer;
let org: Awaited<ReturnType<typeof buildCaseOrg>>;
let owner: Client;
let manager: Client;
let analyst: Client;
let otherOwner: Client;

beforeAll(async () => {
  server = await startTestServer();
  org = await buildCaseOrg(server.pool, 'api');
  owner = await signIn(server.baseUrl, 'owner-api@cases.test');
  manager = await signIn(server.baseUrl, 's1-api@cases.test');
  await buildUser(server.pool, org.orgId, 'analyst', 'analyst-api@cases.test');
  analyst = await signIn(server.baseUrl, 'analyst-api@cases.test');
  await buildCaseOrg(server.pool, 'other');
  otherOwner = await signIn(server.baseUrl, 'owner-other@cases.test');
});
afterAll(async () => {
  await server?.close();
});

describe('case teams', () => {
  let teamId: string;
  it('creates, renames, sets members, refuses a duplicate name and unknown members, deletes', async () => {
    const created = await owner.post('/api/v1/org/case-teams', { name: 'Hotline', memberIds: [org.regionManager] });
    expect(created.status).toBe(201);
    teamId = created.json.team.id;
    expect(created.json.team).toEqual({ id: teamId, name: 'Hotline', memberIds: [org.regionManager] });
    expect((await owner.post('/api/v1/org/case-teams', { name: 'Hotline' })).status).toBe(409);
    const bad = await owner.patch(`/api/v1/org/case-teams/${teamId}`, { memberIds: [org.admin, '00000000-0000-4000-8000-000000000000'] });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('memberIds.1');
    const patched = await owner.patch(`/api/v1/org/case-teams/${teamId}`, { name: 'Quality desk', memberIds: [org.admin, org.s1Manager] });
    expect(patched.status).toBe(200);
    // members ordered by e-mail: admin-api@ before s1-api@
    expect(patched.json.team).toEqual({ id: teamId, name: 'Quality desk', memberIds: [org.admin, org.s1Manager] });
    expect((await owner.get('/api/v1/org/case-teams')).json.teams).toEqual([patched.json.team]);
    expect((await owner.post('/api/v1/org/case-teams', { name: '  ' })).status).toBe(400);
  });

  it("another organisation's team is not found", async () => {
    expect((await otherOwner.patch(`/api/v1/org/case-teams/${teamId}`, { name: 'Mine' })).status).toBe(404);
    expect((await otherOwner.delete(`/api/v1/org/case-teams/${teamId}`)).status).toBe(404);
    expect((await otherOwner.get('/api/v1/org/case-teams')).json.teams).toEqual([]);
  });

  it('routing rules keep their order and check their targets', async () => {
    const rules = [
      { locationId: null, channel: 'phone', priority: null, ownerUserId: null, teamId },
      { locationId: org.region.id, channel: null, priority: 'urgent', ownerUserId: org.admin, teamId: null },
    ];
    const put = await owner.put('/api/v1/org/case-routing', { rules });
    expect(put.status).toBe(200);
    expect(put.json.rules.map(({ id: _id, ...r }: { id: string }) => r)).toEqual(rules);
    expect((await owner.get('/api/v1/org/case-routing')).json.rules).toEqual(put.json.rules);
    const both = await owner.put('/api/v1/org/case-routing', { rules: [{ ...rules[0], ownerUserId: org.admin }] });
    expect(both.status).toBe(400);
    expect(both.json.message).toBe('rules.0.ownerUserId: choose either a user or a team');
    const foreign = await otherOwner.put('/api/v1/org/case-routing', { rules: [rules[1]] });
    expect(foreign.status).toBe(400);
    expect(foreign.json.message).toBe('rules.0.locationId: no such location');
    const channel = await owner.put('/api/v1/org/case-routing', { rules: [{ ...rules[0], channel: 'fax' }] });
    expect(channel.status).toBe(400);
    expect(channel.json.message).toMatch(/^rules\.0\.channel: /);
    // unchanged after the refusals
    expect((await owner.get('/api/v1/org/case-routing')).json.rules).toEqual(put.json.rules);
  });

  it('deleting a team deletes its rules', async () => {
    expect((await owner.delete(`/api/v1/org/case-teams/${teamId}`)).status).toBe(204);
    expect((await owner.get('/api/v1/org/case-routing')).json.rules.map((r: { priority: string }) => r.priority)).toEqual(['urgent']);
  });
});

describe('business hours', () => {
  it('sets the organisation and a location, and shows what each location inherits', async () => {
    expect((await owner.put('/api/v1/org/business-hours', { businessHours: 'Mon-Fri 09:00-18:00' })).status).toBe(200);
    const put = await owner.put(`/api/v1/locations/${org.region.id}/business-hours`, { businessHours: ' Mon-Sun 10:00-22:00 ' });
    expect(put.status).toBe(200);
    expect(put.json.businessHours).toBe('Mon-Fri 09:00-18:00');
    expect(put.json.timeZone).toBe('Europe/Moscow');
    const byName = Object.fromEntries(put.json.locations.map((l: { name: string }) => [l.name, l]));
    expect(byName['Moscow region']).toMatchObject({ businessHours: 'Mon-Sun 10:00-22:00', effective: 'Mon-Sun 10:00-22:00', inheritedFrom: 'self', depth: 1 });
    expect(byName.Arbat).toMatchObject({ businessHours: null, effective: 'Mon-Sun 10:00-22:00', inheritedFrom: { locationId: org.region.id, name: 'Moscow region' }, depth: 2 });
    expect(byName.Kazan).toMatchObject({ businessHours: null, effective: 'Mon-Fri 09:00-18:00', inheritedFrom: 'org' });
    // clearing: back to inheriting
    const cleared = await owner.put(`/api/v1/locations/${org.region.id}/business-hours`, { businessHours: '' });
    expect(cleared.json.locations.find((l: { name: string }) => l.name === 'Arbat')).toMatchObject({ effective: 'Mon-Fri 09:00-18:00', inheritedFrom: 'org' });
  });

  it('refuses hours it cannot read, naming the field and the expected form', async () => {
    const bad = await owner.put('/api/v1/org/business-hours', { businessHours: 'weekdays 9 to 6' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('businessHours: business hours "weekdays 9 to 6": write days and hours, e.g. "Mon-Fri 09:00-18:00" or "Sun-Thu 08:30-17:00"');
    expect((await owner.put('/api/v1/org/business-hours', { businessHours: 'Mon-Fri 18:00-09:00' })).status).toBe(400);
  });

  it("another organisation's location is not found", async () => {
    expect((await otherOwner.put(`/api/v1/locations/${org.s1.id}/business-hours`, { businessHours: null })).status).toBe(404);
    expect((await owner.put('/api/v1/locations/not-an-id/business-hours', { businessHours: null })).status).toBe(404);
  });
});

describe('compensation limits', () => {
  it('reads every role (none by default) in RUB', async () => {
    const got = await owner.get('/api/v1/org/compensation-limits');
    expect(got.json).toEqual({
      currency: 'RUB',
      limits: ['owner', 'admin', 'analyst', 'location_manager', 'viewer'].map((role) => ({ role, maxAmount: null })),
    });
  });

  it('stores the limits and the currency', async () => {
    const put = await owner.put('/api/v1/org/compensation-limits', {
      currency: 'RUB', limits: [{ role: 'location_manager', maxAmount: 3000 }, { role: 'admin', maxAmount: 15000.5 }, { role: 'viewer', maxAmount: null }],
    });
    expect(put.status).toBe(200);
    expect(put.json.limits).toEqual([
      { role: 'owner', maxAmount: null }, { role: 'admin', maxAmount: 15000.5 }, { role: 'analyst', maxAmount: null },
      { role: 'location_manager', maxAmount: 3000 }, { role: 'viewer', maxAmount: null },
    ]);
    // What the case API checks when compensation is recorded
    expect(await compensationLimitFor(server.pool, org.orgId, 'location_manager')).toEqual({ currency: 'RUB', maxAmount: 3000 });
    expect(await compensationLimitFor(server.pool, org.orgId, 'viewer')).toEqual({ currency: 'RUB', maxAmount: null });
  });

  it.each([
    [{ currency: 'rub', limits: [] }, 'currency: use a three-letter ISO 4217 code such as RUB'],
    [{ currency: 'RUB', limits: [{ role: 'location_manager', maxAmount: -1 }] }, 'limits.0.maxAmount: must be 0 or more'],
    [{ currency: 'RUB', limits: [{ role: 'location_manager', maxAmount: 10.123 }] }, 'limits.0.maxAmount: at most two decimals'],
    [{ currency: 'RUB', limits: [{ role: 'cashier', maxAmount: 10 }] }, /^limits\.0\.role: /],
    [{ currency: 'RUB', limits: [{ role: 'admin', maxAmount: 1 }, { role: 'admin', maxAmount: 2 }] }, 'limits: each role once'],
  ])('refuses %j', async (body, message) => {
    const res = await owner.put('/api/v1/org/compensation-limits', body);
    expect(res.status).toBe(400);
    if (typeof message === 'string') expect(res.json.message).toBe(message);
    else expect(res.json.message).toMatch(message);
    expect((await owner.get('/api/v1/org/compensation-limits')).json.limits.find((l: { role: string }) => l.role === 'location_manager').maxAmount).toBe(3000);
  });
});

describe('permissions', () => {
  it.each([
    ['GET', '/api/v1/org/case-routing'], ['PUT', '/api/v1/org/case-routing'], ['GET', '/api/v1/org/case-teams'],
    ['GET', '/api/v1/org/business-hours'], ['GET', '/api/v1/org/compensation-limits'], ['PUT', '/api/v1/org/compensation-limits'],
  ])('%s %s is refused to a location manager and an analyst', async (method, path) => {
    for (const client of [manager, analyst]) expect((await client.request(method, path, method === 'GET' ? undefined : {})).status).toBe(403);
  });

  it('an admin limited to some locations may not configure cases', async () => {
    await buildUser(server.pool, org.orgId, 'admin', 'regional-admin@cases.test', [org.region.id]);
    const regional = await signIn(server.baseUrl, 'regional-admin@cases.test');
    expect((await regional.get('/api/v1/org/case-routing')).status).toBe(403);
  });
});
