import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { decodeQrPdf, decodeQrSvg } from '../helpers/qr.ts';

const TEMPLATE_KEYS = ['nps_relational', 'csat_post_purchase', 'ces_post_support', 'csi_store_visit', 'enps_employee', 'staff_pulse'];

describe('survey builder API', () => {
  let server: TestServer;
  let owner: Client;
  let analyst: Client;
  let manager: Client;
  let viewer: Client;
  let outsider: Client;
  let orgId: string;
  let store: { id: string; path: string };
  let otherStore: { id: string; path: string };
  let foreignLocationId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Acme');
    orgId = org.orgId;
    const region = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
    store = await buildLocation(server.pool, orgId, region, 'store', 'Tom & "Jerry" <Main>');
    otherStore = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'South store');
    await server.pool.query(`update locations set code = 'S-01' where org_id = $1 and id = $2`, [orgId, store.id]);
    await buildUser(server.pool, orgId, 'owner', 'owner@acme.test');
    await buildUser(server.pool, orgId, 'analyst', 'analyst@acme.test');
    await buildUser(server.pool, orgId, 'location_manager', 'manager@acme.test', [region.id]);
    await buildUser(server.pool, orgId, 'viewer', 'viewer@acme.test');
    const other = await buildOrg(server.pool, 'Other');
    foreignLocationId = other.rootLocationId;
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other.test');
    [owner, analyst, manager, viewer, outsider] = await Promise.all(
      ['owner@acme.test', 'analyst@acme.test', 'manager@acme.test', 'viewer@acme.test', 'owner@other.test'].map((e) => signIn(server.baseUrl, e)),
    );
  });
  afterAll(async () => server?.close());

  it('lists the six templates with their surveys', async () => {
    const res = await viewer.get('/api/v1/survey-templates');
    expect(res.status).toBe(200);
    expect(res.json.templates.map((t: { key: string }) => t.key)).toEqual(TEMPLATE_KEYS);
    expect(res.json.templates[0].name.fa).toBeTruthy();
  });

  it('creates a draft from each template', async () => {
    for (const key of TEMPLATE_KEYS) {
      const res = await analyst.post('/api/v1/surveys', { template: key });
      expect(res.status, key).toBe(201);
      const { survey, warnings } = res.json;
      expect(survey).toMatchObject({ status: 'draft', version: 1, template: key, languages: ['en', 'ru', 'fa'] });
      expect(survey.slug).toMatch(/^[a-z0-9-]{3,60}$/);
      expect(survey.questions.length).toBeGreaterThan(2);
      expect(survey.questions.every((q: { id: string; addedInVersion: number }) => q.id && q.addedInVersion === 1)).toBe(true);
      expect(warnings.includes('long_survey')).toBe(key === 'csi_store_visit');
    }
    const audit = await server.pool.query(`select count(*)::int as n from audit_log where org_id = $1 and action = 'survey.create'`, [orgId]);
    expect(audit.rows[0].n).toBe(TEMPLATE_KEYS.length);
  });

  it('creates from scratch, generates slugs and refuses a taken slug with 409', async () => {
    const blank = await owner.post('/api/v1/surveys', { name: 'Quick pulse' });
    expect(blank.status).toBe(201);
    expect(blank.json.survey).toMatchObject({ name: 'Quick pulse', questions: [], title: { en: 'Quick pulse' } });
    expect(blank.json.survey.slug).toMatch(/^quick-pulse-[a-z0-9]+$/);
    const first = await owner.post('/api/v1/surveys', { template: 'nps_relational', slug: 'acme-nps' });
    expect(first.status).toBe(201);
    expect(first.json.survey.slug).toBe('acme-nps');
    const clash = await outsider.post('/api/v1/surveys', { name: 'Mine', slug: 'acme-nps' });
    expect(clash.status).toBe(409);
    expect(clash.json.message).toMatch(/^slug: /);
  });

  it('validates a full SurveyInput and names the field', async () => {
    const res = await owner.post('/api/v1/surveys', {
      name: 'Bad',
      title: { en: 'Bad' },
      questions: [{ key: 'q1', type: 'rating', metric: 'csat', text: { en: 'Rate' }, scale: { min: 1, max: 12 } }],
    });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('questions.0.scale.max: must be between 3 and 10');
  });

  it('enforces roles and hides other organisations\' surveys', async () => {
    const created = await owner.post('/api/v1/surveys', { template: 'csat_post_purchase' });
    const id = created.json.survey.id;
    expect((await viewer.post('/api/v1/surveys', { template: 'nps_relational' })).status).toBe(403);
    expect((await viewer.put(`/api/v1/surveys/${id}`, created.json.survey)).status).toBe(403);
    expect((await manager.post(`/api/v1/surveys/${id}/status`, { status: 'live' })).status).toBe(403);
    const read = await manager.get(`/api/v1/surveys/${id}`);
    expect(read.status).toBe(200);
    expect(read.json.publicUrl).toBe(`${server.baseUrl}/s/${created.json.survey.slug}`);
    expect((await outsider.get(`/api/v1/surveys/${id}`)).status).toBe(404);
    expect((await outsider.put(`/api/v1/surveys/${id}`, created.json.survey)).status).toBe(404);
    expect((await outsider.get(`/api/v1/surveys/${id}/links`)).status).toBe(404);
    expect((await owner.get('/api/v1/surveys/not-a-uuid')).status).toBe(404);
    // 36 characters of hex digits and dashes that PostgreSQL cannot read as a uuid: still a 404, never a 500.
    const malformed = '-'.repeat(36);
    expect((await owner.get(`/api/v1/surveys/${malformed}`)).status).toBe(404);
    expect((await owner.put(`/api/v1/surveys/${malformed}`, created.json.survey)).status).toBe(404);
    expect((await owner.get(`/api/v1/surveys/${id}/poster.svg?location=${malformed}`)).status).toBe(404);
  });

  it('edits a draft freely, then versions edits once live', async () => {
    const created = await owner.post('/api/v1/surveys', { template: 'nps_relational' });
    const { id } = created.json.survey;
    const draft = structuredClone(created.json.survey);
    // Draft: even the type of a question may change.
    draft.questions[2] = { ...draft.questions[2], type: 'multi' };
    const edited = await owner.put(`/api/v1/surveys/${id}`, draft);
    expect(edited.status).toBe(200);
    expect(edited.json.survey.questions[2].type).toBe('multi');
    expect(edited.json.survey.version).toBe(1);

    const live = await owner.post(`/api/v1/surveys/${id}/status`, { status: 'live' });
    expect(live.status).toBe(200);
    expect(live.json.survey.status).toBe('live');

    // Text edits stay in version 1.
    const v1 = structuredClone(edited.json.survey);
    v1.questions[0].text.en = 'Would you recommend Acme to a friend?';
    const texts = await owner.put(`/api/v1/surveys/${id}`, v1);
    expect(texts.status).toBe(200);
    expect(texts.json.survey.version).toBe(1);
    expect(texts.json.survey.questions[0]).toMatchObject({ id: v1.questions[0].id, text: { en: 'Would you recommend Acme to a friend?' } });

    // Appending a question creates version 2.
    const v2 = structuredClone(texts.json.survey);
    v2.questions.push({ key: 'visit_again', type: 'rating', metric: 'csat', text: { en: 'Will you come back?', ru: 'Вернётесь?', fa: 'برمی‌گردید؟' }, scale: { min: 1, max: 5 } });
    const appended = await owner.put(`/api/v1/surveys/${id}`, v2);
    expect(appended.status).toBe(200);
    expect(appended.json.survey.version).toBe(2);
    expect(appended.json.survey.questions.at(-1)).toMatchObject({ key: 'visit_again', addedInVersion: 2, archivedInVersion: null, boxMin: 4 });

    // Changing the type of an existing question is refused.
    const bad = structuredClone(appended.json.survey);
    bad.questions[0] = { ...bad.questions[0], type: 'rating', metric: 'csat', scale: { min: 1, max: 5 } };
    const refused = await owner.put(`/api/v1/surveys/${id}`, bad);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toBe('conflict');
    expect(refused.json.message).toMatch(/add a new question/i);

    // Removing a question archives it (version 3); it stays in the definition.
    const v3 = structuredClone(appended.json.survey);
    const removed = v3.questions.splice(2, 1)[0];
    const archived = await owner.put(`/api/v1/surveys/${id}`, v3);
    expect(archived.status).toBe(200);
    expect(archived.json.survey.version).toBe(3);
    const kept = archived.json.survey.questions.find((q: { key: string }) => q.key === removed.key);
    expect(kept).toMatchObject({ id: removed.id, archivedInVersion: 3 });

    // Sending the definition back as read (archived entry included) changes nothing.
    const again = await owner.put(`/api/v1/surveys/${id}`, archived.json.survey);
    expect(again.json.survey.version).toBe(3);
    expect(again.json.survey.questions.find((q: { key: string }) => q.key === removed.key).archivedInVersion).toBe(3);

    const audit = await server.pool.query(`select detail from audit_log where org_id = $1 and target_id = $2 and action = 'survey.update' order by id`, [orgId, id]);
    expect(audit.rows.map((r) => r.detail.version)).toEqual([1, 1, 2, 3, 3]);
  });

  it('lists surveys with response counts in the caller\'s scope', async () => {
    const created = await owner.post('/api/v1/surveys', { template: 'ces_post_support' });
    const { id } = created.json.survey;
    for (const [loc, key] of [[store.id, 'a'], [otherStore.id, 'b'], [store.id, 'c']]) {
      await server.pool.query(
        `insert into responses(org_id, survey_id, location_id, language, idempotency_key, survey_version) values ($1, $2, $3, 'en', $4, 1)`,
        [orgId, id, loc, key],
      );
    }
    const all = (await owner.get('/api/v1/surveys')).json.surveys.find((s: { id: string }) => s.id === id);
    expect(all).toMatchObject({ responseCount: 3, questionCount: 4, status: 'draft' });
    expect(Date.parse(all.lastResponseAt)).not.toBeNaN();
    const scoped = (await manager.get('/api/v1/surveys')).json.surveys.find((s: { id: string }) => s.id === id);
    expect(scoped.responseCount).toBe(2);
    expect((await outsider.get('/api/v1/surveys')).json.surveys.some((s: { id: string }) => s.id === id)).toBe(false);
    // With answers, even a draft follows the live rules.
    const change = structuredClone(created.json.survey);
    change.questions[0] = { ...change.questions[0], scale: { min: 1, max: 5 }, boxMin: 4 };
    expect((await owner.put(`/api/v1/surveys/${id}`, change)).status).toBe(409);
  });

  it('gives a public link per location in the caller\'s scope', async () => {
    const { id, slug } = (await owner.post('/api/v1/surveys', { template: 'csi_store_visit' })).json.survey;
    const links = (await owner.get(`/api/v1/surveys/${id}/links`)).json.links;
    expect(links[0]).toEqual({ locationId: null, locationName: null, code: null, url: `${server.baseUrl}/s/${slug}` });
    expect(links.find((l: { locationId: string }) => l.locationId === store.id)).toEqual({
      locationId: store.id,
      locationName: 'Tom & "Jerry" <Main>',
      code: 'S-01',
      url: `${server.baseUrl}/s/${slug}?loc=S-01`,
    });
    expect(links.find((l: { locationId: string }) => l.locationId === otherStore.id).url).toBe(`${server.baseUrl}/s/${slug}?loc=${otherStore.id}`);
    const scoped = (await manager.get(`/api/v1/surveys/${id}/links`)).json.links;
    expect(scoped.map((l: { locationName: string }) => l.locationName)).toEqual(['North', 'Tom & "Jerry" <Main>']);
  });

  it('renders QR posters as SVG and PDF', async () => {
    const { id, slug } = (await owner.post('/api/v1/surveys', { template: 'csat_post_purchase' })).json.survey;
    const svg = await owner.get(`/api/v1/surveys/${id}/poster.svg?location=${store.id}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.text).toContain('Tom &amp; &quot;Jerry&quot; &lt;Main&gt;');
    expect(svg.text).not.toContain('<Main>');
    expect(svg.text).toMatch(/<path class="qr"[^>]* d="M\d+ \d+h\d+v1h-\d+z/);
    expect(svg.text).toContain(`/s/${slug}?loc=S-01`);
    expect(svg.text).toContain('How was your purchase?');
    // The code a phone reads off the printed poster opens this location's link, marked as a QR answer.
    const qrLink = `${server.baseUrl}/s/${slug}?loc=S-01&channel=qr`;
    expect(await decodeQrSvg(svg.text)).toBe(qrLink);

    const fa = await manager.get(`/api/v1/surveys/${id}/poster.svg?location=${store.id}&lang=fa`);
    expect(fa.status).toBe(200);
    expect(fa.text).toContain('direction="rtl"');
    expect(fa.text).toContain('خرید شما چطور بود؟');

    const pdf = await owner.request('GET', `/api/v1/surveys/${id}/poster.pdf?location=${store.id}&lang=ru`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    expect(decodeQrPdf((await owner.getBytes(`/api/v1/surveys/${id}/poster.pdf?location=${store.id}&lang=ru`)).body)).toBe(qrLink);

    expect((await owner.get(`/api/v1/surveys/${id}/poster.svg?location=${foreignLocationId}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/surveys/${id}/poster.svg?location=${otherStore.id}`)).status).toBe(404);
    expect((await manager.get(`/api/v1/surveys/${id}/poster.svg`)).status).toBe(400);
  });

  it('refuses to go live without questions and back to draft once answered', async () => {
    const blank = (await owner.post('/api/v1/surveys', { name: 'Empty' })).json.survey;
    const res = await owner.post(`/api/v1/surveys/${blank.id}/status`, { status: 'live' });
    expect(res.status).toBe(400);
    const s = (await owner.post('/api/v1/surveys', { template: 'enps_employee' })).json.survey;
    expect((await owner.post(`/api/v1/surveys/${s.id}/status`, { status: 'live' })).status).toBe(200);
    await server.pool.query(`insert into responses(org_id, survey_id, language, idempotency_key, survey_version) values ($1, $2, 'en', 'k1', 1)`, [orgId, s.id]);
    expect((await owner.post(`/api/v1/surveys/${s.id}/status`, { status: 'closed' })).json.survey.status).toBe('closed');
    expect((await owner.post(`/api/v1/surveys/${s.id}/status`, { status: 'draft' })).status).toBe(409);
    expect((await owner.post(`/api/v1/surveys/${s.id}/status`, { status: 'paused' })).status).toBe(400);
  });
});
