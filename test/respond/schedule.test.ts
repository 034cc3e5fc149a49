/**
 * Survey schedules, the closed page's link and the randomised order over real HTTP and PostgreSQL
 * (docs/api.md "Schedule", "Random order").
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey, npsQuestions } from './factory.ts';
import type { QuestionDef } from '../../src/core/surveys/types.ts';

let server: TestServer;
let orgId: string;

const key = () => crypto.randomBytes(12).toString('base64url');
const postJson = (slug: string, body: unknown) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
const postForm = (slug: string, fields: Record<string, string> | URLSearchParams) =>
  fetch(`${server.baseUrl}/s/${slug}`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
  });
const stored = async (surveyId: string) =>
  Number((await server.pool.query(`select count(*) from responses where org_id = $1 and survey_id = $2`, [orgId, surveyId])).rows[0].count);
const schedule = (surveyId: string, opensAt: string | null, closesAt: string | null, redirect: string | null = null) =>
  server.pool.query(`update surveys set opens_at = $2, closes_at = $3, closed_redirect_slug = $4 where id = $1`, [surveyId, opensAt, closesAt, redirect]);

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Schedule Org');
  orgId = org.orgId;
  await server.pool.query(`update orgs set timezone = 'Asia/Tehran' where id = $1`, [orgId]);
});
afterAll(() => server?.close());

describe('before opensAt', () => {
  it('the page says when it opens, in the organisation zone and the page language; submissions get 410', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    // 2099-03-21T05:30Z is 09:00 in Tehran (+03:30); the March equinox of 2099 falls on 20 March before noon in
    // Tehran, so 1 Farvardin 1478 is 20 March and the 21st is 2 Farvardin.
    await schedule(survey.id, '2099-03-21T05:30:00Z', null);
    const en = await fetch(`${server.baseUrl}/s/${survey.slug}?lang=en`);
    expect(en.status).toBe(200);
    const page = await en.text();
    expect(page).toContain('This survey is not open yet');
    expect(page).toContain('It opens on March 21, 2099 at 9:00 AM.');
    expect(page).not.toContain('<form');
    const ru = await (await fetch(`${server.baseUrl}/s/${survey.slug}?lang=ru`)).text();
    expect(ru).toContain('Он откроется 21 марта 2099 г. в 09:00.');
    const fa = await (await fetch(`${server.baseUrl}/s/${survey.slug}?lang=fa`)).text();
    expect(fa).toContain('dir="rtl"');
    expect(fa).toContain('۲ فروردین ۱۴۷۸ ساعت ۹:۰۰');

    const json = await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' });
    expect(json.status).toBe(410);
    expect((await json.json()).error).toBe('survey_closed');
    const form = await postForm(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' });
    expect(form.status).toBe(410);
    expect(await form.text()).toContain('This survey is closed');
    expect(await stored(survey.id)).toBe(0);
  });

  it('opens at opensAt: a survey whose start has passed takes answers', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    await schedule(survey.id, '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z');
    expect((await fetch(`${server.baseUrl}/s/${survey.slug}`)).status).toBe(200);
    expect((await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' })).status).toBe(200);
    expect(await stored(survey.id)).toBe(1);
  });
});

describe('after closesAt', () => {
  it('the page is the closed page (410) with a link to the redirect survey; submissions get 410', async () => {
    const next = await buildSurvey(server.pool, orgId, { title: { en: 'Our new survey', ru: 'Наш новый опрос', fa: 'نظرسنجی تازه' } });
    const survey = await buildSurvey(server.pool, orgId);
    await schedule(survey.id, null, '2020-01-01T00:00:00Z', next.slug);
    const res = await fetch(`${server.baseUrl}/s/${survey.slug}?lang=ru`);
    expect(res.status).toBe(410);
    const page = await res.text();
    expect(page).toContain('Опрос завершён');
    expect(page).toContain(`<a href="/s/${next.slug}?lang=ru">Наш новый опрос</a>`);
    const json = await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' });
    expect(json.status).toBe(410);
    expect(await json.json()).toMatchObject({ error: 'survey_closed', next: `/s/${next.slug}?lang=en` });
    const form = await postForm(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' });
    expect(form.status).toBe(410);
    expect(await form.text()).toContain(`<a href="/s/${next.slug}?lang=en">Our new survey</a>`);
    expect(await stored(survey.id)).toBe(0);
  });

  it('links no survey that is not live (or of another organisation)', async () => {
    const closedNext = await buildSurvey(server.pool, orgId, { status: 'closed' });
    const survey = await buildSurvey(server.pool, orgId, { status: 'closed' });
    await schedule(survey.id, null, null, closedNext.slug);
    const page = await (await fetch(`${server.baseUrl}/s/${survey.slug}`)).text();
    expect(page).toContain('This survey is closed');
    expect(page).not.toContain(closedNext.slug);
    const other = await buildOrg(server.pool, 'Other Schedule Org');
    const foreign = await buildSurvey(server.pool, other.orgId);
    await schedule(survey.id, null, null, foreign.slug);
    expect(await (await fetch(`${server.baseUrl}/s/${survey.slug}`)).text()).not.toContain(foreign.slug);
  });

  it('a survey whose response limit is reached shows the closed page instead of the form', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    await server.pool.query(`update surveys set response_limit = 1 where id = $1`, [survey.id]);
    expect((await fetch(`${server.baseUrl}/s/${survey.slug}`)).status).toBe(200);
    expect((await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' })).status).toBe(200);
    const res = await fetch(`${server.baseUrl}/s/${survey.slug}`);
    expect(res.status).toBe(410);
    const page = await res.text();
    expect(page).toContain('This survey is closed');
    expect(page).not.toContain('<form');
  });
});

describe('a survey closed by a quota', () => {
  it('is recorded in the audit log by the system with the quota key', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    const quotas = [{ key: 'enough', limit: 1, action: 'close' }];
    await server.pool.query(`update surveys set quotas = $2::jsonb where id = $1`, [survey.id, JSON.stringify(quotas)]);
    expect((await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' })).status).toBe(200);
    const { rows } = await server.pool.query(
      `select action, actor_kind, detail from audit_log where org_id = $1 and target_type = 'survey' and target_id = $2`, [orgId, survey.id]);
    expect(rows).toEqual([{ action: 'survey.close', actor_kind: 'system', detail: { quota: 'enough' } }]);
  });
});

const colors = ['red', 'green', 'blue', 'black', 'white', 'pink'];
const randomQuestions = (): QuestionDef[] => [
  npsQuestions()[0],
  { key: 'color', type: 'single', metric: 'none', required: true, text: { en: 'Favourite colour?' }, options: colors.map((c) => ({ value: c, label: { en: c } })) },
  { key: 't1', type: 'text', metric: 'none', required: false, text: { en: 'First text' } },
  { key: 't2', type: 'text', metric: 'none', required: false, text: { en: 'Second text' } },
  { key: 't3', type: 'text', metric: 'none', required: false, text: { en: 'Third text' } },
  { key: 't4', type: 'text', metric: 'none', required: false, text: { en: 'Fourth text' } },
];

/** What the page shows: the question keys in order, the colour values in order, and the form's key. */
function shownOrder(page: string) {
  const questions = [...page.matchAll(/id="q-([a-z0-9_]+)"/g)].map((m) => m[1]);
  const options = [...page.matchAll(/name="q_color" value="([a-z]+)"/g)].map((m) => m[1]);
  const k = /name="_k" value="([^"]+)"/.exec(page)![1];
  return { questions, options, k };
}

