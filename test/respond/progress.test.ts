/**
 * Partial responses through the public endpoints and the API: progress saved and given back, finished by the
 * submission, kept as a partial response only when the survey counts unfinished responses, and the drop-off view.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { closePartialResponses } from '../../src/server/responses/commands/closePartialResponses.ts';
import { buildSurvey, type SurveyFixture } from './factory.ts';

let server: TestServer;
let orgId: string;
let storeA: string;
let storeB: string;
let survey: SurveyFixture;
let owner: Client;

const key = () => crypto.randomBytes(12).toString('base64url');
const postJson = (path: string, body: unknown) =>
  fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
const progressRow = async (k: string) =>
  (await server.pool.query(`select * from response_progress where org_id = $1 and idempotency_key = $2`, [orgId, k])).rows[0];

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Progress Org');
  orgId = org.orgId;
  const root = { id: org.rootLocationId, path: org.rootPath };
  storeA = (await buildLocation(server.pool, orgId, root, 'store', 'Store A')).id;
  storeB = (await buildLocation(server.pool, orgId, root, 'store', 'Store B')).id;
  survey = await buildSurvey(server.pool, orgId);
  await buildUser(server.pool, orgId, 'owner', 'owner@progress.test');
  await buildUser(server.pool, orgId, 'location_manager', 'manager@progress.test', [storeA]);
  owner = await signIn(server.baseUrl, 'owner@progress.test');
});
afterAll(() => server?.close());

describe('POST /s/:slug/progress and /resume', () => {
  it('keeps the valid answers, the screen and the times, and gives them back', async () => {
    const k = key();
    const started = Date.now() - 60_000;
    const res = await postJson(`/s/${survey.slug}/progress`, {
      _k: k, _lang: 'ru', _loc: storeA, _channel: 'qr', _started: String(started), h_order: '7',
      q_nps: '3', q_service: '9', _at: 'why', _t: { nps: 4200, nope: 5 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, done: false });
    const row = await progressRow(k);
    // 9 stars of 5 is out of range: not kept.
    expect(row).toMatchObject({
      survey_id: survey.id, location_id: storeA, loc_ref: storeA, channel: 'qr', language: 'ru', hidden: { order: '7' },
      answers: { nps: { score: 3 } }, at_key: 'why', times: { nps: 4200 }, finished: false, response_id: null,
    });
    expect(row.started_at.getTime()).toBe(started);

    // The next screen: its answer and time join the first one's.
    await postJson(`/s/${survey.slug}/progress`, { _k: k, _lang: 'ru', q_nps: '3', q_why: 'Долго', _at: 'service', _t: { why: 1000 } });
    expect(await progressRow(k)).toMatchObject({ answers: { nps: { score: 3 }, why: { text: 'Долго' } }, at_key: 'service', times: { nps: 4200, why: 1000 } });

    const resumed = await postJson(`/s/${survey.slug}/resume`, { _k: k });
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toEqual({ ok: true, done: false, values: { q_nps: '3', q_why: 'Долго' }, at: 'service', started });
  });

  it('answers 404 for a key with nothing saved and 400 for a malformed key', async () => {
    const none = await postJson(`/s/${survey.slug}/resume`, { _k: key() });
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ ok: false, error: 'not_found' });
    const bad = await postJson(`/s/${survey.slug}/progress`, { _k: 'x', q_nps: '3' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: 'validation' });
    expect((await postJson(`/s/no-such-survey-here/progress`, { _k: key() })).status).toBe(404);
  });

  it('is finished by the submission under the same key, which a late save does not undo', async () => {
    const k = key();
    await postJson(`/s/${survey.slug}/progress`, { _k: k, _lang: 'en', q_nps: '10', _at: 'why', _t: { nps: 3000 } });
    const sent = await postJson(`/s/${survey.slug}`, { _k: k, _lang: 'en', q_nps: '10', q_why: 'Great' });
    const { responseId } = await sent.json();
    expect(await progressRow(k)).toMatchObject({ finished: true, response_id: responseId });
    expect(await (await postJson(`/s/${survey.slug}/resume`, { _k: k })).json()).toEqual({ ok: true, done: true });
    // The last screen's time may arrive after the submission: kept; the answers stay as sent.
    const late = await postJson(`/s/${survey.slug}/progress`, { _k: k, _lang: 'en', q_nps: '1', _at: 'service', _t: { why: 2500 } });
    expect(await late.json()).toEqual({ ok: true, done: true });
    expect(await progressRow(k)).toMatchObject({ finished: true, answers: { nps: { score: 10 } }, at_key: 'why', times: { nps: 3000, why: 2500 } });
  });
});

describe('abandoned progress', () => {
  it('becomes a partial response after a day only when the survey counts unfinished responses', async () => {
    const counting = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set count_partial = true where id = $1`, [counting.id]);
    const [old, recent, empty, other] = [key(), key(), key(), key()];
    await postJson(`/s/${counting.slug}/progress`, { _k: old, _lang: 'fa', _loc: storeB, h_order: '9', q_nps: '2', q_service: '4', _at: 'reasons' });
    await postJson(`/s/${counting.slug}/progress`, { _k: recent, _lang: 'en', q_nps: '8', _at: 'why' });
    await postJson(`/s/${counting.slug}/progress`, { _k: empty, _lang: 'en', _at: 'nps' });
    await postJson(`/s/${survey.slug}/progress`, { _k: other, _lang: 'en', q_nps: '5', _at: 'why' });
    // A day and an hour ago, except `recent` (23 hours: not abandoned yet).
    await server.pool.query(`update response_progress set updated_at = now() - interval '25 hours' where org_id = $1 and idempotency_key = any($2)`, [orgId, [old, empty, other]]);
    await server.pool.query(`update response_progress set updated_at = now() - interval '23 hours' where org_id = $1 and idempotency_key = $2`, [orgId, recent]);

    const run = await closePartialResponses(server.pool);
    expect(run.created).toBe(1);
    const { rows: responses } = await server.pool.query(`select * from responses where org_id = $1 and idempotency_key = any($2)`, [orgId, [old, recent, empty, other]]);
    expect(responses).toHaveLength(1);
    const [r] = responses;
    expect(r).toMatchObject({ survey_id: counting.id, idempotency_key: old, partial: true, location_id: storeB, language: 'fa', hidden: { order: '9' } });
    const { rows: answers } = await server.pool.query(`select question_id, score from answers where org_id = $1 and response_id = $2 order by score`, [orgId, r.id]);
    expect(answers).toEqual([{ question_id: counting.questionIds.nps, score: 2 }, { question_id: counting.questionIds.service, score: 4 }]);
    // Through the ingest path: its rollup change is queued in the same statement.
    const { rows: pending } = await server.pool.query(`select sign from rollup_pending where org_id = $1 and response_id = $2`, [orgId, r.id]);
    expect(pending).toEqual([{ sign: 1 }]);
    expect(await progressRow(old)).toMatchObject({ response_id: r.id, finished: false });
    expect(await progressRow(other)).toMatchObject({ response_id: null, finished: false });
    expect(await (await postJson(`/s/${counting.slug}/resume`, { _k: old })).json()).toEqual({ ok: true, done: true });

    // The responses API marks it.
    const listed = await owner.get(`/api/v1/surveys/${counting.id}/responses`);
    expect(listed.json.responses.map((x: { id: string; partial: boolean }) => [x.id, x.partial])).toEqual([[r.id, true]]);

    // A second run finds nothing more to keep.
    expect((await closePartialResponses(server.pool)).created).toBe(0);
  });
});

describe('GET /api/v1/surveys/:id/dropoff', () => {
  it('counts hand-built progress per question, in the caller\'s locations', async () => {
    const s = await buildSurvey(server.pool, orgId);
    // Questions nps, why, service, reasons (the last shown to nobody here). Four respondents at store A, two at store B.
    const rows: Array<[string | null, boolean, Record<string, unknown>, string, Record<string, number>]> = [
      [storeA, true, { nps: { score: 9 }, why: { text: 'ok' }, service: { score: 5 } }, 'service', { nps: 4000, why: 10000, service: 2000 }],
      [storeA, false, { nps: { score: 7 } }, 'why', { nps: 6000 }],
      [storeA, false, { nps: { score: 3 }, why: { text: 'slow' } }, 'service', { nps: 3000, why: 20000 }],
      [storeA, false, {}, 'nps', {}],
      [storeB, false, { nps: { score: 8 } }, 'why', { nps: 5000, why: 7000 }],
      [storeB, true, { nps: { score: 10 }, why: { text: 'fine' }, service: { score: 4 } }, 'service', { nps: 2000, why: 4000, service: 3000 }],
    ];
    for (const [loc, finished, answers, at, times] of rows) {
      await server.pool.query(
        `insert into response_progress(org_id, survey_id, idempotency_key, location_id, channel, language, answers, at_key, times, finished)
         values ($1, $2, $3, $4, 'link', 'en', $5, $6, $7, $8)`,
        [orgId, s.id, key(), loc, answers, at, times, finished],
      );
    }
    const all = await owner.get(`/api/v1/surveys/${s.id}/dropoff`);
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ surveyId: s.id, countPartial: false, started: 6, finished: 2 });
    const byKey = Object.fromEntries(all.json.questions.map((q: { key: string }) => [q.key, q]));
    expect(all.json.questions.map((q: { key: string }) => q.key)).toEqual(['nps', 'why', 'service', 'reasons']);
    expect(byKey.nps).toMatchObject({ reached: 6, answered: 5, left: 1, medianSeconds: 4, leavesHere: false });
    expect(byKey.nps.leftShare).toBeCloseTo(1 / 6, 10);
    expect(byKey.why).toMatchObject({ reached: 5, answered: 3, left: 2, leftShare: 0.4, medianSeconds: 8.5, leavesHere: true });
    expect(byKey.service).toMatchObject({ reached: 3, answered: 2, left: 1, medianSeconds: 2.5, leavesHere: true });
    expect(byKey.reasons).toMatchObject({ reached: 0, answered: 0, left: 0, leftShare: null, medianSeconds: null, leavesHere: false });
    expect(byKey.why.text.en).toBe('What is the main reason for your score?');

    // Store A's manager sees its four: nps 4 reached, 3 answered, 1 left (1/4), times 3, 4, 6 s; why 3 reached, 1 left, 10 and 20 s.
    const manager = await signIn(server.baseUrl, 'manager@progress.test');
    const mine = await manager.get(`/api/v1/surveys/${s.id}/dropoff`);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ started: 4, finished: 1 });
    expect(mine.json.questions[0]).toMatchObject({ key: 'nps', reached: 4, answered: 3, left: 1, leftShare: 0.25, medianSeconds: 4 });
    expect(mine.json.questions[1]).toMatchObject({ key: 'why', reached: 3, answered: 2, left: 1, medianSeconds: 15 });

    expect((await owner.get(`/api/v1/surveys/${crypto.randomUUID()}/dropoff`)).status).toBe(404);
  });

  it('shows and saves the survey\'s countPartial setting', async () => {
    const s = await buildSurvey(server.pool, orgId);
    const got = await owner.get(`/api/v1/surveys/${s.id}`);
    expect(got.json.survey.countPartial).toBe(false);
    const { id: _id, status: _status, version: _version, ...input } = got.json.survey;
    const put = await owner.put(`/api/v1/surveys/${s.id}`, { ...input, countPartial: true });
    expect(put.status).toBe(200);
    expect(put.json.survey.countPartial).toBe(true);
    // Absent in a later update: kept.
    const { countPartial: _c, ...withoutSetting } = input;
    expect((await owner.put(`/api/v1/surveys/${s.id}`, withoutSetting)).json.survey.countPartial).toBe(true);
    expect((await owner.get(`/api/v1/surveys/${s.id}/dropoff`)).json.countPartial).toBe(true);
  });
});
