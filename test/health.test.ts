import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from './helpers/app.ts';
import { buildApp } from '../src/server/app.ts';
import { createPool } from '../src/db/connection.ts';

describe('health and auth basics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('answers /healthz with the database status', async () => {
    const res = await new Client(server.baseUrl).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', db: 'ok' });
  });

  it('refuses API calls without a session', async () => {
    const res = await new Client(server.baseUrl).get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.json.error).toBe('unauthorized');
  });

  it('creates the owner on first visit, only once, and signs in and out', async () => {
    const c = new Client(server.baseUrl);
    expect((await c.get('/api/v1/auth/state')).json).toEqual({ needsSetup: true, signedIn: false });
    const bad = await c.post('/api/v1/auth/setup', { orgName: 'Acme', email: 'not-an-email', password: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/email/);
    const badZone = await c.post('/api/v1/auth/setup', { orgName: 'Acme', email: 'owner@acme.test', password: 'long enough password', timezone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.json.message).toMatch(/^timezone: /);
    const ok = await c.post('/api/v1/auth/setup', { orgName: 'Acme', email: 'owner@acme.test', password: 'long enough password' });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/v1/me');
    expect(me.json.user.role).toBe('owner');
    expect(me.json.org.name).toBe('Acme');
    const again = await new Client(server.baseUrl).post('/api/v1/auth/setup', { orgName: 'X', email: 'x@x.test', password: 'long enough password' });
    expect(again.status).toBe(409);
    await c.post('/api/v1/auth/logout');
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const wrong = await new Client(server.baseUrl).post('/api/v1/auth/login', { email: 'owner@acme.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    const right = await new Client(server.baseUrl).post('/api/v1/auth/login', { email: 'OWNER@acme.test', password: 'long enough password' });
    expect(right.status).toBe(200);
  });

  it('refuses form-encoded writes to the JSON API (CSRF)', async () => {
    const c = new Client(server.baseUrl);
    const res = await c.request('POST', '/api/v1/auth/logout', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(403);
  });

  it('refuses writes from a foreign or opaque origin with 403, not a 500', async () => {
    const c = new Client(server.baseUrl);
    for (const origin of ['https://evil.example', 'null', 'not a url']) {
      const res = await c.request('POST', '/api/v1/auth/logout', {}, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.json.error).toBe('forbidden');
    }
  });

  it('rate-limits login attempts', async () => {
    const c = new Client(server.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await c.post('/api/v1/auth/login', { email: 'a@b.test', password: 'x' })).status);
    expect(statuses).toContain(429);
    // The lock is per (account, address): another account from the same address (a colleague behind
    // the same NAT) is still checked, and refused here only for its wrong password.
    expect((await c.post('/api/v1/auth/login', { email: 'other@b.test', password: 'x' })).status).toBe(401);
  });

  it('answers 503 on /healthz when the database is down', async () => {
    const pool = createPool('postgres://postgres@127.0.0.1:1/nothing', 1);
    const app = await buildApp({ pool });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'error', db: 'down' });
    await app.close();
    await pool.end();
  });
});
