/** The demo's cases on a real database: every status, from real detractors of the same stores, worked by the demo's people. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { DEMO_MANAGER_EMAIL, DEMO_OWNER_EMAIL } from '../../src/core/demo/structure.ts';

const PASSWORD = 'demo password 1';
let server: TestServer;
let orgId = '';

beforeAll(async () => {
  server = await startTestServer();
  const res = await loadDemo(server.pool, { responses: 3000, seed: 11, passwordHash: await hashPassword(PASSWORD) });
  orgId = res.orgId;
});
afterAll(async () => server?.close());

describe('demo cases', () => {
  it('covers every status; resolved ones, and closed ones that were resolved, carry a root cause', async () => {
    const { rows } = await server.pool.query(
      `select status, count(*)::int as n, count(root_cause_id)::int as with_cause, count(resolved_at)::int as with_resolved from cases where org_id = $1 group by status`,
      [orgId],
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    for (const s of ['new', 'in_progress', 'waiting_customer', 'resolved', 'closed']) expect(by[s]?.n ?? 0, s).toBeGreaterThan(0);
    expect(by.resolved.with_cause).toBe(by.resolved.n);
    // closed ones were resolved first (old letters too: src/db/demo/insertDemoLetters.ts), so each has its root cause
    expect(by.closed.with_cause).toBe(by.closed.n);
    expect(by.closed.with_resolved).toBe(by.closed.n);
    for (const s of ['new', 'in_progress', 'waiting_customer']) expect(by[s].with_cause).toBe(0);
    expect(by.resolved.with_resolved).toBe(by.resolved.n);
  });

  it('resolves most cases on time, not none: the report\'s SLA attainment is plausible', async () => {
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    const m = (await owner.get('/api/v1/cases/metrics')).json;
    expect(m.sla_attainment.n).toBeGreaterThan(10);
    expect(m.sla_attainment.value).toBeGreaterThan(30);
    expect(m.sla_attainment.value).toBeLessThan(100);
  });

  it('links the detractor rule\'s alerts to the cases of the same answers, both ways', async () => {
    const unlinked = await server.pool.query(
      `select c.number from cases c join alerts a on a.org_id = c.org_id and a.source_kind = 'response' and a.source_id = c.response_id::text
         join alert_rules r on r.org_id = a.org_id and r.id = a.rule_id and r.opens_case
        where c.org_id = $1 and (a.case_id is distinct from c.id or c.alert_rule_id is distinct from r.id)`,
      [orgId],
    );
    expect(unlinked.rows).toEqual([]);
    const wrong = await server.pool.query(
      `select a.id from alerts a join cases c on c.org_id = a.org_id and c.id = a.case_id where a.org_id = $1 and a.source_id <> c.response_id::text`, [orgId]);
    expect(wrong.rows).toEqual([]);
  });

  it('opens survey cases from detractor answers of the same store, and complaints-book cases by phone and letter', async () => {
    const mismatched = await server.pool.query(
      `select c.number from cases c join responses r on r.org_id = c.org_id and r.id = c.response_id
        join answers a on a.org_id = r.org_id and a.response_id = r.id join questions q on q.org_id = a.org_id and q.id = a.question_id and q.key = 'nps'
       where c.org_id = $1 and (c.location_id is distinct from r.location_id or a.score > 4 or c.trigger_score <> a.score)`,
      [orgId],
    );
    expect(mismatched.rows).toEqual([]);
    const channels = (await server.pool.query(`select distinct channel from cases where org_id = $1 order by 1`, [orgId])).rows.map((r) => r.channel);
    // email: the feedback mailbox's letters (src/db/demo/insertDemoLetters.ts)
    expect(channels).toEqual(['email', 'in_person', 'letter', 'phone', 'survey']);
    const compensated = await server.pool.query(`select count(*)::int n, sum(amount)::float8 total from case_compensations where org_id = $1`, [orgId]);
    expect(compensated.rows[0].n).toBeGreaterThan(0);
    // the case number counter agrees with the cases
    const counter = await server.pool.query(`select o.case_counter, (select max(number) from cases where org_id = o.id) as max from orgs o where id = $1`, [orgId]);
    expect(counter.rows[0].case_counter).toBe(counter.rows[0].max);
  });

  it("shows the manager only their store's cases, owned by them; the owner sees all", async () => {
    const manager = await signIn(server.baseUrl, DEMO_MANAGER_EMAIL, PASSWORD);
    const mine = await manager.get('/api/v1/cases?limit=200');
    expect(mine.status).toBe(200);
    expect(mine.json.total).toBeGreaterThan(0);
    const stores = new Set(mine.json.items.map((i: any) => i.location?.name));
    expect([...stores]).toEqual(['ТЦ «Авиапарк»']);
    expect(mine.json.items.every((i: any) => i.owner?.name === 'Мария Соколова (ТЦ «Авиапарк»)')).toBe(true);
    const owner = await signIn(server.baseUrl, DEMO_OWNER_EMAIL, PASSWORD);
    const all = await owner.get('/api/v1/cases?limit=1');
    const total = (await server.pool.query(`select count(*)::int n from cases where org_id = $1`, [orgId])).rows[0].n;
    expect(all.json.total).toBe(total);
    const one = await owner.get(`/api/v1/cases/${mine.json.items[0].id}`);
    expect(one.status).toBe(200);
  });
});
