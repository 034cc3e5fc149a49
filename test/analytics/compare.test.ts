/**
 * GET /surveys/:id/analytics/compare against a real PostgreSQL: shared filters kept on both sides,
 * a side location outside the shared one, a store against the rest of its region, overlapping
 * periods and segments, and a location manager against the rest of the company (aggregate only).
 * Expected numbers come from the seeded table below (counted by hand in the comments) and npsOf,
 * which does not use src/core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, npsOf, seedResponses, seedSurvey } from './seed.ts';

type Store = 'A' | 'B' | 'C' | 'D';
type Row = { store: Store; segment: 'gold' | 'silver'; type: 'first_time' | 'returning'; day: string; scores: number[] };
const EARLY = '2026-01-05';
const LATE = '2026-01-20';
// North: Store A, Store B; South: Store C, Store D. Store C answers by email, the others by link.
const ROWS: Row[] = [
  { store: 'A', segment: 'gold', type: 'first_time', day: EARLY, scores: [10, 9, 3] },
  { store: 'A', segment: 'gold', type: 'returning', day: LATE, scores: [10, 6] },
  { store: 'A', segment: 'silver', type: 'first_time', day: EARLY, scores: [8] },
  { store: 'A', segment: 'silver', type: 'returning', day: LATE, scores: [0, 9] },
  { store: 'B', segment: 'gold', type: 'first_time', day: EARLY, scores: [9, 9] },
  { store: 'B', segment: 'gold', type: 'returning', day: LATE, scores: [5, 10, 7] },
  { store: 'B', segment: 'silver', type: 'first_time', day: LATE, scores: [2] },
  { store: 'B', segment: 'silver', type: 'returning', day: EARLY, scores: [10] },
  { store: 'C', segment: 'gold', type: 'first_time', day: EARLY, scores: [10] },
  { store: 'C', segment: 'gold', type: 'returning', day: LATE, scores: [4, 9] },
  { store: 'C', segment: 'silver', type: 'first_time', day: EARLY, scores: [6, 6, 10] },
  { store: 'C', segment: 'silver', type: 'returning', day: LATE, scores: [8] },
  { store: 'D', segment: 'gold', type: 'first_time', day: LATE, scores: [1, 10] },
  { store: 'D', segment: 'silver', type: 'returning', day: EARLY, scores: [9, 9, 3] },
];
/** The scores of the rows a predicate keeps: the oracle of each case (the seed's own table). */
const scores = (keep: (r: Row) => boolean) => ROWS.filter(keep).flatMap((r) => r.scores);

