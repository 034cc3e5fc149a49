/**
 * Audit waves and assignments over HTTP on real PostgreSQL: creating and changing waves with validation,
 * assignments (visits per location, due dates spread over the period, own and competitor locations only,
 * auditors only), reassigning and cancelling, progress, roles and location scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, startTestServer, type Client, type TestServer } from '../../helpers/app.ts';
import { seedAuditOrg, seedVisit, type AuditOrg } from './fixtures.ts';

let server: TestServer;
let o: AuditOrg;
let other: AuditOrg;
let owner: Client;
let analyst: Client;
let analystB: Client;
let managerA: Client;
let auditor: Client;
let otherOwner: Client;

beforeAll(async () => {
  server = await startTestServer();
  o = await seedAuditOrg(server.pool, 'waves');
  other = await seedAuditOrg(server.pool, 'waves-other');
  await buildUser(server.pool, o.orgId, 'analyst', 'analyst-b@waves.audit.test', [o.storeB.id]);
  owner = await signIn(server.baseUrl, o.emails.owner);
  analyst = await signIn(server.baseUrl, o.emails.analyst);
  analystB = await signIn(server.baseUrl, 'analyst-b@waves.audit.test');
  managerA = await signIn(server.baseUrl, o.emails.managerA);
  auditor = await signIn(server.baseUrl, o.emails.auditor);
  otherOwner = await signIn(server.baseUrl, other.emails.owner);
});
afterAll(async () => server?.close());

const march = () => ({ name: 'March wave', checklistId: o.checklistId, startsOn: '2026-03-01', endsOn: '2026-03-30', visitsPerLocation: 2 });

describe('waves', () => {
  it('refuses bad input with a message naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...march(), name: '  ' }, 'name'],
      [{ ...march(), endsOn: '2026-02-27' }, 'endsOn'],
      [{ ...march(), startsOn: '2026-02-30' }, 'startsOn'],
      [{ ...march(), visitsPerLocation: 0 }, 'visitsPerLocation'],
      [{ ...march(), checklistId: other.checklistId }, 'checklistId'],
      [{ ...march(), status: 'done' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await owner.post('/api/v1/audit-waves', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toBe('validation');
      expect(res.json.message.startsWith(`${field}:`), res.json.message).toBe(true);
    }
  });

  it('creates, lists, reads and changes a wave', async () => {
    const created = await analyst.post('/api/v1/audit-waves', march());
    expect(created.status, created.text).toBe(201);
    expect(created.json.wave).toMatchObject({
      name: 'March wave', checklistId: o.checklistId, checklistName: 'Store visit', startsOn: '2026-03-01', endsOn: '2026-03-30', visitsPerLocation: 2, status: 'planned',
      progress: { assigned: 0, submitted: 0, published: 0, cancelled: 0 },
    });
    const id = created.json.wave.id;
    expect((await owner.get('/api/v1/audit-waves')).json.items.map((w: any) => w.id)).toEqual([id]);
    expect((await owner.get(`/api/v1/audit-waves/${id}`)).json.wave.name).toBe('March wave');
    const patched = await owner.patch(`/api/v1/audit-waves/${id}`, { status: 'open', name: 'March checks' });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.wave).toMatchObject({ status: 'open', name: 'March checks' });
    expect((await owner.patch(`/api/v1/audit-waves/${id}`, { endsOn: '2026-02-01' })).json.message).toMatch(/^endsOn:/);
    expect((await owner.get('/api/v1/audit-waves?status=closed')).json.items).toEqual([]);
  });

  it('is for audit.manage only, and another organisation\'s wave is not found', async () => {
    const id = (await owner.post('/api/v1/audit-waves', march())).json.wave.id;
    expect((await managerA.get('/api/v1/audit-waves')).status).toBe(403);
    expect((await auditor.get(`/api/v1/audit-waves/${id}`)).status).toBe(403);
    expect((await otherOwner.get(`/api/v1/audit-waves/${id}`)).status).toBe(404);
    expect((await otherOwner.patch(`/api/v1/audit-waves/${id}`, { name: 'PWNED' })).status).toBe(404);
    expect((await otherOwner.post(`/api/v1/audit-waves/${id}/assignments`, { locationIds: [other.storeA.id] })).status).toBe(404);
    expect((await owner.get(`/api/v1/audit-waves/${id}`)).json.wave.name).toBe('March wave');
  });
});

describe('assignments', () => {
  let waveId: string;
  beforeAll(async () => {
    waveId = (await owner.post('/api/v1/audit-waves', { ...march(), name: 'Assign wave', status: 'open' })).json.wave.id;
  });

  it('plans visitsPerLocation visits per location with due dates spread over the period', async () => {
    const res = await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.storeA.id, o.competitor.id], auditorId: o.users.auditor });
    expect(res.status, res.text).toBe(201);
    // 30 days, 2 visits: the middles of the halves, day 7 and day 22 after 1 March.
    const got = res.json.items.map((a: any) => [a.locationName, a.locationKind, a.dueOn, a.auditorName, a.status]).sort();
    expect(got).toEqual([
      ['Rival Mart', 'competitor', '2026-03-08', o.emails.auditor, 'assigned'],
      ['Rival Mart', 'competitor', '2026-03-23', o.emails.auditor, 'assigned'],
      ['Store A', 'store', '2026-03-08', o.emails.auditor, 'assigned'],
      ['Store A', 'store', '2026-03-23', o.emails.auditor, 'assigned'],
    ]);
    expect((await owner.get(`/api/v1/audit-waves/${waveId}`)).json.wave.progress).toEqual({ assigned: 4, submitted: 0, published: 0, cancelled: 0 });
  });

  it('takes one due date for all when given, inside the period only', async () => {
    const res = await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.storeB.id], dueOn: '2026-03-15' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.items.filter((a: any) => a.locationId === o.storeB.id).map((a: any) => [a.dueOn, a.auditorId])).toEqual([['2026-03-15', null], ['2026-03-15', null]]);
    const outside = await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.storeB.id], dueOn: '2026-04-01' });
    expect([outside.status, outside.json.message]).toEqual([400, expect.stringMatching(/^dueOn: must be inside the wave's period/)]);
  });

  it('refuses the company itself, another organisation\'s store, and users who cannot audit', async () => {
    const root = await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.rootId] });
    expect([root.status, root.json.message]).toEqual([400, expect.stringMatching(/^locationIds:/)]);
    expect((await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [other.storeA.id] })).json.message).toMatch(/^locationIds:/);
    const manager = await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.storeA.id], auditorId: o.users.managerA });
    expect([manager.status, manager.json.message]).toEqual([400, expect.stringMatching(/^auditorId: this user cannot carry out visits/)]);
    expect((await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.storeA.id], auditorId: other.users.auditor })).json.message).toBe('auditorId: no such user');
    expect((await owner.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [] })).json.message).toMatch(/^locationIds:/);
    // Nothing of the refused requests was stored: still 4 + 2.
    expect((await owner.get(`/api/v1/audit-waves/${waveId}/assignments`)).json.items).toHaveLength(6);
  });

  it('reassigns, moves and cancels an assignment; progress counts submitted and published visits', async () => {
    const items = (await owner.get(`/api/v1/audit-waves/${waveId}/assignments`)).json.items as any[];
    const [a1, a2] = items.filter((a) => a.locationId === o.storeA.id);
    const moved = await owner.patch(`/api/v1/audit-assignments/${a1.id}`, { auditorId: o.users.analyst, dueOn: '2026-03-30' });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.assignment).toMatchObject({ auditorId: o.users.analyst, auditorName: o.emails.analyst, dueOn: '2026-03-30' });
    expect((await owner.patch(`/api/v1/audit-assignments/${a1.id}`, { dueOn: '2026-02-28' })).json.message).toMatch(/^dueOn:/);
    expect((await owner.patch(`/api/v1/audit-assignments/${a1.id}`, { auditorId: o.users.viewerA })).json.message).toMatch(/^auditorId:/);
    expect((await owner.patch(`/api/v1/audit-assignments/${a2.id}`, { status: 'cancelled' })).json.assignment.status).toBe('cancelled');
    await seedVisit(server.pool, o, { locationId: o.storeA.id, assignmentId: a1.id, waveId, status: 'published', answers: { greet: { value: 'yes' } } });
    const competitorOne = items.find((a) => a.locationId === o.competitor.id);
    await seedVisit(server.pool, o, { locationId: o.competitor.id, assignmentId: competitorOne.id, waveId, answers: { greet: { value: 'no' } } });
    // 6 planned, 1 cancelled: 5 assigned, 2 submitted, 1 of them published.
    expect((await owner.get(`/api/v1/audit-waves/${waveId}`)).json.wave.progress).toEqual({ assigned: 5, submitted: 2, published: 1, cancelled: 1 });
    const done = await owner.patch(`/api/v1/audit-assignments/${a1.id}`, { auditorId: o.users.auditor });
    expect(done.status).toBe(409);
    // The wave's period cannot shrink past a live assignment's due date (30 March).
    expect((await owner.patch(`/api/v1/audit-waves/${waveId}`, { endsOn: '2026-03-29' })).json.message).toMatch(/^endsOn: some assignments are due outside/);
  });

  it('limits a scoped manager of waves to their locations (404 outside)', async () => {
    const items = (await owner.get(`/api/v1/audit-waves/${waveId}/assignments`)).json.items as any[];
    const seen = (await analystB.get(`/api/v1/audit-waves/${waveId}/assignments`)).json.items as any[];
    expect(seen.map((a) => a.locationId)).toEqual([o.storeB.id, o.storeB.id]);
    // Store B's two assignments, none submitted.
    expect((await analystB.get(`/api/v1/audit-waves/${waveId}`)).json.wave.progress).toEqual({ assigned: 2, submitted: 0, published: 0, cancelled: 0 });
    const storeA = items.find((a) => a.locationId === o.storeA.id && a.status === 'cancelled');
    expect((await analystB.patch(`/api/v1/audit-assignments/${storeA.id}`, { status: 'assigned' })).status).toBe(404);
    expect((await otherOwner.patch(`/api/v1/audit-assignments/${storeA.id}`, { status: 'assigned' })).status).toBe(404);
    expect((await owner.get(`/api/v1/audit-waves/${waveId}/assignments`)).json.items.find((a: any) => a.id === storeA.id).status).toBe('cancelled');
    expect((await analystB.post(`/api/v1/audit-waves/${waveId}/assignments`, { locationIds: [o.storeA.id] })).json.message).toMatch(/^locationIds:/);
  });

  it('offers the form its checklists, auditable locations and auditors', async () => {
    const res = await analystB.get('/api/v1/audit-waves/options');
    expect(res.json.checklists).toEqual([{ id: o.checklistId, name: 'Store visit' }]);
    expect(res.json.locations.map((l: any) => l.name)).toEqual(['Store B']);
    expect(res.json.auditors.map((a: any) => [a.name, a.role])).toEqual([
      [o.emails.auditor, 'auditor'], ['analyst-b@waves.audit.test', 'analyst'], [o.emails.analyst, 'analyst'], [o.emails.owner, 'owner'],
    ]);
    expect((await owner.get('/api/v1/audit-waves/options')).json.locations.map((l: any) => l.name)).toEqual(['North', 'Store A', 'Store B', 'Rival Mart']);
  });
});
