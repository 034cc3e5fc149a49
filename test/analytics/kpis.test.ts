/**
 * What the dashboard's tiles and overview cards read: NPS "skipped" counts under filters (summary and
 * overview), and the CSI of a CSI survey on its overview card. Hand-built data, hand-computed numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildStoresAB, seedResponses, seedSurvey, type SeedResponse } from './seed.ts';

describe('NPS skipped counts and overview cards', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';
  const loc: Record<string, string> = {};
  const survey: Record<string, string> = {};
  const api = async (path: string) => {
    const res = await owner.get(`/api/v1${path}`);
    expect(res.status, path).toBe(200);
    return res.json;
  };
  const npsOfSummary = (json: any) => json.questions.find((q: any) => q.key === 'nps').result;
  const card = (json: any, id: string) => json.surveys.find((s: any) => s.surveyId === id);

  beforeAll(async () => {
    server = await startTestServer();
    const { pool } = server;
    const org = await buildOrg(pool, 'Skip Org');
    orgId = org.orgId;
    Object.assign(loc, await buildStoresAB(pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'skip.test'));

    // Store A: 5 responses, 3 answer NPS (one of the two skippers is an e-mail response).
    // Store B: 3 responses, 1 answers NPS. Every response answers CSAT.
    const s = await seedSurvey(pool, orgId, [
      { key: 'nps', type: 'nps' },
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
    ], 'Skips');
    survey.main = s.surveyId;
    const r = (store: string, channel: string, nps?: number): SeedResponse => ({
      locationId: loc[store], channel, at: '2026-02-10T10:00:00Z',
      answers: { csat: { score: 4 }, ...(nps === undefined ? {} : { nps: { score: nps } }) },
    });
    await seedResponses(pool, orgId, s.surveyId, s.ids, [
      r('A', 'link', 10), r('A', 'link', 9), r('A', 'email', 3), r('A', 'link'), r('A', 'email'),
      r('B', 'link', 7), r('B', 'link'), r('B', 'email'),
    ]);

    // NPS asked only after a low CSAT (show-if): responses without it were not shown it.
    const cond = await seedSurvey(pool, orgId, [
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      { key: 'nps', type: 'nps', showIf: { question: 'csat', op: 'lte', value: 3 } },
    ], 'Conditional');
    survey.conditional = cond.surveyId;
    await seedResponses(pool, orgId, cond.surveyId, cond.ids, [
      { answers: { csat: { score: 2 }, nps: { score: 4 } } },
      { answers: { csat: { score: 5 } } },
    ]);

    // NPS appended in version 2; the first response answered version 1 (seedResponses writes 1).
    const later = await seedSurvey(pool, orgId, [
      { key: 'csat', type: 'rating', metric: 'csat', min: 1, max: 5, box: 4 },
      { key: 'nps', type: 'nps' },
    ], 'Added later');
    survey.later = later.surveyId;
    await pool.query(`update questions set added_in_version = 2 where org_id = $1 and id = $2`, [orgId, later.ids.nps]);
    await seedResponses(pool, orgId, later.surveyId, later.ids, [{ answers: { csat: { score: 5 } } }, { answers: { csat: { score: 4 }, nps: { score: 10 } } }]);

    // A CSI survey (stated importance) with an overall CSAT question, like the csi_store_visit template.
    const csi = await seedSurvey(pool, orgId, [
      { key: 'overall', type: 'rating', metric: 'csat', min: 1, max: 10, box: 8 },
      { key: 'sat_speed', type: 'rating', metric: 'csi_satisfaction', min: 1, max: 10, attribute: 'speed' },
      { key: 'sat_polite', type: 'rating', metric: 'csi_satisfaction', min: 1, max: 10, attribute: 'polite' },
      { key: 'imp_speed', type: 'rating', metric: 'csi_importance', min: 1, max: 10, attribute: 'speed' },
      { key: 'imp_polite', type: 'rating', metric: 'csi_importance', min: 1, max: 10, attribute: 'polite' },
    ], 'CSI only');
    survey.csi = csi.surveyId;
    await seedResponses(pool, orgId, csi.surveyId, csi.ids, [
      { answers: { overall: { score: 9 }, sat_speed: { score: 8 }, sat_polite: { score: 10 }, imp_speed: { score: 10 }, imp_polite: { score: 4 } } },
      { answers: { overall: { score: 6 }, sat_speed: { score: 6 }, sat_polite: { score: 8 }, imp_speed: { score: 6 }, imp_polite: { score: 4 } } },
    ]);
    owner = await signIn(server.baseUrl, 'owner@skip.test');
  });
  afterAll(async () => server?.close());

  it('counts NPS skips as responses minus answers under the same filters (summary)', async () => {
    const all = await api(`/surveys/${survey.main}/analytics/summary`);
    // 8 responses, 4 NPS answers (A: 3, B: 1): 8 - 4 = 4 skipped.
    expect(all.responses).toBe(8);
    expect(npsOfSummary(all).n).toBe(4);
    expect(npsOfSummary(all).details.skipped).toBe(4);

    const storeA = await api(`/surveys/${survey.main}/analytics/summary?location=${loc.A}`);
    // Store A: 5 responses, 3 with an NPS answer: 5 - 3 = 2 skipped.
    expect(storeA.responses).toBe(5);
    expect(npsOfSummary(storeA).n).toBe(3);
    expect(npsOfSummary(storeA).details.skipped).toBe(2);
    // NPS of [10, 9, 3] = 100 * (2 promoters - 1 detractor) / 3 = 33.3; the skippers are not in the denominator.
    expect(npsOfSummary(storeA).value).toBeCloseTo(100 / 3, 9);

    const email = await api(`/surveys/${survey.main}/analytics/summary?channel=email`);
    // E-mail: A has 2 (one answered, score 3), B has 1 (not answered): 3 responses, 1 answer -> 2 skipped.
    expect(email.responses).toBe(3);
    expect(npsOfSummary(email).n).toBe(1);
    expect(npsOfSummary(email).details.skipped).toBe(2);

    const emailA = await api(`/surveys/${survey.main}/analytics/summary?channel=email&location=${loc.A}`);
    // Store A by e-mail: 2 responses, 1 answer -> 1 skipped.
    expect(npsOfSummary(emailA).details.skipped).toBe(1);

    // Raw answers (includeExcluded=1) give the same count as the rollups.
    const raw = await api(`/surveys/${survey.main}/analytics/summary?location=${loc.A}&includeExcluded=1`);
    expect(raw.source).toBe('raw');
    expect(npsOfSummary(raw).details.skipped).toBe(2);

    // CSAT results carry no skipped count (METRICS.md defines it for NPS).
    const csat = storeA.questions.find((q: any) => q.key === 'csat').result;
    expect(csat.details).not.toHaveProperty('skipped');
  });

  it('leaves an excluded response out of both counts', async () => {
    const { rows } = await server.pool.query(
      `select r.id from responses r where r.org_id = $1 and r.survey_id = $2 and r.location_id = $3 and r.channel = 'email'
          and not exists (select 1 from answers a where a.org_id = r.org_id and a.response_id = r.id and a.score is not null and a.question_id =
            (select id from questions where org_id = $1 and survey_id = $2 and key = 'nps'))`,
      [orgId, survey.main, loc.A],
    );
    expect(rows).toHaveLength(1);
    const res = await owner.post(`/api/v1/responses/${rows[0].id}/exclude`, { reason: 'test' });
    expect(res.status).toBe(200);
    const storeA = await api(`/surveys/${survey.main}/analytics/summary?location=${loc.A}`);
    // 4 counted responses, still 3 answers: 4 - 3 = 1 skipped.
    expect(storeA.responses).toBe(4);
    expect(npsOfSummary(storeA).details.skipped).toBe(1);
    expect((await owner.post(`/api/v1/responses/${rows[0].id}/include`, {})).status).toBe(200);
  });

  it('puts the same count on the overview card under the same filter', async () => {
    const overview = await api(`/analytics/overview?location=${loc.A}`);
    const main = card(overview, survey.main);
    expect(main.responses).toBe(5);
    expect(main.metrics.nps.n).toBe(3);
    expect(main.metrics.nps.details.skipped).toBe(2);
    const all = await api(`/analytics/overview`);
    expect(card(all, survey.main).metrics.nps.details.skipped).toBe(4);
  });

  it('does not call a question skipped that some responses never saw', async () => {
    const cond = await api(`/surveys/${survey.conditional}/analytics/summary`);
    expect(npsOfSummary(cond).n).toBe(1);
    expect(npsOfSummary(cond).details.skipped).toBeNull();
    const later = await api(`/surveys/${survey.later}/analytics/summary`);
    expect(npsOfSummary(later).n).toBe(1);
    expect(npsOfSummary(later).details.skipped).toBeNull();
    const overview = await api(`/analytics/overview`);
    expect(card(overview, survey.conditional).metrics.nps.details.skipped).toBeNull();
    expect(card(overview, survey.later).metrics.nps.details.skipped).toBeNull();
  });

  it('shows the CSI of a CSI survey on its overview card', async () => {
    const overview = await api(`/analytics/overview`);
    const csi = card(overview, survey.csi).metrics.csi;
    // speed: mean satisfaction (8 + 6) / 2 = 7, mean importance (10 + 6) / 2 = 8;
    // polite: mean satisfaction (10 + 8) / 2 = 9, mean importance (4 + 4) / 2 = 4.
    // Weights 8/12 and 4/12; CSI = 10 * (7 * 8/12 + 9 * 4/12) = 10 * 92/12 = 76.67.
    expect(csi.definition).toBe('csi.v1');
    expect(csi.value).toBeCloseTo(920 / 12, 9);
    expect(csi).not.toHaveProperty('breakdown');
    // The overall CSAT stays: 1 of 2 answers at 8 or more = 50%.
    expect(card(overview, survey.csi).metrics.csat.value).toBeCloseTo(50, 9);
    // Surveys without CSI questions have no CSI.
    expect(card(overview, survey.main).metrics).not.toHaveProperty('csi');
    // The summary's CSI is the same number.
    const summary = await api(`/surveys/${survey.csi}/analytics/summary`);
    expect(summary.csi.value).toBeCloseTo(920 / 12, 9);
  });
});
