import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { foldPendingResponses } from '../../src/db/rollups/rollupQueue.ts';
import { buildSurvey, type SurveyFixture } from './factory.ts';

let server: TestServer;
let orgId: string;
let storeId: string;
let survey: SurveyFixture;

const key = () => crypto.randomBytes(12).toString('base64url');
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
};
const postForm = (slug: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form(fields) });
const postJson = (slug: string, body: unknown) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });

async function responsesWithKey(k: string) {
  const { rows } = await server.pool.query(`select * from responses where org_id = $1 and idempotency_key = $2`, [orgId, k]);
  return rows;
}

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Submit Org');
  orgId = org.orgId;
  storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 7')).id;
  survey = await buildSurvey(server.pool, orgId);
});
afterAll(() => server?.close());

describe('POST /s/:slug', () => {
  it('stores a form submission with typed answers, location, channel, hidden fields and rollups', async () => {
    const k = key();
    const started = Date.now() - 5000;
    const res = await postForm(survey.slug, {
      _k: k, _lang: 'ru', _loc: storeId, _channel: 'receipt', _started: String(started), h_order: '123',
      q_nps: '4', q_why: 'Долго ждал', q_service: '2', q_reasons: ['wait', 'staff'],
    });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Спасибо!');
    expect(page).toContain('Спасибо, что помогаете нам стать лучше.');
    const [r] = await responsesWithKey(k);
    expect(r).toMatchObject({ survey_id: survey.id, location_id: storeId, channel: 'receipt', language: 'ru', hidden: { order: '123' } });
    expect(r.duration_ms).toBeGreaterThanOrEqual(4000);
    const { rows: answers } = await server.pool.query(
      `select question_id, score, choice, choices, text, survey_id, location_id, channel, language, submitted_at
         from answers where org_id = $1 and response_id = $2`,
      [orgId, r.id],
    );
    const byQ = Object.fromEntries(answers.map((a) => [a.question_id, a]));
    expect(answers).toHaveLength(4);
    expect(byQ[survey.questionIds.nps]).toMatchObject({ score: 4, choice: null, text: null, location_id: storeId, channel: 'receipt', language: 'ru' });
    expect(byQ[survey.questionIds.why]).toMatchObject({ text: 'Долго ждал', score: null });
    expect(byQ[survey.questionIds.service]).toMatchObject({ score: 2 });
    expect(byQ[survey.questionIds.reasons]).toMatchObject({ choices: ['wait', 'staff'] });
    expect(byQ[survey.questionIds.nps].submitted_at.getTime()).toBe(r.submitted_at.getTime());
    // The rollups are kept by the background fold (src/server/jobs/foldRollupsJob.ts), kicked after the commit.
    await server.app.rollupFolder.idle(orgId);
    const { rows: rollup } = await server.pool.query(
      `select (h.k - 1)::int as score, h.n from rollup_scores_location s cross join lateral unnest(s.counts) with ordinality h(n, k)
        where s.org_id = $1 and s.question_id = $2 and s.dim_key = '' and s.location_id = $3 and h.n <> 0`,
      [orgId, survey.questionIds.nps, storeId],
    );
    expect(rollup).toEqual([{ score: 4, n: 1 }]);
  });

  it('never creates a second response for a retried key, even for concurrent duplicates', async () => {
    const k = key();
    const fields = { _k: k, _lang: 'en', q_nps: '9' };
    const first = await postForm(survey.slug, fields);
    const retry = await postForm(survey.slug, fields);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(await retry.text()).toContain('Thank you!');
    expect(await responsesWithKey(k)).toHaveLength(1);

    const k2 = key();
    const results = await Promise.all([1, 2, 3].map(() => postJson(survey.slug, { _k: k2, _lang: 'en', q_nps: 10 })));
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const rows = await responsesWithKey(k2);
    expect(rows).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.responseId))).toEqual(new Set([rows[0].id]));
    await server.app.rollupFolder.idle(orgId);
    const { rows: n } = await server.pool.query(
      `select sum(counts[11])::int as n from rollup_scores_compact where org_id = $1 and question_id = $2 and dim_key = ''`, [orgId, survey.questionIds.nps]);
    expect(n[0].n).toBe(1);
  });

  it('redirects a stored form submission to a thank-you page (POST/redirect/GET) that says thank you once', async () => {
    const thanked = await buildSurvey(server.pool, orgId, {
      thanks: { en: 'Thank you! Your answer goes straight to the store team.', ru: 'Спасибо! Ваш ответ сразу попадёт к команде магазина.' },
    });
    const k = key();
    const res = await fetch(`${server.baseUrl}/s/${thanked.slug}`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({ _k: k, _lang: 'ru', q_nps: '9' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${thanked.slug}/thanks?lang=ru`);
    expect(await responsesWithKey(k)).toHaveLength(1);
    const page = await (await fetch(`${server.baseUrl}${res.headers.get('location')}`)).text();
    const main = page.slice(page.indexOf('<main>'), page.indexOf('</main>'));
    expect(main).toBe('<main><h1 tabindex="-1">Спасибо!</h1><p>Ваш ответ сразу попадёт к команде магазина.</p>');
    // The same for a retried submission of that key: nothing new is stored.
    const retry = await fetch(`${server.baseUrl}/s/${thanked.slug}`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ _k: k, _lang: 'ru', q_nps: '9' }),
    });
    expect(retry.status).toBe(303);
    expect(await responsesWithKey(k)).toHaveLength(1);
    expect((await fetch(`${server.baseUrl}/s/no-such-survey-here/thanks`)).status).toBe(404);
  });

  it('refuses an over-long comment with a message on the re-rendered form, keeping the whole text', async () => {
    const k = key();
    const long = 'a'.repeat(1990) + 'end of a long comment';
    const res = await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '3', q_why: long });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Please keep your answer under 2000 characters.');
    expect(page).toContain(`>${long}</textarea>`);
    expect(await responsesWithKey(k)).toHaveLength(0);
  });

  it('re-renders the form with values and localized messages on invalid input, storing nothing', async () => {
    const k = key();
    const before = await server.pool.query(`select count(*)::int as n from answers where org_id = $1`, [orgId]);
    const res = await postForm(survey.slug, { _k: k, _lang: 'fa', q_nps: '11', q_why: 'متن <b>من</b>', q_service: '4' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('dir="rtl"');
    expect(page).toContain('role="alert"');
    expect(page).toContain('<a href="#q-nps">');
    expect(page).toContain('عددی از ۰ تا ۱۰ انتخاب کنید.');
    expect(page).toContain('>متن &lt;b&gt;من&lt;/b&gt;</textarea>');
    expect(page).toMatch(/name="q_service" value="4" checked/);
    expect(page).toContain(`name="_k" value="${k}"`);
    expect(await responsesWithKey(k)).toHaveLength(0);
    const after = await server.pool.query(`select count(*)::int as n from answers where org_id = $1`, [orgId]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('without JavaScript, a language button shows the same answers in the other language and stores nothing', async () => {
    const k = key();
    const res = await postForm(survey.slug, { _k: k, _lang: 'en', _switch: 'ru', q_nps: '3', q_why: 'Long <queue>', q_service: '4', h_order: 'A-17' });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="ru"');
    expect(page).toContain('name="_lang" value="ru"');
    expect(page).toMatch(/name="q_nps" value="3" checked/);
    expect(page).toMatch(/name="q_service" value="4" checked/);
    expect(page).toContain('>Long &lt;queue&gt;</textarea>');
    expect(page).toContain('name="h_order" value="A-17"');
    expect(page).toContain(`name="_k" value="${k}"`);
    expect(page).not.toContain('role="alert"');
    // The current language is marked, the others are buttons of the form.
    expect(page).toMatch(/<span lang="ru" aria-current="true">/);
    expect(page).toMatch(/<button type="submit" form="sv" name="_switch" value="en"/);
    expect(await responsesWithKey(k)).toHaveLength(0);
  });

  it('after an error, the "why?" question keeps the wording for the submitted score', async () => {
    const res = await postForm(survey.slug, { _k: key(), _lang: 'en', q_nps: '2', q_service: '9' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<span class="qt">What disappointed you?</span>');
    expect(page).toContain('Choose a number from 1 to 5.');
  });

  it('answers JSON errors per question in the respondent language', async () => {
    const res = await postJson(survey.slug, { _k: key(), _lang: 'ru', q_service: 9 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('validation');
    expect(body.errors).toEqual({ nps: 'Пожалуйста, ответьте на этот вопрос.', service: 'Выберите число от 1 до 5.' });
  });

  it('drops answers to questions whose condition is false', async () => {
    const k = key();
    const res = await postJson(survey.slug, { _k: k, q_nps: 10, q_reasons: ['price'] });
    expect(res.status).toBe(200);
    const [r] = await responsesWithKey(k);
    const { rows } = await server.pool.query(`select question_id from answers where org_id = $1 and response_id = $2`, [orgId, r.id]);
    expect(rows.map((x) => x.question_id)).toEqual([survey.questionIds.nps]);
  });

  it('refuses a missing or malformed idempotency key with a fresh form', async () => {
    const res = await postForm(survey.slug, { _k: 'short', q_nps: '5' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('This form has expired');
    expect(page).toMatch(/name="_k" value="[A-Za-z0-9_-]{8,}"/);
    expect(await responsesWithKey('short')).toHaveLength(0);
  });

  it('ignores a location of another organisation and bad hidden fields', async () => {
    const other = await buildOrg(server.pool, 'Foreign Org');
    const k = key();
    const res = await postForm(survey.slug, { _k: k, q_nps: '7', _loc: other.rootLocationId, _channel: 'BAD CHANNEL', 'h_bad-key': 'x', h_ok: 'y' });
    expect(res.status).toBe(200);
    const [r] = await responsesWithKey(k);
    expect(r).toMatchObject({ location_id: null, channel: 'link', hidden: { ok: 'y' } });
  });

  it('closed survey: 410 page, but a retry of an accepted submission still gets its thanks', async () => {
    const s = await buildSurvey(server.pool, orgId);
    const k = key();
    expect((await postForm(s.slug, { _k: k, q_nps: '8' })).status).toBe(200);
    await server.pool.query(`update surveys set status = 'closed' where org_id = $1 and id = $2`, [orgId, s.id]);
    expect((await postForm(s.slug, { _k: k, q_nps: '8' })).status).toBe(200);
    const closed = await postForm(s.slug, { _k: key(), q_nps: '8' }, { 'accept-language': 'ru' });
    expect(closed.status).toBe(410);
    expect(await closed.text()).toContain('Опрос завершён');
    const draft = await buildSurvey(server.pool, orgId, { status: 'draft' });
    expect((await postForm(draft.slug, { _k: key(), q_nps: '8' })).status).toBe(404);
  });

  it('limits the body to 64 kB', async () => {
    const res = await postForm(survey.slug, { _k: key(), q_nps: '5', q_why: 'x'.repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});

describe('rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ publicRateLimitPerMinute: 2 });
  });
  afterAll(() => limited?.close());

  it('answers 429 with a localized page after the per-IP-and-survey limit, counting each survey apart', async () => {
    const org = await buildOrg(limited.pool, 'Limited Org');
    const a = await buildSurvey(limited.pool, org.orgId);
    const b = await buildSurvey(limited.pool, org.orgId);
    const post = (slug: string) =>
      fetch(`${limited.baseUrl}/s/${slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fa' },
        body: form({ _k: key(), q_nps: '5' }),
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(a.slug)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const blocked = await post(a.slug);
    expect(blocked.status).toBe(429);
    const page = await blocked.text();
    expect(page).toContain('dir="rtl"');
    expect(page).toContain('تلاش‌های بیش از حد');
    expect((await post(b.slug)).status).toBe(200);
    // page views have their own, larger allowance (4x)
    const views = [];
    for (let i = 0; i < 9; i++) views.push((await fetch(`${limited.baseUrl}/s/${a.slug}`)).status);
    expect(views.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(views[8]).toBe(429);
  });
});

/**
 * An unknown `loc` code (a mistyped poster, a deleted store): the response is stored all the same,
 * keeping the code, and data quality lists it as "unknown location" with that code, before and after
 * the fold stores the flags. Checked in SQL and through GET /surveys/:id/quality.
 */
describe('unknown location code', () => {
  let owner: Client;
  let located: SurveyFixture;
  const post = (body: Record<string, unknown>) => postJson(located.slug, body);
  beforeAll(async () => {
    await server.pool.query(`update locations set code = 'S-7' where org_id = $1 and id = $2`, [orgId, storeId]);
    located = await buildSurvey(server.pool, orgId);
    await buildUser(server.pool, orgId, 'admin', 'admin@unknownloc.test');
    owner = await signIn(server.baseUrl, 'admin@unknownloc.test');
  });

  it('stores the response with the code kept and lists it in data quality as "unknown location (code X)"', async () => {
    const unknown = key();
    const known = key();
    const faked = key();
    const started = String(Date.now() - 60_000);
    expect((await post({ _k: unknown, _loc: 'NOPE-42', _started: started, q_nps: '9' })).status).toBe(200);
    expect((await post({ _k: known, _loc: 'S-7', _started: started, q_nps: '9' })).status).toBe(200);
    // A respondent cannot raise (or hide) the flag through a hidden field of the same name.
    expect((await post({ _k: faked, _loc: 'S-7', _started: started, h__unknown_loc: 'X', q_nps: '9' })).status).toBe(200);

    const { rows } = await server.pool.query(
      `select idempotency_key, location_id, hidden from responses where org_id = $1 and survey_id = $2`,
      [orgId, located.id],
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.idempotency_key, r]));
    expect(rows).toHaveLength(3);
    expect(byKey[unknown]).toMatchObject({ location_id: null, hidden: { _unknown_loc: 'NOPE-42' } });
    expect(byKey[known]).toMatchObject({ location_id: storeId, hidden: {} });
    expect(byKey[faked]).toMatchObject({ location_id: storeId, hidden: {} });
    const unknownId = (await server.pool.query(`select id from responses where org_id = $1 and idempotency_key = $2`, [orgId, unknown])).rows[0].id;

    const expected = [{ responseId: unknownId, reasons: ['unknown_location'], unknownLocationCode: 'NOPE-42', locationName: null, excluded: false }];
    // Queued (flags computed on the fly) or already folded, then surely folded (flags read from response_quality).
    const queued = await owner.get(`/api/v1/surveys/${located.id}/quality`);
    expect(queued.status).toBe(200);
    expect(queued.json.flagged).toMatchObject(expected);
    // The app's own folder may be folding already ('busy'): wait until the queue is empty.
    await expect.poll(async () => (await foldPendingResponses(server.pool, orgId)).status === 'done'
      && (await server.pool.query(`select 1 from rollup_pending where org_id = $1`, [orgId])).rowCount === 0).toBe(true);
    const stored = await server.pool.query(`select flags from response_quality where org_id = $1 and response_id = $2`, [orgId, unknownId]);
    expect(stored.rows).toEqual([{ flags: ['unknown_location'] }]);
    const folded = await owner.get(`/api/v1/surveys/${located.id}/quality`);
    expect(folded.json.flagged).toMatchObject(expected);
    expect(folded.json.flagged).toHaveLength(1);
  });
});