describe('random order', () => {
  it('stores the order the page showed; the re-rendered page after an error keeps it; the API shows it', async () => {
    const survey = await buildSurvey(server.pool, orgId, { questions: randomQuestions() });
    await server.pool.query(`update questions set randomize_options = true where survey_id = $1 and key = 'color'`, [survey.id]);
    await server.pool.query(`update surveys set random_groups = '[["t1","t2","t3","t4"]]' where id = $1`, [survey.id]);
    const pages = await Promise.all(Array.from({ length: 8 }, async () => shownOrder(await (await fetch(`${server.baseUrl}/s/${survey.slug}`)).text())));
    for (const p of pages) {
      expect([...p.options].sort()).toEqual([...colors].sort());
      expect(p.questions.slice(0, 2)).toEqual(['nps', 'color']);
      expect([...p.questions.slice(2)].sort()).toEqual(['t1', 't2', 't3', 't4']);
    }
    // 8 pages with 720 orders of six colours each: the chance that all show one order is 720^-7.
    expect(new Set(pages.map((p) => p.options.join())).size).toBeGreaterThan(1);

    const shown = pages[0];
    // A missing required answer: the page comes back with the same order.
    const again = await postForm(survey.slug, { _k: shown.k, _lang: 'en', q_nps: '8' });
    expect(again.status).toBe(400);
    const rerendered = shownOrder(await again.text());
    expect(rerendered).toEqual(shown);

    const sent = await postForm(survey.slug, { _k: shown.k, _lang: 'en', q_nps: '8', q_color: shown.options[0] });
    expect(sent.status).toBe(303);
    const { rows } = await server.pool.query(`select id, display_order from responses where survey_id = $1`, [survey.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].display_order).toEqual({ color: shown.options, '@questions': shown.questions });

    await buildUser(server.pool, orgId, 'owner', 'schedule-owner@example.com');
    const owner = await signIn(server.baseUrl, 'schedule-owner@example.com');
    const list = await owner.get(`/api/v1/surveys/${survey.id}/responses`);
    expect(list.status).toBe(200);
    expect(list.json.responses[0].displayOrder).toEqual({ color: shown.options, '@questions': shown.questions });
  });

  it('stores no order for a survey that randomises nothing', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    expect((await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: '9' })).status).toBe(200);
    const { rows } = await server.pool.query(`select display_order from responses where survey_id = $1`, [survey.id]);
    expect(rows).toEqual([{ display_order: null }]);
  });
});

