/** API keys: made once and stored hashed, scopes, revocation, location limits, rate limit, last use, no session powers. */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildIntegrationOrg, makeKey, withKey, type IntegrationFixture } from './fixture.ts';
import { KEY_OPERATIONS } from '../../src/core/api/keyRoutes.ts';

let server: TestServer;
let f: IntegrationFixture;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  server = await startTestServer({
    apiKeyRateLimitPerMinute: 1000,
    onRoute: (r) => {
      for (const method of [r.method].flat()) if (method !== 'HEAD' && r.url.startsWith('/api/')) routes.push({ method, url: r.url });
    },
  });
  f = await buildIntegrationOrg(server, 'Keys Org', 'owner@keys.test');
});
afterAll(() => server?.close());

const recordBody = (k: string) => ({ idempotencyKey: k, answers: { nps: 9 } });

describe('API keys', () => {
  it('are shown once, stored only as a SHA-256 hash and listed by prefix', async () => {
    const { key, id } = await makeKey(f.owner, 'read');
    expect(key).toMatch(/^srf_[A-Za-z0-9_-]{43}$/);
    const { rows } = await server.pool.query(`select key_hash, prefix from api_keys where org_id = $1 and id = $2`, [f.orgId, id]);
    expect(rows[0].key_hash).toBe(crypto.createHash('sha256').update(key).digest('hex'));
    expect(rows[0].prefix).toBe(key.slice(0, 10));
    const list = await f.owner.get('/api/v1/org/api-keys');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(key);
    expect(list.json.apiKeys.find((k: any) => k.id === id)).toMatchObject({ prefix: key.slice(0, 10), scope: 'read', lastUsedAt: null, revokedAt: null });
  });

  it('are managed by owners and admins only', async () => {
    await buildUser(server.pool, f.orgId, 'analyst', 'analyst@keys.test');
    const analyst = await signIn(server.baseUrl, 'analyst@keys.test');
    expect((await analyst.post('/api/v1/org/api-keys', { name: 'x', scope: 'read' })).status).toBe(403);
    expect((await analyst.get('/api/v1/org/api-keys')).status).toBe(403);
  });

  it('a read key reads metrics and responses but cannot ingest', async () => {
    const { key } = await makeKey(f.owner, 'read');
    expect((await withKey(server, key, 'GET', `/api/v1/surveys/${f.survey.id}/analytics/summary`)).status).toBe(200);
    expect((await withKey(server, key, 'GET', `/api/v1/surveys/${f.survey.id}/responses`)).status).toBe(200);
    expect((await withKey(server, key, 'GET', '/api/v1/analytics/overview')).status).toBe(200);
    const ingest = await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, recordBody('read-key-try-1'));
    expect(ingest.status).toBe(403);
    expect(ingest.json).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await withKey(server, key, 'PUT', '/api/v1/contacts', { email: 'a@b.test' })).status).toBe(403);
    const { rows } = await server.pool.query(`select count(*)::int as n from responses where org_id = $1 and idempotency_key = 'read-key-try-1'`, [f.orgId]);
    expect(rows[0].n).toBe(0);
  });

  it('an ingest key ingests but cannot read', async () => {
    const { key } = await makeKey(f.owner, 'ingest');
    expect((await withKey(server, key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, recordBody('ingest-key-1'))).status).toBe(201);
    expect((await withKey(server, key, 'GET', `/api/v1/surveys/${f.survey.id}/analytics/summary`)).status).toBe(403);
    expect((await withKey(server, key, 'GET', `/api/v1/surveys/${f.survey.id}/responses`)).status).toBe(403);
  });

  it('no key reaches a dashboard route that does not accept keys, whatever its scope', async () => {
    const read = await makeKey(f.owner, 'read');
    for (const [method, path, body] of [
      ['GET', '/api/v1/me', undefined], ['GET', '/api/v1/users', undefined], ['GET', '/api/v1/org/api-keys', undefined],
      ['POST', '/api/v1/org/api-keys', { name: 'escalate', scope: 'ingest' }], ['POST', '/api/v1/surveys', { name: 'x' }],
      ['GET', '/api/v1/surveys/' + f.survey.id + '/responses.csv', undefined],
    ] as const) {
      const res = await withKey(server, read.key, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const { rows } = await server.pool.query(`select count(*)::int as n from api_keys where org_id = $1 and name = 'escalate'`, [f.orgId]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses keys on every other /api route by default, and each key route to the other scope', async () => {
    const keys = { read: (await makeKey(f.owner, 'read')).key, ingest: (await makeKey(f.owner, 'ingest')).key };
    const scopeOf = new Map(KEY_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op.scope]));
    const publicDescription = new Set(['GET /api/v1/openapi.json', 'GET /api/docs']);
    const failures: string[] = [];
    let walked = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      if (publicDescription.has(name)) continue;
      const path = route.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
      for (const scope of ['read', 'ingest'] as const) {
        if (scopeOf.get(name) === scope) continue;
        const res = await withKey(server, keys[scope], route.method, path, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        walked++;
        if (res.status !== 403) failures.push(`${name} with a ${scope} key -> ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(walked).toBeGreaterThan(150);
  });

  it('a revoked, unknown or malformed key is a 401', async () => {
    const { key, id } = await makeKey(f.owner, 'read');
    expect((await withKey(server, key, 'GET', '/api/v1/analytics/overview')).status).toBe(200);
    const revoked = await f.owner.post(`/api/v1/org/api-keys/${id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.apiKey.revokedAt).not.toBeNull();
    const after = await withKey(server, key, 'GET', '/api/v1/analytics/overview');
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ ok: false, error: 'unauthorized' });
    const unknown = `srf_${crypto.randomBytes(32).toString('base64url')}`;
    expect((await withKey(server, unknown, 'GET', '/api/v1/analytics/overview')).status).toBe(401);
    expect((await withKey(server, 'not-a-key', 'GET', '/api/v1/analytics/overview')).status).toBe(401);
  });

  it('a session cannot use the ingest endpoints, and nothing without credentials can', async () => {
    expect((await f.owner.post(`/api/v1/surveys/${f.survey.id}/responses`, recordBody('session-try-1'))).status).toBe(403);
    const anon = await fetch(`${server.baseUrl}/api/v1/contacts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"x@y.test"}' });
    expect(anon.status).toBe(401);
  });

  it('a key limited to a region sees its subtree only', async () => {
    const ingest = await makeKey(f.owner, 'ingest');
    // One response in the region's store, one in the other store.
    for (const [k, loc] of [['loc-region-1', f.storeInRegion], ['loc-other-1', f.otherStore]] as const) {
      const r = await withKey(server, ingest.key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { ...recordBody(k), locationId: loc });
      expect(r.status, k).toBe(201);
    }
    const { key } = await makeKey(f.owner, 'read', f.regionId);
    const list = await withKey(server, key, 'GET', `/api/v1/surveys/${f.survey.id}/responses?limit=200`);
    expect(list.status).toBe(200);
    const locs = new Set(list.json.responses.map((r: any) => r.location?.id ?? null));
    expect([...locs]).toEqual([f.storeInRegion]);
    const otherId = (await server.pool.query(`select id from responses where org_id = $1 and idempotency_key = 'loc-other-1'`, [f.orgId])).rows[0].id;
    expect((await withKey(server, key, 'GET', `/api/v1/responses/${otherId}`)).status).toBe(404);
    expect((await withKey(server, key, 'GET', `/api/v1/surveys/${f.survey.id}/analytics/summary?location=${f.otherStore}`)).status).toBe(404);
    const locations = await withKey(server, key, 'GET', '/api/v1/locations');
    expect(locations.json.locations.map((l: any) => l.id).sort()).toEqual([f.regionId, f.storeInRegion].sort());

    // A region-limited ingest key cannot record elsewhere (same words as an unknown location).
    const limited = await makeKey(f.owner, 'ingest', f.regionId);
    const outside = await withKey(server, limited.key, 'POST', `/api/v1/surveys/${f.survey.id}/responses`, { ...recordBody('loc-outside-1'), locationId: f.otherStore });
    expect(outside.status).toBe(400);
    expect(outside.json).toMatchObject({ error: 'validation', details: { field: 'locationId' } });
  });

  it('records when a key was last used', async () => {
    const { key, id } = await makeKey(f.owner, 'read');
    const before = Date.now();
    await withKey(server, key, 'GET', '/api/v1/surveys');
    const { rows } = await server.pool.query(`select last_used_at from api_keys where org_id = $1 and id = $2`, [f.orgId, id]);
    expect(rows[0].last_used_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('needs no CSRF origin check: a key is not an ambient credential', async () => {
    const { key } = await makeKey(f.owner, 'ingest');
    const res = await withKey(server, key, 'PUT', '/api/v1/contacts', { email: 'csrf@keys.test' }, { origin: 'https://elsewhere.example' });
    expect(res.status).toBe(201);
  });
});

describe('per-key rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ apiKeyRateLimitPerMinute: 3 });
  });
  afterAll(() => limited?.close());

  it('answers 429 with Retry-After once a key used its minute, and counts each key apart', async () => {
    const g = await buildIntegrationOrg(limited, 'Limited Org', 'owner@limited.test');
    const a = await makeKey(g.owner, 'read');
    const b = await makeKey(g.owner, 'read');
    for (let i = 0; i < 3; i++) expect((await withKey(limited, a.key, 'GET', '/api/v1/surveys')).status).toBe(200);
    const over = await withKey(limited, a.key, 'GET', '/api/v1/surveys');
    expect(over.status).toBe(429);
    expect(over.json).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await withKey(limited, b.key, 'GET', '/api/v1/surveys')).status).toBe(200);
  });
});
