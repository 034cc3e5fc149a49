/**
 * Data-quality flags stored once per response (response_quality, src/db/quality/responseFlags.ts):
 * GET /surveys/:id/quality lists the same flags whether responses are still queued (computed on the
 * fly), folded, rebuilt or bulk-built, and never stale after a survey edit. Expected flags are written
 * by hand from the seeded answers below, not computed by the production SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildOrgRollups } from '../../src/db/rollups/buildRollups.ts';
import { rebuildOrgRollups } from '../../src/db/rollups/rebuildRollups.ts';
import { foldPendingResponses } from '../../src/db/rollups/rollupQueue.ts';
import { seedResponses, seedSurvey, type SeedResponse } from './seed.ts';

describe('stored data-quality flags', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';
  let store = '';

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Quality Org');
    orgId = org.orgId;
    store = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Q1')).id;
    await buildUser(server.pool, orgId, 'admin', 'admin@quality.test');
    owner = await signIn(server.baseUrl, 'admin@quality.test');
  });
  afterAll(async () => server?.close());

  it('lists queued, folded, rebuilt and bulk-built responses with the same flags, and follows survey edits', async () => {
    const { surveyId, ids } = await seedSurvey(server.pool, orgId, [
      { key: 'nps', type: 'nps', required: true },
      { key: 'r1', type: 'rating', min: 1, max: 5 },
      { key: 'r2', type: 'rating', min: 1, max: 5 },
      { key: 'r3', type: 'rating', min: 1, max: 5 },
      { key: 'why', type: 'text', required: true, showIf: { question: 'nps', op: 'lte', value: 6 } },
    ]);
    const at = (minute: number) => new Date(Date.now() - 86_400_000 + minute * 60_000).toISOString();
    const full = { nps: { score: 8 }, r1: { score: 4 }, r2: { score: 5 }, r3: { score: 3 } };
    const base = (minute: number, extra: Partial<SeedResponse> = {}): SeedResponse => ({ locationId: store, at: at(minute), answers: full, ...extra });
    // Queued as a writer queues them; no fold runs until the test starts one.
    const rids = await seedResponses(server.pool, orgId, surveyId, ids, [
      base(10), // 0: clean (4 answers, 60 s)
      base(11, { answers: { r1: { score: 4 }, r2: { score: 2 } } }), // 1: required nps unanswered
      base(12, { answers: { nps: { score: 3 }, r1: { score: 3 }, r2: { score: 3 }, r3: { score: 3 } } }), // 2: 3 ratings all 3 ('why' has a show-if: not required)
      base(13, { contactKey: 'c-1' }), // 3: first of c-1
      base(14, { contactKey: 'c-1' }), // 4: second of c-1
      base(15, { hidden: { email: 'Ann@example.com' } }), // 5: first of ann@
      base(16, { hidden: { email: 'ann@example.com' } }), // 6: same email, other case
      base(17, { durationMs: 3000 }), // 7: 3000 < max(2000, 1500 x 4 = 6000)
      base(18, { durationMs: 1500, answers: { nps: { score: 9 } } }), // 8: 1500 < max(2000, 1500 x 1)
      base(19, { durationMs: 7000 }), // 9: 7000 >= 6000, clean
    ], { queue: true });
    const expected: Record<string, string[]> = {
      [rids[1]]: ['missing_required'],
      [rids[2]]: ['straight_lining'],
      [rids[4]]: ['duplicate_contact'],
      [rids[6]]: ['duplicate_contact'],
      [rids[7]]: ['speeder'],
      [rids[8]]: ['speeder'],
    };
    const listed = async () => {
      const res = await owner.get(`/api/v1/surveys/${surveyId}/quality`);
      expect(res.status).toBe(200);
      expect(res.json.rules.speederMs).toBe(2000);
      const order = res.json.flagged.map((f: any) => f.submittedAt);
      expect(order).toEqual([...order].sort().reverse()); // newest first
      return Object.fromEntries(res.json.flagged.map((f: any) => [f.responseId, f.reasons]));
    };
    const stored = async () => {
      const { rows } = await server.pool.query(`select response_id, flags from response_quality where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
      return Object.fromEntries(rows.map((r) => [r.response_id, r.flags]));
    };
    const pending = async () => (await server.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId])).rows[0].n;

    // Still queued: nothing stored, every flag computed on the fly.
    expect(await pending()).toBe(10);
    expect(await stored()).toEqual({});
    expect(await listed()).toEqual(expected);

    // Folded: stored once, listed the same.
    expect((await foldPendingResponses(server.pool, orgId)).status).toBe('done');
    expect(await pending()).toBe(0);
    expect(await stored()).toEqual(expected);
    expect(await listed()).toEqual(expected);

    // A response of c-1 submitted before rids[3] arrives late: rids[3] becomes a later one of its
    // contact (a duplicate), queued or folded; the newcomer itself is the first (clean).
    const [early] = await seedResponses(server.pool, orgId, surveyId, ids, [base(5, { contactKey: 'c-1' })], { queue: true });
    const withEarly = { ...expected, [rids[3]]: ['duplicate_contact'] };
    expect(await listed()).toEqual(withEarly);
    await foldPendingResponses(server.pool, orgId);
    expect(await stored()).toEqual(withEarly);
    expect(await listed()).toEqual(withEarly);
    expect(early).toBeDefined();

    // An exclusion (queued by the API, folded in the background) is listed with no reason.
    expect((await owner.post(`/api/v1/responses/${rids[9]}/exclude`, { reason: 'test answer' })).status).toBe(200);
    const withExcluded = { ...withEarly, [rids[9]]: [] };
    expect(await listed()).toEqual(withExcluded);
    await server.app.rollupFolder.idle(orgId);
    await foldPendingResponses(server.pool, orgId);
    expect(await stored()).toEqual(withExcluded);

    // Folded responses are served from the stored rows (not recomputed): a row changed by hand shows.
    await server.pool.query(`update response_quality set flags = '{speeder}' where org_id = $1 and response_id = $2`, [orgId, rids[1]]);
    expect((await listed())[rids[1]]).toEqual(['speeder']);

    // The rebuild (which repairs that row) and the bulk build store exactly what the incremental path stored.
    await rebuildOrgRollups(server.pool, orgId);
    expect(await stored()).toEqual(withExcluded);
    expect(await listed()).toEqual(withExcluded);
    await buildOrgRollups(server.pool, orgId);
    expect(await stored()).toEqual(withExcluded);
    expect(await listed()).toEqual(withExcluded);

    // A survey edit makes r3 required: responses without r3 (1: r1, r2; 8: nps only) miss it. The
    // stored flags predate the edit, yet the list follows it at once; a rebuild then stores it.
    await server.pool.query(`update questions set required = true where org_id = $1 and id = $2`, [orgId, ids.r3]);
    const afterEdit = { ...withExcluded, [rids[8]]: ['missing_required', 'speeder'] };
    expect(await stored()).toEqual(withExcluded);
    expect(await listed()).toEqual(afterEdit);
    await rebuildOrgRollups(server.pool, orgId);
    expect(await stored()).toEqual(afterEdit);
    expect(await listed()).toEqual(afterEdit);
  });
});
