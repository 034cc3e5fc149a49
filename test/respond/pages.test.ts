import zlib from 'node:zlib';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, startTestServer, type TestServer } from '../helpers/app.ts';
import { DEMO_SURVEYS } from '../../src/core/demo/surveys.ts';
import { buildSurvey, uniqueSlug } from './factory.ts';

let server: TestServer;
let orgId: string;
let slug: string;
let storeId: string;

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.baseUrl + path, { headers });

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Pages Org');
  orgId = org.orgId;
  storeId = (await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 1')).id;
  await server.pool.query(`update locations set code = 'ST1' where org_id = $1 and id = $2`, [orgId, storeId]);
  slug = (await buildSurvey(server.pool, orgId)).slug;
});
afterAll(() => server?.close());

describe('GET /s/:slug', () => {
  it.each([
    ['en', 'ltr', 'How likely are you to recommend us to a friend?', 'Send'],
    ['ru', 'ltr', 'Насколько вероятно, что вы порекомендуете нас другу?', 'Отправить'],
    ['fa', 'rtl', 'چقدر احتمال دارد ما را به یک دوست توصیه کنید؟', 'ارسال'],
  ])('renders the survey in %s with dir=%s', async (lang, dir, question, submit) => {
    const res = await get(`/s/${slug}?lang=${lang}`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain(`<html lang="${lang}" dir="${dir}">`);
    expect(page).toContain(question);
    expect(page).toContain(`>${submit}</button>`);
    expect(page).toMatch(/<fieldset class="q" id="q-nps"[^>]*>\s*<legend/);
    expect((page.match(/type="radio" name="q_nps"/g) ?? []).length).toBe(11);
    // No maxlength: a browser would cut a long comment silently (the script counts, the server refuses).
    expect(page).toContain('data-max="2000"');
    expect(page).not.toContain('maxlength');
  });

  it('uses Accept-Language among the survey languages, else the default', async () => {
    expect(await (await get(`/s/${slug}`, { 'accept-language': 'de-DE,ru;q=0.8,en;q=0.5' })).text()).toContain('<html lang="ru"');
    expect(await (await get(`/s/${slug}`, { 'accept-language': 'de, it' })).text()).toContain('<html lang="en"');
    // ?lang= wins over the header, and a language the survey does not offer is ignored
    expect(await (await get(`/s/${slug}?lang=fa`, { 'accept-language': 'ru' })).text()).toContain('<html lang="fa"');
    expect(await (await get(`/s/${slug}?lang=de`, { 'accept-language': 'ru' })).text()).toContain('<html lang="ru"');
  });

  it('offers only the survey languages in the switcher, keeping hidden fields', async () => {
    const two = await buildSurvey(server.pool, orgId, { languages: ['en', 'fa'] });
    const page = await (await get(`/s/${two.slug}?order=9`)).text();
    expect(page).toContain(`data-href="/s/${two.slug}?lang=fa&amp;order=9"`);
    expect(page).not.toContain('lang=ru');
    const one = await buildSurvey(server.pool, orgId, { languages: ['en'] });
    expect(await (await get(`/s/${one.slug}`)).text()).not.toContain('class="langs"');
  });

  it('labels scale ends visibly and for screen readers; stars have text alternatives', async () => {
    const page = await (await get(`/s/${slug}?lang=en`)).text();
    expect(page).toContain('aria-label="0, Not at all likely"');
    expect(page).toContain('aria-label="10, Extremely likely"');
    expect(page).toContain('<div class="ends" aria-hidden="true"><span>Not at all likely</span><span>Extremely likely</span></div>');
    expect(page).toContain('aria-label="3 of 5 stars"');
  });

  it('escapes survey texts (a malicious title cannot inject markup)', async () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const s = await buildSurvey(server.pool, orgId, { title: { en: evil }, languages: ['en'] });
    const page = await (await get(`/s/${s.slug}`)).text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect((page.match(/<script>/g) ?? []).length).toBe(1);
  });

  it('escapes option labels and hidden values; smileys and choices are labelled radios', async () => {
    const s = await buildSurvey(server.pool, orgId, {
      languages: ['en'],
      questions: [
        { key: 'mood', type: 'rating', metric: 'csat', required: false, text: { en: 'Mood' }, scale: { min: 1, max: 5, style: 'smileys' } },
        {
          key: 'pick', type: 'single', metric: 'none', required: false, text: { en: 'Pick <one>' },
          options: [{ value: 'a"b', label: { en: '<i>A</i>' } }, { value: 'c', label: { en: 'C' } }],
        },
      ],
    });
    const page = await (await get(`/s/${s.slug}?ref=${encodeURIComponent('"><script>x</script>')}`)).text();
    expect(page).toContain('aria-label="Very unhappy"');
    expect(page).toContain('aria-label="Very happy"');
    expect((page.match(/type="radio" name="q_mood"/g) ?? []).length).toBe(5);
    expect(page).toContain('<input type="radio" name="q_pick" value="a&quot;b">&lt;i&gt;A&lt;/i&gt;</label>');
    expect(page).toContain('Pick &lt;one&gt;');
    expect(page).toContain('name="h_ref" value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect((page.match(/<script>/g) ?? []).length).toBe(1);
  });

  it('sends security headers: CSP with hashes only, nosniff, no-referrer, no-store', async () => {
    const res = await get(`/s/${slug}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('carries hidden fields, channel and a location of the same organisation; ignores bad ones', async () => {
    const long = 'x'.repeat(201);
    const page = await (await get(`/s/${slug}?channel=receipt&order=123&loc=ST1&bad-key=1&big=${long}&lang=en`)).text();
    expect(page).toContain('<input type="hidden" name="h_order" value="123">');
    expect(page).toContain('<input type="hidden" name="_channel" value="receipt">');
    expect(page).toContain(`<input type="hidden" name="_loc" value="${storeId}">`);
    expect(page).not.toContain('h_bad-key');
    expect(page).not.toContain('h_big');
    expect(page).not.toContain('h_lang');
    // Location of another organisation: ignored, never trusted
    const other = await buildOrg(server.pool, 'Other Org');
    const foreign = await (await get(`/s/${slug}?loc=${other.rootLocationId}`)).text();
    expect(foreign).not.toContain('name="_loc"');
    const unknown = await get(`/s/${slug}?loc=nope&channel=Bad%20Channel`);
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain('name="_channel" value="link"');
  });

  it('keeps at most 20 hidden fields', async () => {
    const params = Array.from({ length: 25 }, (_, i) => `k${i}=${i}`).join('&');
    const page = await (await get(`/s/${slug}?${params}`)).text();
    expect((page.match(/name="h_/g) ?? []).length).toBe(20);
  });

  it('answers 404 for drafts and unknown slugs, 410 with a polite page for closed surveys', async () => {
    const draft = await buildSurvey(server.pool, orgId, { status: 'draft' });
    const closed = await buildSurvey(server.pool, orgId, { status: 'closed' });
    const d = await get(`/s/${draft.slug}`, { 'accept-language': 'ru' });
    expect(d.status).toBe(404);
    expect(await d.text()).toContain('Опрос не найден');
    expect((await get(`/s/${uniqueSlug('none')}`)).status).toBe(404);
    expect((await get('/s/%3Cx%3E')).status).toBe(404);
    const c = await get(`/s/${closed.slug}?lang=fa`);
    expect(c.status).toBe(410);
    const page = await c.text();
    expect(page).toContain('dir="rtl"');
    expect(page).toContain('این نظرسنجی بسته شده است');
  });

  it('fits the first view of /s/demo-nps in 15 kB gzipped, CSS and script included', async () => {
    // The demo's own NPS survey definition, as `sarafan demo` inserts it.
    const def = DEMO_SURVEYS.find((d) => d.slug === 'demo-nps')!;
    const demo = await buildSurvey(server.pool, orgId, {
      slug: def.slug, name: def.name, title: def.title as Record<string, string>, intro: def.intro as Record<string, string>,
      thanks: def.thanks as Record<string, string>, languages: def.languages, defaultLanguage: def.defaultLanguage, questions: def.questions,
    });
    for (const lang of ['en', 'ru', 'fa']) {
      const res = await get(`/s/${demo.slug}?lang=${lang}&channel=receipt&order=123`);
      const page = Buffer.from(await res.arrayBuffer());
      const gz = zlib.gzipSync(page).length;
      console.log(`first view /s/demo-nps (${lang}): ${page.length} bytes, ${gz} bytes gzipped (budget 15360)`);
      expect(page.toString()).toContain('<style>');
      expect(page.toString()).toContain('<script>');
      expect(gz).toBeLessThanOrEqual(15 * 1024);
    }
    // What actually crosses the wire for a browser that accepts gzip.
    const wire = await new Promise<{ encoding?: string; bytes: number }>((resolve, reject) => {
      http
        .get(`${server.baseUrl}/s/${demo.slug}?lang=ru`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => (bytes += chunk.length));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes }));
        })
        .on('error', reject);
    });
    expect(wire.encoding).toBe('gzip');
    expect(wire.bytes).toBeLessThanOrEqual(15 * 1024);
  });
});
