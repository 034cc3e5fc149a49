/**
 * The website widget's server side: the admin settings API (validation, roles, snippet), the public
 * config and submit endpoints with their explicit CORS, and the responses they store (channel widget).
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { buildSurvey, npsQuestions, type SurveyFixture } from '../respond/factory.ts';
import { WidgetAnswerSchema } from '../../src/core/api/widget.ts';

const SITE = 'https://shop.example';
const OTHER = 'https://evil.example';

let server: TestServer;
let orgId: string;
let owner: Client;
let viewer: Client;
let survey: SurveyFixture;

const key = () => crypto.randomBytes(12).toString('base64url');
const config = (slug: string, origin: string | null, lang = 'en') =>
  fetch(`${server.baseUrl}/w/${slug}/config?lang=${lang}`, { headers: origin ? { origin } : {} });
const submit = (slug: string, origin: string | null, body: unknown, type = 'text/plain;charset=UTF-8') =>
  fetch(`${server.baseUrl}/w/${slug}`, { method: 'POST', headers: { 'content-type': type, ...(origin ? { origin } : {}) }, body: JSON.stringify(body) });

beforeAll(async () => {
  server = await startTestServer();
  orgId = (await buildOrg(server.pool, 'Widget Org')).orgId;
  await buildUser(server.pool, orgId, 'owner', 'owner@widget.test');
  await buildUser(server.pool, orgId, 'viewer', 'viewer@widget.test');
  owner = await signIn(server.baseUrl, 'owner@widget.test');
  viewer = await signIn(server.baseUrl, 'viewer@widget.test');
  survey = await buildSurvey(server.pool, orgId);
  const res = await owner.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [SITE], delaySeconds: 5, exitIntent: true, urlPattern: '/checkout/*' });
  expect(res.status).toBe(200);
});
afterAll(() => server?.close());

describe('widget settings API', () => {
  it('starts empty, with the snippet to paste and the organisation\'s contact gap', async () => {
    const other = await buildSurvey(server.pool, orgId);
    const res = await owner.get(`/api/v1/surveys/${other.id}/widget`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      settings: { origins: [], delaySeconds: null, exitIntent: false, urlPattern: null },
      snippet: `<script src="${server.baseUrl}/w.js" data-survey="${other.slug}" async></script>`,
      problem: null,
      gapDays: 30,
    });
  });

  it('normalizes and de-duplicates origins, and refuses origins with paths or wildcards', async () => {
    const ok = await owner.put(`/api/v1/surveys/${survey.id}/widget`, {
      origins: ['HTTPS://Shop.Example/', 'https://shop.example:443', 'http://localhost:8080'], delaySeconds: null, exitIntent: false, urlPattern: '',
    });
    expect(ok.status).toBe(200);
    expect(ok.json.settings).toEqual({ origins: ['https://shop.example', 'http://localhost:8080'], delaySeconds: null, exitIntent: false, urlPattern: null });
    // The answer is exactly the contract's shape, and the change is audited.
    expect(WidgetAnswerSchema.safeParse(ok.json).success).toBe(true);
    const audit = await server.pool.query(
      `select detail from audit_log where org_id = $1 and target_id = $2 and action = 'survey.widget' order by id desc limit 1`,
      [orgId, survey.id],
    );
    expect(audit.rows[0].detail).toEqual({ origins: ['https://shop.example', 'http://localhost:8080'], delaySeconds: null, exitIntent: false, urlPattern: null });
    for (const origin of ['https://shop.example/path', '*', 'https://*.example', 'ftp://shop.example', 'https://user:pw@shop.example']) {
      const bad = await owner.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [origin], delaySeconds: null, exitIntent: false, urlPattern: null });
      expect(bad.status, origin).toBe(400);
      expect(bad.json.message).toMatch(/^origins\.0: /);
    }
    const badPattern = await owner.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [], delaySeconds: null, exitIntent: false, urlPattern: 'checkout' });
    expect(badPattern.status).toBe(400);
    // Back to the settings the other tests use.
    await owner.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [SITE], delaySeconds: 5, exitIntent: true, urlPattern: '/checkout/*' });
  });

  it('lets viewers read but not change the settings, and other organisations see nothing', async () => {
    expect((await viewer.get(`/api/v1/surveys/${survey.id}/widget`)).status).toBe(200);
    expect((await viewer.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [OTHER], delaySeconds: null, exitIntent: false, urlPattern: null })).status).toBe(403);
    const stranger = await buildOrg(server.pool, 'Stranger Org');
    await buildUser(server.pool, stranger.orgId, 'owner', 'owner@stranger.test');
    const client = await signIn(server.baseUrl, 'owner@stranger.test');
    expect((await client.get(`/api/v1/surveys/${survey.id}/widget`)).status).toBe(404);
    expect((await client.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [OTHER], delaySeconds: null, exitIntent: false, urlPattern: null })).status).toBe(404);
    const { rows } = await server.pool.query(`select widget_origins from surveys where org_id = $1 and id = $2`, [orgId, survey.id]);
    expect(rows[0].widget_origins).toEqual([SITE]);
  });

  it('names the problem of a survey the prompt cannot ask', async () => {
    const [nps, why, , reasons] = npsQuestions();
    const required = await buildSurvey(server.pool, orgId, { questions: [nps, why, { ...reasons, showIf: null, required: true }] });
    expect((await owner.get(`/api/v1/surveys/${required.id}/widget`)).json.problem).toBe('required_questions');
    const draft = await buildSurvey(server.pool, orgId, { status: 'draft' });
    expect((await owner.get(`/api/v1/surveys/${draft.id}/widget`)).json.problem).toBe('not_live');
    const textFirst = await buildSurvey(server.pool, orgId, { questions: [why] });
    expect((await owner.get(`/api/v1/surveys/${textFirst.id}/widget`)).json.problem).toBe('first_question');
  });
});

describe('public config', () => {
  it('grants the allowed origin only, and never with credentials or *', async () => {
    const res = await config(survey.slug, SITE);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
    expect(res.headers.get('set-cookie')).toBeNull();
    for (const origin of [OTHER, 'null', 'https://shop.example.evil.example', null]) {
      const refused = await config(survey.slug, origin);
      expect(refused.status, String(origin)).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('carries the first question, the comment wording per score, the triggers and the frequency policy', async () => {
    await server.pool.query(`update surveys set contact_gap_days = 14 where org_id = $1 and id = $2`, [orgId, survey.id]);
    const c = await (await config(survey.slug, SITE)).json();
    expect(c.lang).toBe('en');
    expect(c.dir).toBe('ltr');
    expect(c.question.text).toBe('How likely are you to recommend us to a friend?');
    expect(c.question.items.map((i: { value: number }) => i.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.question.items[0]).toEqual({ value: 0, face: '0', name: '0, Not at all likely' });
    expect(c.question.items[5]).toEqual({ value: 5, face: '5', name: null });
    // 0-6 detractors, 7-8 passives, 9-10 promoters (nps.v1).
    expect(c.comment.texts).toEqual([
      ...Array(7).fill('What disappointed you?'), 'What would make it a 10?', 'What would make it a 10?', 'What did you like most?', 'What did you like most?',
    ]);
    expect(c.triggers).toEqual({ delaySeconds: 5, exitIntent: true, urlPattern: '/checkout/*' });
    expect(c.quietDays).toEqual({ answered: 14, dismissed: 3 });
    expect(c.texts.thanksText).toBe('Thanks for helping us improve.');
    await server.pool.query(`update surveys set contact_gap_days = null where org_id = $1 and id = $2`, [orgId, survey.id]);
    await server.pool.query(`update orgs set contact_gap_days = 2 where id = $1`, [orgId]);
    expect((await (await config(survey.slug, SITE)).json()).quietDays).toEqual({ answered: 2, dismissed: 2 });
    await server.pool.query(`update orgs set contact_gap_days = 30 where id = $1`, [orgId]);
  });

  it('speaks Persian right to left with Persian digits', async () => {
    const c = await (await config(survey.slug, SITE, 'fa')).json();
    expect(c.lang).toBe('fa');
    expect(c.dir).toBe('rtl');
    expect(c.question.items[10].face).toBe('۱۰');
    expect(c.texts.close).toBe('بستن');
  });

  it('asks a CSAT star scale with named points and no comment when none follows it', async () => {
    const csat = await buildSurvey(server.pool, orgId, {
      questions: [{ key: 'sat', type: 'rating', metric: 'csat', required: true, text: { en: 'How satisfied are you?', ru: 'Насколько вы довольны?' }, scale: { min: 1, max: 5, style: 'stars' } }],
      languages: ['en', 'ru'],
    });
    await server.pool.query(`update surveys set widget_origins = $3 where org_id = $1 and id = $2`, [orgId, csat.id, [SITE]]);
    const c = await (await config(csat.slug, SITE, 'ru')).json();
    expect(c.question).toEqual({
      text: 'Насколько вы довольны?', style: 'stars', minLabel: '', maxLabel: '',
      items: [
        // "n of 5 stars": 5 takes the Russian "many" form, звёзд.
        { value: 1, face: '★', name: '1 из 5 звёзд' }, { value: 2, face: '★', name: '2 из 5 звёзд' }, { value: 3, face: '★', name: '3 из 5 звёзд' },
        { value: 4, face: '★', name: '4 из 5 звёзд' }, { value: 5, face: '★', name: '5 из 5 звёзд' },
      ],
    });
    expect(c.comment).toBeNull();
    // Persian is not a language of this survey: its default answers.
    expect((await (await config(csat.slug, SITE, 'fa')).json()).lang).toBe('en');
    const res = await submit(csat.slug, SITE, { k: key(), score: 4, comment: 'ignored: nothing asks for it' });
    expect(res.status).toBe(200);
    const { rows } = await server.pool.query(`select count(*)::int as n from answers where org_id = $1 and survey_id = $2`, [orgId, csat.id]);
    expect(rows[0].n).toBe(1);
  });

  it('is not found for unknown and draft surveys', async () => {
    expect((await config('no-such-survey', SITE)).status).toBe(404);
    const draft = await buildSurvey(server.pool, orgId, { status: 'draft' });
    await server.pool.query(`update surveys set widget_origins = $3 where org_id = $1 and id = $2`, [orgId, draft.id, [SITE]]);
    expect((await config(draft.slug, SITE)).status).toBe(404);
  });
});

describe('public submit', () => {
  it('stores the answer with channel widget, the comment and the page path, once per key', async () => {
    const k = key();
    const body = { k, lang: 'ru', score: 9, comment: 'Быстро и вежливо', page: '/checkout/done?email=a@b.c#x' };
    const res = await submit(survey.slug, SITE, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    const first = await res.json();
    const again = await (await submit(survey.slug, SITE, body)).json();
    expect(again.responseId).toBe(first.responseId);
    const { rows } = await server.pool.query(`select id, channel, language, hidden, location_id from responses where org_id = $1 and idempotency_key = $2`, [orgId, k]);
    expect(rows).toEqual([{ id: first.responseId, channel: 'widget', language: 'ru', hidden: { page: '/checkout/done' }, location_id: null }]);
    const { rows: answers } = await server.pool.query(
      `select q.key, a.score, a.text, a.channel from answers a join questions q on q.org_id = a.org_id and q.id = a.question_id
        where a.org_id = $1 and a.response_id = $2 order by q.key`,
      [orgId, first.responseId],
    );
    expect(answers).toEqual([{ key: 'nps', score: 9, text: null, channel: 'widget' }, { key: 'why', score: null, text: 'Быстро и вежливо', channel: 'widget' }]);
  });

  it('files the answer under the snippet\'s data-location (a code of the organisation; unknown ones are ignored)', async () => {
    const org = (await server.pool.query(`select id, path from locations where org_id = $1 and parent_id is null`, [orgId])).rows[0];
    const store = await buildLocation(server.pool, orgId, { id: org.id, path: org.path }, 'store', 'Store 12');
    await server.pool.query(`update locations set code = 'MSK-12' where org_id = $1 and id = $2`, [orgId, store.id]);
    const known = await (await submit(survey.slug, SITE, { k: key(), score: 8, loc: 'MSK-12' })).json();
    const unknown = await (await submit(survey.slug, SITE, { k: key(), score: 8, loc: 'NOPE' })).json();
    const { rows } = await server.pool.query(`select id, location_id from responses where org_id = $1 and id = any($2::uuid[]) order by location_id nulls last`, [
      orgId, [known.responseId, unknown.responseId],
    ]);
    expect(rows).toEqual([{ id: known.responseId, location_id: store.id }, { id: unknown.responseId, location_id: null }]);
  });

  it('accepts application/json after a preflight that grants only the allowed origin', async () => {
    const pre = await fetch(`${server.baseUrl}/w/${survey.slug}`, {
      method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(pre.headers.get('access-control-allow-methods')).toBe('POST');
    const refused = await fetch(`${server.baseUrl}/w/${survey.slug}`, { method: 'OPTIONS', headers: { origin: OTHER, 'access-control-request-method': 'POST' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const res = await submit(survey.slug, SITE, { k: key(), score: 3 }, 'application/json');
    expect(res.status).toBe(200);
  });

  it('stores nothing from a foreign origin or without one', async () => {
    const before = await countWidgetResponses();
    for (const origin of [OTHER, null]) {
      const res = await submit(survey.slug, origin, { k: key(), score: 10 });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(await countWidgetResponses()).toBe(before);
  });

  it('refuses scores outside the scale, malformed bodies and keys, with nothing stored', async () => {
    const before = await countWidgetResponses();
    const cases: unknown[] = [{ k: key(), score: 11 }, { k: key(), score: 'x' }, { k: 'short', score: 5 }, { score: 5 }, 'not json', [1, 2]];
    for (const body of cases) {
      const res = await fetch(`${server.baseUrl}/w/${survey.slug}`, {
        method: 'POST', headers: { origin: SITE, 'content-type': 'text/plain' }, body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await countWidgetResponses()).toBe(before);
  });
});

describe('scripts', () => {
  it('serves the loader as JavaScript, at most 5 kB gzipped, pointing at the current prompt', async () => {
    const res = await fetch(`${server.baseUrl}/w.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const loader = await res.text();
    expect(zlib.gzipSync(loader).length).toBeLessThanOrEqual(5 * 1024);
    const promptPath = /\/w\/prompt\.js\?v=[A-Za-z0-9_-]+/.exec(loader)?.[0];
    expect(promptPath).toBeTruthy();
    const prompt = await fetch(`${server.baseUrl}${promptPath}`);
    expect(prompt.status).toBe(200);
    expect(prompt.headers.get('cache-control')).toContain('immutable');
    expect(await prompt.text()).toContain('__sarafanPrompt');
  });
});

async function countWidgetResponses(): Promise<number> {
  const { rows } = await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and channel = 'widget'`, [orgId]);
  return rows[0].n;
}

describe('rate limit', () => {
  it('answers 429 once an address has sent the per-minute number of answers for a survey', async () => {
    const limited = await startTestServer({ publicRateLimitPerMinute: 3 });
    try {
      const org = await buildOrg(limited.pool, 'Limited Org');
      const s = await buildSurvey(limited.pool, org.orgId);
      await limited.pool.query(`update surveys set widget_origins = $3 where org_id = $1 and id = $2`, [org.orgId, s.id, [SITE]]);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${limited.baseUrl}/w/${s.slug}`, { method: 'POST', headers: { origin: SITE }, body: JSON.stringify({ k: key(), score: 5 }) });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
