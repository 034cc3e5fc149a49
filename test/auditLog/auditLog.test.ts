import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '../../src/db/audit/recordAuditEvent.ts';
import { buildOrgWithOwner, buildUser, Client, signIn, startTestServer, type OrgFixture, type TestServer } from '../helpers/app.ts';

describe('audit log API', () => {
  let server: TestServer;
  let org: OrgFixture;
  let owner: Client;
  let store: { id: string; path: string };
  beforeAll(async () => {
    server = await startTestServer();
    ({ org, store, owner } = await buildOrgWithOwner(server, 'Audit Org', 'owner@audit.test'));
    await buildOrgWithOwner(server, 'Other Org', 'owner@other.test');
  });
  afterAll(async () => server.close());

  it('answers 401 without a session and 403 to a store manager', async () => {
    expect((await new Client(server.baseUrl).get('/api/v1/audit-log')).status).toBe(401);
    await buildUser(server.pool, org.orgId, 'location_manager', 'lm@audit.test', [store.id]);
    const lm = await signIn(server.baseUrl, 'lm@audit.test');
    expect((await lm.get('/api/v1/audit-log')).status).toBe(403);
    expect((await lm.get('/api/v1/audit-log/actors')).status).toBe(403);
    // The permission is checked before the query: a bad query from someone without it is still a 403.
    expect((await lm.get('/api/v1/audit-log?limit=nope')).status).toBe(403);
    expect((await lm.get('/api/v1/audit-log/export?format=pdf')).status).toBe(403);
  });

  it('logs a failed sign-in without the password anywhere in the row', async () => {
    const password = 'Wr0ng-Passw0rd-xyzzy';
    const res = await new Client(server.baseUrl).post('/api/v1/auth/login', { email: 'owner@audit.test', password });
    expect(res.status).toBe(401);
    const { rows } = await server.pool.query(`select * from audit_log where org_id = $1 and action = 'auth.sign_in_failed'`, [org.orgId]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(password);
    expect(rows[0]).toMatchObject({ actor_kind: 'user', actor_label: 'owner@audit.test', target_type: 'user' });
  });

  it('shows the organisation its own events only, newest first, filtered by action, with a role change before and after', async () => {
    const id = (await buildUser(server.pool, org.orgId, 'viewer', 'vera@audit.test')).toString();
    expect((await owner.patch(`/api/v1/users/${id}`, { role: 'analyst' })).status).toBe(200);
    const page = (await owner.get('/api/v1/audit-log?action=user.update')).json;
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'user.update', actor: { kind: 'user', label: 'owner@audit.test' }, target: { type: 'user', id, label: 'vera@audit.test' },
      details: { before: { role: 'viewer' }, after: { role: 'analyst' } },
    });
    const all = (await owner.get('/api/v1/audit-log?limit=200')).json.items as { action: string; actor: { label: string | null } }[];
    expect(all.map((e) => e.action)).toContain('auth.sign_in');
    expect(all.some((e) => e.actor.label?.includes('other.test'))).toBe(false);
    expect((await owner.get('/api/v1/audit-log?action=nope')).status).toBe(400);
  });

  it('refuses updates and deletes of the log in the database', async () => {
    await expect(server.pool.query(`update audit_log set action = 'x' where org_id = $1`, [org.orgId])).rejects.toThrow(/append-only/);
    await expect(server.pool.query(`delete from audit_log where org_id = $1`, [org.orgId])).rejects.toThrow(/append-only/);
  });

  it('exports the filtered log as formula-safe CSV with Russian headers, records the export, and refuses others', async () => {
    expect((await new Client(server.baseUrl).get('/api/v1/audit-log/export?format=csv')).status).toBe(401);
    const lm = await signIn(server.baseUrl, 'lm@audit.test');
    expect((await lm.get('/api/v1/audit-log/export?format=csv')).status).toBe(403);
    await recordAuditEvent(server.pool, {
      orgId: org.orgId, actorId: null, action: 'location.update', targetType: 'location', targetId: store.id, targetLabel: '=HYPERLINK("http://x.test")',
    });
    const res = await owner.get('/api/v1/audit-log/export?format=csv&lang=ru&action=location.update');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Время (UTC),Кто,Тип исполнителя,Что сделано,Код действия,Тип объекта,Объект,ID объекта,Подробности,IP-адрес,Браузер');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,Sarafan (автоматически),Sarafan (автоматически),Изменена точка,location.update,location,"'=HYPERLINK(""http://x.test"")",${store.id}`);
    const recorded = (await owner.get('/api/v1/audit-log?action=table.export')).json.items;
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ actor: { label: 'owner@audit.test' }, target: { type: 'audit_log' }, details: { format: 'csv', lang: 'ru', action: 'location.update' } });
    const xlsx = await owner.get('/api/v1/audit-log/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  });
});
