import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';

describe('organisation settings API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  /** An organisation of its own for each test (no test depends on another's changes), with an admin and an analyst. */
  async function orgWithMembers(name: string) {
    const org = await buildOrg(server.pool, name);
    const tag = crypto.randomBytes(4).toString('hex');
    const emails = { admin: `admin-${tag}@org.test`, analyst: `analyst-${tag}@org.test` };
    await buildUser(server.pool, org.orgId, 'admin', emails.admin);
    await buildUser(server.pool, org.orgId, 'analyst', emails.analyst);
    return { org, emails };
  }

  it('shows the settings to every member and lets admins change them, with an audit event', async () => {
    const { org, emails } = await orgWithMembers('Settings Org');
    const analyst = await signIn(server.baseUrl, emails.analyst);
    expect((await analyst.get('/api/v1/org')).json).toEqual({ id: org.orgId, name: 'Settings Org', timezone: 'UTC', dimensions: [] });
    expect((await analyst.patch('/api/v1/org', { name: 'X' })).status).toBe(403);

    const admin = await signIn(server.baseUrl, emails.admin);
    const res = await admin.patch('/api/v1/org', { name: 'Renamed', timezone: 'Asia/Tehran', dimensions: ['segment', 'plan_2'] });
    expect(res.status).toBe(200);
    const settings = { id: org.orgId, name: 'Renamed', timezone: 'Asia/Tehran', dimensions: ['segment', 'plan_2'] };
    // The settings stay at the top level; dimensions and time zone changed, so a rollup rebuild started (test/admin/orgJobs.test.ts).
    expect(res.json).toMatchObject({ ...settings, org: settings, rollupJob: { status: 'running' } });
    const audit = await server.pool.query(`select action, detail from audit_log where org_id = $1 and action like 'org.%'`, [org.orgId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].action).toBe('org.update');
    expect(audit.rows[0].detail.before.name).toBe('Settings Org');
  });

  it('validates time zones and dimension keys', async () => {
    const { org, emails } = await orgWithMembers('Validation Org');
    // Settings other than the defaults, so a bad request that resets them shows.
    await server.pool.query(`update orgs set timezone = 'Asia/Tehran', dimensions = '{segment}' where id = $1`, [org.orgId]);
    const admin = await signIn(server.baseUrl, emails.admin);
    const bad: unknown[] = [
      { timezone: 'Mars/Olympus' },
      { dimensions: ['Bad-Key'] },
      { dimensions: ['a'.repeat(41)] },
      { dimensions: Array.from({ length: 11 }, (_, i) => `d${i}`) },
      { dimensions: ['a', 'a'] },
      { name: '' },
    ];
    for (const body of bad) expect((await admin.patch('/api/v1/org', body)).status, JSON.stringify(body)).toBe(400);
    expect((await admin.get('/api/v1/org')).json).toEqual({ id: org.orgId, name: 'Validation Org', timezone: 'Asia/Tehran', dimensions: ['segment'] });
  });
});
