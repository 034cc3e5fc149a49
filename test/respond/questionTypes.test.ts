/**
 * The question types of issue 17 end to end through HTTP: a survey with every type is created through the
 * builder API (a matrix is stored as one rating question per row and comes back as one question), answered
 * through POST /s/:slug as a form and as JSON, and the stored answers are read back from the database and
 * the responses API. Bad answers get the messages of src/core/surveys/logic.ts.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { questionTypesInput } from './factory.ts';

let server: TestServer;
let owner: Client;
let orgId: string;
let surveyId: string;
let slug: string;

const key = () => crypto.randomBytes(12).toString('base64url');
const postForm = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x);
  return fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: p.toString() });
};
const postJson = (body: unknown) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });

/** The stored answers of the response with this idempotency key, by question key. */
async function storedAnswers(k: string) {
  const { rows } = await server.pool.query(
    `select q.key, a.score, a.choice, a.choices, a.text, a.number::text as number
       from answers a join responses r on r.org_id = a.org_id and r.id = a.response_id
       join questions q on q.org_id = a.org_id and q.id = a.question_id
      where r.org_id = $1 and r.idempotency_key = $2`,
    [orgId, k],
  );
  return Object.fromEntries(rows.map((r) => [r.key, r]));
}

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Question Types Org');
  orgId = org.orgId;
  await buildUser(server.pool, orgId, 'owner', 'owner@qtypes.test');
  owner = await signIn(server.baseUrl, 'owner@qtypes.test');
  const created = await owner.post('/api/v1/surveys', questionTypesInput('All the types'));
  expect(created.status, created.text).toBe(201);
  surveyId = created.json.survey.id;
  slug = created.json.survey.slug;
  expect((await owner.post(`/api/v1/surveys/${surveyId}/status`, { status: 'live' })).status).toBe(200);
});
afterAll(() => server?.close());

