/** Exact response limits and quotas over real HTTP and PostgreSQL (docs/api.md "Limits and quotas"). */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey } from './factory.ts';

let server: TestServer;
let orgId: string;
let rootLocation: { id: string; path: string };

const key = () => crypto.randomBytes(12).toString('base64url');
const postJson = (slug: string, body: unknown) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
const stored = async (surveyId: string) =>
  Number((await server.pool.query(`select count(*) from responses where org_id = $1 and survey_id = $2`, [orgId, surveyId])).rows[0].count);

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Limits Org');
  orgId = org.orgId;
  rootLocation = { id: org.rootLocationId, path: org.rootPath };
});
afterAll(() => server?.close());

describe('responseLimit', () => {
  it('stores exactly 5 of 50 concurrent submissions at a limit of 5; the other 45 get 410 survey_closed', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set response_limit = 5 where id = $1`, [survey.id]);
    const results = await Promise.all(Array.from({ length: 50 }, () => postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '8' })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 410)).toHaveLength(45);
    const closed = await results.find((r) => r.status === 410)!.json();
    expect(closed.error).toBe('survey_closed');
    expect(await stored(survey.id)).toBe(5);
  });

  it('gives a retry of an accepted key its thank-you after the limit is reached', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set response_limit = 1 where id = $1`, [survey.id]);
    const k = key();
    const first = await postJson(survey.slug, { _k: k, _lang: 'en', q_nps: '9' });
    expect(first.status).toBe(200);
    const other = await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' });
    expect(other.status).toBe(410);
    const retry = await postJson(survey.slug, { _k: k, _lang: 'en', q_nps: '9' });
    expect(retry.status).toBe(200);
    expect((await retry.json()).responseId).toBe((await first.json()).responseId);
    expect(await stored(survey.id)).toBe(1);
  });

  it('shows the closed page to a form submission over the limit', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set response_limit = 1 where id = $1`, [survey.id]);
    expect((await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' })).status).toBe(200);
    const res = await fetch(`${server.baseUrl}/s/${survey.slug}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _k: key(), _lang: 'en', q_nps: '7' }).toString(),
    });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('This survey is closed');
  });
});

describe('quotas', () => {
  it('counts per store: a full store screens its respondents out with the message, other stores go on', async () => {
    const a = await buildLocation(server.pool, orgId, rootLocation, 'store', 'Quota Store A');
    const b = await buildLocation(server.pool, orgId, rootLocation, 'store', 'Quota Store B');
    const survey = await buildSurvey(server.pool, orgId);
    const quotas = [{ key: 'per_store', limit: 2, perLocation: true, action: 'end', message: { en: 'We have enough answers from this store, thank you.' } }];
    await server.pool.query(`update surveys set quotas = $2::jsonb where id = $1`, [survey.id, JSON.stringify(quotas)]);
    const send = (loc: string) => postJson(survey.slug, { _k: key(), _lang: 'en', _loc: loc, q_nps: '10' });
    const atA = await Promise.all(Array.from({ length: 6 }, () => send(a.id)));
    expect(atA.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const bodies = await Promise.all(atA.map((r) => r.json()));
    expect(bodies.filter((x) => x.ended === true)).toHaveLength(4);
    expect(bodies.find((x) => x.ended)).toMatchObject({ quota: 'per_store', message: 'We have enough answers from this store, thank you.' });
    expect((await send(b.id)).status).toBe(200);
    const { rows } = await server.pool.query(
      `select location_id, count(*)::int as n from responses where org_id = $1 and survey_id = $2 group by 1 order by 2 desc`, [orgId, survey.id]);
    expect(rows).toEqual([{ location_id: a.id, n: 2 }, { location_id: b.id, n: 1 }]);
  });

  it('closes the survey when a "close" quota on a hidden field fills', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    const quotas = [{ key: 'first_time', limit: 1, when: { hidden: 'visit', op: 'eq', value: 'first' }, action: 'close' }];
    await server.pool.query(`update surveys set quotas = $2::jsonb where id = $1`, [survey.id, JSON.stringify(quotas)]);
    const send = (visit: string) => postJson(survey.slug, { _k: key(), _lang: 'en', h_visit: visit, q_nps: '5' });
    expect((await send('repeat')).status).toBe(200);
    expect((await send('first')).status).toBe(200);
    expect((await send('repeat')).status).toBe(410);
    expect((await server.pool.query(`select status from surveys where id = $1`, [survey.id])).rows[0].status).toBe('closed');
    expect(await stored(survey.id)).toBe(2);
  });
});

describe('survey API', () => {
  it('stores responseLimit and quotas and answers 400 for a bad limit or quota', async () => {
    await buildUser(server.pool, orgId, 'owner', 'limits-owner@example.com');
    const owner = await signIn(server.baseUrl, 'limits-owner@example.com');
    const created = await owner.post('/api/v1/surveys', { name: 'Limited' });
    expect(created.status).toBe(201);
    const { survey } = created.json;
    const base = { ...survey, questions: [{ key: 'nps', type: 'nps', required: true, text: { en: 'Recommend?' } }] };
    for (const id of ['id', 'status', 'version']) delete base[id];
    const quota = { key: 'promoters', limit: 100, when: { question: 'nps', op: 'gte', value: 9 }, action: 'end', message: { en: 'Thanks!' } };
    const ok = await owner.put(`/api/v1/surveys/${survey.id}`, { ...base, responseLimit: 500, quotas: [quota] });
    expect(ok.status).toBe(200);
    expect(ok.json.survey).toMatchObject({ responseLimit: 500, quotas: [quota] });
    for (const bad of [
      { responseLimit: 0 },
      { responseLimit: 2.5 },
      { quotas: [{ ...quota, limit: -1 }] },
      { quotas: [{ ...quota, action: 'skip' }] },
      { quotas: [{ ...quota, message: undefined }] },
      { quotas: [{ ...quota, when: { question: 'missing', op: 'answered' } }] },
      { quotas: [{ ...quota, when: { question: 'nps', hidden: 'x', op: 'answered' } }] },
      { quotas: [quota, quota] },
    ]) {
      const res = await owner.put(`/api/v1/surveys/${survey.id}`, { ...base, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });
});
