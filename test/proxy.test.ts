/**
 * Behind a reverse proxy (SARAFAN_TRUST_PROXY, docs/deploy.md): rate limits, Secure cookies and public
 * links, through a small Node proxy in front of a real server that forwards like the nginx config of
 * docs/deploy.md: it appends the client's address to whatever X-Forwarded-For the client sent
 * ($proxy_add_x_forwarded_for) and sets X-Forwarded-Proto and X-Forwarded-Host itself.
 * Distinct loopback addresses stand for distinct machines: the proxy connects from 127.0.0.2, clients
 * from other 127.x addresses (Linux routes all of 127.0.0.0/8 to the loopback interface).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { buildOrg, buildUser, startTestServer, TEST_PASSWORD, type TestServer } from './helpers/app.ts';
import { createTestDatabase } from './helpers/db.ts';
import { buildSurvey } from './respond/factory.ts';

const PROXY_ADDRESS = '127.0.0.2';
const PUBLIC_HOST = 'sarafan.example';
const POSTS_PER_MINUTE = 3;
// Wrong passwords of one account from one client before that pair is locked (src/core/accounts/throttle.ts).
const LOGINS_PER_MINUTE = 5;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One HTTP request from a chosen source address (a fresh connection each time). */
function send(port: number, opts: { from: string; method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, localAddress: opts.from, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {}, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

interface Proxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A reverse proxy like nginx with `proxy_set_header Host $host; X-Forwarded-For $proxy_add_x_forwarded_for;
 * X-Forwarded-Proto $scheme; X-Forwarded-Host $host;`, connecting to the server from `from`.
 * `scheme` is what it terminated: 'https' for a TLS site, 'http' for a plain one.
 */
async function startProxy(upstreamPort: number, opts: { from: string; scheme: 'https' | 'http' }): Promise<Proxy> {
  const server = http.createServer((req, res) => {
    const client = req.socket.remoteAddress ?? '';
    const sent = req.headers['x-forwarded-for'];
    const headers = {
      ...req.headers,
      'x-forwarded-for': sent ? `${sent}, ${client}` : client,
      'x-forwarded-proto': opts.scheme,
      'x-forwarded-host': req.headers.host ?? '',
      connection: 'close',
    };
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreamPort, localAddress: opts.from, method: req.method, path: req.url, headers, agent: false },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const portOf = (server: TestServer) => Number(new URL(server.baseUrl).port);
const forged = (i: number) => `203.0.113.${i % 250}, 198.51.100.${(i * 7) % 250}`;
const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
// A stored form answer is redirected to its thank-you page (303, POST/redirect/GET); 429 once limited.
const respondentForm = () => new URLSearchParams({ _k: crypto.randomBytes(12).toString('base64url'), q_nps: '9' }).toString();

/** Status codes of `count` requests made one after another. */
async function statuses(count: number, request: (i: number) => Promise<Reply>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await request(i)).status);
  return out;
}

const expectLimitedAfter = (got: number[], allowed: number, okStatus: number) =>
  expect(got).toEqual([...Array(allowed).fill(okStatus), 429]);

/** The session cookie of a Set-Cookie header and whether it is Secure. */
function sessionCookie(reply: Reply): { value: string; secure: boolean } {
  const cookie = [reply.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sarafan_session='));
  if (!cookie) throw new Error(`no session cookie (status ${reply.status}: ${reply.text})`);
  return { value: cookie.split(';')[0], secure: cookie.split(';').some((part) => part.trim().toLowerCase() === 'secure') };
}

async function withTrustProxy<T>(value: string | undefined, start: () => Promise<T>): Promise<T> {
  const before = process.env.SARAFAN_TRUST_PROXY;
  if (value === undefined) delete process.env.SARAFAN_TRUST_PROXY;
  else process.env.SARAFAN_TRUST_PROXY = value;
  try {
    return await start();
  } finally {
    if (before === undefined) delete process.env.SARAFAN_TRUST_PROXY;
    else process.env.SARAFAN_TRUST_PROXY = before;
  }
}

describe(`SARAFAN_TRUST_PROXY=${PROXY_ADDRESS} with an nginx-like proxy on ${PROXY_ADDRESS}`, () => {
  let server: TestServer;
  let https: Proxy;
  let plain: Proxy;
  let slug: string;
  const email = 'owner@proxy.test';

  beforeAll(async () => {
    server = await withTrustProxy(PROXY_ADDRESS, () => startTestServer({ publicRateLimitPerMinute: POSTS_PER_MINUTE }));
    https = await startProxy(portOf(server), { from: PROXY_ADDRESS, scheme: 'https' });
    plain = await startProxy(portOf(server), { from: PROXY_ADDRESS, scheme: 'http' });
    const org = await buildOrg(server.pool, 'Proxy Org');
    await buildUser(server.pool, org.orgId, 'owner', email);
    slug = (await buildSurvey(server.pool, org.orgId)).slug;
  });
  afterAll(async () => {
    await https?.close();
    await plain?.close();
    await server?.close();
  });

  const login = (port: number, from: string, password: string, headers: Record<string, string> = {}) => {
    const req = json({ email, password });
    return send(port, { from, method: 'POST', path: '/api/v1/auth/login', body: req.body, headers: { ...req.headers, host: PUBLIC_HOST, ...headers } });
  };
  const submit = (port: number, from: string, headers: Record<string, string> = {}) =>
    send(port, { from, method: 'POST', path: `/s/${slug}`, body: respondentForm(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

  it('limits logins and answers per client even when the client forges X-Forwarded-For on every request', async () => {
    const client = '127.0.0.11';
    const logins = await statuses(LOGINS_PER_MINUTE + 1, (i) => login(https.port, client, 'wrong password', { 'x-forwarded-for': forged(i) }));
    expectLimitedAfter(logins, LOGINS_PER_MINUTE, 401);
    const answers = await statuses(POSTS_PER_MINUTE + 1, (i) => submit(https.port, client, { 'x-forwarded-for': forged(i) }));
    expectLimitedAfter(answers, POSTS_PER_MINUTE, 303);
    // The key is the client the proxy saw, not the proxy: another client behind it still gets through.
    expect((await login(https.port, '127.0.0.12', 'wrong password')).status).toBe(401);
    expect((await submit(https.port, '127.0.0.12')).status).toBe(303);
  });

  it('keys a client that reaches the server directly on its own address, whatever X-Forwarded-For it sends', async () => {
    const direct = portOf(server);
    const client = '127.0.0.21';
    const logins = await statuses(LOGINS_PER_MINUTE + 1, (i) => login(direct, client, 'wrong password', { 'x-forwarded-for': forged(i) }));
    expectLimitedAfter(logins, LOGINS_PER_MINUTE, 401);
    // Claiming to be the proxy, or a client behind it, changes nothing.
    const answers = await statuses(POSTS_PER_MINUTE + 1, (i) => submit(direct, client, { 'x-forwarded-for': i % 2 ? PROXY_ADDRESS : forged(i) }));
    expectLimitedAfter(answers, POSTS_PER_MINUTE, 303);
    expect((await submit(direct, '127.0.0.22', { 'x-forwarded-for': '127.0.0.21' })).status).toBe(303);
  });

  it('sets Secure cookies when the trusted proxy terminated TLS, and only then', async () => {
    expect(sessionCookie(await login(https.port, '127.0.0.31', TEST_PASSWORD)).secure).toBe(true);
    expect(sessionCookie(await login(plain.port, '127.0.0.32', TEST_PASSWORD)).secure).toBe(false);
    // A client claiming https itself, directly or to the proxy that overwrites the header, is not believed.
    expect(sessionCookie(await login(portOf(server), '127.0.0.33', TEST_PASSWORD, { 'x-forwarded-proto': 'https' })).secure).toBe(false);
    expect(sessionCookie(await login(plain.port, '127.0.0.34', TEST_PASSWORD, { 'x-forwarded-proto': 'https' })).secure).toBe(false);
  });

  it('builds invitation links from the scheme and host the trusted proxy reports, never from a direct client', async () => {
    const invite = async (port: number, from: string, headers: Record<string, string>) => {
      const cookie = sessionCookie(await login(port, from, TEST_PASSWORD, headers)).value;
      const req = json({ email: `${crypto.randomUUID()}@people.test`, role: 'viewer' });
      const res = await send(port, { from, method: 'POST', path: '/api/v1/invitations', body: req.body, headers: { ...req.headers, ...headers, cookie } });
      expect(res.status).toBe(201);
      return JSON.parse(res.text).link as string;
    };
    expect(await invite(https.port, '127.0.0.41', { host: PUBLIC_HOST })).toMatch(new RegExp(`^https://${PUBLIC_HOST}/invite/`));
    // The proxy sets X-Forwarded-Host from Host; a client's own X-Forwarded-Host does not survive it.
    expect(await invite(https.port, '127.0.0.42', { host: PUBLIC_HOST, 'x-forwarded-host': 'evil.example' })).toMatch(
      new RegExp(`^https://${PUBLIC_HOST}/invite/`),
    );
    const direct = `127.0.0.1:${portOf(server)}`;
    const link = await invite(portOf(server), '127.0.0.43', { host: direct, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' });
    expect(link).toMatch(new RegExp(`^http://${direct.replace(/\./g, '\\.')}/invite/`));
  });
});

// `1` used to trust every address; it now means "a proxy on this machine". Telling a remote client from
// the local proxy needs an address of this machine outside 127.0.0.0/8.
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe.skipIf(!external)(`SARAFAN_TRUST_PROXY=1 (loopback only), a client from ${external ?? '(no non-loopback IPv4 address on this machine)'}`, () => {
  let server: TestServer;
  let proxy: Proxy;
  let slug: string;
  const from = external!;

  beforeAll(async () => {
    server = await withTrustProxy('1', () => startTestServer({ publicRateLimitPerMinute: POSTS_PER_MINUTE }));
    proxy = await startProxy(portOf(server), { from: PROXY_ADDRESS, scheme: 'https' });
    const org = await buildOrg(server.pool, 'Loopback Org');
    await buildUser(server.pool, org.orgId, 'owner', 'owner@loopback.test');
    slug = (await buildSurvey(server.pool, org.orgId)).slug;
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  const login = (port: number, password: string, headers: Record<string, string>) => {
    const req = json({ email: 'owner@loopback.test', password });
    return send(port, { from, method: 'POST', path: '/api/v1/auth/login', body: req.body, headers: { ...req.headers, ...headers } });
  };

  // First: the lock below leaves this client no logins to this account for a while.
  it('does not believe X-Forwarded-Proto from a remote client', async () => {
    const res = await login(portOf(server), TEST_PASSWORD, { host: PUBLIC_HOST, 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' });
    expect(sessionCookie(res).secure).toBe(false);
  });

  it('limits a remote client forging X-Forwarded-For through the local proxy and directly', async () => {
    const counted = 0; // the right password of the test above cleared the count
    const logins = await statuses(LOGINS_PER_MINUTE - counted + 1, (i) => login(proxy.port, 'wrong password', { 'x-forwarded-for': forged(i) }));
    expectLimitedAfter(logins, LOGINS_PER_MINUTE - counted, 401);
    const submit = (port: number, i: number) =>
      send(port, {
        from, method: 'POST', path: `/s/${slug}`, body: respondentForm(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forged(i) },
      });
    expectLimitedAfter(await statuses(POSTS_PER_MINUTE + 1, (i) => submit(proxy.port, i)), POSTS_PER_MINUTE, 303);
    // Directly, the same client is the same key: a forged header does not give it a fresh allowance.
    expect((await submit(portOf(server), 99)).status).toBe(429);
    expect((await login(portOf(server), 'wrong password', { 'x-forwarded-for': forged(99) })).status).toBe(429);
  });
});

describe('SARAFAN_TRUST_PROXY that is not a list of addresses', () => {
  it('refuses to start, naming the bad entry', async () => {
    const db = await createTestDatabase();
    try {
      await expect(withTrustProxy('10.0.0.1, proxy.internal', () => buildApp({ pool: db.pool }))).rejects.toThrow(
        /SARAFAN_TRUST_PROXY: "proxy\.internal" is not an IP address/,
      );
    } finally {
      await db.drop();
    }
  });
});
