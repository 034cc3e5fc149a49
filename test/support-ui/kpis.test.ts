/**
 * The support dashboard API on a real server and PostgreSQL: KPIs against values computed in the test from
 * the fixture rows (fixture.ts), filters, grouping, the weekly trend, distributions, repeats drill-down,
 * SLA breaches, complaints next to NPS, the scope of a store manager and of another organisation, SLA
 * targets, and bad parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, npsOf, seedResponses, seedSurvey } from '../analytics/seed.ts';
import {
  SupportComplaintsAnswerSchema, SupportDistributionAnswerSchema, SupportKpisAnswerSchema, SupportRepeatsAnswerSchema,
  SupportSlaBreachesAnswerSchema, SupportTrendAnswerSchema,
} from '../../src/core/api/supportKpis.ts';
import { makeKey, withKey } from '../integrations/fixture.ts';
import { expectedKpis, insertContacts, rounded, type FixtureContact, type SlaTargetFixture } from './fixture.ts';

const NOW = new Date('2026-03-20T12:00:00Z');
const base = { channel: 'email', team: 'L1', agent: 'ann', priority: 'normal', category: 'billing', replies: 1, reopens: 0 };
// Moscow is UTC+3 all year: c3 is created on 3 March in UTC but on 4 March in the organisation's calendar.
const CONTACTS: FixtureContact[] = [
  { ...base, ext: 'c1', customer: 'alice', store: 'A', priority: 'high', at: '2026-03-02T09:00:00Z', fr: 10, fs: 60, ls: 60 },
  { ...base, ext: 'c2', customer: 'alice', store: 'A', channel: 'phone', agent: 'bob', complaint: true, at: '2026-03-05T09:00:00Z', fr: 120, fs: 300, ls: null, replies: 2, reopens: 1 },
  { ...base, ext: 'c3', customer: 'carl', store: 'B', team: 'L2', agent: 'cid', category: 'delivery', at: '2026-03-03T21:30:00Z', fr: 30, fs: 2000, ls: 2000 },
  { ...base, ext: 'c4', customer: 'carl', store: 'B', channel: 'chat', team: 'L2', agent: 'cid', priority: 'high', category: 'delivery', complaint: true, at: '2026-03-12T10:00:00Z', fr: null, fs: null, ls: null, replies: 0 },
  // Store C's contacts come from a source that says nothing about complaints (complaint unknown).
  { ...base, ext: 'c5', customer: null, store: 'C', category: 'returns', complaint: null, at: '2026-03-10T08:00:00Z', fr: 5, fs: 10, ls: 10 },
  { ...base, ext: 'c6', customer: 'dora', store: 'C', channel: 'phone', team: 'L2', agent: 'bob', priority: 'high', category: 'returns', complaint: null, at: '2026-03-20T11:30:00Z', fr: null, fs: null, ls: null, replies: 0 },
  { ...base, ext: 'c7', customer: 'alice', store: null, at: '2026-03-07T09:00:00Z', fr: 45, fs: 100, ls: 400, replies: 3, reopens: 1 },
  { ...base, ext: 'c8', customer: 'eve', store: 'A', priority: 'low', at: '2026-02-27T09:00:00Z', fr: 20, fs: 30, ls: 30 },
  { ...base, ext: 'c9', customer: 'eve', store: 'A', priority: 'low', at: '2026-03-01T08:00:00Z', fr: 15, fs: 4000, ls: 4000, replies: 2 },
];
const TARGETS: Record<string, SlaTargetFixture> = { high: { fr: 3600, res: 14_400 }, normal: { fr: 3600, res: 86_400 } };
const inMarch = (c: FixtureContact) => c.at >= '2026-02-28T21:00:00Z' && c.at < '2026-03-31T21:00:00Z';
const MARCH = 'from=2026-03-01&to=2026-03-31';

describe('support dashboard API', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let viewer: Client;
  let other: Client;
  const stores: Record<string, string> = {};
  let surveyId = '';

  beforeAll(async () => {
    server = await startTestServer({ now: () => NOW });
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Support Org', 'Europe/Moscow');
    const north = await buildLocation(pool, org.orgId, org.root, 'region', 'North');
    stores.north = north.id;
    stores.A = (await buildLocation(pool, org.orgId, north, 'store', 'Store A')).id;
    stores.B = (await buildLocation(pool, org.orgId, north, 'store', 'Store B')).id;
    stores.C = (await buildLocation(pool, org.orgId, org.root, 'store', 'Store C')).id;
    await insertContacts(pool, org.orgId, stores, CONTACTS);
    for (const [priority, t] of Object.entries(TARGETS)) {
      await pool.query(`insert into support_sla_targets(org_id, priority, first_response_s, resolution_s) values ($1, $2, $3, $4)`, [org.orgId, priority, t.fr, t.res]);
    }
    await buildUser(pool, org.orgId, 'owner', 'owner@support.test');
    await buildUser(pool, org.orgId, 'location_manager', 'a@support.test', [stores.A]);
    await buildUser(pool, org.orgId, 'viewer', 'viewer@support.test');
    // Another organisation: the same customer key on the same days must change nothing above.
    const otherOrg = await buildAnalyticsOrg(pool, 'Other Org');
    const otherStore = await buildLocation(pool, otherOrg.orgId, otherOrg.root, 'store', 'Elsewhere');
    await insertContacts(pool, otherOrg.orgId, { X: otherStore.id }, [
      { ...base, ext: 'c1', customer: 'alice', store: 'X', complaint: true, at: '2026-03-03T09:00:00Z', fr: 1, fs: 2, ls: 2 },
    ]);
    await buildUser(pool, otherOrg.orgId, 'owner', 'owner@other.test');
    // NPS of stores A and C for the complaints panel: A 10, 9, 3 (NPS 33.3), C 6 (NPS -100).
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }]);
    surveyId = s.surveyId;
    await seedResponses(pool, org.orgId, surveyId, s.ids, [
      ...[10, 9, 3].map((score) => ({ locationId: stores.A, at: '2026-03-10T10:00:00Z', answers: { nps: { score } } })),
      { locationId: stores.C, at: '2026-03-11T10:00:00Z', answers: { nps: { score: 6 } } },
    ]);
    owner = await signIn(server.baseUrl, 'owner@support.test');
    manager = await signIn(server.baseUrl, 'a@support.test');
    viewer = await signIn(server.baseUrl, 'viewer@support.test');
    other = await signIn(server.baseUrl, 'owner@other.test');
  });
  afterAll(async () => server?.close());

  it('computes the KPIs of the period as the definitions do (owner: every contact)', async () => {
    const res = await owner.get(`/api/v1/support/kpis?${MARCH}`);
    expect(res.status).toBe(200);
    const answer = SupportKpisAnswerSchema.parse(res.json);
    const march = CONTACTS.filter(inMarch);
    expect(rounded(answer.kpis)).toEqual(rounded(expectedKpis(march, CONTACTS, TARGETS, NOW)));
    // Spot checks by hand: 8 contacts in March (c8 is February); alice's c1 -> c2 (3 days) and c2 -> c7 (2 days) are repeats,
    // eve's c9, carl's c3 (next after 8.5 days), c4, dora's c6 and c7 are not: 2 of 7 with a customer.
    expect(answer.kpis).toMatchObject({ contacts: 8, repeats: 2, repeat_base: 7, complaints: 2, solved: 6, reopened: 2, one_touch: 3 });
    // First responses 10, 120, 30, 5, 45, 15 minutes: median 22.5 min; p90 between 45 and 120 at 0.5: 82.5 min.
    expect(answer.kpis.first_response_median_s).toBe(1350);
    expect(answer.kpis.first_response_p90_s).toBe(4950);
    // SLA (first response, full resolution): c1 met; c2 missed (2 h to respond, reopened and not solved again for 15 days);
    // c3 missed (solved after 33 h, target 24 h); c4 missed (never answered, 1 h target long past); c5 met; c6 left out
    // (30 minutes old, within its hour); c7 met (solved again after 6 h 40 min); c9 has no target (low).
    expect(answer.kpis).toMatchObject({ sla_met: 3, sla_judged: 6, sla_attainment: 0.5 });
    expect(answer.sla_by_priority).toEqual([
      { priority: 'high', judged: 2, met: 1, attainment: 0.5 },
      { priority: 'normal', judged: 4, met: 2, attainment: 0.5 },
    ]);
    expect(answer.groups).toEqual([]);
  });

  it('takes the repeat window as a parameter and names the metric by it', async () => {
    const res = await owner.get(`/api/v1/support/kpis?${MARCH}&repeatWindow=10d`);
    const kpis = SupportKpisAnswerSchema.parse(res.json).kpis;
    expect(rounded(kpis)).toEqual(rounded(expectedKpis(CONTACTS.filter(inMarch), CONTACTS, TARGETS, NOW, 10)));
    // carl's c3 -> c4 after 8.5 days now counts.
    expect(kpis).toMatchObject({ repeats: 3, repeat_window_s: 864_000, repeat_metric: 'repeat_10d' });
  });

  it('filters by channel, location subtree, team and priority, and counts days in the organisation time zone', async () => {
    const cases: [string, (c: FixtureContact) => boolean][] = [
      ['channel=email', (c) => c.channel === 'email'],
      [`location=${stores.north}`, (c) => c.store === 'A' || c.store === 'B'],
      ['team=L2&priority=high', (c) => c.team === 'L2' && c.priority === 'high'],
      // 4 March in Moscow holds c3 (21:30 UTC on the 3rd) only.
      ['from=2026-03-04&to=2026-03-04', (c) => c.ext === 'c3'],
    ];
    for (const [query, keep] of cases) {
      const res = await owner.get(`/api/v1/support/kpis?${query.startsWith('from') ? query : `${MARCH}&${query}`}`);
      expect(res.status, query).toBe(200);
      const rows = CONTACTS.filter((c) => (query.startsWith('from') ? true : inMarch(c)) && keep(c));
      expect(rounded(res.json.kpis), query).toEqual(rounded(expectedKpis(rows, CONTACTS, TARGETS, NOW)));
    }
    const day = await owner.get('/api/v1/support/kpis?from=2026-03-04&to=2026-03-04');
    expect(day.json.kpis.contacts).toBe(1);
  });

  it('groups by team and by location, most contacts first', async () => {
    const march = CONTACTS.filter(inMarch);
    const byTeam = SupportKpisAnswerSchema.parse((await owner.get(`/api/v1/support/kpis?${MARCH}&by=team`)).json);
    expect(byTeam.by).toBe('team');
    expect(byTeam.groups.map((g) => [g.key, g.kpis.contacts])).toEqual([['L1', 5], ['L2', 3]]);
    for (const g of byTeam.groups) expect(rounded(g.kpis)).toEqual(rounded(expectedKpis(march.filter((c) => c.team === g.key), CONTACTS, TARGETS, NOW)));
    const byLocation = SupportKpisAnswerSchema.parse((await owner.get(`/api/v1/support/kpis?${MARCH}&by=location`)).json);
    expect(byLocation.groups.map((g) => [g.label, g.kpis.contacts])).toEqual([['Store A', 3], ['Store B', 2], ['Store C', 2], [null, 1]]);
    expect(byLocation.groups.find((g) => g.label === null)!.key).toBe('');
  });

  it('a store manager sees only their store, another organisation nothing of this one', async () => {
    const res = await manager.get(`/api/v1/support/kpis?${MARCH}&by=location`);
    const answer = SupportKpisAnswerSchema.parse(res.json);
    const mine = CONTACTS.filter((c) => c.store === 'A');
    // alice's c2 -> c7 is not a repeat for the manager: c7 (no location) is outside their scope.
    expect(rounded(answer.kpis)).toEqual(rounded(expectedKpis(mine.filter(inMarch), mine, TARGETS, NOW)));
    expect(answer.kpis).toMatchObject({ contacts: 3, repeats: 1 });
    expect(answer.groups.map((g) => g.label)).toEqual(['Store A']);
    expect((await manager.get(`/api/v1/support/kpis?location=${stores.C}`)).status).toBe(404);
    const repeats = SupportRepeatsAnswerSchema.parse((await manager.get(`/api/v1/support/repeats?${MARCH}`)).json);
    expect(repeats.customers.flatMap((c) => c.contacts.map((x) => x.external_id))).toEqual(['c1', 'c2']);
    const theirs = await other.get(`/api/v1/support/kpis?${MARCH}`);
    expect(theirs.json.kpis).toMatchObject({ contacts: 1, complaints: 1, repeats: 0 });
  });

  it('of two contacts created at the same instant, only the first by ticket id is followed (as sarafan kpi)', async () => {
    const org = await buildAnalyticsOrg(server.pool, 'Tie Org');
    await insertContacts(server.pool, org.orgId, {}, [
      { ...base, ext: 'z2', customer: 'zed', store: null, at: '2026-03-03T09:00:00Z', fr: 1, fs: 2, ls: 2 },
      { ...base, ext: 'z1', customer: 'zed', store: null, at: '2026-03-03T09:00:00Z', fr: 1, fs: 2, ls: 2 },
    ]);
    await buildUser(server.pool, org.orgId, 'owner', 'owner@tie.test');
    const tie = await signIn(server.baseUrl, 'owner@tie.test');
    const kpis = SupportKpisAnswerSchema.parse((await tie.get('/api/v1/support/kpis')).json).kpis;
    expect(kpis).toMatchObject({ repeat_base: 2, repeats: 1, repeat_contact_rate: 0.5 });
    const repeats = SupportRepeatsAnswerSchema.parse((await tie.get('/api/v1/support/repeats')).json);
    expect(repeats.customers.map((c) => [c.customer_key, c.repeats, c.contacts.map((x) => x.external_id)])).toEqual([['zed', 1, ['z1', 'z2']]]);
  });

  it('answers the weekly trend in the organisation calendar', async () => {
    const res = await owner.get(`/api/v1/support/trend?${MARCH}&interval=week`);
    const trend = SupportTrendAnswerSchema.parse(res.json);
    // Weeks from Monday (Moscow): 23 Feb holds c9 (1 March); 2 March c1, c3, c2, c7; 9 March c5, c4; 16 March c6.
    expect(trend.points.map((p) => [p.period, p.kpis.contacts])).toEqual([['2026-02-23', 1], ['2026-03-02', 4], ['2026-03-09', 2], ['2026-03-16', 1]]);
    const week2 = CONTACTS.filter((c) => ['c1', 'c2', 'c3', 'c7'].includes(c.ext));
    expect(rounded(trend.points[1].kpis)).toEqual(rounded(expectedKpis(week2, CONTACTS, TARGETS, NOW)));
  });

  it('distributes first response and resolution times into their buckets', async () => {
    const d = SupportDistributionAnswerSchema.parse((await owner.get(`/api/v1/support/distribution?${MARCH}`)).json);
    // First responses 10, 120, 30, 5, 45, 15 min: <15m: 10, 5; 15m-1h: 30, 45, 15; 1-4h: 120.
    expect(d.first_response.map((b) => b.contacts)).toEqual([2, 3, 1, 0, 0, 0]);
    // First resolutions 60, 300, 2000, 10, 100, 4000 min: <15m: 10; 1-4h: 60, 100; 4-24h: 300; 1-3d: 2000, 4000.
    expect(d.first_resolution.map((b) => b.contacts)).toEqual([1, 0, 2, 1, 2, 0]);
    expect(d.first_resolution.map((b) => [b.lower_s, b.upper_s])).toEqual([[0, 900], [900, 3600], [3600, 14_400], [14_400, 86_400], [86_400, 259_200], [259_200, null]]);
  });

  it('lists the customers who came back, with their contacts', async () => {
    const res = SupportRepeatsAnswerSchema.parse((await owner.get(`/api/v1/support/repeats?${MARCH}`)).json);
    expect(res.repeat_window_s).toBe(604_800);
    expect(res.customers.map((c) => [c.customer_key, c.repeats, c.contacts.map((x) => x.external_id)])).toEqual([['alice', 2, ['c1', 'c2', 'c7']]]);
    expect(res.customers[0].contacts.map((x) => x.location)).toEqual(['Store A', 'Store A', 'Unknown shop']);
    expect(res.customers[0].contacts[1]).toMatchObject({ channel: 'phone', category: 'billing', subject: 'About billing', created_at: '2026-03-05T09:00:00.000Z' });
  });

  it('lists SLA breaches with what was missed', async () => {
    const res = SupportSlaBreachesAnswerSchema.parse((await owner.get(`/api/v1/support/sla-breaches?${MARCH}`)).json);
    expect(res.breaches.map((b) => [b.external_id, b.missed])).toEqual([
      ['c4', ['first_response', 'resolution']], ['c2', ['first_response', 'resolution']], ['c3', ['resolution']],
    ]);
    expect(res.breaches[1]).toMatchObject({ priority: 'normal', first_response_s: 7200, first_response_target_s: 3600, resolution_s: null, resolution_target_s: 86_400 });
    expect(res.breaches[2]).toMatchObject({ resolution_s: 120_000 });
  });

  it('puts complaints per location next to the NPS of the same locations', async () => {
    const res = await owner.get(`/api/v1/support/complaints?${MARCH}&survey=${surveyId}`);
    expect(res.status).toBe(200);
    const answer = SupportComplaintsAnswerSchema.parse(res.json);
    const row = (name: string | null) => answer.locations.find((l) => l.name === name)!;
    expect(row('Store A')).toMatchObject({ contacts: 3, complaints: 1 });
    expect(row('Store A').nps!.value).toBeCloseTo(npsOf([10, 9, 3]), 6);
    expect(row('Store B')).toMatchObject({ contacts: 2, complaints: 1, nps: null });
    expect(row('Store C')).toMatchObject({ contacts: 2, complaints: null });
    expect(row('Store C').nps!.value).toBe(-100);
    expect(row(null)).toMatchObject({ contacts: 1, complaints: 0 });
    const plain = SupportComplaintsAnswerSchema.parse((await owner.get(`/api/v1/support/complaints?${MARCH}`)).json);
    expect(plain.survey).toBeNull();
    // Unknown complaints (Store C) are null, as the KPIs' complaints of Store C alone, and listed last.
    expect(plain.locations.map((l) => [l.name, l.complaints])).toEqual([['Store A', 1], ['Store B', 1], [null, 0], ['Store C', null]]);
    const storeC = (await owner.get(`/api/v1/support/kpis?${MARCH}&by=location`)).json.groups.find((g: { label: string | null }) => g.label === 'Store C');
    expect(storeC.kpis.complaints).toBeNull();
  });

  it('answers a read API key limited to a store like a manager of that store; the lists stay the dashboard\'s', async () => {
    const { key } = await makeKey(owner, 'read', stores.A);
    const res = await withKey(server, key, 'GET', `/api/v1/support/kpis?${MARCH}`);
    expect(res.status).toBe(200);
    const mine = CONTACTS.filter((c) => c.store === 'A');
    expect(rounded(SupportKpisAnswerSchema.parse(res.json).kpis)).toEqual(rounded(expectedKpis(mine.filter(inMarch), mine, TARGETS, NOW)));
    expect((await withKey(server, key, 'GET', `/api/v1/support/trend?${MARCH}`)).status).toBe(200);
    expect((await withKey(server, key, 'GET', `/api/v1/support/repeats?${MARCH}`)).status).toBe(403);
  });

  it('judges SLA by the targets stored now: one target alone, and none', async () => {
    // Only a first-response target for normal contacts: c2 (2 h) misses it, c3 (30 min), c5, c7 meet it.
    await server.pool.query(`update support_sla_targets set resolution_s = null where priority = 'normal'`);
    await server.pool.query(`delete from support_sla_targets where priority = 'high'`);
    const one = SupportKpisAnswerSchema.parse((await owner.get(`/api/v1/support/kpis?${MARCH}`)).json);
    expect(one.kpis).toMatchObject({ sla_met: 3, sla_judged: 4, sla_attainment: 0.75 });
    expect(one.sla_by_priority).toEqual([{ priority: 'normal', judged: 4, met: 3, attainment: 0.75 }]);
    await server.pool.query(`delete from support_sla_targets`);
    const none = SupportKpisAnswerSchema.parse((await owner.get(`/api/v1/support/kpis?${MARCH}`)).json);
    expect(none.kpis).toMatchObject({ sla_met: 0, sla_judged: 0, sla_attainment: null });
    expect(none.sla_by_priority).toEqual([]);
  });

  it('refuses bad parameters and callers without a session', async () => {
    for (const q of ['repeatWindow=7', 'repeatWindow=0d', 'repeatWindow=91d', 'by=customer', 'from=2026-02-30', 'from=2026-03-10&to=2026-03-01', 'location=nope', 'interval=year']) {
      const path = q.startsWith('interval') ? `/api/v1/support/trend?${q}` : `/api/v1/support/kpis?${q}`;
      expect((await owner.get(path)).status, q).toBe(400);
    }
    expect((await owner.get('/api/v1/support/repeats?limit=0')).status).toBe(400);
    expect((await owner.get(`/api/v1/support/complaints?survey=${stores.A}`)).status).toBe(404);
    const anonymous = await fetch(`${server.baseUrl}/api/v1/support/kpis`);
    expect(anonymous.status).toBe(401);
    expect((await viewer.get('/api/v1/support/repeats')).status).toBe(403);
  });
});
