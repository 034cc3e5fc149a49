/**
 * Issue 6 "Significance that a statistician would sign", through the API: the compare endpoint's change
 * names its test and p-value and is never significant on one answer a side; results name their
 * interval method; a CES question's stored agree box is honoured. Expected figures are hand-computed
 * (see src/core/stats/compare.test.ts for the full arithmetic).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, buildStoresAB, seedResponses, seedSurvey, type SeedResponse } from './seed.ts';

describe('analytics significance rules (API)', () => {
  let server: TestServer;
  let owner: Client;
  let surveyId = '';
  let q: Record<string, string> = {};
  const loc: Record<string, string> = {};
  const api = (path: string) => owner.get(`/api/v1${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const { orgId, root } = await buildAnalyticsOrg(pool, 'Significance Org');
    Object.assign(loc, await buildStoresAB(pool, orgId, root, 'sig.test'));
    const s = await seedSurvey(pool, orgId, [
      { key: 'nps', type: 'nps' },
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      { key: 'ces', type: 'rating', metric: 'ces', min: 1, max: 7, box: 6, direction: 'higher_is_easier' },
    ]);
    surveyId = s.surveyId;
    q = s.ids;
    const at = '2026-03-10T10:00:00Z';
    const responses: SeedResponse[] = [
      // One promoter in Store A, one detractor in Store B: the only NPS answers.
      { locationId: loc.A, at, hidden: { segment: 'nps' }, answers: { nps: { score: 10 } } },
      { locationId: loc.B, at, hidden: { segment: 'nps' }, answers: { nps: { score: 0 } } },
      // CSAT 5 of 5 satisfied (segment high) vs 6 of 10 (segment mixed; box 4: 5,4,4,5,4,4 satisfied).
      ...[5, 5, 5, 5, 5].map((score) => ({ locationId: loc.A, at, hidden: { segment: 'high' }, answers: { csat: { score } } })),
      ...[5, 4, 4, 5, 4, 4, 1, 2, 3, 2].map((score) => ({ locationId: loc.B, at, hidden: { segment: 'mixed' }, answers: { csat: { score } } })),
      // CES 7, 6, 5, 5, 3 on 1..7 with the agree box stored at 6.
      ...[7, 6, 5, 5, 3].map((score) => ({ locationId: loc.A, at, hidden: { segment: 'ces' }, answers: { ces: { score } } })),
    ];
    await seedResponses(pool, orgId, surveyId, q, responses);
    owner = await signIn(server.baseUrl, 'owner@sig.test');
  });
  afterAll(async () => server?.close());

  it('one promoter against one detractor is not significant, with the test, p-value and a reason', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/compare?question=${q.nps}&aLocation=${loc.A}&bLocation=${loc.B}`);
    expect(res.status).toBe(200);
    expect(res.json.a).toMatchObject({ n: 1, value: 100, se: 0, ci95Method: 'adjusted_wald' });
    // Adjusted Wald for 1 promoter: n' = 4, NPS' = 25, SE' = 37.5 -> 25 -/+ 73.5.
    expect(res.json.a.ci95[0]).toBeCloseTo(-48.5, 9);
    expect(res.json.a.ci95[1]).toBeCloseTo(98.5, 9);
    const c = res.json.change;
    expect(c).toMatchObject({ diff: 200, test: 'adjusted_wald_z', significant: false, definition: 'nps.v1.diff' });
    // SE = 37.5 sqrt 2 = 53.033; z = 50 / 53.033 = 0.9428 -> p = 0.3458 (normal table).
    expect(c.se).toBeCloseTo(37.5 * Math.SQRT2, 9);
    expect(c.pValue).toBeCloseTo(0.3458, 3);
    expect(c.reason.code).toBe('small_sample');
    expect(c.reason.message).toMatch(/fewer than 30/);
  });

  it('5/5 vs 6/10 satisfied: Fisher exact p = 693/3003, not significant', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/compare?question=${q.csat}&aDim=segment:high&bDim=segment:mixed`);
    expect(res.status).toBe(200);
    expect(res.json.a).toMatchObject({ n: 5, value: 100, ci95Method: 'wilson' });
    expect(res.json.b).toMatchObject({ n: 10, value: 60 });
    const c = res.json.change;
    // C(15,5) = 3003; tables no more probable than the observed one: 11 + 220 + 462 = 693.
    expect(c.pValue).toBeCloseTo(693 / 3003, 12);
    expect(c).toMatchObject({ diff: 40, test: 'fisher_exact', significant: false, definition: 'csat.v1.diff' });
  });

  it('a side without answers keeps the definition and says why (no_answers)', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/compare?question=${q.nps}&aDim=segment:nps&bDim=segment:high`);
    expect(res.status).toBe(200);
    expect(res.json.change).toMatchObject({ diff: null, pValue: null, significant: false, test: 'adjusted_wald_z', definition: 'nps.v1.diff' });
    expect(res.json.change.reason.code).toBe('no_answers');
  });

  it('CES honours the stored agree box (6-7 on 1..7) and names the t interval clipped to the scale', async () => {
    const res = await api(`/surveys/${surveyId}/analytics/summary`);
    expect(res.status).toBe(200);
    const ces = res.json.questions.find((x: { key: string }) => x.key === 'ces').result;
    // 7 and 6 of {7, 6, 5, 5, 3}: 2 / 5 = 40% (the default 5-7 would say 80%).
    expect(ces.details).toMatchObject({ pctAgree: 40, agree: 2, agreeFrom: 6, agreeTo: 7 });
    expect(ces.ci95Method).toBe('t');
    expect(ces.value).toBeCloseTo(5.2, 12); // 26 / 5
    // variance (1.8^2 + 0.8^2 + 0.2^2 + 0.2^2 + 2.2^2) / 4 = 8.8 / 4 = 2.2; SE = sqrt(2.2/5) = 0.663325; t(0.975, 4) = 2.776445:
    // 5.2 -/+ 1.841687 = 3.358313 .. 7.041687, and a 1..7 mean cannot pass 7.
    expect(ces.ci95[0]).toBeCloseTo(5.2 - 2.776445105 * Math.sqrt(2.2 / 5), 8);
    expect(ces.ci95[1]).toBe(7);
    const nps = res.json.questions.find((x: { key: string }) => x.key === 'nps').result;
    expect(nps.ci95Method).toBe('adjusted_wald');
  });

  it('key drivers name what has no variance: the outcome with its reason, an attribute by its key', async () => {
    const { pool } = server;
    const orgId = (await pool.query('select org_id from surveys where id = $1', [surveyId])).rows[0].org_id as string;
    const questions = [
      { key: 'overall', type: 'nps' as const },
      { key: 'speed', type: 'rating' as const, min: 1, max: 5 },
      { key: 'staff', type: 'rating' as const, min: 1, max: 5 },
    ];
    const at = '2026-03-11T10:00:00Z';
    // 40 complete responses each (drivers need 30 for two attributes).
    const flatOutcome = await seedSurvey(pool, orgId, questions, 'Flat outcome');
    await seedResponses(pool, orgId, flatOutcome.surveyId, flatOutcome.ids, Array.from({ length: 40 }, (_, i) => ({
      at, answers: { overall: { score: 8 }, speed: { score: 1 + (i % 5) }, staff: { score: 1 + (i % 3) } },
    })));
    const flatStaff = await seedSurvey(pool, orgId, questions, 'Flat staff');
    await seedResponses(pool, orgId, flatStaff.surveyId, flatStaff.ids, Array.from({ length: 40 }, (_, i) => ({
      at, answers: { overall: { score: i % 11 }, speed: { score: 1 + (i % 5) }, staff: { score: 4 } },
    })));
    const outcome = await api(`/surveys/${flatOutcome.surveyId}/analytics/drivers`);
    expect(outcome.status).toBe(422);
    expect(outcome.json).toMatchObject({ error: 'insufficient_data', details: { reason: 'outcome_no_variance' } });
    expect(outcome.json.message).toMatch(/^key drivers: the outcome has no variance/);
    const staff = await api(`/surveys/${flatStaff.surveyId}/analytics/drivers`);
    expect(staff.status).toBe(422);
    expect(staff.json).toMatchObject({ error: 'insufficient_data', message: 'key drivers: staff has no variance', details: { attribute: 'staff' } });
  });
});
