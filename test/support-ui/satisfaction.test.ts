/**
 * GET /api/v1/support/satisfaction on a real server and PostgreSQL: CSAT of the answers that follow support
 * contacts, by credited agent and by full-resolution-time bucket, with the support dashboard's filters and the
 * caller's scope. Expected values are computed in the test from the fixture rows (satisfied = score >= 4 of 5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedResponses, seedSurvey } from '../analytics/seed.ts';
import { SupportSatisfactionAnswerSchema } from '../../src/core/api/supportKpis.ts';
import { insertContacts, type FixtureContact } from './fixture.ts';

const base = { channel: 'email', team: 'L1', priority: 'normal', category: 'billing', customer: null, fr: 5, fs: null, replies: 1, reopens: 0 };
// Moscow is UTC+3: k4 is created on 28 February in UTC but on 1 March in the organisation's calendar.
const CONTACTS: (FixtureContact & { scores: number[] })[] = [
  { ...base, ext: 'k1', agent: 'ann', store: 'A', at: '2026-03-02T09:00:00Z', ls: 30, scores: [5, 4] },
  { ...base, ext: 'k2', agent: 'bob', store: 'B', channel: 'phone', at: '2026-03-03T09:00:00Z', ls: 120, scores: [2] },
  { ...base, ext: 'k3', agent: 'ann', store: 'B', at: '2026-03-10T09:00:00Z', ls: 2 * 24 * 60, scores: [3] },
  { ...base, ext: 'k4', agent: 'cid', store: 'A', at: '2026-02-28T22:00:00Z', ls: null, scores: [5] },
  { ...base, ext: 'k5', agent: 'bob', store: 'A', at: '2026-04-02T09:00:00Z', ls: 10, scores: [1] },
  { ...base, ext: 'k6', agent: 'dan', store: 'A', at: '2026-03-04T09:00:00Z', ls: 10, scores: [] },
];
const inMarch = (c: FixtureContact) => c.at >= '2026-02-28T21:00:00Z' && c.at < '2026-03-31T21:00:00Z';

/** The bucket of a full resolution time by the documented edges (1 h, 4 h, 1 d, 3 d). */
function bucketOf(minutes: number | null): string {
  if (minutes === null) return 'unresolved';
  const h = minutes / 60;
  return h < 1 ? 'under_1h' : h < 4 ? 'under_4h' : h < 24 ? 'under_1d' : h < 72 ? 'under_3d' : 'over_3d';
}

/** Per key: contacts with answers, answers, and CSAT (% of answers 4 or 5). */
function expected(rows: typeof CONTACTS, keyOf: (c: (typeof CONTACTS)[number]) => string) {
  const out = new Map<string, { contacts: number; n: number; value: number }>();
  for (const c of rows) {
    if (c.scores.length === 0) continue;
    const g = out.get(keyOf(c)) ?? { contacts: 0, n: 0, value: 0 };
    const satisfiedBefore = (g.value * g.n) / 100;
    g.contacts += 1;
    g.n += c.scores.length;
    g.value = ((satisfiedBefore + c.scores.filter((s) => s >= 4).length) / g.n) * 100;
    out.set(keyOf(c), g);
  }
  return out;
}

