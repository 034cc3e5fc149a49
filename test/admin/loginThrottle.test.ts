/**
 * Sign-in throttling per (account, address), per account and per address (src/core/accounts/throttle.ts),
 * and the deep link after signing in. Distinct client addresses come through X-Forwarded-For from a
 * trusted proxy (SARAFAN_TRUST_PROXY=127.0.0.1: the test connects from there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser, Client, startTestServer, TEST_PASSWORD, type TestServer } from '../helpers/app.ts';

describe('sign-in throttling', () => {
  let server: TestServer;
  beforeAll(async () => {
    const before = process.env.SARAFAN_TRUST_PROXY;
    process.env.SARAFAN_TRUST_PROXY = '127.0.0.1';
    try {
      server = await startTestServer();
    } finally {
      if (before === undefined) delete process.env.SARAFAN_TRUST_PROXY;
      else process.env.SARAFAN_TRUST_PROXY = before;
    }
    const org = await buildOrg(server.pool, 'Office Org');
    for (const who of ['typo', 'colleague', 'third', 'target']) await buildUser(server.pool, org.orgId, 'analyst', `${who}@office.test`);
  });
  afterAll(async () => server.close());

  const login = (from: string, email: string, password: string, next?: string) =>
    new Client(server.baseUrl).request('POST', '/api/v1/auth/login', { email, password, ...(next ? { next } : {}) }, { 'x-forwarded-for': from });

  it("locks one account at one address after 5 wrong passwords, while colleagues behind the same NAT still sign in", async () => {
    const office = '203.0.113.10';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(office, 'typo@office.test', 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const locked = await login(office, 'typo@office.test', TEST_PASSWORD);
    expect([locked.status, locked.json.error]).toEqual([429, 'rate_limited']);
    expect(locked.json.message).toMatch(/^Too many sign-in attempts; try again in 15 min$/);
    expect((await login(office, 'colleague@office.test', TEST_PASSWORD)).status).toBe(200);
    // The same person from home (another address) is not locked by the office's count.
    expect((await login('198.51.100.7', 'typo@office.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('clears the count of a pair after a right password', async () => {
    const from = '203.0.113.20';
    for (let i = 0; i < 4; i++) await login(from, 'third@office.test', 'wrong password');
    expect((await login(from, 'third@office.test', TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(from, 'third@office.test', 'wrong password')).status).toBe(401);
    expect((await login(from, 'third@office.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('locks an account guessed from many addresses after 20 failures in an hour, for every address', async () => {
    for (let i = 0; i < 20; i++) expect((await login(`192.0.2.${i + 1}`, 'target@office.test', 'wrong password')).status).toBe(401);
    expect((await login('192.0.2.200', 'target@office.test', TEST_PASSWORD)).status).toBe(429);
    // Unknown addresses count alike: a lock says nothing about whether the account exists.
    for (let i = 0; i < 20; i++) await login(`192.0.2.${i + 1}`, 'ghost@office.test', 'wrong password');
    expect((await login('192.0.2.200', 'ghost@office.test', 'wrong password')).status).toBe(429);
  });

  it('locks an address spraying many accounts after 50 failures, and no other address', async () => {
    const sprayer = '198.51.100.66';
    for (let i = 0; i < 50; i++) expect((await login(sprayer, `user${i}@spray.test`, 'wrong password')).status).toBe(401);
    expect((await login(sprayer, 'colleague@office.test', TEST_PASSWORD)).status).toBe(429);
    expect((await login('198.51.100.67', 'colleague@office.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('returns to a deep link of the dashboard after signing in, and nowhere else', async () => {
    const from = '203.0.113.30';
    const ok = await login(from, 'colleague@office.test', TEST_PASSWORD, '/app/surveys/123');
    expect(ok.json).toEqual({ ok: true, next: '/app/surveys/123' });
    for (const next of ['https://evil.example/app', '//evil.example/app', '/\\evil.example', '/app/../../evil', 'javascript:alert(1)']) {
      expect((await login(from, 'colleague@office.test', TEST_PASSWORD, next)).json, next).toEqual({ ok: true, next: '/app' });
    }
  });
});
