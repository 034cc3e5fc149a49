/**
 * Staff survey anonymity through the API (docs/staff.md): a staff pulse answered in stores of 3, 4, 6 and 12
 * people under one region. No route returns an individual answer or a group under 5: every per-survey and
 * per-response route answers 403 staff_anonymous, org-wide feeds leave the survey out, and /staff/results
 * merges and hides by the rule (n and eNPS computed by hand below). Submissions keep no identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { buildLocation, buildOrg, buildUser, signIn, startTestServer, type Client, type TestServer } from '../helpers/app.ts';
import { loadResponseEvent } from '../../src/db/integrations/responseEvents.ts';
import { loadResponseFacts } from '../../src/db/alerts/sources.ts';

/** Per-answer routes that show no answers and stay open for staff surveys (src/server/staff/anonymityGate.ts). */
const OPEN = new Set([
  'GET /api/v1/surveys/:id', 'GET /api/v1/surveys/:id/links', 'GET /api/v1/surveys/:id/poster.svg', 'GET /api/v1/surveys/:id/poster.pdf',
  'GET /api/v1/surveys/:id/kiosks', 'GET /api/v1/surveys/:id/widget', 'GET /api/v1/surveys/:id/telegram',
]);

describe('staff survey anonymity', () => {
  let server: TestServer;
  let owner: Client;
  let orgId = '';
  let surveyId = '';
  let slug = '';
  const stores: Record<string, { id: string; path: string }> = {};
  let region: { id: string; path: string };
  const responseIds: string[] = [];
  const routes: Array<{ method: string; url: string }> = [];

  /** One employee's answers through the public page's JSON form, with identity the page must drop. */
  async function answer(storeId: string, enps: number, extra: Record<string, unknown> = {}) {
    const res = await fetch(`${server.baseUrl}/s/${slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        _k: crypto.randomUUID(), _loc: storeId, _lang: 'en', h_email: 'worker@staff.test', h_employee: 'E-17', _inv: 'some-invitation-token',
        q_recommend_employer: enps, q_customer_recommend: 8, ...extra,
      }),
    });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(200);
    responseIds.push(json.responseId);
  }

  beforeAll(async () => {
    server = await startTestServer({
      onRoute: (r) => {
        for (const method of [r.method].flat()) if (method !== 'HEAD' && r.url.startsWith('/api/v1')) routes.push({ method, url: r.url });
      },
    });
    const org = await buildOrg(server.pool, 'Staff Org');
    orgId = org.orgId;
    region = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'region', 'North');
    for (const name of ['A', 'B', 'C', 'D']) stores[name] = await buildLocation(server.pool, orgId, region, 'store', `Store ${name}`);
    await buildUser(server.pool, orgId, 'owner', 'owner@staff.test');
    await buildUser(server.pool, orgId, 'location_manager', 'manager-a@staff.test', [stores.A.id]);
    owner = await signIn(server.baseUrl, 'owner@staff.test');
    const made = await owner.post('/api/v1/surveys', { template: 'staff_pulse' });
    expect(made.status, made.text).toBe(201);
    expect(made.json.survey.audience).toBe('staff');
    surveyId = made.json.survey.id;
    slug = made.json.survey.slug;
    expect((await owner.post(`/api/v1/surveys/${surveyId}/status`, { status: 'live' })).status).toBe(200);
    // A: 3 people scoring 10; B: 4 people scoring 0; C: 10, 9, 9, 8, 3, 0; D: 6 x 10 and 6 x 7.
    for (let i = 0; i < 3; i++) await answer(stores.A.id, 10, { q_customer_satisfaction: 5 });
    for (let i = 0; i < 4; i++) await answer(stores.B.id, 0, { q_customer_satisfaction: 1 });
    for (const s of [10, 9, 9, 8, 3, 0]) await answer(stores.C.id, s, { q_customer_satisfaction: 4 });
    for (let i = 0; i < 12; i++) await answer(stores.D.id, i < 6 ? 10 : 7, { q_customer_satisfaction: i < 3 ? 5 : 2 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('merges 3 + 4 into the region and shows 6 and 12 on their own, with eNPS by hand', async () => {
    const res = await owner.get(`/api/v1/staff/results?survey=${surveyId}`);
    expect(res.status, res.text).toBe(200);
    const groups = [...res.json.groups].sort((a: any, b: any) => a.locationName.localeCompare(b.locationName)).map((g: any) => ({ name: g.locationName, n: g.n, merged: g.merged.map((m: any) => m.locationName).sort(), enps: g.enps.value }));
    // Groups follow the locations' path order (ids), so merged names are compared sorted.
    // North: A 3 x 10 + B 4 x 0 = 3 promoters, 4 detractors of 7: 100 * (3 - 4) / 7 = -14.29.
    // C: 3 promoters (10, 9, 9), 1 passive, 2 detractors of 6: 100 * 1 / 6 = 16.67. D: 6 promoters, 6 passives: 50.
    expect(groups).toEqual([
      { name: 'North', n: 7, merged: ['Store A', 'Store B'], enps: expect.closeTo(-14.2857, 3) },
      { name: 'Store C', n: 6, merged: [], enps: expect.closeTo(16.6667, 3) },
      { name: 'Store D', n: 12, merged: [], enps: 50 },
    ]);
    expect(res.json.hidden).toBe(false);
    // D's satisfaction estimate: 3 x 5 + 9 x 2 = 33 / 12 = 2.75; box (>= 4) 3 of 12 = 25%.
    const sat = res.json.groups.find((g: any) => g.locationName === 'Store D').questions.find((q: any) => q.key === 'customer_satisfaction');
    expect(sat).toMatchObject({ hidden: false, answered: 12, mean: 2.75, boxShare: 25 });
    // 25 people, nothing hidden: promoters 3 + 3 + 6 = 12, detractors 4 + 2 = 6: 100 * 6 / 25 = 24.
    expect(res.json.overall.enps.value).toBeCloseTo(24, 6);
  });

  it('hides a small store asked on its own, and never says its size', async () => {
    const res = await owner.get(`/api/v1/staff/results?survey=${surveyId}&location=${stores.A.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ groups: [], hidden: true, overall: null });
    const manager = await signIn(server.baseUrl, 'manager-a@staff.test');
    const own = await manager.get(`/api/v1/staff/results?survey=${surveyId}`);
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ groups: [], hidden: true, overall: null });
    expect(own.text).not.toMatch(/"n":3\b/);
    // Store C alone gives the same group as in the whole region.
    const c = await owner.get(`/api/v1/staff/results?survey=${surveyId}&location=${stores.C.id}`);
    expect(c.json.groups.map((g: any) => [g.locationName, g.n])).toEqual([['Store C', 6]]);
    // A location outside the manager's scope is refused.
    const other = await manager.get(`/api/v1/staff/results?survey=${surveyId}&location=${stores.C.id}`);
    expect(other.status).toBe(400);
    expect(other.json.message).toMatch(/^location:/);
  });

  it('refuses a customer survey and names the field', async () => {
    const made = await owner.post('/api/v1/surveys', { template: 'nps_relational' });
    const res = await owner.get(`/api/v1/staff/results?survey=${made.json.survey.id}`);
    expect(res.status).toBe(400);
    expect(res.json.message).toBe('survey: not a staff survey');
  });

  it('answers 403 staff_anonymous on every per-survey and per-response route that could show answers', async () => {
    const responseId = responseIds[0];
    const questionId = (await server.pool.query(`select id from questions where survey_id = $1 and type = 'nps' limit 1`, [surveyId])).rows[0].id;
    const surveyRoutes = routes.filter((r) => r.url.startsWith('/api/v1/surveys/:id/') || r.url === '/api/v1/surveys/:id');
    const responseRoutes = routes.filter((r) => r.url.startsWith('/api/v1/responses/:id') || r.url.startsWith('/api/v1/text/comments/:responseId'));
    expect(surveyRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/surveys/:id/responses', 'GET /api/v1/surveys/:id/responses.csv', 'GET /api/v1/surveys/:id/comments',
        'GET /api/v1/surveys/:id/analytics/breakdown', 'GET /api/v1/surveys/:id/text/comments']),
    );
    expect(responseRoutes.length).toBeGreaterThanOrEqual(3);
    const walked: string[] = [];
    for (const r of [...surveyRoutes.filter((x) => x.method === 'GET'), ...responseRoutes]) {
      const key = `${r.method} ${r.url}`;
      const path = r.url.replace(':id', r.url.startsWith('/api/v1/surveys') ? surveyId : responseId)
        .replace(':responseId', responseId).replace(':questionId', questionId);
      const res = await owner.request(r.method, `${path}${r.method === 'GET' ? '?from=2020-01-01' : ''}`, r.method === 'GET' ? undefined : {});
      // No route, open or not, ever carries an answer's id.
      for (const id of responseIds) expect(res.text, key).not.toContain(id);
      if (OPEN.has(key)) {
        expect(res.status, key).not.toBe(403);
        continue;
      }
      expect([res.status, res.json?.error], key).toEqual([403, 'staff_anonymous']);
      expect(res.json.message, key).toContain('/api/v1/staff/results');
      walked.push(key);
    }
    expect(walked.length).toBeGreaterThanOrEqual(15);
    // Writes that list or exclude answers are refused too.
    const bulk = await owner.post(`/api/v1/surveys/${surveyId}/quality/exclude`, { responseIds: [responseId] });
    expect(bulk.json?.error).toBe('staff_anonymous');
  });

  it('leaves the staff survey out of org-wide feeds: overview, webhooks, alerts and cases', async () => {
    const overview = await owner.get('/api/v1/analytics/overview');
    expect(overview.status, overview.text).toBe(200);
    expect(overview.json.surveys.map((s: { surveyId: string }) => s.surveyId)).not.toContain(surveyId);
    // Webhook payloads and alert evaluation (which opens cases) read a response through these loaders: none for staff answers.
    expect(await loadResponseEvent(server.pool, orgId, responseIds[0])).toBeNull();
    expect(await loadResponseFacts(server.pool, orgId, responseIds[0])).toBeNull();
  });

  it('stores no identity with a staff answer', async () => {
    const { rows } = await server.pool.query(
      `select hidden, contact_key, contact_id, invitation_id, location_id from responses where survey_id = $1`,
      [surveyId],
    );
    expect(rows).toHaveLength(25);
    for (const r of rows) {
      expect(r).toMatchObject({ hidden: {}, contact_key: null, contact_id: null, invitation_id: null });
      expect(r.location_id).toBeTruthy();
    }
  });

  it('refuses invitations and a contact policy for a staff survey', async () => {
    const wave = await owner.post('/api/v1/waves', { surveyId, channel: 'email', audience: {} });
    expect(wave.status).toBe(400);
    expect(wave.json.message).toMatch(/^surveyId: a staff survey takes no invitations/);
    const policy = await owner.put(`/api/v1/surveys/${surveyId}/contact-policy`, {});
    expect(policy.status).toBe(400);
    expect(policy.json.message).toMatch(/^survey: a staff survey takes no invitations/);
  });

  it('shows the anonymity rule on the survey page whatever the intro says', async () => {
    for (const [lang, text] of [['en', 'This survey is anonymous'], ['ru', 'Опрос анонимный'], ['fa', 'این نظرسنجی ناشناس است']]) {
      const res = await fetch(`${server.baseUrl}/s/${slug}?lang=${lang}`);
      const page = await res.text();
      expect(page, lang).toContain(text);
      expect(page).not.toContain('name="h_');
    }
  });

  it('validates staff roles and the audience with clear 400s', async () => {
    const base = { name: 'Roles', title: { en: 'Roles' }, questions: [{ key: 'team', type: 'single', text: { en: 'Team' }, staffRole: 'team', options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }] }] };
    const customers = await owner.post('/api/v1/surveys', base);
    expect(customers.status).toBe(400);
    expect(customers.json.message).toBe('questions.0.staffRole: only questions of staff surveys have a staff role');
    const wrong = await owner.post('/api/v1/surveys', { ...base, audience: 'staff', questions: [{ ...base.questions[0], staffRole: 'expected_nps' }] });
    expect(wrong.status).toBe(400);
    expect(wrong.json.message).toMatch(/expected_nps needs an NPS/);
    const ok = await owner.post('/api/v1/surveys', { ...base, audience: 'staff' });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.survey.questions[0].staffRole).toBe('team');
    // The stored audience stays when an update leaves it out, and duplicates keep it.
    const put = await owner.put(`/api/v1/surveys/${ok.json.survey.id}`, base);
    expect(put.status, put.text).toBe(200);
    expect(put.json.survey.audience).toBe('staff');
    const copy = await owner.post(`/api/v1/surveys/${ok.json.survey.id}/duplicate`);
    expect(copy.json.survey).toMatchObject({ audience: 'staff', questions: [{ staffRole: 'team' }] });
    // Once answered, the audience is fixed.
    const stored = (await owner.get(`/api/v1/surveys/${surveyId}`)).json.survey;
    const frozen = await owner.put(`/api/v1/surveys/${surveyId}`, {
      name: stored.name, title: stored.title, languages: stored.languages, audience: 'customers',
      questions: stored.questions.map(({ staffRole: _role, ...q }: { staffRole?: string }) => q),
    });
    expect(frozen.status).toBe(400);
    expect(frozen.json.message).toBe('audience: the audience cannot change once the survey has answers');
    const list = await owner.get('/api/v1/surveys');
    expect(list.json.surveys.find((s: { id: string }) => s.id === surveyId).audience).toBe('staff');
  });

  it('reads a period as days of the organisation\'s calendar (Pacific/Auckland), not UTC days', async () => {
    // Last test of the file: it moves Store D's 12 answers to 22:00 UTC on 10 March 2026, which is
    // 11:00 on 11 March in Auckland (UTC+13 until 5 April).
    await server.pool.query(`update orgs set timezone = 'Pacific/Auckland' where id = $1`, [orgId]);
    await server.pool.query(`update responses set submitted_at = '2026-03-10T22:00:00Z' where org_id = $1 and location_id = $2`, [orgId, stores.D.id]);
    const day = async (d: string) => (await owner.get(`/api/v1/staff/results?survey=${surveyId}&location=${stores.D.id}&from=${d}&to=${d}`)).json;
    expect((await day('2026-03-11')).groups.map((g: any) => [g.locationName, g.n])).toEqual([['Store D', 12]]);
    expect(await day('2026-03-10')).toMatchObject({ groups: [], overall: null });
  });
});
