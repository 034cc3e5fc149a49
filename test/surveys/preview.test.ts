import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { createWebStandIn } from '../helpers/webStandIn.ts';

/** A draft as the builder holds it: texts with markup in them, two languages. */
const draft = {
  name: 'Draft',
  slug: 'draft-preview',
  title: { en: 'Tell <b>us</b> & "them"', fa: 'به ما بگویید' },
  intro: { en: '<script>alert(1)</script>' },
  languages: ['en', 'fa'],
  defaultLanguage: 'en',
  questions: [
    { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Would you <i>recommend</i> us?', fa: 'ما را توصیه می‌کنید؟' } },
    { key: 'gone', type: 'text', text: { en: 'An archived question' }, archivedInVersion: 2 },
  ],
};

describe('live preview API', () => {
  let server: TestServer;
  let analyst: Client;
  let viewer: Client;
  let anonymous: Client;
  let surveyCount = 0;
  // A stand-in for dist/web: the dashboard page's headers come from the server.
  const web = createWebStandIn();

  beforeAll(async () => {
    server = await startTestServer({ webDir: web.dir });
    const org = await buildOrg(server.pool, 'Preview Org');
    await buildUser(server.pool, org.orgId, 'analyst', 'analyst@preview.test');
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@preview.test');
    [analyst, viewer] = await Promise.all(['analyst@preview.test', 'viewer@preview.test'].map((e) => signIn(server.baseUrl, e)));
    anonymous = new (analyst.constructor as new (url: string) => Client)(server.baseUrl);
    surveyCount = (await server.pool.query(`select count(*)::int as n from surveys`)).rows[0].n;
  });
  afterAll(async () => {
    await server?.close();
    web.remove();
  });

  it('renders the draft with the respondent page, its texts escaped, in preview mode', async () => {
    const res = await analyst.post('/api/v1/surveys/preview', { survey: draft, lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ lang: 'en', dir: 'ltr' });
    const page: string = res.json.html;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<h1>Tell &lt;b&gt;us&lt;/b&gt; &amp; &quot;them&quot;</h1>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('Would you &lt;i&gt;recommend&lt;/i&gt; us?');
    expect(page).not.toContain('An archived question');
    // The preview banner of the respondent page, and a form marked so that the script does not send it.
    expect(page).toContain('<p class="pv" role="status">');
    expect(page).toMatch(/<form class="sv"[^>]* data-pv /);
    // The builder chooses the language: no switcher inside the frame.
    expect(page).not.toContain('name="_switch"');
  });

  it('answers in Persian right to left, and falls back to the default language for one the survey lacks', async () => {
    const fa = await analyst.post('/api/v1/surveys/preview', { survey: draft, lang: 'fa' });
    expect(fa.json).toMatchObject({ lang: 'fa', dir: 'rtl' });
    expect(fa.json.html).toContain('<html lang="fa" dir="rtl">');
    expect(fa.json.html).toContain('ما را توصیه می‌کنید؟');
    const ru = await analyst.post('/api/v1/surveys/preview', { survey: draft, lang: 'ru' });
    expect(ru.json).toMatchObject({ lang: 'en', dir: 'ltr' });
  });

  it('names the field of an invalid draft (400) instead of rendering it', async () => {
    const broken = { ...draft, questions: [{ ...draft.questions[0], text: { fa: 'فقط فارسی' } }] };
    const res = await analyst.post('/api/v1/surveys/preview', { survey: broken, lang: 'en' });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('questions.0.text.en: required in the default language (en)');
  });

  it('stores nothing', async () => {
    await analyst.post('/api/v1/surveys/preview', { survey: draft });
    expect((await server.pool.query(`select count(*)::int as n from surveys`)).rows[0].n).toBe(surveyCount);
  });

  it('needs survey.edit and a session', async () => {
    expect((await viewer.post('/api/v1/surveys/preview', { survey: draft })).status).toBe(403);
    expect((await anonymous.post('/api/v1/surveys/preview', { survey: draft })).status).toBe(401);
  });

  it("lets the dashboard page run the preview's inline script in its srcdoc frame (the frame inherits its CSP)", async () => {
    const page: string = (await analyst.post('/api/v1/surveys/preview', { survey: draft })).json.html;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1];
    const digest = crypto.createHash('sha256').update(script, 'utf8').digest('base64');
    const csp = (await anonymous.get('/app/surveys')).headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' 'sha256-${digest}'`);
  });
});