describe('GET /api/v1/support/satisfaction', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  const stores: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Satisfaction Org', 'Europe/Moscow');
    stores.A = (await buildLocation(pool, org.orgId, org.root, 'store', 'Store A')).id;
    stores.B = (await buildLocation(pool, org.orgId, org.root, 'store', 'Store B')).id;
    await insertContacts(pool, org.orgId, stores, CONTACTS);
    const s = await seedSurvey(pool, org.orgId, [{ key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 }]);
    for (const c of CONTACTS) {
      const ids = await seedResponses(pool, org.orgId, s.surveyId, s.ids, c.scores.map((score) => ({ locationId: stores[c.store!], at: '2026-04-10T10:00:00Z', answers: { csat: { score } } })));
      await pool.query(
        `update responses set support_contact_id = (select id from support_contacts where org_id = $1 and external_id = $2) where id = any($3::uuid[])`,
        [org.orgId, c.ext, ids],
      );
    }
    await buildUser(pool, org.orgId, 'owner', 'owner@sat.test');
    await buildUser(pool, org.orgId, 'location_manager', 'a@sat.test', [stores.A]);
    owner = await signIn(server.baseUrl, 'owner@sat.test');
    manager = await signIn(server.baseUrl, 'a@sat.test');
  });
  afterAll(async () => server?.close());

  const compare = (groups: { key: string | null; contacts: number; csat: { n: number; value: number | null } }[], want: ReturnType<typeof expected>) => {
    expect(groups.map((g) => g.key).sort()).toEqual([...want.keys()].sort());
    for (const g of groups) {
      const w = want.get(g.key!)!;
      expect([g.key, g.contacts, g.csat.n]).toEqual([g.key, w.contacts, w.n]);
      expect(g.csat.value).toBeCloseTo(w.value, 6);
    }
  };

  it('by credited agent, for the contacts created in the period (organisation calendar)', async () => {
    const res = await owner.get('/api/v1/support/satisfaction?by=agent&from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    const answer = SupportSatisfactionAnswerSchema.parse(res.json);
    expect(answer.by).toBe('agent');
    compare(answer.groups, expected(CONTACTS.filter(inMarch), (c) => c.agent));
    // By hand: ann 2 contacts, answers 5, 4, 3 -> 66.7; bob (k2 only, k5 is April) 2 -> 0; cid (k4, 1 March in Moscow) 5 -> 100.
    expect(answer.groups.map((g) => [g.key, g.csat.n])).toEqual([['ann', 3], ['bob', 1], ['cid', 1]]);
  });

  it('by resolution-time bucket, fastest first, unresolved last', async () => {
    const res = await owner.get('/api/v1/support/satisfaction?by=resolution');
    const answer = SupportSatisfactionAnswerSchema.parse(res.json);
    compare(answer.groups, expected(CONTACTS, (c) => bucketOf(c.ls)));
    expect(answer.groups.map((g) => g.key)).toEqual(['under_1h', 'under_4h', 'under_3d', 'unresolved']);
    // under_1h: k1 (5, 4) and k5 (1): 2 of 3 satisfied.
    expect(answer.groups[0]).toMatchObject({ contacts: 2, csat: { n: 3 } });
  });

  it('takes the location and channel filters, and a store manager sees their store only', async () => {
    const inA = SupportSatisfactionAnswerSchema.parse((await owner.get(`/api/v1/support/satisfaction?location=${stores.A}`)).json);
    compare(inA.groups, expected(CONTACTS.filter((c) => c.store === 'A'), (c) => c.agent));
    const phone = SupportSatisfactionAnswerSchema.parse((await owner.get('/api/v1/support/satisfaction?channel=phone')).json);
    compare(phone.groups, expected(CONTACTS.filter((c) => c.channel === 'phone'), (c) => c.agent));
    const mine = SupportSatisfactionAnswerSchema.parse((await manager.get('/api/v1/support/satisfaction?by=agent')).json);
    compare(mine.groups, expected(CONTACTS.filter((c) => c.store === 'A'), (c) => c.agent));
    expect((await manager.get(`/api/v1/support/satisfaction?location=${stores.B}`)).status).toBe(404);
  });

  it('refuses bad parameters and anonymous callers', async () => {
    expect((await owner.get('/api/v1/support/satisfaction?by=team')).status).toBe(400);
    expect((await owner.get('/api/v1/support/satisfaction?from=2026-03-10&to=2026-03-01')).status).toBe(400);
    expect((await fetch(`${server.baseUrl}/api/v1/support/satisfaction`)).status).toBe(401);
  });
});
