/**
 * Reports API: templates CRUD, schedules (next run on the organisation's clock), send now, the delivery log
 * and retry; validation, roles, location scope and other organisations; 401 without a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey } from '../respond/factory.ts';

const NOW = new Date('2026-12-02T10:00:00Z'); // a Wednesday; 13:00 in Moscow
let server: TestServer;
let owner: Client;
let analystA: Client;
let viewer: Client;
let outsider: Client;
let surveyId: string;
let storeA: { id: string; path: string };
let storeB: { id: string; path: string };
let ownerId: string;

const definition = (extra: Record<string, unknown> = {}) => ({ surveyId, sections: ['kpis', 'trend'], period: { rule: 'last_week' }, ...extra });

beforeAll(async () => {
  server = await startTestServer({ now: () => NOW });
  const org = await buildOrg(server.pool, 'Reports Org');
  await server.pool.query(`update orgs set timezone = 'Europe/Moscow' where id = $1`, [org.orgId]);
  storeA = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store A');
  storeB = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store B');
  ownerId = await buildUser(server.pool, org.orgId, 'owner', 'owner@reports.test');
  await buildUser(server.pool, org.orgId, 'analyst', 'analyst-a@reports.test', [storeA.id]);
  await buildUser(server.pool, org.orgId, 'viewer', 'viewer@reports.test');
  await buildUser(server.pool, org.orgId, 'location_manager', 'manager-a@reports.test', [storeA.id]);
  surveyId = (await buildSurvey(server.pool, org.orgId)).id;
  const other = await buildOrg(server.pool, 'Other Org');
  await buildUser(server.pool, other.orgId, 'owner', 'owner@other.test');
  owner = await signIn(server.baseUrl, 'owner@reports.test');
  analystA = await signIn(server.baseUrl, 'analyst-a@reports.test');
  viewer = await signIn(server.baseUrl, 'viewer@reports.test');
  outsider = await signIn(server.baseUrl, 'owner@other.test');
});
afterAll(async () => {
  await server?.close();
});

describe('reports API', () => {
  it('answers 401 without a session', async () => {
    const anon = new Client(server.baseUrl);
    for (const [method, path] of [['GET', '/api/v1/reports'], ['POST', '/api/v1/reports'], ['GET', '/api/v1/report-deliveries']] as const) {
      expect((await anon.request(method, path, method === 'POST' ? {} : undefined)).status).toBe(401);
    }
  });

  it('creates, lists, reads, changes and deletes a report', async () => {
    const created = await owner.post('/api/v1/reports', { name: 'Weekly', definition: definition() });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Weekly', ownerId, definition: { surveyId, sections: ['kpis', 'trend'], filters: {}, period: { rule: 'last_week' }, includeComments: false } });
    const id = created.json.id;
    expect((await owner.get('/api/v1/reports')).json.items.map((r: any) => r.id)).toContain(id);
    expect((await owner.get(`/api/v1/reports/${id}`)).json.name).toBe('Weekly');
    const patched = await owner.patch(`/api/v1/reports/${id}`, { name: 'Weekly (stores)', definition: definition({ filters: { location: storeA.id } }) });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ name: 'Weekly (stores)', definition: { filters: { location: storeA.id } } });
    expect((await owner.delete(`/api/v1/reports/${id}`)).status).toBe(200);
    expect((await owner.get(`/api/v1/reports/${id}`)).status).toBe(404);
    const audit = await server.pool.query(`select action, target_label from audit_log where target_type = 'report' and target_id = $1 order by id`, [id]);
    expect(audit.rows).toEqual([
      { action: 'report.create', target_label: 'Weekly' }, { action: 'report.update', target_label: 'Weekly (stores)' }, { action: 'report.delete', target_label: 'Weekly (stores)' },
    ]);
  });

  it('refuses invalid reports with the field named', async () => {
    const noSections = await owner.post('/api/v1/reports', { name: 'X', definition: definition({ sections: [] }) });
    expect(noSections.status).toBe(400);
    expect(noSections.json.message).toMatch(/^definition\.sections/);
    const unknownSurvey = await owner.post('/api/v1/reports', { name: 'X', definition: definition({ surveyId: '00000000-0000-4000-8000-000000000000' }) });
    expect(unknownSurvey.status).toBe(400);
    expect(unknownSurvey.json.message).toBe('definition.surveyId: no such survey');
    expect((await owner.post('/api/v1/reports', { name: '', definition: definition() })).status).toBe(400);
    expect((await owner.get('/api/v1/reports/not-an-id')).status).toBe(404);
  });

  it('schedules a report on the organisation\'s clock and validates the days', async () => {
    const id = (await owner.post('/api/v1/reports', { name: 'Scheduled', definition: definition() })).json.id;
    const weekly = await owner.post(`/api/v1/reports/${id}/schedules`, {
      frequency: 'weekly', dayOfWeek: 1, hour: 9, recipients: [{ kind: 'role', role: 'location_manager' }, { kind: 'email', email: 'boss@example.test', lang: 'fa' }],
    });
    expect(weekly.status).toBe(201);
    // Monday 7 December 09:00 Moscow (UTC+3)
    expect(weekly.json).toMatchObject({ frequency: 'weekly', dayOfWeek: 1, dayOfMonth: null, hour: 9, enabled: true, nextRunAt: '2026-12-07T06:00:00.000Z' });
    const monthly = await owner.patch(`/api/v1/report-schedules/${weekly.json.id}`, { frequency: 'monthly', dayOfMonth: 31, hour: 8 });
    expect(monthly.status).toBe(200);
    // 31 December 08:00 Moscow
    expect(monthly.json).toMatchObject({ frequency: 'monthly', dayOfWeek: null, dayOfMonth: 31, nextRunAt: '2026-12-31T05:00:00.000Z' });
    expect((await owner.get(`/api/v1/reports/${id}/schedules`)).json.items).toHaveLength(1);

    const noDay = await owner.post(`/api/v1/reports/${id}/schedules`, { frequency: 'weekly', hour: 9, recipients: [{ kind: 'role', role: 'viewer' }] });
    expect(noDay.status).toBe(400);
    expect(noDay.json.message).toMatch(/^dayOfWeek/);
    const noOne = await owner.post(`/api/v1/reports/${id}/schedules`, { frequency: 'daily', hour: 9, recipients: [] });
    expect(noOne.status).toBe(400);
    const stranger = await owner.post(`/api/v1/reports/${id}/schedules`, { frequency: 'daily', hour: 9, recipients: [{ kind: 'user', userId: '00000000-0000-4000-8000-000000000000' }] });
    expect(stranger.json.message).toBe('recipients.0.userId: no such user');
    expect((await owner.post(`/api/v1/reports/${id}/schedules`, { frequency: 'daily', hour: 24, recipients: [{ kind: 'role', role: 'viewer' }] })).status).toBe(400);

    expect((await owner.delete(`/api/v1/report-schedules/${weekly.json.id}`)).status).toBe(200);
    expect((await owner.get(`/api/v1/reports/${id}/schedules`)).json.items).toEqual([]);
  });

  it('edits a schedule: validated like a new one, next run recomputed, audited, only within the caller\'s reports', async () => {
    const id = (await owner.post('/api/v1/reports', { name: 'Editable', definition: definition({ filters: { location: storeB.id } }) })).json.id;
    const created = await owner.post(`/api/v1/reports/${id}/schedules`, { frequency: 'weekly', dayOfWeek: 1, hour: 9, recipients: [{ kind: 'role', role: 'location_manager' }] });
    const path = `/api/v1/report-schedules/${created.json.id}`;
    expect(created.json.nextRunAt).toBe('2026-12-07T06:00:00.000Z'); // Monday 7 December 09:00 Moscow

    const edited = await owner.patch(path, { hour: 7, recipients: [{ kind: 'email', email: 'board@example.test', lang: 'ru' }] });
    expect(edited.status).toBe(200);
    // The same Monday at 07:00 Moscow (UTC+3).
    expect(edited.json).toMatchObject({ frequency: 'weekly', dayOfWeek: 1, hour: 7, recipients: [{ kind: 'email', email: 'board@example.test', lang: 'ru' }], nextRunAt: '2026-12-07T04:00:00.000Z' });
    const daily = await owner.patch(path, { frequency: 'daily' });
    // Now is Wednesday 2 December 13:00 Moscow: the next 07:00 is tomorrow's; the weekday goes with the weekly rule.
    expect(daily.json).toMatchObject({ frequency: 'daily', dayOfWeek: null, dayOfMonth: null, hour: 7, nextRunAt: '2026-12-03T04:00:00.000Z' });
    expect((await owner.patch(path, { enabled: false })).json.enabled).toBe(false);

    for (const [body, field] of [
      [{ frequency: 'weekly' }, /^dayOfWeek/], [{ dayOfMonth: 5 }, /^dayOfMonth/], [{ hour: 24 }, /^hour/], [{ recipients: [] }, /^recipients/],
      [{ recipients: [{ kind: 'email', email: 'not an address', lang: 'en' }] }, /^recipients\.0\.email/], [{ cadence: 'daily' }, /cadence/],
    ] as const) {
      const refused = await owner.patch(path, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.json.message).toMatch(field);
    }
    const stranger = await owner.patch(path, { recipients: [{ kind: 'user', userId: '00000000-0000-4000-8000-000000000000' }] });
    expect(stranger.json.message).toBe('recipients.0.userId: no such user');
    // Refused edits changed nothing.
    expect((await owner.get(`/api/v1/reports/${id}/schedules`)).json.items[0]).toMatchObject({ frequency: 'daily', hour: 7, enabled: false, recipients: [{ email: 'board@example.test' }] });

    // Store B's report is not store A's analyst's; another organisation's owner finds nothing; a viewer may not change it.
    expect((await analystA.patch(path, { hour: 8 })).status).toBe(404);
    expect((await outsider.patch(path, { hour: 8 })).status).toBe(404);
    expect((await viewer.patch(path, { hour: 8 })).status).toBe(403);
    expect((await owner.patch('/api/v1/report-schedules/00000000-0000-4000-8000-000000000000', { hour: 8 })).status).toBe(404);
    expect((await owner.get(`/api/v1/reports/${id}/schedules`)).json.items[0].hour).toBe(7);

    const audit = await server.pool.query(
      `select detail from audit_log where action = 'report.schedule.update' and target_id = $1 order by id`, [id],
    );
    expect(audit.rows.map((r) => [r.detail.frequency, r.detail.hour, r.detail.enabled])).toEqual([['weekly', 7, true], ['daily', 7, true], ['daily', 7, false]]);
  });

  it('limits a caller with locations to reports of those locations', async () => {
    const a = (await owner.post('/api/v1/reports', { name: 'Store A', definition: definition({ filters: { location: storeA.id } }) })).json.id;
    const b = (await owner.post('/api/v1/reports', { name: 'Store B', definition: definition({ filters: { location: storeB.id } }) })).json.id;
    const whole = (await owner.post('/api/v1/reports', { name: 'Company', definition: definition() })).json.id;
    const seen = (await analystA.get('/api/v1/reports')).json.items.map((r: any) => r.id);
    expect(seen).toContain(a);
    expect(seen).not.toContain(b);
    expect(seen).not.toContain(whole);
    expect((await analystA.get(`/api/v1/reports/${b}`)).status).toBe(404);
    expect((await analystA.patch(`/api/v1/reports/${b}`, { name: 'mine' })).status).toBe(404);
    expect((await analystA.post(`/api/v1/reports/${whole}/send-now`, {})).status).toBe(404);
    expect((await analystA.post('/api/v1/reports', { name: 'All', definition: definition() })).json.message).toBe('definition.filters.location: choose one of your locations');
    expect((await analystA.post('/api/v1/reports', { name: 'B', definition: definition({ filters: { location: storeB.id } }) })).status).toBe(400);
    expect((await analystA.post('/api/v1/reports', { name: 'A', definition: definition({ filters: { location: storeA.id } }) })).status).toBe(201);
    // Another organisation sees none of them.
    expect((await outsider.get(`/api/v1/reports/${a}`)).status).toBe(404);
    expect((await outsider.get('/api/v1/reports')).json.items).toEqual([]);
    // A viewer reads but may not change or send.
    expect((await viewer.get(`/api/v1/reports/${a}`)).status).toBe(200);
    expect((await viewer.post('/api/v1/reports', { name: 'V', definition: definition() })).status).toBe(403);
    expect((await viewer.post(`/api/v1/reports/${a}/send-now`, {})).status).toBe(403);
    // Schedules and deliveries name recipients' addresses: a viewer sees neither.
    expect((await viewer.get(`/api/v1/reports/${a}/schedules`)).status).toBe(403);
    expect((await viewer.get('/api/v1/report-deliveries')).status).toBe(403);
    expect((await owner.get(`/api/v1/reports/${a}/schedules`)).status).toBe(200);
  });

  it('sends now to the caller, logs the delivery, and retries only failed or unknown ones', async () => {
    const id = (await owner.post('/api/v1/reports', { name: 'Now', definition: definition() })).json.id;
    const sent = await owner.post(`/api/v1/reports/${id}/send-now`, { lang: 'ru' });
    expect(sent.status).toBe(202);
    expect(sent.json.deliveries).toHaveLength(1);
    expect(sent.json.deliveries[0]).toMatchObject({ email: 'owner@reports.test', lang: 'ru', status: 'queued', reportDay: '2026-12-02', scheduleId: null });
    const deliveryId = sent.json.deliveries[0].id;
    // Without SMTP the outbox is the delivery.
    await expect.poll(async () => (await owner.get(`/api/v1/report-deliveries?report=${id}`)).json.items[0]?.status, { timeout: 20_000 }).toBe('sent');
    expect((await owner.post(`/api/v1/report-deliveries/${deliveryId}/retry`)).status).toBe(409);

    await server.pool.query(`update report_deliveries set status = 'unknown' where id = $1`, [deliveryId]);
    expect((await owner.get('/api/v1/report-deliveries?status=unknown')).json.items.map((d: any) => d.id)).toEqual([deliveryId]);
    const retried = await owner.post(`/api/v1/report-deliveries/${deliveryId}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.json.status).toBe('queued');
    await expect.poll(async () => (await owner.get(`/api/v1/report-deliveries?report=${id}`)).json.items[0]?.attempts, { timeout: 20_000 }).toBe(2);
    expect((await owner.get(`/api/v1/report-deliveries?report=${id}`)).json.items[0].status).toBe('sent');
    expect((await outsider.post(`/api/v1/report-deliveries/${deliveryId}/retry`)).status).toBe(404);

    const toManagers = await owner.post(`/api/v1/reports/${id}/send-now`, { recipients: [{ kind: 'role', role: 'location_manager' }] });
    expect(toManagers.json.deliveries.map((d: any) => d.email)).toEqual(['manager-a@reports.test']);
    const nobody = await owner.post(`/api/v1/reports/${id}/send-now`, { recipients: [{ kind: 'role', role: 'auditor' }] });
    expect(nobody.status).toBe(400);
  });
});
