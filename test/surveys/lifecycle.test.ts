/**
 * The survey lifecycle on real PostgreSQL: the author's preview, redirects from earlier slugs,
 * duplicate, archive / restore and delete (docs/api.md "Survey lifecycle").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupColumns, ROLLUP_LEVELS } from '../../src/db/rollups/levels.ts';
import { buildLocation, buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { expectRollupsMatchRawAnswers } from '../helpers/rollupOracle.ts';

let keyCounter = 0;
const newKey = () => `lifecycle-key-${process.pid}-${++keyCounter}`;

describe('survey lifecycle', () => {
  let server: TestServer;
  let owner: Client;
  let viewer: Client;
  let scopedAnalyst: Client;
  let outsider: Client;
  let anonymous: Client;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const org = await buildOrg(server.pool, 'Acme');
    orgId = org.orgId;
    const store = await buildLocation(server.pool, orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Main street');
    await server.pool.query(`update locations set code = 'S-01' where org_id = $1 and id = $2`, [orgId, store.id]);
    await buildUser(server.pool, orgId, 'owner', 'owner@acme.test');
    await buildUser(server.pool, orgId, 'viewer', 'viewer@acme.test');
    await buildUser(server.pool, orgId, 'analyst', 'scoped@acme.test', [store.id]);
    const other = await buildOrg(server.pool, 'Other');
    await buildUser(server.pool, other.orgId, 'owner', 'owner@other.test');
    [owner, viewer, outsider, scopedAnalyst] = await Promise.all(
      ['owner@acme.test', 'viewer@acme.test', 'owner@other.test', 'scoped@acme.test'].map((e) => signIn(server.baseUrl, e)),
    );
    anonymous = new Client(server.baseUrl);
  });
  afterAll(async () => server?.close());

  const count = async (table: 'responses' | 'answers', surveyId: string) =>
    (await server.pool.query(`select count(*)::int as n from ${table} where org_id = $1 and survey_id = $2`, [orgId, surveyId])).rows[0].n as number;

  /** An NPS survey from the template, with the given slug, published unless `draft`. */
  async function createSurvey(slug: string, opts: { draft?: boolean; name?: string } = {}) {
    const res = await owner.post('/api/v1/surveys', { template: 'nps_relational', slug, ...(opts.name ? { name: opts.name } : {}) });
    expect(res.status).toBe(201);
    const survey = res.json.survey;
    if (!opts.draft) expect((await owner.post(`/api/v1/surveys/${survey.id}/status`, { status: 'live' })).status).toBe(200);
    return survey as { id: string; slug: string; name: string; questions: Array<{ id: string; key: string; type: string; required: boolean }> };
  }

  /** Valid JSON answers for the NPS template: a score for every nps question. */
  const answersFor = (survey: { questions: Array<{ key: string; type: string }> }, score: number) =>
    Object.fromEntries(survey.questions.filter((q) => q.type === 'nps').map((q) => [`q_${q.key}`, score]));

  async function rename(surveyId: string, slug: string) {
    const current = (await owner.get(`/api/v1/surveys/${surveyId}`)).json.survey;
    return owner.put(`/api/v1/surveys/${surveyId}`, { ...current, slug });
  }

  describe('preview', () => {
    it('shows a draft to its organisation with a banner, and "Survey not found" to everyone else', async () => {
      const draft = await createSurvey('preview-draft', { draft: true });
      const page = await owner.get('/s/preview-draft?preview=1');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Preview — answers are not saved');
      expect(page.text).toContain('action="/s/preview-draft?preview=1"');
      expect((await viewer.get('/s/preview-draft?preview=1')).status).toBe(200);
      const ruPage = await owner.get('/s/preview-draft?preview=1&lang=ru');
      expect(ruPage.text).toContain('Предпросмотр — ответы не сохраняются');

      for (const [who, client] of [['anonymous', anonymous], ['another organisation', outsider]] as const) {
        const res = await client.get('/s/preview-draft?preview=1');
        expect(res.status, who).toBe(404);
        expect(res.text, who).toContain('Survey not found');
        const post = await client.request('POST', '/s/preview-draft?preview=1', { _k: newKey(), ...answersFor(draft, 9) });
        expect(post.status, who).toBe(404);
      }
      // Without ?preview=1 a draft stays unpublished, even for its author.
      expect((await owner.get('/s/preview-draft')).status).toBe(404);
    });

    it('validates preview submissions like real ones and stores nothing', async () => {
      const draft = await createSurvey('preview-submit', { draft: true });
      const ok = await owner.request('POST', '/s/preview-submit?preview=1', { _k: newKey(), _lang: 'en', ...answersFor(draft, 9) });
      expect(ok.status).toBe(200);
      expect(ok.json).toEqual({ ok: true, preview: true });
      const missing = await owner.request('POST', '/s/preview-submit?preview=1', { _k: newKey(), _lang: 'en' });
      expect(missing.status).toBe(400);
      const requiredKey = draft.questions.find((q) => q.required)!.key;
      expect(Object.keys(missing.json.errors)).toContain(requiredKey);
      // A no-JS form post is redirected (POST/redirect/GET) to the thank-you page, still with the banner.
      const form = await owner.request(
        'POST',
        '/s/preview-submit?preview=1',
        new URLSearchParams({ _k: newKey(), _lang: 'en', ...Object.fromEntries(Object.entries(answersFor(draft, 3)).map(([k, v]) => [k, String(v)])) }).toString(),
        { 'content-type': 'application/x-www-form-urlencoded' },
      );
      expect([form.status, form.headers.get('location')]).toEqual([303, '/s/preview-submit/thanks?lang=en&preview=1']);
      const thanks = await owner.get(form.headers.get('location')!);
      expect(thanks.status).toBe(200);
      expect(thanks.text).toContain('Thank you!');
      expect(thanks.text).toContain('Preview — answers are not saved');

      // After publishing, the preview still stores nothing; the real address does.
      expect((await owner.post(`/api/v1/surveys/${draft.id}/status`, { status: 'live' })).status).toBe(200);
      expect((await owner.request('POST', '/s/preview-submit?preview=1', { _k: newKey(), ...answersFor(draft, 10) })).status).toBe(200);
      expect(await count('responses', draft.id)).toBe(0);
      expect(await count('answers', draft.id)).toBe(0);
      expect((await anonymous.request('POST', '/s/preview-submit', { _k: newKey(), ...answersFor(draft, 10) })).status).toBe(200);
      expect(await count('responses', draft.id)).toBe(1);
    });
  });

  describe('earlier addresses', () => {
    it('redirect permanently to the current slug with the query kept, for page views and submissions', async () => {
      const survey = await createSurvey('visit-2026');
      expect((await rename(survey.id, 'visit-spring')).status).toBe(200);

      const page = await anonymous.get('/s/visit-2026?loc=S-01&channel=qr&order=A%26B');
      expect(page.status).toBe(301);
      expect(page.headers.get('location')).toBe('/s/visit-spring?loc=S-01&channel=qr&order=A%26B');

      const post = await anonymous.request('POST', '/s/visit-2026?loc=S-01', { _k: newKey(), ...answersFor(survey, 8) });
      expect(post.status).toBe(308);
      expect(post.headers.get('location')).toBe('/s/visit-spring?loc=S-01');
      // A browser re-sends the body to the new address (fetch follows 308 with the same method and body).
      const followed = await fetch(`${server.baseUrl}/s/visit-2026`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _k: newKey(), _loc: 'S-01', ...answersFor(survey, 8) }),
      });
      expect(followed.status).toBe(200);
      expect(await count('responses', survey.id)).toBe(1);

      // A second rename: every earlier address leads to the current one.
      expect((await rename(survey.id, 'visit-summer')).status).toBe(200);
      for (const old of ['visit-2026', 'visit-spring']) {
        const res = await anonymous.get(`/s/${old}?loc=S-01`);
        expect(res.status, old).toBe(301);
        expect(res.headers.get('location'), old).toBe('/s/visit-summer?loc=S-01');
      }
      const details = await owner.get(`/api/v1/surveys/${survey.id}`);
      expect(new Set(details.json.earlierSlugs)).toEqual(new Set(['visit-2026', 'visit-spring']));
    });

    it('keeps a redirecting slug from other surveys, and gives it back to its own survey', async () => {
      const survey = await createSurvey('autumn-poster');
      expect((await rename(survey.id, 'autumn-poster-v2')).status).toBe(200);
      const taken = await owner.post('/api/v1/surveys', { template: 'nps_relational', slug: 'autumn-poster' });
      expect(taken.status).toBe(409);
      expect(taken.json.message).toMatch(/^slug: /);
      const other = await createSurvey('autumn-other');
      const renamed = await rename(other.id, 'autumn-poster');
      expect(renamed.status).toBe(409);
      expect(renamed.json.details.field).toBe('slug');

      expect((await rename(survey.id, 'autumn-poster')).status).toBe(200);
      expect((await anonymous.get('/s/autumn-poster')).status).toBe(200);
      const back = await anonymous.get('/s/autumn-poster-v2');
      expect(back.status).toBe(301);
      expect(back.headers.get('location')).toBe('/s/autumn-poster');
    });

    it('does not keep the earlier address of a draft (it was never public)', async () => {
      const draft = await createSurvey('draft-address', { draft: true });
      expect((await rename(draft.id, 'draft-address-2')).status).toBe(200);
      expect((await anonymous.get('/s/draft-address')).status).toBe(404);
      expect((await owner.post('/api/v1/surveys', { name: 'Reuse', slug: 'draft-address' })).status).toBe(201);
    });
  });

  describe('duplicate, archive and delete', () => {
    it('duplicates as a draft named "(copy)" with a new slug and no answers', async () => {
      const source = await createSurvey('dup-source', { name: 'Branch visit' });
      await anonymous.request('POST', '/s/dup-source', { _k: newKey(), ...answersFor(source, 7) });
      const res = await owner.post(`/api/v1/surveys/${source.id}/duplicate`);
      expect(res.status).toBe(201);
      const copy = res.json.survey;
      expect(copy).toMatchObject({ name: 'Branch visit (copy)', status: 'draft', version: 1 });
      expect(copy.slug).not.toBe('dup-source');
      expect(copy.questions.map((q: { key: string }) => q.key)).toEqual(source.questions.map((q) => q.key));
      expect(await count('responses', copy.id)).toBe(0);
      expect((await viewer.post(`/api/v1/surveys/${source.id}/duplicate`)).status).toBe(403);
      expect((await outsider.post(`/api/v1/surveys/${source.id}/duplicate`)).status).toBe(404);
    });

    it('archives (closed, out of the list and the overview, answers kept) and restores', async () => {
      const survey = await createSurvey('to-archive');
      await anonymous.request('POST', '/s/to-archive', { _k: newKey(), ...answersFor(survey, 9) });
      expect((await viewer.post(`/api/v1/surveys/${survey.id}/archive`)).status).toBe(403);
      const archived = await owner.post(`/api/v1/surveys/${survey.id}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.json.survey.status).toBe('closed');
      expect(archived.json.archivedAt).toBeTruthy();
      const ids = async (query = '') => (await owner.get(`/api/v1/surveys${query}`)).json.surveys.map((s: { id: string }) => s.id);
      expect(await ids()).not.toContain(survey.id);
      expect(await ids('?archived=1')).toEqual([survey.id]);
      const overview = await owner.get('/api/v1/analytics/overview');
      expect(overview.status).toBe(200);
      expect(JSON.stringify(overview.json)).not.toContain(survey.id);
      expect((await anonymous.get('/s/to-archive')).status).toBe(410);
      expect(await count('responses', survey.id)).toBe(1);
      const reopen = await owner.post(`/api/v1/surveys/${survey.id}/status`, { status: 'live' });
      expect(reopen.status).toBe(409);
      expect(reopen.json.message).toBe('This survey is archived: restore it before publishing it again.');

      const restored = await owner.post(`/api/v1/surveys/${survey.id}/restore`);
      expect(restored.status).toBe(200);
      expect(restored.json).toMatchObject({ archivedAt: null, survey: { status: 'closed' } });
      expect(await ids()).toContain(survey.id);
      expect((await owner.post(`/api/v1/surveys/${survey.id}/status`, { status: 'live' })).status).toBe(200);
      const audit = await server.pool.query(`select action from audit_log where org_id = $1 and target_id = $2 order by id`, [orgId, survey.id]);
      expect(audit.rows.map((r) => r.action).slice(-3)).toEqual(['survey.archive', 'survey.restore', 'survey.publish']);
    });

    it('says "1 response" when one answer would go', async () => {
      const single = await createSurvey('delete-single');
      await anonymous.request('POST', '/s/delete-single', { _k: newKey(), ...answersFor(single, 9) });
      const asked = await owner.request('DELETE', `/api/v1/surveys/${single.id}`, {});
      expect(asked.status).toBe(409);
      expect(asked.json.message).toBe('confirm: this survey has 1 response; type its name to delete it with it');
    });

    it('deletes a survey without answers at once', async () => {
      const draft = await createSurvey('delete-empty', { draft: true });
      const res = await owner.delete(`/api/v1/surveys/${draft.id}`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ ok: true, deletedResponses: 0 });
      expect((await owner.get(`/api/v1/surveys/${draft.id}`)).status).toBe(404);
      expect((await owner.delete(`/api/v1/surveys/${draft.id}`)).status).toBe(404);
    });

    it('deletes a survey with answers only after its name is typed, with its rollups, leaving the others exact', async () => {
      const kept = await createSurvey('delete-kept');
      const doomed = await createSurvey('delete-doomed', { name: 'Old pulse' });
      for (const score of [2, 9, 10]) await anonymous.request('POST', '/s/delete-doomed?loc=S-01', { _k: newKey(), _loc: 'S-01', ...answersFor(doomed, score) });
      for (const score of [6, 10]) await anonymous.request('POST', '/s/delete-kept', { _k: newKey(), ...answersFor(kept, score) });
      expect((await rename(doomed.id, 'delete-doomed-2')).status).toBe(200);
      await server.app.rollupFolder.idle(orgId);
      // One more submission still queued for the fold when the delete runs.
      await anonymous.request('POST', '/s/delete-doomed-2', { _k: newKey(), ...answersFor(doomed, 5) });

      const asked = await owner.request('DELETE', `/api/v1/surveys/${doomed.id}`, {});
      expect(asked.status).toBe(409);
      expect(asked.json.details).toEqual({ field: 'confirm', responses: 4 });
      expect(asked.json.message).toContain('4 responses');
      const wrong = await owner.request('DELETE', `/api/v1/surveys/${doomed.id}`, { confirm: 'old pulse' });
      expect(wrong.status).toBe(400);
      expect(await count('responses', doomed.id)).toBe(4);
      expect((await viewer.request('DELETE', `/api/v1/surveys/${doomed.id}`, { confirm: 'Old pulse' })).status).toBe(403);
      // An analyst limited to one store may not delete answers of the whole organisation.
      const scoped = await scopedAnalyst.request('DELETE', `/api/v1/surveys/${doomed.id}`, { confirm: 'Old pulse' });
      expect(scoped.status).toBe(403);
      expect(scoped.json.message).toBe('Deleting a survey with answers needs access to the whole organisation');

      const done = await owner.request('DELETE', `/api/v1/surveys/${doomed.id}`, { confirm: 'Old pulse' });
      expect(done.status).toBe(200);
      expect(done.json).toEqual({ ok: true, deletedResponses: 4 });
      expect(await count('responses', doomed.id)).toBe(0);
      expect(await count('answers', doomed.id)).toBe(0);
      expect((await anonymous.get('/s/delete-doomed')).status).toBe(404);
      const audit = await server.pool.query(`select detail from audit_log where org_id = $1 and target_id = $2 and action = 'survey.delete'`, [orgId, doomed.id]);
      expect(audit.rows).toEqual([{ detail: { name: 'Old pulse', slug: 'delete-doomed-2', responses: 4 } }]);

      await server.app.rollupFolder.idle(orgId);
      const questionIds = doomed.questions.map((q) => q.id);
      for (const l of ROLLUP_LEVELS) {
        const column = groupColumns(l).includes('question_id') ? 'question_id' : 'survey_id';
        const { rows } = await server.pool.query(`select count(*)::int as n from ${l.table} where org_id = $1 and ${column}::text = any($2)`, [
          orgId,
          column === 'question_id' ? questionIds : [doomed.id],
        ]);
        expect(rows[0].n, l.table).toBe(0);
      }
      // The remaining rollups equal the raw answers that are left, counted in JavaScript.
      expect(await count('responses', kept.id)).toBe(2);
      await expectRollupsMatchRawAnswers(server.pool, orgId);
    });
  });
});
