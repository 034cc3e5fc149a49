/**
 * The referral API: the switch, claims (first code wins, no self-referral, ingest keys, scope) and the
 * report, whose numbers are computed by hand below from the rows the test inserts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildSurvey } from '../respond/factory.ts';
import { makeKey, withKey } from '../integrations/fixture.ts';

let server: TestServer;
let owner: Client;
let manager2: Client;
let viewer: Client;
let other: Client;
let orgId: string;
let s1: string;
let s2: string;

const C1 = 'AAAA2222';
const C2 = 'BBBB3333';
const C3 = 'CCCC4444';
const MARCH = 'from=2026-03-01&to=2026-03-31';

async function code(code: string, locationId: string, createdAt: string, contactId: string | null = null) {
  const survey = await buildSurvey(server.pool, orgId);
  await server.pool.query(
    `insert into referral_codes(org_id, code, survey_id, location_id, contact_id, created_at) values ($1, $2, $3, $4, $5, $6)`,
    [orgId, code, survey.id, locationId, contactId, createdAt],
  );
}
async function visits(code: string, ...days: Array<[string, string]>) {
  for (const [day, visitor] of days) await server.pool.query(`insert into referral_visits(org_id, code, day, visitor) values ($1, $2, $3, $4)`, [orgId, code, day, visitor]);
}
let receipt = 0;
async function sale(locationId: string, customer: string, at: string, amount: number, referralCode: string | null = null) {
  await server.pool.query(
    `insert into sales_transactions(org_id, location_id, receipt_id, at, amount, customer_key, referral_code) values ($1, $2, $3, $4, $5, $6, $7)`,
    [orgId, locationId, `r-${++receipt}`, at, amount, customer, referralCode],
  );
}

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Referral Org');
  orgId = org.orgId;
  const region = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
  s1 = (await buildLocation(server.pool, orgId, region, 'store', 'Store One')).id;
  s2 = (await buildLocation(server.pool, orgId, region, 'store', 'Store Two')).id;
  await buildUser(server.pool, orgId, 'owner', 'owner@ref.test');
  await buildUser(server.pool, orgId, 'location_manager', 'm2@ref.test', [s2]);
  await buildUser(server.pool, orgId, 'viewer', 'viewer@ref.test');
  owner = await signIn(server.baseUrl, 'owner@ref.test');
  manager2 = await signIn(server.baseUrl, 'm2@ref.test');
  viewer = await signIn(server.baseUrl, 'viewer@ref.test');
  const otherOrg = await buildOrg(server.pool, 'Other Org');
  await buildUser(server.pool, otherOrg.orgId, 'owner', 'owner@other.test');
  other = await signIn(server.baseUrl, 'owner@other.test');

  const { rows: [promoter] } = await server.pool.query(`insert into contacts(org_id, external_id, name) values ($1, 'cust-P1', 'Pat') returning id`, [orgId]);
  await code(C1, s1, '2026-03-02T08:00:00Z', promoter.id);
  await code(C2, s2, '2026-03-05T08:00:00Z');
  await code(C3, s1, '2026-02-20T08:00:00Z');
  await visits(C1, ['2026-03-02', 'v1'], ['2026-03-03', 'v1'], ['2026-03-03', 'v2']);
  await visits(C2, ['2026-03-06', 'v1']);
  await visits(C3, ['2026-02-25', 'v1'], ['2026-03-10', 'v1']);
  // cust-A: a purchase before the referral, one carrying C2 after the claim with C1 (the claim came first), one after the window.
  await sale(s1, 'cust-A', '2026-03-02T09:00:00Z', 50);
  await sale(s2, 'cust-A', '2026-03-04T12:00:00Z', 120.5, C2);
  await sale(s1, 'cust-A', '2026-04-02T09:00:00Z', 30);
  // cust-C: referred by their first receipt carrying C3 (typed in lower case), then buys again.
  await sale(s1, 'cust-C', '2026-03-08T10:00:00Z', 40, C3.toLowerCase());
  await sale(s1, 'cust-C', '2026-03-09T10:00:00Z', 10);
  // cust-D: referred before the window.
  await sale(s2, 'cust-D', '2026-02-15T10:00:00Z', 99, C2);
  // The promoter's own receipt with their code: never a referral.
  await sale(s1, 'cust-P1', '2026-03-10T10:00:00Z', 77, C1);
});
afterAll(() => server?.close());

describe('settings', () => {
  it('are off until an admin turns them on', async () => {
    expect((await owner.get('/api/v1/referrals/settings')).json).toEqual({ enabled: false });
    const put = await owner.put('/api/v1/referrals/settings', { enabled: true });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ enabled: true });
    expect((await owner.get('/api/v1/referrals/settings')).json).toEqual({ enabled: true });
    expect((await other.get('/api/v1/referrals/settings')).json).toEqual({ enabled: false });
  });
  it('need org.manage and a boolean', async () => {
    expect((await viewer.get('/api/v1/referrals/settings')).status).toBe(403);
    expect((await manager2.put('/api/v1/referrals/settings', { enabled: false })).status).toBe(403);
    const bad = await owner.put('/api/v1/referrals/settings', { enabled: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toBe('validation');
    expect(bad.text).toContain('enabled');
  });
});

describe('claims', () => {
  it('claim a customer once: the first code wins', async () => {
    const a = await owner.post('/api/v1/referrals/claims', { code: 'aaaa-2222', customerId: 'cust-A', at: '2026-03-03T10:00:00Z' });
    expect(a.status).toBe(201);
    expect(a.json).toEqual({ code: C1, customerId: 'cust-A', claimedAt: '2026-03-03T10:00:00.000Z', created: true });
    const again = await owner.post('/api/v1/referrals/claims', { code: C2, customerId: 'cust-A' });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ code: C1, customerId: 'cust-A', claimedAt: '2026-03-03T10:00:00.000Z', created: false });
  });

  it('refuse a promoter\'s own code', async () => {
    const res = await owner.post('/api/v1/referrals/claims', { code: C1, customerId: 'cust-P1' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'validation' });
    expect(res.text).toContain('customerId');
    const { rows } = await server.pool.query(`select 1 from referral_claims where org_id = $1 and customer_key = 'cust-P1'`, [orgId]);
    expect(rows).toHaveLength(0);
  });

  it('refuse unknown codes, other organisations\' codes and codes outside a location manager\'s stores alike', async () => {
    for (const [client, c] of [[owner, 'ZZZZ9999'], [owner, 'nonsense'], [other, C1], [manager2, C1]] as const) {
      const res = await client.post('/api/v1/referrals/claims', { code: c, customerId: 'cust-X' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('code');
    }
    expect((await viewer.post('/api/v1/referrals/claims', { code: C2, customerId: 'cust-X' })).status).toBe(403);
  });

  it('take an ingest key, and a location manager\'s own store\'s code', async () => {
    const { key } = await makeKey(owner, 'ingest');
    const res = await withKey(server, key, 'POST', '/api/v1/referrals/claims', { code: C2, customerId: 'cust-B', at: '2026-03-06T10:00:00Z' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ code: C2, customerId: 'cust-B', created: true });
    const read = await makeKey(owner, 'read');
    expect((await withKey(server, read.key, 'POST', '/api/v1/referrals/claims', { code: C2, customerId: 'cust-Y' })).status).toBe(403);
    const own = await manager2.post('/api/v1/referrals/claims', { code: C2, customerId: 'cust-B' });
    expect(own.status).toBe(200);
    expect(own.json.created).toBe(false);
  });
});

describe('report', () => {
  // Store One: C1 issued 03-02 (C3 in February: not issued in March) -> 1; visits C1 3 + C3 1 (03-10) = 4;
  //   referred cust-A (claim C1 03-03) and cust-C (receipt with C3 03-08) = 2, both bought since -> converted 2;
  //   revenue cust-A 120.50 (03-04; 03-02 is before, 04-02 after the window) + cust-C 40 + 10 = 170.50.
  // Store Two: C2 issued 03-05 -> 1; visits 1; referred cust-B (03-06; cust-D was in February) = 1, no purchase -> 0, 0.
  const storeOne = { location_id: () => s1, location_name: 'Store One', issued: 1, visits: 4, referred: 2, converted: 2, revenue: 170.5, conversion: 1 };
  const storeTwo = { location_id: () => s2, location_name: 'Store Two', issued: 1, visits: 1, referred: 1, converted: 0, revenue: 0, conversion: 0 };
  const row = ({ location_id, ...r }: typeof storeOne) => ({ ...r, location_id: location_id() });

  it('counts the funnel per location and in total', async () => {
    const res = await owner.get(`/api/v1/referrals/report?${MARCH}`);
    expect(res.status).toBe(200);
    expect(res.json.enabled).toBe(true);
    expect(res.json.locations).toEqual([row(storeOne), row(storeTwo)]);
    // 2 issued, 5 visits, 3 referred, 2 converted (2/3), 170.50
    expect(res.json.totals).toEqual({ issued: 2, visits: 5, referred: 3, converted: 2, revenue: 170.5, conversion: 2 / 3 });
    expect(res.json.latest).toEqual([
      { code: C3, location_name: 'Store One', referred_at: '2026-03-08T10:00:00.000Z', first_purchase_at: '2026-03-08T10:00:00.000Z', revenue: 50 },
      { code: C2, location_name: 'Store Two', referred_at: '2026-03-06T10:00:00.000Z', first_purchase_at: null, revenue: 0 },
      { code: C1, location_name: 'Store One', referred_at: '2026-03-03T10:00:00.000Z', first_purchase_at: '2026-03-04T12:00:00.000Z', revenue: 120.5 },
    ]);
    expect(res.text).not.toContain('cust-');
  });

  it('filters by location subtree', async () => {
    const res = await owner.get(`/api/v1/referrals/report?${MARCH}&location=${s2}`);
    expect(res.json.locations).toEqual([row(storeTwo)]);
    expect(res.json.totals).toEqual({ issued: 1, visits: 1, referred: 1, converted: 0, revenue: 0, conversion: 0 });
  });

  it('shows a location manager their stores only', async () => {
    const res = await manager2.get(`/api/v1/referrals/report?${MARCH}`);
    expect(res.json.locations).toEqual([row(storeTwo)]);
    expect(res.json.latest.map((r: { code: string }) => r.code)).toEqual([C2]);
    expect((await manager2.get(`/api/v1/referrals/report?${MARCH}&location=${s1}`)).status).toBe(404);
  });

  it('shows another organisation nothing of these', async () => {
    const res = await other.get(`/api/v1/referrals/report?${MARCH}`);
    expect(res.json).toEqual({ enabled: false, locations: [], totals: { issued: 0, visits: 0, referred: 0, converted: 0, revenue: 0, conversion: null }, latest: [] });
  });

  it('validates the window', async () => {
    const res = await owner.get('/api/v1/referrals/report?from=2026-03-31&to=2026-03-01');
    expect(res.status).toBe(400);
    expect(res.text).toContain('to');
    expect((await owner.get('/api/v1/referrals/report?from=2026-02-30')).status).toBe(400);
  });
});
