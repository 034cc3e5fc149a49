/** The demo's contact directory: loaded with the demo, linked to the returning customers' answers, scoped for the demo manager. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo, type LoadDemoResult } from '../../src/db/demo/loadDemo.ts';
import { DEMO_CONTACT_COUNT, generateDemoContacts } from '../../src/core/demo/contacts.ts';
import { DEMO_MANAGER_EMAIL, MANAGER_STORE } from '../../src/core/demo/structure.ts';

const PASSWORD = 'demo password 2';
const NOW = new Date('2026-11-30T12:00:00Z');

describe('demo contacts', () => {
  let server: TestServer;
  let demo: LoadDemoResult;
  beforeAll(async () => {
    server = await startTestServer();
    demo = await loadDemo(server.pool, { responses: 3000, seed: 11, now: NOW, passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(async () => server?.close());

  it('has the generated people with their stores, attributes and opt-outs, and owns the returning customers\' answers', async () => {
    const { pool } = server;
    const expected = generateDemoContacts({ seed: 11, count: DEMO_CONTACT_COUNT, today: '2026-11-30' });
    const rows = (await pool.query(
      `select c.external_id, c.email, c.phone, l.code as store, c.segment, c.attributes, c.unsubscribed_at is not null as unsubscribed
         from contacts c join locations l on l.id = c.location_id where c.org_id = $1`, [demo.orgId],
    )).rows;
    expect(rows.length).toBe(DEMO_CONTACT_COUNT);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    for (const c of expected) {
      expect(byId.get(c.externalId)).toEqual({
        external_id: c.externalId, email: c.email, phone: c.phone, store: c.store, segment: c.segment, attributes: c.attributes, unsubscribed: c.unsubscribed,
      });
    }
    const attrs = (await pool.query(`select key, dimension from contact_attributes where org_id = $1 order by key`, [demo.orgId])).rows;
    expect(attrs).toEqual([{ key: 'age_band', dimension: true }, { key: 'customer_since', dimension: false }, { key: 'orders', dimension: false }]);
    const links = (await pool.query(
      // A response is the contact's by its contact_key (returning customers) or by the invitation it answered (demo waves).
      `select count(*)::int as linked,
              count(*) filter (where r.invitation_id is null and c.external_id is distinct from r.contact_key)::int
                + count(*) filter (where r.invitation_id is not null and not exists (select 1 from survey_invitations i
                    where i.org_id = r.org_id and i.id = r.invitation_id and i.contact_id = r.contact_id))::int as wrong,
              (select count(*)::int from responses x where x.org_id = $1 and x.contact_key ~ '^cust-[0-9]+$' and x.contact_key::text in
                 (select external_id from contacts where org_id = $1) and x.contact_id is null) as missed
         from responses r join contacts c on c.org_id = r.org_id and c.id = r.contact_id where r.org_id = $1`, [demo.orgId],
    )).rows[0];
    expect(links.linked).toBeGreaterThan(0);
    expect(links).toMatchObject({ wrong: 0, missed: 0 });
  });

  it('shows the demo manager the contacts of their store only', async () => {
    const manager = await signIn(server.baseUrl, DEMO_MANAGER_EMAIL, PASSWORD);
    const res = await manager.get('/api/v1/contacts?limit=200');
    const store = (await server.pool.query(`select id from locations where org_id = $1 and code = $2`, [demo.orgId, MANAGER_STORE])).rows[0].id;
    const expected = generateDemoContacts({ seed: 11, count: DEMO_CONTACT_COUNT, today: '2026-11-30' }).filter((c) => c.store === MANAGER_STORE);
    expect(res.json.total).toBe(expected.length);
    expect(res.json.contacts.every((c: any) => c.locationId === store)).toBe(true);
  });
});
