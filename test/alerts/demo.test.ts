/** The demo's alerts: three rules, alerts on the demo's own answers, the bell of the demo store's manager limited to her store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadDemo } from '../../src/db/demo/loadDemo.ts';
import { DEMO_MANAGER_EMAIL, MANAGER_STORE } from '../../src/core/demo/structure.ts';

const PASSWORD = 'demo password 1';
let server: TestServer;
let orgId: string;

beforeAll(async () => {
  server = await startTestServer();
  const r = await loadDemo(server.pool, { responses: 4000, seed: 7, passwordHash: await hashPassword(PASSWORD) });
  orgId = r.orgId;
}, 300_000);
afterAll(async () => server?.close());

describe('demo alerts', () => {
  it('has the three rules, each alert on an answer that matches its rule, and managers told about their store only', async () => {
    const rules = (await server.pool.query('select name, trigger from alert_rules where org_id = $1 order by trigger', [orgId])).rows;
    expect(rules.map((r) => r.trigger)).toEqual(['comment_match', 'low_score', 'metric_drop']);
    // every detractor alert points at an NPS answer of 0-6 of the same store
    const wrong = await server.pool.query(
      `select count(*)::int as n from alerts a join alert_rules r on r.org_id = a.org_id and r.id = a.rule_id
         join responses x on x.org_id = a.org_id and x.id = a.source_id::uuid
         join answers s on s.org_id = x.org_id and s.response_id = x.id and s.score is not null
         join questions q on q.org_id = s.org_id and q.id = s.question_id and q.key = 'nps'
        where a.org_id = $1 and r.trigger = 'low_score' and (s.score > 6 or x.location_id is distinct from a.location_id)`,
      [orgId],
    );
    expect(wrong.rows[0].n).toBe(0);
    const counts = (await server.pool.query(
      `select r.trigger, count(*)::int as n, count(*) filter (where a.delivered)::int as delivered from alerts a join alert_rules r on r.org_id = a.org_id and r.id = a.rule_id
        where a.org_id = $1 group by r.trigger`, [orgId])).rows;
    const low = counts.find((c) => c.trigger === 'low_score');
    expect(low.n).toBeGreaterThan(10);
    expect(low.delivered).toBeGreaterThan(0);
    expect(counts.find((c) => c.trigger === 'comment_match')?.n).toBeGreaterThan(0);

    const manager = await signIn(server.baseUrl, DEMO_MANAGER_EMAIL, PASSWORD);
    const bell = (await manager.get('/api/v1/notifications?limit=100')).json;
    expect(bell.items.length).toBeGreaterThan(0);
    const store = (await server.pool.query('select name from locations where org_id = $1 and code = $2', [orgId, MANAGER_STORE])).rows[0].name;
    expect(new Set(bell.items.map((n: any) => n.body.location))).toEqual(new Set([store]));
    const alerts = (await manager.get('/api/v1/alerts?limit=200')).json.items;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a: any) => a.location?.name === store)).toBe(true);
  });
});
