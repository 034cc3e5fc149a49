/**
 * Kiosks through HTTP on a real server and database: created by an admin for a survey and a store (URL
 * shown once, only the token's hash kept), listed within the caller's locations, revoked; the public
 * kiosk page and its sync endpoint (answers stored with the kiosk's location and channel kiosk, one
 * per idempotency key, every field validated, a revoked token refused).
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, buildLocation, buildOrg, buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey, npsQuestions, type SurveyFixture } from '../respond/factory.ts';
import type { QuestionDef } from '../../src/core/surveys/types.ts';
import { CreateKioskAnswerSchema, KioskListAnswerSchema, RevokeKioskAnswerSchema } from '../../src/core/api/kiosks.ts';

let server: TestServer;
let orgId: string;
let store1: { id: string; path: string };
let store2: { id: string; path: string };
let survey: SurveyFixture;
let owner: Client;
let manager: Client;

const newKey = () => `t${crypto.randomBytes(12).toString('base64url')}`;
const tokenOf = (url: string) => /\/k\/([A-Za-z0-9_-]{43})\/$/.exec(url)![1];

async function kioskResponses(kioskStoreId: string) {
  const { rows } = await server.pool.query(
    `select r.idempotency_key as key, r.channel, r.location_id as "locationId", r.language,
            (select a.score from answers a where a.org_id = r.org_id and a.response_id = r.id and a.question_id = $3) as score,
            (select a.text from answers a where a.org_id = r.org_id and a.response_id = r.id and a.question_id = $4) as comment,
            (select count(*)::int from answers a where a.org_id = r.org_id and a.response_id = r.id) as answers, r.submitted_at as "submittedAt"
       from responses r where r.org_id = $1 and r.location_id = $2 order by r.submitted_at, r.idempotency_key`,
    [orgId, kioskStoreId, survey.questionIds.nps, survey.questionIds.why],
  );
  return rows;
}

async function createKiosk(client: Client, body: Record<string, unknown>) {
  return client.post(`/api/v1/surveys/${survey.id}/kiosks`, body);
}

const sync = (token: string, answers: unknown[]) =>
  new Client(server.baseUrl).request('POST', `/k/${token}/answers`, { answers }, { accept: 'application/json' });

beforeAll(async () => {
  server = await startTestServer();
  const org = await buildOrg(server.pool, 'Kiosk Org');
  orgId = org.orgId;
  const root = { id: org.rootLocationId, path: org.rootPath };
  store1 = await buildLocation(server.pool, orgId, root, 'store', 'Exit store');
  store2 = await buildLocation(server.pool, orgId, root, 'store', 'Other store');
  survey = await buildSurvey(server.pool, orgId);
  await buildUser(server.pool, orgId, 'owner', 'owner@kiosk.test');
  await buildUser(server.pool, orgId, 'location_manager', 'lm@kiosk.test', [store2.id]);
  owner = await signIn(server.baseUrl, 'owner@kiosk.test');
  manager = await signIn(server.baseUrl, 'lm@kiosk.test');
});
afterAll(async () => server?.close());

describe('kiosks API', () => {
  it('creates a kiosk: the URL carries a fresh token whose SHA-256 alone is stored; the PIN is kept salted and hashed', async () => {
    const res = await createKiosk(owner, { name: 'Exit tablet', locationId: store1.id, pin: '2468' });
    expect(res.status).toBe(201);
    // The strict answer schema the dashboard is typed by (the API contract).
    expect(CreateKioskAnswerSchema.safeParse(res.json).success).toBe(true);
    expect(res.json.url).toMatch(new RegExp(`^${server.baseUrl}/k/[A-Za-z0-9_-]{43}/$`));
    expect(res.json.kiosk).toMatchObject({ name: 'Exit tablet', locationId: store1.id, locationName: 'Exit store', lastSeenAt: null, revokedAt: null });
    const token = tokenOf(res.json.url);
    const { rows } = await server.pool.query(`select token_hash, pin_salt, pin_hash from kiosks where org_id = $1 and id = $2`, [orgId, res.json.kiosk.id]);
    expect(rows[0].token_hash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(token);
    expect(rows[0].pin_hash).toBe(crypto.createHash('sha256').update(`${rows[0].pin_salt}:2468`).digest('hex'));
    // A second kiosk gets another token.
    const other = await createKiosk(owner, { name: 'Second', locationId: store1.id, pin: '1357' });
    expect(tokenOf(other.json.url)).not.toBe(token);
  });

  it('validates every field and refuses locations outside the caller\'s scope and roles without survey.edit', async () => {
    expect((await createKiosk(owner, { name: '', locationId: store1.id, pin: '2468' })).status).toBe(400);
    expect((await createKiosk(owner, { name: 'x', locationId: store1.id, pin: '12' })).status).toBe(400);
    expect((await createKiosk(owner, { name: 'x', locationId: store1.id, pin: '12ab' })).status).toBe(400);
    expect((await createKiosk(owner, { name: 'x', locationId: 'not-an-id', pin: '1234' })).status).toBe(400);
    expect((await createKiosk(owner, { name: 'x', locationId: store1.id, pin: '1234', extra: 1 })).status).toBe(400);
    expect((await createKiosk(owner, { name: 'x', locationId: crypto.randomUUID(), pin: '1234' })).status).toBe(404);
    expect((await owner.post(`/api/v1/surveys/${crypto.randomUUID()}/kiosks`, { name: 'x', locationId: store1.id, pin: '1234' })).status).toBe(404);
    // A location manager may read surveys but not set up kiosks.
    expect((await createKiosk(manager, { name: 'x', locationId: store2.id, pin: '1234' })).status).toBe(403);
    // Another organisation's store is not found.
    const other = await buildOrg(server.pool, 'Other Org');
    expect((await createKiosk(owner, { name: 'x', locationId: other.rootLocationId, pin: '1234' })).status).toBe(404);
  });

  it('lets an administrator limited to one store create and switch off kiosks there only', async () => {
    await buildUser(server.pool, orgId, 'admin', 'admin2@kiosk.test', [store2.id]);
    const admin = await signIn(server.baseUrl, 'admin2@kiosk.test');
    expect((await createKiosk(admin, { name: 'Not mine', locationId: store1.id, pin: '1234' })).status).toBe(404);
    const mine = await createKiosk(admin, { name: 'Mine', locationId: store2.id, pin: '1234' });
    expect(mine.status).toBe(201);
    const ownersKiosk = (await createKiosk(owner, { name: 'Owner at store 1', locationId: store1.id, pin: '1234' })).json.kiosk.id;
    expect((await admin.post(`/api/v1/surveys/${survey.id}/kiosks/revoke`, { kioskId: ownersKiosk })).status).toBe(404);
    expect((await admin.get(`/api/v1/surveys/${survey.id}/kiosks`)).json.kiosks.map((k: { name: string }) => k.name)).toEqual(['Mine']);
    expect((await admin.post(`/api/v1/surveys/${survey.id}/kiosks/revoke`, { kioskId: mine.json.kiosk.id })).status).toBe(200);
    await server.pool.query(`delete from kiosks where org_id = $1 and id = any($2)`, [orgId, [mine.json.kiosk.id, ownersKiosk]]);
  });

  it('refuses a kiosk for a survey without a score question', async () => {
    const textOnly: QuestionDef[] = [{ key: 'tell', type: 'text', metric: 'none', required: true, text: { en: 'Tell us' } }];
    const s = await buildSurvey(server.pool, orgId, { questions: textOnly });
    const res = await owner.post(`/api/v1/surveys/${s.id}/kiosks`, { name: 'x', locationId: store1.id, pin: '1234' });
    expect(res.status).toBe(400);
  });

  it('lists kiosks at the caller\'s locations only', async () => {
    const all = await owner.get(`/api/v1/surveys/${survey.id}/kiosks`);
    expect(all.status).toBe(200);
    expect(KioskListAnswerSchema.safeParse(all.json).success).toBe(true);
    expect(all.json.kiosks.map((k: { name: string }) => k.name)).toEqual(['Second', 'Exit tablet']);
    const scoped = await manager.get(`/api/v1/surveys/${survey.id}/kiosks`);
    expect(scoped.status).toBe(200);
    expect(scoped.json.kiosks).toEqual([]);
  });
});

describe('the kiosk page and its answers', () => {
  let token: string;
  let kioskId: string;

  beforeAll(async () => {
    const res = await createKiosk(owner, { name: 'Door', locationId: store1.id, pin: '8642' });
    token = tokenOf(res.json.url);
    kioskId = res.json.kiosk.id;
  });

  it('serves the page without a session, in the survey language asked for, right to left in Persian', async () => {
    const anon = new Client(server.baseUrl);
    const en = await anon.get(`/k/${token}/`);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-security-policy')).toContain("worker-src 'self'");
    expect(en.text).toContain('<html lang="en" dir="ltr"');
    expect(en.text).toContain('How likely are you to recommend us to a friend?');
    expect(en.text).not.toMatch(/<a\s/);
    const fa = await anon.get(`/k/${token}/?lang=fa`);
    expect(fa.text).toContain('<html lang="fa" dir="rtl"');
    // Without the trailing slash: redirected into the service worker's scope.
    const bare = await anon.get(`/k/${token}?lang=ru`);
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe(`/k/${token}/?lang=ru`);
    expect((await anon.get(`/k/${'x'.repeat(43)}/`)).status).toBe(404);
    expect((await anon.get(`/k/short/`)).status).toBe(404);
    const sw = await anon.get(`/k/${token}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');
  });

  it('stores answers with the kiosk\'s location and channel kiosk, the comment when given, the tablet\'s answer time', async () => {
    const at = Date.now() - 3_600_000;
    const k1 = newKey();
    const k2 = newKey();
    const res = await sync(token, [
      { k: k1, lang: 'ru', score: 3, comment: 'Очередь на кассе', at },
      { k: k2, lang: 'en', score: 10, at: at + 1000 },
    ]);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, results: [{ k: k1, outcome: 'stored' }, { k: k2, outcome: 'stored' }] });
    const rows = await kioskResponses(store1.id);
    expect(rows).toEqual([
      { key: k1, channel: 'kiosk', locationId: store1.id, language: 'ru', score: 3, comment: 'Очередь на кассе', answers: 2, submittedAt: new Date(at) },
      { key: k2, channel: 'kiosk', locationId: store1.id, language: 'en', score: 10, comment: null, answers: 1, submittedAt: new Date(at + 1000) },
    ]);
    const seen = await server.pool.query(`select last_seen_at from kiosks where org_id = $1 and id = $2`, [orgId, kioskId]);
    expect(seen.rows[0].last_seen_at).not.toBeNull();
  });

  it('stores one response for a duplicate submission of the same idempotency key (in one request and across requests)', async () => {
    const key = newKey();
    const answer = { k: key, lang: 'en', score: 7, at: Date.now() };
    const first = await sync(token, [answer, answer]);
    expect(first.json.results).toEqual([{ k: key, outcome: 'stored' }, { k: key, outcome: 'duplicate' }]);
    const again = await sync(token, [answer]);
    expect(again.json.results).toEqual([{ k: key, outcome: 'duplicate' }]);
    const { rows } = await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and idempotency_key = $2`, [orgId, key]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses each invalid answer on its own (the rest of the slice is stored) and malformed requests as a whole', async () => {
    const before = (await kioskResponses(store1.id)).length;
    const good = newKey();
    const res = await sync(token, [
      { k: newKey(), lang: 'en', score: 11, at: Date.now() },
      { k: newKey(), lang: 'en', score: 5.5, at: Date.now() },
      { k: newKey(), lang: 'en', score: 5, at: Date.now(), comment: 'x'.repeat(2001) },
      { k: 'short', lang: 'en', score: 5, at: Date.now() },
      { k: newKey(), lang: 'english', score: 5, at: Date.now() },
      { k: newKey(), lang: 'en', score: 5, at: Date.now(), extra: true },
      { k: good, lang: 'en', score: 9, at: Date.now() },
      'not an answer',
    ]);
    expect(res.status).toBe(200);
    expect(res.json.results.map((r: { outcome: string }) => r.outcome)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'invalid', 'stored']);
    expect((await kioskResponses(store1.id)).length).toBe(before + 1);
    expect((await sync(token, [])).status).toBe(400);
    expect((await sync(token, Array.from({ length: 51 }, () => ({ k: newKey(), lang: 'en', score: 5, at: Date.now() })))).status).toBe(400);
    expect((await new Client(server.baseUrl).request('POST', `/k/${token}/answers`, { answers: [], more: 1 }, { accept: 'application/json' })).status).toBe(400);
  });

  it('keeps the answer time only when plausible: a clock far ahead or an answer older than 30 days is stored as now', async () => {
    const ahead = newKey();
    const old = newKey();
    const started = Date.now();
    await sync(token, [{ k: ahead, lang: 'en', score: 6, at: started + 86_400_000 }, { k: old, lang: 'en', score: 6, at: started - 40 * 86_400_000 }]);
    const { rows } = await server.pool.query(`select submitted_at from responses where org_id = $1 and idempotency_key = any($2)`, [orgId, [ahead, old]]);
    for (const r of rows) {
      expect(r.submitted_at.getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(r.submitted_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('checks the PIN on the server for browsers without crypto.subtle', async () => {
    const anon = new Client(server.baseUrl);
    expect((await anon.post(`/k/${token}/pin`, { pin: '8642' })).json).toEqual({ ok: true });
    expect((await anon.post(`/k/${token}/pin`, { pin: '0000' })).json).toEqual({ ok: false });
    expect((await anon.post(`/k/${token}/pin`, { pin: { $gt: '' } })).json).toEqual({ ok: false });
  });

  it('refuses a revoked kiosk token: page, answers and PIN; revoking is scoped and idempotent', async () => {
    expect((await manager.post(`/api/v1/surveys/${survey.id}/kiosks/revoke`, { kioskId })).status).toBe(403);
    expect((await owner.post(`/api/v1/surveys/${survey.id}/kiosks/revoke`, { kioskId: crypto.randomUUID() })).status).toBe(404);
    const revoked = await owner.post(`/api/v1/surveys/${survey.id}/kiosks/revoke`, { kioskId });
    expect(revoked.status).toBe(200);
    expect(RevokeKioskAnswerSchema.safeParse(revoked.json).success).toBe(true);
    expect(revoked.json.kiosk.revokedAt).not.toBeNull();
    const again = await owner.post(`/api/v1/surveys/${survey.id}/kiosks/revoke`, { kioskId });
    expect(again.json.kiosk.revokedAt).toBe(revoked.json.kiosk.revokedAt);

    const before = (await kioskResponses(store1.id)).length;
    const res = await sync(token, [{ k: newKey(), lang: 'en', score: 9, at: Date.now() }]);
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('kiosk_revoked');
    expect((await kioskResponses(store1.id)).length).toBe(before);
    const page = await new Client(server.baseUrl).get(`/k/${token}/`);
    expect(page.status).toBe(403);
    expect(page.text).toContain('This kiosk has been switched off');
    expect((await new Client(server.baseUrl).get(`/k/${token}/sw.js`)).status).toBe(404);
    expect((await new Client(server.baseUrl).post(`/k/${token}/pin`, { pin: '8642' })).status).toBe(403);
  });

  it('refuses answers once the survey is closed (410), keeping nothing', async () => {
    const s = await buildSurvey(server.pool, orgId, { questions: npsQuestions() });
    const created = await owner.post(`/api/v1/surveys/${s.id}/kiosks`, { name: 'Closing', locationId: store2.id, pin: '1111' });
    const t = tokenOf(created.json.url);
    await server.pool.query(`update surveys set status = 'closed' where org_id = $1 and id = $2`, [orgId, s.id]);
    const res = await sync(t, [{ k: newKey(), lang: 'en', score: 9, at: Date.now() }]);
    expect(res.status).toBe(410);
    expect((await new Client(server.baseUrl).get(`/k/${t}/`)).status).toBe(410);
  });
});
