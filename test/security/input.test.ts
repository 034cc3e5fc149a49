/**
 * "No byte makes a 500" (issue 7): NUL and other control characters are stripped at the edge, invalid
 * Unicode (lone surrogates) is replaced on respondent pages and refused with a 400 naming the field on
 * the API. Each case below answered 500 before, because PostgreSQL refuses NUL in text and lone
 * surrogates in jsonb. JSON bodies are sent as raw text so that `\ud800` arrives as the escape itself.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

let server: TestServer;
let orgId: string;
let root: { id: string; path: string };
let store: { id: string; path: string };
let survey: SurveyFixture;
let owner: Client;

const key = () => crypto.randomBytes(12).toString('base64url');
const postForm = (slug: string, body: string) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
const postRawJson = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(server.baseUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body });

async function storedResponse(k: string) {
  const { rows } = await server.pool.query(
    `select r.hidden, r.location_id, a.text
       from responses r left join answers a on a.org_id = r.org_id and a.response_id = r.id and a.question_id = $3
      where r.org_id = $1 and r.idempotency_key = $2`,
    [orgId, k, survey.questionIds.why],
  );
  return rows;
}

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Input Org');
  orgId = org.orgId;
  root = { id: org.rootLocationId, path: org.rootPath };
  store = await buildLocation(server.pool, orgId, root, 'store', 'Store 9');
  await server.pool.query(`update locations set code = 'S9' where org_id = $1 and id = $2`, [orgId, store.id]);
  survey = await buildSurvey(server.pool, orgId);
  await buildUser(server.pool, orgId, 'owner', 'owner@input.test');
  owner = await signIn(server.baseUrl, 'owner@input.test');
});
afterAll(() => server?.close());

describe('respondent pages keep the answer', () => {
  it('GET /s/:slug?loc=%00 shows the survey; a NUL inside a location code is ignored', async () => {
    const bare = await fetch(`${server.baseUrl}/s/${survey.slug}?loc=%00`);
    expect(bare.status).toBe(200);
    expect(await bare.text()).not.toContain('name="_loc"');
    const coded = await fetch(`${server.baseUrl}/s/${survey.slug}?loc=S%009`);
    expect(coded.status).toBe(200);
    expect(await coded.text()).toContain(`name="_loc" value="${store.id}"`);
  });

  it('a form POST with q_why=a%00b stores the answer without the NUL', async () => {
    const k = key();
    const res = await postForm(survey.slug, `_k=${k}&_loc=${store.id}&q_nps=9&q_why=a%00b&h_order=12%003`);
    expect(res.status).toBe(200);
    expect(await storedResponse(k)).toEqual([{ hidden: { order: '123' }, location_id: store.id, text: 'ab' }]);
  });

  it('a form POST that fails validation re-renders the form even with a NUL in _loc', async () => {
    const res = await postForm(survey.slug, `_k=${key()}&_loc=%00&q_nps=11&q_why=a%00b`);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<form');
    expect(page).toContain('>ab</textarea>');
  });

  it('a JSON POST with a lone surrogate stores the answer with U+FFFD in its place', async () => {
    const k = key();
    const res = await postRawJson(`/s/${survey.slug}`, `{"_k":"${k}","q_nps":3,"q_why":"bad \\ud800 service\\u0000","h_src":"\\udc00x"}`);
    expect(res.status).toBe(200);
    expect(await storedResponse(k)).toEqual([{ hidden: { src: '\uFFFDx' }, location_id: null, text: 'bad \uFFFD service' }]);
  });

  it('a JSON POST nested beyond reason is refused with a 400, not a crash', async () => {
    const res = await postRawJson(`/s/${survey.slug}`, `{"_k":"${key()}","q_nps":3,"h_x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('validation');
  });
});

describe('the API refuses invalid Unicode naming the field', () => {
  it('login with {"email":"\\u0000"} is a validation error on email', async () => {
    const res = await postRawJson('/api/v1/auth/login', '{"email":"\\u0000","password":"whatever it is"}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'validation', details: { field: 'email' } });
  });

  it('login with a lone surrogate in the e-mail is a validation error on email', async () => {
    const res = await postRawJson('/api/v1/auth/login', '{"email":"a\\ud800@input.test","password":"whatever it is"}');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toMatchObject({ error: 'validation', details: { field: 'email' } });
    expect(body.message).toMatch(/^email: contains invalid Unicode/);
  });

  it('a signed-in JSON POST with a lone surrogate names the nested field; a NUL is stripped', async () => {
    const post = (body: string) => owner.request('POST', '/api/v1/locations', body, { 'content-type': 'application/json' });
    const refused = await post(`{"parentId":"${root.id}","kind":"store","name":"Shop \\ud800"}`);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: 'validation', details: { field: 'name' } });
    const created = await post(`{"parentId":"${root.id}","kind":"store","name":"Shop\\u0000 10","code":"S\\u000110"}`);
    expect(created.status).toBe(201);
    expect(created.json.location).toMatchObject({ name: 'Shop 10', code: 'S10' });
  });

  it('invalid Unicode in a survey definition names its path', async () => {
    const res = await owner.request('POST', '/api/v1/surveys', '{"name":"N","title":{"en":"T"},"questions":[{"key":"q","text":{"en":"\\udfff"}}]}', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'validation', details: { field: 'questions.0.text.en' } });
  });

  it('a NUL in an analytics query parameter is stripped', async () => {
    const res = await owner.get(`/api/v1/surveys/${survey.id}/analytics/summary?channel=link%00`);
    expect(res.status).toBe(200);
  });

  it('a NUL in a CSV import is stripped', async () => {
    const res = await owner.request('POST', '/api/v1/locations/import', 'code,name,kind,parent_code\nS11,Shop\u0000 11,store,\n', { 'content-type': 'text/csv' });
    expect(res.status).toBe(200);
    const { rows } = await server.pool.query(`select name from locations where org_id = $1 and code = 'S11'`, [orgId]);
    expect(rows).toEqual([{ name: 'Shop 11' }]);
  });
});
