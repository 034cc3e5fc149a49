/**
 * The shared links API (docs/sharing.md): create (the address once, only the token's hash stored), list, read,
 * revoke; who may share (link.share) and see whose links; a sharer limited to a store cannot share another store;
 * 401 without a session; validation.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildAnalyticsOrg, seedSurvey } from '../analytics/seed.ts';

describe('shared links API', () => {
  let server: TestServer;
  let owner: Client;
  let analyst: Client;
  let storeAnalyst: Client;
  let manager: Client;
  let otherOwner: Client;
  let surveyId = '';
  let otherSurveyId = '';
  const loc: Record<string, string> = {};
  const definition = () => ({ surveyId, sections: ['kpis', 'breakdown'], period: { from: '2026-01-01', to: '2026-01-31' } });

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'https://voc.example' });
    const { pool } = server;
    const org = await buildAnalyticsOrg(pool, 'Links Org');
    loc.A = (await buildLocation(pool, org.orgId, org.root, 'store', 'Store A')).id;
    loc.B = (await buildLocation(pool, org.orgId, org.root, 'store', 'Store B')).id;
    await buildUser(pool, org.orgId, 'owner', 'owner@links.test');
    await buildUser(pool, org.orgId, 'analyst', 'analyst@links.test');
    await buildUser(pool, org.orgId, 'analyst', 'store-analyst@links.test', [loc.A]);
    await buildUser(pool, org.orgId, 'location_manager', 'lm@links.test', [loc.A]);
    surveyId = (await seedSurvey(pool, org.orgId, [{ key: 'nps', type: 'nps', required: true }])).surveyId;
    const other = await buildAnalyticsOrg(pool, 'Other Org');
    await buildUser(pool, other.orgId, 'owner', 'owner@other.test');
    otherSurveyId = (await seedSurvey(pool, other.orgId, [{ key: 'nps', type: 'nps' }])).surveyId;
    [owner, analyst, storeAnalyst, manager, otherOwner] = await Promise.all(
      ['owner@links.test', 'analyst@links.test', 'store-analyst@links.test', 'lm@links.test', 'owner@other.test'].map((e) => signIn(server.baseUrl, e)),
    );
  });
  afterAll(async () => server?.close());

  it('answers 401 without a session on every shared-links route', async () => {
    const anonymous = new Client(server.baseUrl);
    const id = crypto.randomUUID();
    for (const [method, path] of [['GET', '/api/v1/shared-links'], ['POST', '/api/v1/shared-links'], ['GET', `/api/v1/shared-links/${id}`], ['POST', `/api/v1/shared-links/${id}/revoke`]]) {
      const res = await anonymous.request(method, path, method === 'POST' ? { title: 'x', definition: definition() } : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('creates a link: the address once, a 43-character token whose hash alone is stored, then lists, reads and revokes it', async () => {
    const res = await analyst.post('/api/v1/shared-links', {
      title: 'January for the board', definition: definition(), includeComments: true, lang: 'ru', password: 'board-2026', embedOrigins: ['https://Intranet.example'],
    });
    expect(res.status).toBe(201);
    const token = /^https:\/\/voc\.example\/p\/([A-Za-z0-9_-]+)$/.exec(res.json.url)?.[1];
    expect(token).toHaveLength(43); // 32 random bytes, base64url
    expect(res.json.embedUrl).toBe(`${res.json.url}/embed`);
    expect(res.json.embedHtml).toBe(`<iframe src="${res.json.url}/embed" title="January for the board" width="100%" height="800" style="border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`);
    const link = res.json.link;
    expect(link).toMatchObject({
      title: 'January for the board', kind: 'view', surveyId, lang: 'ru', includeComments: true, hasPassword: true, embedOrigins: ['https://intranet.example'],
      status: 'active', viewCount: 0, revokedAt: null, expiresAt: null, createdBy: { name: 'analyst@links.test' },
    });
    expect(JSON.stringify(res.json.link)).not.toContain(token!);

    const { rows } = await server.pool.query(`select token_hash, password_hash, definition::text as def from shared_links where id = $1`, [link.id]);
    expect(rows[0].token_hash).toBe(crypto.createHash('sha256').update(token!).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(token!);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].def).not.toContain('board-2026');

    expect((await analyst.get('/api/v1/shared-links')).json.links.map((l: any) => l.id)).toEqual([link.id]);
    expect((await analyst.get(`/api/v1/shared-links/${link.id}`)).json.link.id).toBe(link.id);
    const revoked = await analyst.post(`/api/v1/shared-links/${link.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.link.status).toBe('revoked');
    expect(revoked.json.link.revokedAt).not.toBeNull();
    // Revoked links leave the default list and stay in the full one.
    expect((await analyst.get('/api/v1/shared-links')).json.links).toEqual([]);
    expect((await analyst.get('/api/v1/shared-links?all=true')).json.links.map((l: any) => [l.id, l.status])).toEqual([[link.id, 'revoked']]);
    // The audit log has both events, with no token or password in them.
    const audit = await server.pool.query(`select action, target_label, detail as details from audit_log where target_type = 'shared_link' and target_id = $1 order by id`, [link.id]);
    expect(audit.rows.map((r) => [r.action, r.target_label])).toEqual([['link.create', 'January for the board'], ['link.revoke', 'January for the board']]);
    expect(audit.rows[0].details).toMatchObject({ password: true, includeComments: true });
    expect(JSON.stringify(audit.rows)).not.toContain(token!);
    expect(JSON.stringify(audit.rows)).not.toContain('board-2026');
  });

  it('shows each sharer their own links, and owners every link; others get 404 for a link not theirs', async () => {
    const mine = (await storeAnalyst.post('/api/v1/shared-links', { title: 'Store A', definition: definition() })).json.link.id;
    const theirs = (await analyst.post('/api/v1/shared-links', { title: 'Everything', definition: definition() })).json.link.id;
    expect((await storeAnalyst.get('/api/v1/shared-links')).json.links.map((l: any) => l.id)).toEqual([mine]);
    expect((await storeAnalyst.get(`/api/v1/shared-links/${theirs}`)).status).toBe(404);
    expect((await storeAnalyst.post(`/api/v1/shared-links/${theirs}/revoke`)).status).toBe(404);
    expect((await owner.get('/api/v1/shared-links')).json.links.map((l: any) => l.id)).toEqual(expect.arrayContaining([mine, theirs]));
    expect((await owner.post(`/api/v1/shared-links/${mine}/revoke`)).json.link.status).toBe('revoked');
    // Another organisation's owner sees none of them.
    expect((await otherOwner.get('/api/v1/shared-links')).json.links).toEqual([]);
    expect((await otherOwner.get(`/api/v1/shared-links/${theirs}`)).status).toBe(404);
    expect((await otherOwner.post(`/api/v1/shared-links/${theirs}/revoke`)).status).toBe(404);
    expect((await analyst.get(`/api/v1/shared-links/${theirs}`)).json.link.status).toBe('active');
  });

  it('keeps the sharer within their locations: a store-limited sharer cannot share another store; a location manager may not share', async () => {
    const other = await storeAnalyst.post('/api/v1/shared-links', { title: 'B', definition: { ...definition(), filters: { location: loc.B } } });
    expect(other.status).toBe(400);
    expect(other.json.details.field).toBe('definition.filters.location');
    const own = await storeAnalyst.post('/api/v1/shared-links', { title: 'A', definition: { ...definition(), filters: { location: loc.A } } });
    expect(own.status).toBe(201);
    const { rows } = await server.pool.query(`select location_paths, creator_role from shared_links where id = $1`, [own.json.link.id]);
    expect(rows[0].creator_role).toBe('analyst');
    expect(rows[0].location_paths).toHaveLength(1);
    expect(rows[0].location_paths[0]).toMatch(new RegExp(`/${loc.A}/$`));
    expect((await analyst.post('/api/v1/shared-links', { title: 'B', definition: { ...definition(), filters: { location: loc.B } } })).status).toBe(201);

    const refused = await manager.post('/api/v1/shared-links', { title: 'A', definition: definition() });
    expect(refused.status).toBe(403);
    expect((await manager.get('/api/v1/shared-links')).status).toBe(403);
  });

  it('validates: title, survey of the organisation, sections, expiry in the future, password length, embedding sites', async () => {
    const bad = async (body: unknown) => {
      const res = await analyst.post('/api/v1/shared-links', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      return res.json.details?.field ?? res.json.message;
    };
    expect(await bad({ title: '  ', definition: definition() })).toBe('title');
    expect(await bad({ title: 'x', definition: { ...definition(), surveyId: otherSurveyId } })).toBe('definition.surveyId');
    expect(await bad({ title: 'x', definition: { ...definition(), sections: [] } })).toBe('definition.sections');
    expect(await bad({ title: 'x', definition: { ...definition(), sections: ['kpis', 'gossip'] } })).toBe('definition.sections.1');
    expect(await bad({ title: 'x', definition: definition(), expiresAt: '2020-01-01T00:00:00Z' })).toBe('expiresAt');
    expect(await bad({ title: 'x', definition: definition(), password: 'short' })).toBe('password');
    expect(await bad({ title: 'x', definition: definition(), embedOrigins: ['https://intranet.example/path'] })).toBe('embedOrigins.0');
    expect(await bad({ title: 'x', definition: definition(), embedOrigins: ['javascript:alert(1)'] })).toBe('embedOrigins.0');
    expect(await bad({ title: 'x', definition: definition(), lang: 'de' })).toBe('lang');
    await bad({ title: 'x', definition: definition(), token: 'mine' }); // unknown fields are refused
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const ok = await analyst.post('/api/v1/shared-links', { title: 'x', definition: definition(), expiresAt: future });
    expect(ok.status).toBe(201);
    expect(new Date(ok.json.link.expiresAt).getTime()).toBe(new Date(future).getTime());
  });
});
