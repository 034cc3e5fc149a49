import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';

const SURVEY = {
  name: 'Checkout',
  title: { en: '=Quick question', ru: 'Короткий вопрос' },
  thanks: { en: 'Thanks!' },
  languages: ['en', 'ru', 'fa'],
  defaultLanguage: 'en',
  // Not texts: an upload must leave them as they are.
  responseLimit: 300,
  quotas: [{ key: 'first_timers', limit: 40, when: { question: 'visit', op: 'eq', value: 'first' }, action: 'close' }],
  questions: [
    { key: 'recommend', type: 'nps', metric: 'nps', required: true, text: { en: 'Would you recommend us?' } },
    { key: 'visit', type: 'single', text: { en: 'Visit' }, options: [{ value: 'first', label: { en: 'First' } }, { value: 'again', label: { en: 'Again' } }] },
  ],
};

describe('survey translation files', () => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let outsider: Client;
  let surveyId: string;
  const path = () => `/api/v1/surveys/${surveyId}/translations`;
  const upload = (client: Client, type: string, body: string) => client.request('POST', path(), body, { 'content-type': type });

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Acme');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@acme.test');
    await buildUser(server.pool, org.orgId, 'viewer', 'viewer@acme.test');
    const other = await buildOrg(server.pool, 'Other');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other.test');
    [owner, viewer, outsider] = await Promise.all(['owner@acme.test', 'viewer@acme.test', 'owner@other.test'].map((e) => signIn(server.baseUrl, e)));
    const created = await owner.post('/api/v1/surveys', SURVEY);
    expect(created.status).toBe(201);
    surveyId = created.json.survey.id;
  });
  afterAll(async () => server?.close());

  it('exports XLIFF 2.0 for a target language, takes the edited file back and reports what is missing', async () => {
    const res = await owner.get(`${path()}?format=xliff&source=en&target=ru`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xliff\+xml/);
    expect(res.headers.get('content-disposition')).toContain('.xlf');
    expect(res.text).toContain('urn:oasis:names:tc:xliff:document:2.0');
    expect(res.text).toContain('srcLang="en"');
    expect(res.text).toContain('trgLang="ru"');
    expect(res.text).toMatch(/<unit id="title">\s*<segment>\s*<source>=Quick question<\/source>\s*<target>Короткий вопрос<\/target>/);
    expect(res.text).toMatch(/<unit id="q.visit.options.again">\s*<segment>\s*<source>Again<\/source>\s*<\/segment>/);

    // A translator fills in two targets.
    const edited = res.text
      .replace('<source>Would you recommend us?</source>', '<source>Would you recommend us?</source><target>Посоветуете нас?</target>')
      .replace('<source>Again</source>', '<source>Again</source><target>Снова &amp; снова</target>');
    const imported = await upload(owner, 'application/xliff+xml', edited);
    expect(imported.status, imported.text).toBe(200);
    expect(imported.json.updated).toBe(2);
    // ru still lacks: thanks, visit text, option "first"; fa lacks everything (7 units).
    expect(imported.json.missing).toEqual([
      { key: 'title', lang: 'fa' },
      { key: 'thanks', lang: 'ru' }, { key: 'thanks', lang: 'fa' },
      { key: 'q.recommend.text', lang: 'fa' },
      { key: 'q.visit.text', lang: 'ru' }, { key: 'q.visit.text', lang: 'fa' },
      { key: 'q.visit.options.first', lang: 'ru' }, { key: 'q.visit.options.first', lang: 'fa' },
      { key: 'q.visit.options.again', lang: 'fa' },
    ]);
    const survey = (await owner.get(`/api/v1/surveys/${surveyId}`)).json.survey;
    expect(survey.questions[0].text).toEqual({ en: 'Would you recommend us?', ru: 'Посоветуете нас?' });
    expect(survey.questions[1].options[1].label).toEqual({ en: 'Again', ru: 'Снова & снова' });
    expect(survey).toMatchObject({ responseLimit: 300, quotas: [SURVEY.quotas[0]] });
    const audit = await server.pool.query(`select action from audit_log where target_id = $1 order by created_at desc limit 1`, [surveyId]);
    expect(audit.rows[0]?.action).toBe('survey.update');
  });

  it('exports a formula-safe CSV with a BOM and one column per language, and imports it back', async () => {
    const res = await owner.getBytes(`${path()}?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('"key","en","ru","fa"');
    expect(lines[1]).toBe(`"title","'=Quick question","Короткий вопрос",""`);

    // Unchanged, the file changes nothing: the apostrophe that kept the formula out is not stored.
    const same = await upload(owner, 'text/csv', text);
    expect(same.status, same.text).toBe(200);
    expect(same.json.updated).toBe(0);

    const edited = text
      .replace(`"title","'=Quick question","Короткий вопрос",""`, `"title","'=Quick question","Короткий вопрос","پرسش کوتاه"`)
      .replace('"thanks","Thanks!","",""', '"thanks","Thanks!","Спасибо!","ممنون"');
    const imported = await upload(owner, 'text/csv', edited);
    expect(imported.status, imported.text).toBe(200);
    expect(imported.json.updated).toBe(3);
    const survey = (await owner.get(`/api/v1/surveys/${surveyId}`)).json.survey;
    expect(survey.title).toEqual({ en: '=Quick question', ru: 'Короткий вопрос', fa: 'پرسش کوتاه' });
    expect(survey.thanks).toEqual({ en: 'Thanks!', ru: 'Спасибо!', fa: 'ممنون' });
  });

  it('refuses unknown keys and languages with a 400 naming them, writing nothing', async () => {
    const before = (await owner.get(`/api/v1/surveys/${surveyId}`)).json.survey;
    const res = await upload(owner, 'text/csv', 'key,en,ru\r\nq.visit.text,Visit,Визит\r\nq.nope.text,Nope,Нет\r\n');
    expect(res.status).toBe(400);
    expect(res.json.message).toContain('q.nope.text');
    expect(res.json.details.unknownKeys).toEqual(['q.nope.text']);
    const lang = await upload(owner, 'text/csv', 'key,en,de\r\nq.visit.text,Visit,Besuch\r\n');
    expect(lang.status).toBe(400);
    expect(lang.json.details.unknownLanguages).toEqual(['de']);
    expect(lang.json.message).toContain('de');
    const xliff = await upload(owner, 'application/xliff+xml', '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="q.ghost.text"><segment><source>a</source><target>б</target></segment></unit></file></xliff>');
    expect(xliff.status).toBe(400);
    expect(xliff.json.details.unknownKeys).toEqual(['q.ghost.text']);
    expect((await owner.get(`/api/v1/surveys/${surveyId}`)).json.survey).toEqual(before);
  });

  it('refuses a file that is not XLIFF or CSV', async () => {
    expect((await upload(owner, 'application/xliff+xml', '<html><body>no</body></html>')).status).toBe(400);
    expect((await upload(owner, 'application/xliff+xml', 'not xml at all <')).status).toBe(400);
    expect((await upload(owner, 'text/csv', 'name,en\r\ntitle,x\r\n')).status).toBe(400);
    expect((await owner.get(`${path()}?format=xliff&target=de`)).status).toBe(400);
  });

  it('needs a session, the edit permission and the own organisation', async () => {
    const anonymous = new Client(server.baseUrl);
    expect((await anonymous.get(`${path()}?format=csv`)).status).toBe(401);
    expect((await upload(anonymous, 'text/csv', 'key,ru\r\ntitle,x\r\n')).status).toBe(401);
    expect((await viewer.get(`${path()}?format=csv`)).status).toBe(403);
    expect((await upload(viewer, 'text/csv', 'key,ru\r\ntitle,x\r\n')).status).toBe(403);
    expect((await outsider.get(`${path()}?format=csv`)).status).toBe(404);
    expect((await upload(outsider, 'text/csv', 'key,ru\r\ntitle,x\r\n')).status).toBe(404);
  });
});
