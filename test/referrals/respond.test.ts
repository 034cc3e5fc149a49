/**
 * "Bring a friend" on the respondent pages: a promoter's thank-you shows a personal code and link (once per
 * response), nobody else's does; the public link /r/<code> counts a visit once per address and day.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';

let server: TestServer;
let orgId: string;
let storeId: string;
let survey: SurveyFixture;
let staffSurvey: SurveyFixture;
let offOrgSurvey: SurveyFixture;

const CODE_RE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;
const key = () => crypto.randomBytes(12).toString('base64url');
const postForm = (slug: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/s/${slug}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString(), redirect: 'manual',
  });
const postJson = (slug: string, body: unknown) =>
  fetch(`${server.baseUrl}/s/${slug}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });

async function codesOf(k: string) {
  const { rows } = await server.pool.query(
    `select c.* from referral_codes c join responses r on r.org_id = c.org_id and r.id = c.response_id where r.idempotency_key = $1`, [k],
  );
  return rows;
}

beforeAll(async () => {
  server = await startTestServer({ publicUrl: 'https://shop.example' });
  const org = await buildOrg(server.pool, 'Friendly Bakery');
  orgId = org.orgId;
  storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 7')).id;
  await server.pool.query(`update orgs set referrals_enabled = true where id = $1`, [orgId]);
  survey = await buildSurvey(server.pool, orgId);
  staffSurvey = await buildSurvey(server.pool, orgId);
  await server.pool.query(`update surveys set audience = 'staff' where id = $1`, [staffSurvey.id]);
  const off = await buildOrg(server.pool, 'Quiet Org');
  offOrgSurvey = await buildSurvey(server.pool, off.orgId);
});
afterAll(() => server?.close());

describe('the thank-you page of a promoter', () => {
  it('shows a personal code and link, stored with the response, survey and location', async () => {
    const k = key();
    const res = await postForm(survey.slug, { _k: k, _lang: 'en', _loc: storeId, q_nps: '9' });
    expect(res.status).toBe(303);
    const [code] = await codesOf(k);
    expect(code.code).toMatch(CODE_RE);
    const { rows: [response] } = await server.pool.query(`select id from responses where idempotency_key = $1`, [k]);
    expect(code).toMatchObject({ org_id: orgId, response_id: response.id, survey_id: survey.id, location_id: storeId, contact_id: null, clicks: 0 });
    expect(res.headers.get('location')).toBe(`/s/${survey.slug}/thanks?lang=en&ref=${code.code}`);
    const page = await (await fetch(server.baseUrl + res.headers.get('location'))).text();
    expect(page).toContain('Bring a friend');
    expect(page).toContain(`>${code.code}</bdi></strong>`);
    // The link is plain text (works without the script); the buttons come with it.
    expect(page).toContain(`<span class="url">https://shop.example/r/${code.code}</span>`);
    expect(page).toContain(`data-copy="https://shop.example/r/${code.code}"`);
    expect(page).toContain('<script>');
  });

  it('answers 10 in Persian with the Persian block', async () => {
    const k = key();
    const res = await postForm(survey.slug, { _k: k, _lang: 'fa', q_nps: '10' });
    const [code] = await codesOf(k);
    expect(code.location_id).toBeNull();
    const page = await (await fetch(server.baseUrl + res.headers.get('location'))).text();
    expect(page).toContain('dir="rtl"');
    expect(page).toContain('دوستتان را بیاورید');
    expect(page).toContain(code.code);
  });

  it('gives a retried submission (same key) the same code', async () => {
    const k = key();
    const first = await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '10' });
    const again = await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '10' });
    const codes = await codesOf(k);
    expect(codes).toHaveLength(1);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    const json = await (await postJson(survey.slug, { _k: k, _lang: 'en', q_nps: 10 })).json();
    expect(json).toMatchObject({ ok: true, referral: { code: codes[0].code, url: `https://shop.example/r/${codes[0].code}` }, next: first.headers.get('location') });
  });

  it('gives JSON submissions the code and the thank-you page to open', async () => {
    const k = key();
    const json = await (await postJson(survey.slug, { _k: k, _lang: 'ru', q_nps: 9 })).json();
    const [code] = await codesOf(k);
    expect(json).toEqual({ ok: true, responseId: expect.any(String), referral: { code: code.code, url: `https://shop.example/r/${code.code}` }, next: `/s/${survey.slug}/thanks?lang=ru&ref=${code.code}` });
  });
});

describe('no code', () => {
  it('for passives and detractors', async () => {
    for (const score of ['8', '7', '6', '0']) {
      const k = key();
      const res = await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: score });
      expect(res.headers.get('location')).toBe(`/s/${survey.slug}/thanks?lang=en`);
      expect(await codesOf(k)).toHaveLength(0);
    }
    const json = await (await postJson(survey.slug, { _k: key(), _lang: 'en', q_nps: 8 })).json();
    expect(json).toEqual({ ok: true, responseId: expect.any(String) });
  });

  it('when the organisation has not turned the loop on', async () => {
    const k = key();
    const res = await postForm(offOrgSurvey.slug, { _k: k, _lang: 'en', q_nps: '10' });
    expect(res.headers.get('location')).toBe(`/s/${offOrgSurvey.slug}/thanks?lang=en`);
    expect(await codesOf(k)).toHaveLength(0);
  });

  it('on a staff survey, ever', async () => {
    const k = key();
    const res = await postForm(staffSurvey.slug, { _k: k, _lang: 'en', q_nps: '10' });
    expect(res.headers.get('location')).toBe(`/s/${staffSurvey.slug}/thanks?lang=en`);
    expect(await codesOf(k)).toHaveLength(0);
  });

  it('on the thank-you page of another survey or with a made-up code', async () => {
    const k = key();
    await postForm(survey.slug, { _k: k, _lang: 'en', q_nps: '10' });
    const [code] = await codesOf(k);
    const other = await (await fetch(`${server.baseUrl}/s/${offOrgSurvey.slug}/thanks?lang=en&ref=${code.code}`)).text();
    expect(other).not.toContain('Bring a friend');
    const madeUp = await (await fetch(`${server.baseUrl}/s/${survey.slug}/thanks?lang=en&ref=ABCDEFGH`)).text();
    expect(madeUp).not.toContain('Bring a friend');
    expect(madeUp).toContain('Thank you!');
  });
});

describe('GET /r/:code', () => {
  let code: string;
  beforeAll(async () => {
    const k = key();
    await postForm(survey.slug, { _k: k, _lang: 'en', _loc: storeId, q_nps: '10' });
    code = (await codesOf(k))[0].code;
  });
  const visit = (path: string, ip: string, lang = 'en') => fetch(server.baseUrl + path, { headers: { 'x-forwarded-for': ip, 'accept-language': lang } });
  const clicks = async () => (await server.pool.query(`select clicks from referral_codes where code = $1`, [code])).rows[0].clicks;

  it('shows the invitation with the code in large type, in the visitor\'s language', async () => {
    const res = await visit(`/r/${code}`, '203.0.113.1');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('A friend invites you to Friendly Bakery');
    expect(page).toContain('Show this code at the till or tell it when you order.');
    expect(page).toContain(`<strong class="code" data-code><bdi dir="ltr">${code}</bdi></strong>`);
    const ru = await (await visit(`/r/${code.toLowerCase()}`, '203.0.113.1', 'ru')).text();
    expect(ru).toContain('Друг приглашает вас в Friendly Bakery');
    const fa = await (await visit(`/r/${code}?lang=fa`, '203.0.113.1')).text();
    expect(fa).toContain('dir="rtl"');
    expect(fa).toContain('دوستتان شما را به Friendly Bakery دعوت می‌کند');
  });

  it('counts a visit once per address and day', async () => {
    // Without a trusted proxy every request comes from 127.0.0.1: three visits, one address.
    await visit(`/r/${code}`, '198.51.100.7');
    await visit(`/r/${code}`, '198.51.100.8');
    // The first test's three views and these two: one visit.
    expect(await clicks()).toBe(1);
    const { rows } = await server.pool.query(`select count(*)::int as n from referral_visits where code = $1`, [code]);
    expect(rows[0].n).toBe(1);
  });

  it('answers 404 for unknown codes, malformed ones and codes of organisations that turned the loop off', async () => {
    for (const path of ['/r/ABCDEFGH', '/r/not-a-code', '/r/%3Cscript%3E']) {
      const res = await visit(path, '203.0.113.9');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Code not found');
    }
    await server.pool.query(`update orgs set referrals_enabled = false where id = $1`, [orgId]);
    try {
      const res = await visit(`/r/${code}`, '203.0.113.9');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Code not found');
    } finally {
      await server.pool.query(`update orgs set referrals_enabled = true where id = $1`, [orgId]);
    }
  });
});