describe('new question types', () => {
  it('stores a matrix as rating questions per row and shows it as one question', async () => {
    const { rows } = await server.pool.query(
      `select key, type, metric, box_min, matrix, number_range from questions where org_id = $1 and survey_id = $2 order by position`,
      [orgId, surveyId],
    );
    expect(rows.map((r) => `${r.key}:${r.type}`)).toEqual([
      'again:yesno', 'visit:date', 'people:number', 'mail:email', 'tel:phone', 'order:ranking', 'rate__staff:rating', 'rate__clean:rating', 'ok:consent',
    ]);
    // csat on 1..5 counts 4 and 5 as satisfied (METRICS.md csat.v1: top-2 box on 4..7 points).
    expect(rows[6]).toMatchObject({ metric: 'csat', box_min: 4, matrix: { key: 'rate', text: { en: 'Rate our service' } } });
    expect(rows[2].number_range).toEqual({ min: 1, max: 20 });
    const got = await owner.get(`/api/v1/surveys/${surveyId}`);
    expect(got.status).toBe(200);
    const questions = got.json.survey.questions as Array<{ key: string; type: string; rows?: unknown; range?: unknown }>;
    expect(questions.map((q) => q.key)).toEqual(['again', 'visit', 'people', 'mail', 'tel', 'order', 'rate', 'ok']);
    expect(questions[6]).toMatchObject({ type: 'matrix', rows: [{ key: 'staff', label: { en: 'Staff' } }, { key: 'clean', label: { en: 'Cleanliness' } }] });
    expect(questions[2]).toMatchObject({ type: 'number', range: { min: 1, max: 20 } });
    // What GET gives, PUT takes back unchanged (the builder's round trip) without a new version.
    const put = await owner.put(`/api/v1/surveys/${surveyId}`, { ...questionTypesInput('All the types'), slug, questions });
    expect(put.status, put.text).toBe(200);
    expect(put.json.survey.version).toBe(got.json.survey.version);
  });

  it('copies a matrix as a matrix', async () => {
    const copy = await owner.post(`/api/v1/surveys/${surveyId}/duplicate`);
    expect(copy.status, copy.text).toBe(201);
    const grid = copy.json.survey.questions.find((q: { key: string }) => q.key === 'rate');
    expect(grid).toMatchObject({ type: 'matrix', rows: [{ key: 'staff' }, { key: 'clean' }] });
    const { rows } = await server.pool.query(`select key, matrix->>'key' as grid from questions where org_id = $1 and survey_id = $2 and type = 'rating'`, [orgId, copy.json.survey.id]);
    expect(rows.map((r) => `${r.key}:${r.grid}`).sort()).toEqual(['rate__clean:rate', 'rate__staff:rate']);
  });

  it('on a live survey: a new row is appended and joins its grid, the scale stays frozen', async () => {
    const input = questionTypesInput('Live grid');
    const created = await owner.post('/api/v1/surveys', input);
    const id = created.json.survey.id;
    await owner.post(`/api/v1/surveys/${id}/status`, { status: 'live' });
    const questions = (await owner.get(`/api/v1/surveys/${id}`)).json.survey.questions;
    const grid = questions.find((q: { key: string }) => q.key === 'rate');
    grid.rows.push({ key: 'music', label: { en: 'Music', ru: 'Музыка', fa: 'موسیقی' } });
    const put = await owner.put(`/api/v1/surveys/${id}`, { ...input, slug: created.json.survey.slug, questions });
    expect(put.status, put.text).toBe(200);
    expect(put.json.survey.version).toBe(2);
    expect(put.json.survey.questions.map((q: { key: string }) => q.key)).toEqual(['again', 'visit', 'people', 'mail', 'tel', 'order', 'rate', 'ok']);
    expect(put.json.survey.questions[6].rows.map((r: { key: string }) => r.key)).toEqual(['staff', 'clean', 'music']);
    const stored = await server.pool.query(`select key, added_in_version from questions where org_id = $1 and survey_id = $2 order by position`, [orgId, id]);
    expect(stored.rows.at(-1)).toEqual({ key: 'rate__music', added_in_version: 2 });
    grid.scale = { ...grid.scale, max: 7 };
    const frozen = await owner.put(`/api/v1/surveys/${id}`, { ...input, slug: created.json.survey.slug, questions: put.json.survey.questions.map((q: { key: string }) => (q.key === 'rate' ? { ...q, scale: { ...grid.scale } } : q)) });
    expect(frozen.status).toBe(409);
    expect(frozen.json.message).toContain('The scale of question "rate__staff" cannot change');
  });

  it('refuses a key that a matrix row takes', async () => {
    const input = questionTypesInput('Clash');
    input.questions.push({ key: 'rate__staff', type: 'yesno', required: false, text: { en: 'Clash', ru: 'Clash', fa: 'Clash' } });
    const res = await owner.post('/api/v1/surveys', input);
    expect(res.status).toBe(400);
    expect(res.text).toContain('duplicate key \\"rate__staff\\"');
  });

  it('stores every type from a form post', async () => {
    const k = key();
    const res = await postForm({
      _k: k, _lang: 'en', q_again: 'yes', q_visit: '2024-02-29', q_people: '3', q_mail: 'ann@example.com', q_tel: '+7 (912) 345-67-89',
      q_order: ['2:price', '1:taste', '3:speed'], q_rate__staff: '5', q_rate__clean: '2', q_ok: 'yes',
    });
    expect(res.status, await res.text()).toBe(200);
    const a = await storedAnswers(k);
    expect(a.again).toMatchObject({ choice: 'yes', text: null });
    expect(a.visit).toMatchObject({ text: '2024-02-29' });
    expect(a.people).toMatchObject({ number: '3', text: null, score: null });
    expect(a.mail).toMatchObject({ text: 'ann@example.com' });
    expect(a.tel).toMatchObject({ text: '+7 (912) 345-67-89' });
    expect(a.order).toMatchObject({ choices: ['taste', 'price', 'speed'] });
    expect(a.rate__staff).toMatchObject({ score: 5 });
    expect(a.rate__clean).toMatchObject({ score: 2 });
    expect(a.ok).toMatchObject({ choice: 'yes' });
  });

  it('stores JSON answers (a ranking as an ordered list, a decimal-free number) and shows them in the responses API', async () => {
    const k = key();
    const res = await postJson({
      _k: k, _lang: 'fa', q_again: 'no', q_visit: '۲۰۲۴-۰۳-۰۱', q_people: 12, q_order: ['speed', 'taste', 'price'],
      q_rate__staff: '1', q_rate__clean: '4', q_ok: 'yes',
    });
    expect(res.status, await res.text()).toBe(200);
    const a = await storedAnswers(k);
    expect(a.visit).toMatchObject({ text: '2024-03-01' });
    expect(a.people).toMatchObject({ number: '12' });
    expect(a.order).toMatchObject({ choices: ['speed', 'taste', 'price'] });
    const list = await owner.get(`/api/v1/surveys/${surveyId}/responses`);
    expect(list.status, list.text).toBe(200);
    const mine = list.json.responses.find((r: { answers: Record<string, unknown> }) => (r.answers.order as { choices?: string[] })?.choices?.[0] === 'speed');
    expect(mine.answers).toMatchObject({ people: { number: 12 }, visit: { text: '2024-03-01' }, again: { choice: 'no' } });
  });

  it('refuses bad answers with a message per question and stores nothing', async () => {
    const k = key();
    const res = await postJson({
      _k: k, _lang: 'en', q_again: 'maybe', q_visit: '2023-02-29', q_people: '2.5', q_mail: 'ann@', q_tel: '12-34',
      q_order: ['1:price', '1:speed', '3:taste'], q_rate__staff: '5',
    });
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toEqual({
      again: 'Choose one of the listed options.',
      visit: 'Enter a real date as year-month-day, for example 2024-03-31.',
      people: 'Enter a whole number, without decimals.',
      mail: 'Enter an e-mail address such as name@example.com.',
      tel: 'Enter a phone number with 7 to 15 digits (a leading +, spaces, dashes and brackets are fine).',
      order: 'Give each option its own rank from 1 to 3.',
      rate__clean: 'Please answer this question.',
      ok: 'Please tick the box to continue.',
    });
    const out = await postJson({ _k: k, _lang: 'ru', q_again: 'yes', q_visit: '2024-01-01', q_people: '21', q_order: ['price', 'speed', 'taste'], q_rate__staff: '5', q_rate__clean: '5', q_ok: 'yes' });
    expect((await out.json()).errors).toEqual({ people: 'Введите число от 1 до 20.' });
    expect(await storedAnswers(k)).toEqual({});
  });

  it('keeps dates, e-mails and phones out of comments and the comment search', async () => {
    const input = questionTypesInput('Comments');
    input.questions.push({ key: 'note', type: 'text', required: false, text: { en: 'Anything else?', ru: 'Что-то ещё?', fa: 'چیز دیگری؟' } });
    const created = await owner.post('/api/v1/surveys', input);
    expect(created.status, created.text).toBe(201);
    const id = created.json.survey.id;
    await owner.post(`/api/v1/surveys/${id}/status`, { status: 'live' });
    const res = await fetch(`${server.baseUrl}/s/${created.json.survey.slug}`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        _k: key(), _lang: 'en', q_again: 'yes', q_visit: '2024-05-05', q_people: '2', q_mail: 'zed@example.com', q_tel: '+44 20 7946 0000',
        q_order: ['price', 'speed', 'taste'], q_rate__staff: '3', q_rate__clean: '3', q_ok: 'yes', q_note: 'Lovely staff, zed@example.com knows',
      }),
    });
    expect(res.status, await res.text()).toBe(200);
    const comments = await owner.get(`/api/v1/surveys/${id}/comments`);
    expect(comments.status, comments.text).toBe(200);
    expect(comments.json.comments.map((c: { questionKey: string; text: string }) => `${c.questionKey}: ${c.text}`)).toEqual([
      'note: Lovely staff, zed@example.com knows',
    ]);
    const analysed = await owner.get(`/api/v1/surveys/${id}/text/comments`);
    expect(analysed.status, analysed.text).toBe(200);
    expect(analysed.json.comments.map((c: { questionKey: string }) => c.questionKey)).toEqual(['note']);
    // The search looks in comments only: the phone number is not found, the comment's words are.
    expect((await owner.get(`/api/v1/surveys/${id}/responses?q=7946`)).json.responses).toHaveLength(0);
    expect((await owner.get(`/api/v1/surveys/${id}/responses?q=lovely`)).json.responses).toHaveLength(1);
  });
});