describe('compare API', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let surveyId = '';
  const loc: Record<string, string> = {};
  const compare = (client: Client, params: string) => client.get(`/api/v1/surveys/${surveyId}/analytics/compare?${params}`);

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Compare Org', 'UTC', ['segment', 'customer_type']);
    const { root } = org;
    const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
    const south = await buildLocation(pool, org.orgId, root, 'region', 'South');
    Object.assign(loc, { north: north.id, south: south.id });
    loc.A = (await buildLocation(pool, org.orgId, north, 'store', 'Store A')).id;
    loc.B = (await buildLocation(pool, org.orgId, north, 'store', 'Store B')).id;
    loc.C = (await buildLocation(pool, org.orgId, south, 'store', 'Store C')).id;
    loc.D = (await buildLocation(pool, org.orgId, south, 'store', 'Store D')).id;
    await buildUser(pool, org.orgId, 'owner', 'owner@compare.test');
    await buildUser(pool, org.orgId, 'location_manager', 'store-a@compare.test', [loc.A]);
    const s = await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }]);
    surveyId = s.surveyId;
    await seedResponses(pool, org.orgId, surveyId, s.ids, ROWS.flatMap((r) => r.scores.map((score) => ({
      locationId: loc[r.store],
      channel: r.store === 'C' ? 'email' : 'link',
      hidden: { segment: r.segment, customer_type: r.type },
      at: `${r.day}T12:00:00Z`,
      answers: { nps: { score } },
    }))));
    owner = await signIn(server.baseUrl, 'owner@compare.test');
    manager = await signIn(server.baseUrl, 'store-a@compare.test');
  });
  afterAll(async () => server?.close());

  it('refuses a dimension key no hidden field can have (stored keys are lowercase), naming the parameter', async () => {
    for (const q of ['dim=Segment:gold', 'aDim=utm.source:x', 'bDim=segment:']) {
      const res = await compare(owner, q);
      expect(res.status, q).toBe(400);
      expect(res.json.message, q).toMatch(/^(dim|aDim|bDim)/);
    }
  });

  it('keeps the shared dim on both sides and adds each side its own', async () => {
    const res = await compare(owner, 'dim=segment:gold&aDim=customer_type:first_time&bDim=customer_type:returning');
    expect(res.status).toBe(200);
    // Gold first-time: A 3 + B 2 + C 1 + D 2 = 8 (all first-time: 13); gold returning: A 2 + B 3 + C 2 = 7 (all: 14).
    const a = scores((r) => r.segment === 'gold' && r.type === 'first_time');
    const b = scores((r) => r.segment === 'gold' && r.type === 'returning');
    expect([res.json.a.n, res.json.b.n]).toEqual([8, 7]);
    // A: 6 promoters (10 9 9 9 10 10), 2 detractors (3 1) of 8 = 50; B: 3 promoters, 3 detractors of 7 = 0.
    expect(res.json.a.value).toBeCloseTo(npsOf(a), 9);
    expect(res.json.a.value).toBeCloseTo(50, 9);
    expect(res.json.b.value).toBeCloseTo(npsOf(b), 9);
    expect(res.json.b.value).toBeCloseTo(0, 9);
    expect(res.json.source).toBe('raw'); // two dimensions at once: rollups keep one
    expect(res.json.sides.a).toEqual({ kind: 'all', location: null, without: null, from: null, to: null, segments: [{ key: 'segment', value: 'gold' }, { key: 'customer_type', value: 'first_time' }] });
    expect(res.json.sides.b.segments).toEqual([{ key: 'segment', value: 'gold' }, { key: 'customer_type', value: 'returning' }]);
  });

  it('keeps the shared location on both sides', async () => {
    const res = await compare(owner, `location=${loc.north}&aDim=customer_type:first_time&bDim=customer_type:returning`);
    expect(res.status).toBe(200);
    // North first-time: Store A 3 + 1, Store B 2 + 1 = 7; North returning: Store A 2 + 2, Store B 3 + 1 = 8.
    expect([res.json.a.n, res.json.b.n]).toEqual([7, 8]);
    // A: 4 promoters, 2 detractors of 7 = 28.57; B: 4 promoters, 3 detractors of 8 = 12.5.
    expect(res.json.a.value).toBeCloseTo(200 / 7, 9);
    expect(res.json.b.value).toBeCloseTo(npsOf(scores((r) => ['A', 'B'].includes(r.store) && r.type === 'returning')), 9);
    expect(res.json.b.value).toBeCloseTo(12.5, 9);
    expect(res.json.source).toBe('rollup');
    expect(res.json.sides.a).toMatchObject({ kind: 'location', location: { id: loc.north, name: 'North' } });
  });

  it('refuses a side location outside the shared location, naming the parameter and the location', async () => {
    const res = await compare(owner, `location=${loc.north}&aLocation=${loc.C}&bLocation=${loc.A}`);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('validation');
    expect(res.json.message).toMatch(/^aLocation: "Store C" is outside the shared location filter \(North\)/);
    expect(res.json.details.field).toBe('aLocation');
    const inside = await compare(owner, `location=${loc.north}&aLocation=${loc.A}&bLocation=${loc.B}`);
    expect([inside.status, inside.json.a.n, inside.json.b.n]).toEqual([200, 8, 7]);
  });

  it('compares a store with the rest of its region, on either side', async () => {
    const res = await compare(owner, `aLocation=${loc.A}&bLocation=${loc.north}`);
    expect(res.status).toBe(200);
    // Store A: 10 9 3 10 6 8 0 9 -> 4 promoters, 3 detractors of 8 = 12.5.
    // Rest of North = Store B: 9 9 5 10 7 2 10 -> 4 promoters, 2 detractors of 7 = 28.57 (North itself: n = 15).
    expect([res.json.a.n, res.json.b.n]).toEqual([8, 7]);
    expect(res.json.a.value).toBeCloseTo(12.5, 9);
    expect(res.json.b.value).toBeCloseTo(200 / 7, 9);
    expect(res.json.b.value).toBeCloseTo(npsOf(scores((r) => r.store === 'B')), 9);
    expect(res.json.sides.b).toMatchObject({ kind: 'rest_of_location', location: { id: loc.north, name: 'North' }, without: { id: loc.A, name: 'Store A' } });
    expect(res.json.sides.a).toMatchObject({ kind: 'location', location: { name: 'Store A' }, without: null });
    expect(res.json.change.diff).toBeCloseTo(12.5 - 200 / 7, 9);

    // Raw answers (includeExcluded=1) give the same rest-of-region figures as the rollups.
    const raw = await compare(owner, `aLocation=${loc.A}&bLocation=${loc.north}&includeExcluded=1`);
    expect([res.json.source, raw.json.source]).toEqual(['rollup', 'raw']);
    expect({ ...raw.json, source: undefined }).toEqual({ ...res.json, source: undefined });

    const reversed = await compare(owner, `aLocation=${loc.north}&bLocation=${loc.A}`);
    expect([reversed.json.a.n, reversed.json.b.n]).toEqual([7, 8]);
    expect(reversed.json.sides.a.kind).toBe('rest_of_location');

    // With a shared segment: Store A gold 10 9 3 10 6 (n 5) against Store B gold 9 9 5 10 7 (n 5).
    const gold = await compare(owner, `dim=segment:gold&aLocation=${loc.A}&bLocation=${loc.north}`);
    expect([gold.json.a.n, gold.json.b.n]).toEqual([5, 5]);
    expect(gold.json.b.value).toBeCloseTo(npsOf([9, 9, 5, 10, 7]), 9); // 3 promoters, 1 detractor of 5 = 40
    expect(gold.json.b.value).toBeCloseTo(40, 9);
  });

  it('refuses overlapping periods, overlapping segments and a side that contradicts the shared dim', async () => {
    const periods = await compare(owner, 'aFrom=2026-01-01&aTo=2026-01-20&bFrom=2026-01-15&bTo=2026-01-31');
    expect(periods.status).toBe(400);
    expect(periods.json.message).toMatch(/periods overlap/);
    const apart = await compare(owner, 'aFrom=2026-01-15&aTo=2026-01-31&bFrom=2026-01-01&bTo=2026-01-14');
    // Late days: 2+2+3+1+2+1+2 = 13 answers; early days: 3+1+2+1+1+3+3 = 14.
    expect([apart.status, apart.json.a.n, apart.json.b.n]).toEqual([200, 13, 14]);
    expect(apart.json.sides.a).toMatchObject({ kind: 'all', from: '2026-01-15', to: '2026-01-31' });
    const segments = await compare(owner, 'aDim=segment:gold&bDim=customer_type:returning');
    expect(segments.status).toBe(400);
    expect(segments.json.message).toMatch(/segments overlap/);
    const contradicts = await compare(owner, 'dim=segment:gold&aDim=segment:silver&bDim=customer_type:returning');
    expect(contradicts.status).toBe(400);
    expect(contradicts.json.details.field).toBe('aDim');
  });

  it('compares a location manager with the rest of the company as one aggregate figure', async () => {
    const res = await compare(manager, 'b=company');
    expect(res.status).toBe(200);
    // A = Store A (n 8, 12.5). Rest = Stores B, C, D: promoters 4 + 3 + 3 = 10, detractors 2 + 3 + 2 = 7
    // of 7 + 7 + 5 = 19 -> 100 * 3 / 19 = 15.79.
    expect([res.json.a.n, res.json.b.n]).toEqual([8, 19]);
    expect(res.json.a.value).toBeCloseTo(12.5, 9);
    expect(res.json.b.value).toBeCloseTo(300 / 19, 9);
    expect(res.json.b.value).toBeCloseTo(npsOf(scores((r) => r.store !== 'A')), 9);
    expect(res.json.sides.a).toMatchObject({ kind: 'scope', location: { id: loc.A, name: 'Store A' } });
    expect(res.json.sides.b).toEqual({ kind: 'rest_of_company', location: null, without: null, from: null, to: null, segments: [] });
    // Nothing about another location: no id, no name, no per-location row.
    const text = JSON.stringify(res.json);
    for (const other of [loc.B, loc.C, loc.D, loc.north, loc.south, 'Store B', 'Store C', 'Store D', 'North', 'South']) expect(text).not.toContain(other);
    expect(Object.keys(res.json).sort()).toEqual(['a', 'b', 'change', 'questionId', 'sides', 'source']);

    // The owner gets the same figures for Store A.
    const byOwner = await compare(owner, `location=${loc.A}&b=company`);
    expect([byOwner.json.a.n, byOwner.json.b.n, byOwner.json.b.value]).toEqual([8, 19, res.json.b.value]);
    // The manager still cannot name another location.
    expect((await compare(manager, `aLocation=${loc.C}&b=company`)).status).toBe(404);
  });

  it('withholds the benchmark when the rest of the company is one location, and validates b=company', async () => {
    // By email only Store C answers: the "rest of the company" would be Store C's own figure.
    const one = await compare(manager, 'b=company&channel=email');
    expect(one.status).toBe(422);
    expect(one.json.error).toBe('insufficient_data');
    expect(JSON.stringify(one.json)).not.toContain('Store C');
    const whole = await compare(owner, 'b=company');
    expect([whole.status, whole.json.details.field]).toEqual([400, 'aLocation']);
    const extra = await compare(manager, 'b=company&bFrom=2026-01-01');
    expect([extra.status, extra.json.details.field]).toEqual([400, 'bFrom']);
    const other = await compare(manager, 'b=region');
    expect(other.status).toBe(400);
    expect(other.json.message).toMatch(/^b: /);
  });
});