describe('survey API', () => {
  it('stores the schedule, the redirect and random order, and answers 400 for bad ones', async () => {
    await buildUser(server.pool, orgId, 'owner', 'schedule-api@example.com');
    const owner = await signIn(server.baseUrl, 'schedule-api@example.com');
    const target = (await owner.post('/api/v1/surveys', { name: 'After the campaign' })).json.survey;
    const created = await owner.post('/api/v1/surveys', { name: 'Campaign' });
    const { survey } = created.json;
    const base = { ...survey, questions: randomQuestions().map((q) => (q.key === 'color' ? { ...q, randomizeOptions: true } : q)) };
    for (const id of ['id', 'status', 'version', 'opensAt', 'closesAt', 'closedRedirectSlug', 'randomGroups']) delete base[id];
    const good = {
      opensAt: '2026-03-29T09:00:00+03:30', closesAt: '2026-04-30T21:00:00Z', closedRedirectSlug: target.slug, randomGroups: [['t2', 't3']],
    };
    const ok = await owner.put(`/api/v1/surveys/${survey.id}`, { ...base, ...good });
    expect(ok.status).toBe(200);
    expect(ok.json.survey).toMatchObject({ ...good, opensAt: '2026-03-29T05:30:00.000Z', closesAt: '2026-04-30T21:00:00.000Z' });
    expect(ok.json.survey.questions.find((q: { key: string }) => q.key === 'color').randomizeOptions).toBe(true);
    const read = await owner.get(`/api/v1/surveys/${survey.id}`);
    expect(read.json.survey).toMatchObject({ opensAt: '2026-03-29T05:30:00.000Z', closedRedirectSlug: target.slug, randomGroups: [['t2', 't3']] });
    // Absent: kept as stored.
    const kept = await owner.put(`/api/v1/surveys/${survey.id}`, base);
    expect(kept.json.survey).toMatchObject({ opensAt: '2026-03-29T05:30:00.000Z', closesAt: '2026-04-30T21:00:00.000Z' });
    for (const [bad, field] of [
      [{ closesAt: '2026-03-29T05:30:00Z' }, 'closesAt'],
      [{ closesAt: '2026-03-01T00:00:00Z', opensAt: null }, null],
      [{ opensAt: '29.03.2026 09:00' }, 'opensAt'],
      [{ closedRedirectSlug: 'no-such-survey-here' }, 'closedRedirectSlug'],
      [{ closedRedirectSlug: survey.slug }, 'closedRedirectSlug'],
      [{ randomGroups: [['t1', 't3']] }, 'randomGroups.0'],
      [{ randomGroups: [['t1', 'missing']] }, 'randomGroups.0'],
      [{ randomGroups: [['t1', 't2'], ['t2', 't3']] }, 'randomGroups.1'],
      [{ questions: base.questions.map((q: QuestionDef) => (q.key === 't1' ? { ...q, randomizeOptions: true } : q)) }, 'questions.2.randomizeOptions'],
    ] as const) {
      const res = await owner.put(`/api/v1/surveys/${survey.id}`, { ...base, ...bad });
      if (field === null) {
        expect(res.status, JSON.stringify(bad)).toBe(200);
        continue;
      }
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json.field ?? res.json.details?.field, JSON.stringify(bad)).toBe(field);
    }
  });

  it('a survey with a group whose question depends on another of the group is refused', async () => {
    await buildUser(server.pool, orgId, 'owner', 'schedule-api2@example.com');
    const owner = await signIn(server.baseUrl, 'schedule-api2@example.com');
    const { survey } = (await owner.post('/api/v1/surveys', { name: 'Dependent' })).json;
    const base = { ...survey, questions: npsQuestions() };
    for (const id of ['id', 'status', 'version']) delete base[id];
    const res = await owner.put(`/api/v1/surveys/${survey.id}`, { ...base, randomGroups: [['nps', 'why']] });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('"why" depends on another question of the same group');
  });
});

