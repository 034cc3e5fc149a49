/**
 * GET /analytics/dimensions/:key/values on real PostgreSQL: the segment filter's suggestions, most
 * used first, matched case-insensitively, only from the caller's locations and only for dimensions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg } from './seed.ts';

let server: TestServer;
let surveyId = '';
let otherSurveyId = '';

beforeAll(async () => {
  server = await startTestServer();
  const { pool } = server;
  const org = await buildAnalyticsOrg(pool, 'Dim Values', 'UTC', ['segment', 'customer_type']);
  const { root } = org;
  const north = await buildLocation(pool, org.orgId, root, 'region', 'North');
  const south = await buildLocation(pool, org.orgId, root, 'region', 'South');
  await buildUser(pool, org.orgId, 'owner', 'owner@dimvalues.test');
  await buildUser(pool, org.orgId, 'location_manager', 'north@dimvalues.test', [north.id]);
  const survey = async (slug: string) => (await pool.query(
    `insert into surveys(org_id, slug, name, title, languages, default_language, status)
     values ($1, $2, $2, '{"en":"S"}', '{en}', 'en', 'live') returning id`, [org.orgId, `${slug}-${Date.now()}`])).rows[0].id as string;
  surveyId = await survey('dimvalues');
  otherSurveyId = await survey('dimvalues-other');
  // North: Gold ×3, gold-plus ×1, Silver ×2 (one excluded); South: Platinum ×2; other survey in North: Bronze ×1.
  const rows: Array<[string, string, Record<string, string>, boolean?]> = [
    [surveyId, north.id, { segment: 'Gold' }], [surveyId, north.id, { segment: 'Gold' }], [surveyId, north.id, { segment: 'Gold', customer_type: 'new' }],
    [surveyId, north.id, { segment: 'gold-plus' }], [surveyId, north.id, { segment: 'Silver' }], [surveyId, north.id, { segment: 'Silver' }, true],
    [surveyId, north.id, { segment: '' }], [surveyId, north.id, { order_id: 'R1' }],
    [surveyId, south.id, { segment: 'Platinum' }], [surveyId, south.id, { segment: 'Platinum' }],
    [otherSurveyId, north.id, { segment: 'Bronze' }],
  ];
  for (const [i, [sid, loc, hidden, excluded]] of rows.entries()) {
    await pool.query(
      `insert into responses(org_id, survey_id, location_id, channel, language, hidden, idempotency_key, survey_version, submitted_at, excluded)
       values ($1, $2, $3, 'link', 'en', $4, $5, 1, now() - make_interval(hours => $6), $7)`,
      [org.orgId, sid, loc, JSON.stringify(hidden), `dv${i}`, i + 1, excluded ?? false],
    );
  }
});
afterAll(async () => server?.close());

const path = (key: string, q = '') => `/api/v1/analytics/dimensions/${key}/values${q}`;

describe('dimension values', () => {
  it('lists the values of the whole organisation for the owner, most used first, without excluded or empty ones', async () => {
    const owner = await signIn(server.baseUrl, 'owner@dimvalues.test');
    const res = await owner.get(path('segment'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ values: [
      { value: 'Gold', responses: 3 }, { value: 'Platinum', responses: 2 },
      { value: 'Bronze', responses: 1 }, { value: 'Silver', responses: 1 }, { value: 'gold-plus', responses: 1 },
    ] });
  });

  it('matches part of the value case-insensitively and narrows to one survey', async () => {
    const owner = await signIn(server.baseUrl, 'owner@dimvalues.test');
    expect((await owner.get(path('segment', '?q=GOL'))).json.values).toEqual([{ value: 'Gold', responses: 3 }, { value: 'gold-plus', responses: 1 }]);
    expect((await owner.get(path('segment', `?survey=${otherSurveyId}`))).json.values).toEqual([{ value: 'Bronze', responses: 1 }]);
    expect((await owner.get(path('segment', '?limit=1'))).json.values).toEqual([{ value: 'Gold', responses: 3 }]);
  });

  it('never shows a location manager the values of other locations', async () => {
    const manager = await signIn(server.baseUrl, 'north@dimvalues.test');
    const res = await manager.get(path('segment', `?survey=${surveyId}`));
    expect(res.status).toBe(200);
    expect(res.json.values).toEqual([{ value: 'Gold', responses: 3 }, { value: 'Silver', responses: 1 }, { value: 'gold-plus', responses: 1 }]);
    expect((await manager.get(path('segment', '?q=plat'))).json.values).toEqual([]);
  });

  it('answers 404 for a hidden field that is not a dimension or a malformed key, and 400 naming the field for malformed input', async () => {
    const owner = await signIn(server.baseUrl, 'owner@dimvalues.test');
    expect((await owner.get(path('order_id'))).status).toBe(404);
    // A path parameter that cannot name a dimension is answered like an unknown one (issue 7).
    expect((await owner.get(path('Bad-Key'))).status).toBe(404);
    const badLimit = await owner.get(path('segment', '?limit=500'));
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.message).toMatch(/limit/);
    expect((await new Client(server.baseUrl).get(path('segment'))).status).toBe(401);
  });
});
