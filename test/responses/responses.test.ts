/**
 * GET /surveys/:id/responses, GET /responses/:id and POST /surveys/:id/quality/exclude on a real server
 * and PostgreSQL: keyset paging (stable while responses arrive), the analytics filters, the comment
 * search, the location scope and the bulk exclusion of one data-quality reason. Expected rows are
 * written by hand from the seeds below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { applyResponsesToRollups } from '../../src/db/rollups/applyResponse.ts';
import { seedResponses, seedSurvey, type SeedResponse } from '../analytics/seed.ts';

// Fixed instants (not "now"): day n of November 2026 at noon UTC.
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 10, day, 12, minute)).toISOString();

describe('responses API', () => {
  let server: TestServer;
  let owner: Client;
  let manager: Client;
  let orgId = '';
  const loc: Record<string, string> = {};
  let surveyId = '';
  let qids: Record<string, string> = {};
  /** Seeded response ids by name. */
  const rid: Record<string, string> = {};
  let otherOrgResponse = '';

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const org = await buildOrg(pool, 'Responses Org');
    orgId = org.orgId;
    const north = await buildLocation(pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
    const a = await buildLocation(pool, orgId, north, 'store', 'Store A');
    const b = await buildLocation(pool, orgId, north, 'store', 'Store B');
    Object.assign(loc, { north: north.id, a: a.id, b: b.id });
    await pool.query(`update locations set code = 'A-1' where org_id = $1 and id = $2`, [orgId, a.id]);
    await buildUser(pool, orgId, 'owner', 'owner@responses.test');
    await buildUser(pool, orgId, 'location_manager', 'manager@responses.test', [a.id]);
    owner = await signIn(server.baseUrl, 'owner@responses.test');
    manager = await signIn(server.baseUrl, 'manager@responses.test');

    const s = await seedSurvey(pool, orgId, [
      { key: 'nps', type: 'nps', text: { en: 'Recommend?', ru: 'Порекомендуете?' } },
      { key: 'r1', type: 'rating', min: 1, max: 5 },
      { key: 'r2', type: 'rating', min: 1, max: 5 },
      { key: 'r3', type: 'rating', min: 1, max: 5 },
      { key: 'liked', type: 'multi' },
      { key: 'why', type: 'text' },
    ]);
    surveyId = s.surveyId;
    qids = s.ids;
    const seeds: Array<[string, SeedResponse]> = [
      ['a1', { locationId: a.id, at: at(1), answers: { nps: { score: 10 }, why: { text: 'Вкусный КОФЕ' } } }],
      ['a2', { locationId: a.id, at: at(2), channel: 'qr', answers: { nps: { score: 3 }, liked: { choices: ['price', 'staff'] } } }],
      // Two responses of the same instant: the id breaks the tie.
      ['b1', { locationId: b.id, at: at(3), language: 'ru', hidden: { segment: 'vip' }, answers: { nps: { score: 8 }, why: { text: 'cheap 100% coffee' } } }],
      ['b2', { locationId: b.id, at: at(3), answers: { nps: { score: 9 } } }],
      ['a3', { locationId: a.id, at: at(4), durationMs: 500, answers: { nps: { score: 7 }, r1: { score: 2 }, r2: { score: 2 }, r3: { score: 2 } } }],
      ['b3', { locationId: b.id, at: at(5), durationMs: 800, answers: { nps: { score: 6 } } }],
      ['a4', { locationId: a.id, at: at(6), hidden: { segment: 'vip', order: 'X-1' }, answers: { nps: { score: 9 }, why: { text: 'Staff were great' } } }],
    ];
    const ids = await seedResponses(pool, orgId, surveyId, qids, seeds.map(([, r]) => r));
    seeds.forEach(([name], i) => (rid[name] = ids[i]));
    await pool.query(`update orgs set dimensions = '{segment}' where id = $1`, [orgId]);

    const other = await buildOrg(pool, 'Other Org');
    const os = await seedSurvey(pool, other.orgId, [{ key: 'nps', type: 'nps' }]);
    [otherOrgResponse] = await seedResponses(pool, other.orgId, os.surveyId, os.ids, [{ locationId: other.rootLocationId, at: at(1), answers: { nps: { score: 1 } } }]);
  });
  afterAll(async () => server?.close());

  /** The list order written out: newest first, b1/b2 share an instant so the larger id comes first. */
  const allNewestFirst = () => ['a4', 'b3', 'a3', ...[rid.b1, rid.b2].sort().reverse().map((id) => (id === rid.b1 ? 'b1' : 'b2')), 'a2', 'a1'].map((n) => rid[n]);
  const list = async (client: Client, query = '') => {
    const res = await client.get(`/api/v1/surveys/${surveyId}/responses?from=2026-11-01&to=2026-11-30${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json as { responses: any[]; nextCursor: string | null; prevCursor: string | null };
  };
  const idsOf = (page: { responses: any[] }) => page.responses.map((r) => r.id);

  it('pages newest first through every response with next and previous cursors', async () => {
    const p1 = await list(owner, '&limit=3');
    const p2 = await list(owner, `&limit=3&cursor=${p1.nextCursor}`);
    const p3 = await list(owner, `&limit=3&cursor=${p2.nextCursor}`);
    expect([...idsOf(p1), ...idsOf(p2), ...idsOf(p3)]).toEqual(allNewestFirst());
    expect(p1.prevCursor).toBeNull();
    expect(p3.nextCursor).toBeNull();
    expect(idsOf(p3)).toHaveLength(1);
    // Back from the last page: the middle page again, then the first page.
    const back2 = await list(owner, `&limit=3&cursor=${p3.prevCursor}`);
    expect(idsOf(back2)).toEqual(idsOf(p2));
    const back1 = await list(owner, `&limit=3&cursor=${back2.prevCursor}`);
    expect(idsOf(back1)).toEqual(idsOf(p1));
    expect(back1.prevCursor).toBeNull();
  });

  it('presents each response with its location, fields, flags and answers keyed by question key', async () => {
    const page = await list(owner, '&limit=50');
    const byId = Object.fromEntries(page.responses.map((r) => [r.id, r]));
    expect(byId[rid.a2]).toMatchObject({
      submittedAt: '2026-11-02T12:00:00.000000Z',
      location: { id: loc.a, name: 'Store A', code: 'A-1' },
      channel: 'qr', language: 'en', hidden: {}, excluded: false, exclusionReason: null, flags: [],
      answers: { nps: { score: 3 }, liked: { choices: ['price', 'staff'] } },
    });
    expect(byId[rid.b1]).toMatchObject({ location: { name: 'Store B', code: null }, language: 'ru', hidden: { segment: 'vip' } });
    // a3: 4 answers in 500 ms (speeder) with three equal ratings (straight-lining).
    expect(byId[rid.a3].flags.sort()).toEqual(['speeder', 'straight_lining']);
  });

  it('keeps later pages stable while new responses arrive', async () => {
    const p1 = await list(owner, '&limit=3');
    // Newer than everything listed so far.
    const fresh = await seedResponses(server.pool, orgId, surveyId, qids, [
      { locationId: loc.a, at: at(7), answers: { nps: { score: 5 } } },
      { locationId: loc.b, at: at(8), answers: { nps: { score: 4 } } },
    ]);
    try {
      const p2 = await list(owner, `&limit=3&cursor=${p1.nextCursor}`);
      const p3 = await list(owner, `&limit=3&cursor=${p2.nextCursor}`);
      expect([...idsOf(p1), ...idsOf(p2), ...idsOf(p3)]).toEqual(allNewestFirst());
      // The new ones head a fresh first page.
      expect(idsOf(await list(owner, '&limit=2'))).toEqual([fresh[1], fresh[0]]);
    } finally {
      // Out of the rollups too, so later tests count only the seeds above.
      const client = await server.pool.connect();
      try {
        await applyResponsesToRollups(client, orgId, fresh, -1);
      } finally {
        client.release();
      }
      await server.pool.query(`delete from answers where org_id = $1 and response_id = any($2::uuid[])`, [orgId, fresh]);
      await server.pool.query(`delete from responses where org_id = $1 and id = any($2::uuid[])`, [orgId, fresh]);
    }
  });

  it('applies the analytics filters', async () => {
    expect(idsOf(await list(owner, `&location=${loc.b}`))).toEqual([rid.b3, ...[rid.b1, rid.b2].sort().reverse()]);
    expect(idsOf(await list(owner, '&channel=qr'))).toEqual([rid.a2]);
    expect(idsOf(await list(owner, '&language=ru'))).toEqual([rid.b1]);
    expect(idsOf(await list(owner, '&dim=segment:vip'))).toEqual([rid.a4, rid.b1]);
    const window = await owner.get(`/api/v1/surveys/${surveyId}/responses?from=2026-11-02&to=2026-11-03`);
    expect(window.json.responses.map((r: any) => r.id).sort()).toEqual([rid.a2, rid.b1, rid.b2].sort());
  });

  it('searches comment texts case-insensitively, literally', async () => {
    expect(idsOf(await list(owner, `&q=${encodeURIComponent('кофе')}`))).toEqual([rid.a1]);
    expect(idsOf(await list(owner, '&q=COFFEE'))).toEqual([rid.b1]);
    expect(idsOf(await list(owner, `&q=${encodeURIComponent('100%')}`))).toEqual([rid.b1]);
    expect(idsOf(await list(owner, `&q=${encodeURIComponent('%')}`))).toEqual([rid.b1]);
    expect(idsOf(await list(owner, '&q=nothing-like-this'))).toEqual([]);
  });

  it('leaves excluded responses out unless includeExcluded', async () => {
    expect((await owner.post(`/api/v1/responses/${rid.a1}/exclude`, { reason: 'test' })).status).toBe(200);
    try {
      expect(idsOf(await list(owner))).not.toContain(rid.a1);
      const all = await list(owner, '&includeExcluded=1');
      expect(all.responses.find((r) => r.id === rid.a1)).toMatchObject({ excluded: true, exclusionReason: 'test' });
    } finally {
      await owner.post(`/api/v1/responses/${rid.a1}/include`);
    }
  });

  it('shows a store manager only their store, and 404 for responses outside it or in another organisation', async () => {
    expect(idsOf(await list(manager))).toEqual([rid.a4, rid.a3, rid.a2, rid.a1]);
    expect((await manager.get(`/api/v1/surveys/${surveyId}/responses?location=${loc.b}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/responses/${rid.a2}`)).status).toBe(200);
    expect((await manager.get(`/api/v1/responses/${rid.b1}`)).status).toBe(404);
    expect((await owner.get(`/api/v1/responses/${otherOrgResponse}`)).status).toBe(404);
    expect((await owner.get('/api/v1/responses/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('returns one response with the questions of its survey version', async () => {
    const res = await owner.get(`/api/v1/responses/${rid.a4}`);
    expect(res.status).toBe(200);
    const r = res.json.response;
    expect(r).toMatchObject({
      id: rid.a4, location: { name: 'Store A', code: 'A-1' }, hidden: { segment: 'vip', order: 'X-1' }, flags: [],
      answers: { nps: { score: 9 }, why: { text: 'Staff were great' } },
      survey: { id: surveyId },
    });
    expect(r.questions.map((q: any) => q.key)).toEqual(['nps', 'r1', 'r2', 'r3', 'liked', 'why']);
    expect(r.questions[0].text).toEqual({ en: 'Recommend?', ru: 'Порекомендуете?' });
  });

  it('refuses malformed parameters with a 400 naming the field', async () => {
    const bad = await owner.get(`/api/v1/surveys/${surveyId}/responses?cursor=bogus`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('cursor');
    const limit = await owner.get(`/api/v1/surveys/${surveyId}/responses?limit=1000`);
    expect(limit.status).toBe(400);
    expect(limit.text).toContain('limit');
    expect((await owner.get(`/api/v1/surveys/${surveyId}/responses?q=`)).status).toBe(400);
  });

  it('excludes every listed response of one data-quality reason, audited, and only in scope', async () => {
    const window = { from: '2026-11-01', to: '2026-11-30' };
    const qs = `from=${window.from}&to=${window.to}`;
    // a3 (500 ms) and b3 (800 ms, 1 answer: under 2000 ms) are speeders.
    expect((await manager.post(`/api/v1/surveys/${surveyId}/quality/exclude?${qs}`, { reason: 'speeder' })).status).toBe(403);
    const badReason = await owner.post(`/api/v1/surveys/${surveyId}/quality/exclude?${qs}`, { reason: 'boring' });
    expect(badReason.status).toBe(400);
    expect(badReason.text).toContain('reason');

    const res = await owner.post(`/api/v1/surveys/${surveyId}/quality/exclude?${qs}&location=${loc.a}`, { reason: 'speeder' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ ok: true, excluded: 1 });
    const state = async () => Object.fromEntries((await server.pool.query(`select id, excluded, exclusion_reason from responses where org_id = $1`, [orgId])).rows.map((r) => [r.id, r.excluded ? r.exclusion_reason : null]));
    expect((await state())[rid.a3]).toBe('speeder');
    expect((await state())[rid.b3]).toBeNull();

    const all = await owner.post(`/api/v1/surveys/${surveyId}/quality/exclude?${qs}`, { reason: 'speeder' });
    expect(all.json).toEqual({ ok: true, excluded: 1 });
    const s = await state();
    expect(Object.entries(s).filter(([, v]) => v !== null).map(([k]) => k).sort()).toEqual([rid.a3, rid.b3].sort());
    // Repeating changes nothing.
    expect((await owner.post(`/api/v1/surveys/${surveyId}/quality/exclude?${qs}`, { reason: 'speeder' })).json).toEqual({ ok: true, excluded: 0 });
    const audit = await server.pool.query(`select target_id, detail from audit_log where org_id = $1 and action = 'response.exclude' and detail ->> 'reason' = 'speeder'`, [orgId]);
    expect(audit.rows.map((r) => r.target_id).sort()).toEqual([rid.a3, rid.b3].sort());
    // The dashboard no longer counts them (rollups adjusted): 7 seeded, 2 excluded.
    const summary = await owner.get(`/api/v1/surveys/${surveyId}/analytics/summary?${qs}`);
    expect(summary.json.responses).toBe(5);
  });

  it('answers 401 without a session', async () => {
    const anon = await fetch(`${server.baseUrl}/api/v1/surveys/${surveyId}/responses`);
    expect(anon.status).toBe(401);
  });
});