describe('other channels', () => {
  const SITE = 'https://shop.example';
  const widgetPost = (slug: string, body: unknown) =>
    fetch(`${server.baseUrl}/w/${slug}`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', origin: SITE }, body: JSON.stringify(body) });
  let owner: Client;
  beforeAll(async () => {
    await buildUser(server.pool, orgId, 'owner', 'schedule-channels@example.com');
    owner = await signIn(server.baseUrl, 'schedule-channels@example.com');
  });

  it('the widget shows a full "end" quota\'s message (200 ended, nothing stored) and refuses answers outside the schedule', async () => {
    const survey = await buildSurvey(server.pool, orgId);
    expect((await owner.put(`/api/v1/surveys/${survey.id}/widget`, { origins: [SITE], delaySeconds: null, exitIntent: false, urlPattern: null })).status).toBe(200);
    const quotas = [{ key: 'one', limit: 1, action: 'end', message: { en: 'We have all the answers we need.', ru: 'Нам хватает ответов.' } }];
    await server.pool.query(`update surveys set quotas = $2::jsonb where id = $1`, [survey.id, JSON.stringify(quotas)]);
    expect((await widgetPost(survey.slug, { k: key(), lang: 'en', score: 9 })).status).toBe(200);
    const ended = await widgetPost(survey.slug, { k: key(), lang: 'ru', score: 9 });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ ok: true, ended: true, quota: 'one', message: 'Нам хватает ответов.' });
    expect(await stored(survey.id)).toBe(1);

    await schedule(survey.id, null, '2020-01-01T00:00:00Z');
    const config = await fetch(`${server.baseUrl}/w/${survey.slug}/config?lang=en`, { headers: { origin: SITE } });
    expect(config.status).toBe(410);
    const late = await widgetPost(survey.slug, { k: key(), lang: 'en', score: 9 });
    expect(late.status).toBe(410);
    expect((await late.json()).error).toBe('survey_closed');
    expect(await stored(survey.id)).toBe(1);
  });

  it('a kiosk answer screened out by an "end" quota is "ended" (not a closed kiosk); outside the schedule the kiosk is closed', async () => {
    const org = await server.pool.query(`select id, path from locations where org_id = $1 and parent_id is null`, [orgId]);
    const store = await buildLocation(server.pool, orgId, { id: org.rows[0].id, path: org.rows[0].path }, 'store', 'Kiosk store');
    const survey = await buildSurvey(server.pool, orgId);
    const created = await owner.post(`/api/v1/surveys/${survey.id}/kiosks`, { name: 'Exit', locationId: store.id, pin: '1234' });
    expect(created.status).toBe(201);
    const token = /\/k\/([A-Za-z0-9_-]{43})\/$/.exec(created.json.url)![1];
    const quotas = [{ key: 'one', limit: 1, action: 'end', message: { en: 'Enough.' } }];
    await server.pool.query(`update surveys set quotas = $2::jsonb where id = $1`, [survey.id, JSON.stringify(quotas)]);
    const sync = (answers: unknown[]) => new Client(server.baseUrl).request('POST', `/k/${token}/answers`, { answers }, { accept: 'application/json' });
    const [k1, k2] = [`t${key()}`, `t${key()}`];
    const res = await sync([{ k: k1, lang: 'en', score: 8, at: Date.now() }, { k: k2, lang: 'en', score: 9, at: Date.now() }]);
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([{ k: k1, outcome: 'stored' }, { k: k2, outcome: 'ended' }]);

    await schedule(survey.id, '2099-01-01T00:00:00Z', null);
    const page = await fetch(`${server.baseUrl}/k/${token}/`);
    expect(page.status).toBe(410);
    expect(await stored(survey.id)).toBe(1);
  });
});
