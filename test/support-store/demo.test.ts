/** The demo's support desk: contacts of the same stores and customers, stored through the import path, with CSAT answers linked to them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { satisfactionAfterContacts } from '../../src/db/support/satisfaction.ts';
import { DECLINING_STORE } from '../../src/core/demo/structure.ts';

let db: TestDatabase;
let orgId: string;
const NOW = new Date('2026-06-15T12:00:00Z');
const one = async (sql: string) => (await db.pool.query(sql, [orgId])).rows[0];

beforeAll(async () => {
  db = await createTestDatabase();
  const result = await loadDemo(db.pool, { responses: 2000, seed: 11, now: NOW, passwordHash: 'x' });
  orgId = result.orgId;
});
afterAll(async () => db?.drop());

describe('demo support contacts', () => {
  it('has tickets by phone, e-mail and chat at the demo stores, with agents, teams, complaints, reopens and SLA targets', async () => {
    const s = await one(`select count(*)::int as contacts, count(distinct channel)::int as channels, count(distinct team)::int as teams,
        count(distinct solved_by)::int as agents, count(*) filter (where location_id is null)::int as unplaced,
        count(*) filter (where is_complaint)::int as complaints, count(*) filter (where reopens > 0)::int as reopened,
        count(*) filter (where contact_id is not null)::int as known, min(created_at) as first, max(created_at) as last
      from support_contacts where org_id = $1`);
    expect(s.contacts).toBeGreaterThan(500);
    expect(s.channels).toBe(3);
    expect(s.teams).toBe(3);
    expect(s.agents).toBeGreaterThanOrEqual(8);
    expect(s.unplaced).toBe(0);
    expect(s.complaints).toBeGreaterThan(0);
    expect(s.reopened).toBeGreaterThan(0);
    expect(s.known).toBeGreaterThan(0);
    expect(s.first.getTime()).toBeGreaterThan(NOW.getTime() - 190 * 86_400_000);
    expect(s.last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect((await one(`select count(*)::int as n from support_sla_targets where org_id = $1`)).n).toBe(4);
  });

  it('has repeat contacts: the same customer again within 7 days', async () => {
    const r = await one(`select count(*)::int as n from support_contacts a join support_contacts b
        on b.org_id = a.org_id and b.customer_key = a.customer_key and b.id <> a.id
       and b.created_at > a.created_at and b.created_at <= a.created_at + interval '7 days' where a.org_id = $1`);
    expect(r.n).toBeGreaterThan(0);
  });

  it('complaints weigh more at the declining store', async () => {
    const r = await one(`select avg((sc.is_complaint)::int) filter (where l.code = '${DECLINING_STORE}') as declining,
        avg((sc.is_complaint)::int) filter (where l.code <> '${DECLINING_STORE}') as others
      from support_contacts sc join locations l on l.org_id = sc.org_id and l.id = sc.location_id where sc.org_id = $1`);
    expect(Number(r.declining)).toBeGreaterThan(Number(r.others));
  });

  it('links CSAT answers to the contacts they follow, by agent and by resolution time', async () => {
    // About 0.6 of the ~640 CSAT answers at 2,000 responses follow a contact, as far as the 300 directory customers reach.
    const linked = await one(`select count(*)::int as n from responses r join surveys s on s.id = r.survey_id
      where r.org_id = $1 and s.slug = 'demo-csat' and r.support_contact_id is not null`);
    expect(linked.n).toBeGreaterThan(200);
    const byTime = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: null }, 'resolution');
    expect(byTime.reduce((n, g) => n + g.csat.n, 0)).toBeGreaterThan(200);
    // The story: satisfaction falls with resolution time (enough answers on both ends to tell).
    const fast = byTime.find((g) => g.key === 'under_1h')!;
    const slow = byTime.find((g) => g.key === 'under_3d')!;
    expect(fast.csat.n).toBeGreaterThan(30);
    expect(slow.csat.n).toBeGreaterThan(30);
    expect(fast.csat.value!).toBeGreaterThan(slow.csat.value! + 10);
    const byAgent = await satisfactionAfterContacts(db.pool, { orgId, locationPaths: null }, 'agent');
    expect(byAgent.length).toBeGreaterThanOrEqual(8);
    expect(byAgent.every((g) => g.csat.n >= 10)).toBe(true);
  });

  it('CSAT answers given to directory customers carry their key, once per customer (no new duplicates)', async () => {
    const r = await one(`select count(*) filter (where r.contact_key is distinct from c.external_id)::int as mismatched,
        count(distinct c.id)::int as customers, count(*)::int as answers
      from responses r join surveys s on s.id = r.survey_id join contacts c on c.org_id = r.org_id and c.id = r.contact_id
      where r.org_id = $1 and s.slug = 'demo-csat' and r.invitation_id is null`);
    expect(r.mismatched).toBe(0);
    expect(r.answers).toBeGreaterThan(200);
    // The 2 % returning customers of the generator may answer twice; the adopted ones answer once.
    expect(r.answers - r.customers).toBeLessThan(10);
  });
});
