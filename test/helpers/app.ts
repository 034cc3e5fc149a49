/**
 * A real server on a random port over a fresh database, plus a tiny cookie-keeping client.
 * Factories create organisations, users and locations directly in SQL so tests stay short.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../src/http/deps.ts';
import type pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import type { Role } from '../../src/core/access/index.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestServer {
  app: FastifyInstance;
  db: TestDatabase;
  pool: pg.Pool;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the app with test-friendly defaults; any AppDeps (webDir, smtpUrl, publicUrl, ...) can be overridden. */
export async function startTestServer(opts: Partial<Omit<AppDeps, 'pool'>> = {}): Promise<TestServer> {
  return startTestServerOn(await createTestDatabase(), opts);
}

/** Like startTestServer, over a test database the caller made (a demo copy: test/helpers/demo.ts); close() drops it. */
export async function startTestServerOn(db: TestDatabase, opts: Partial<Omit<AppDeps, 'pool'>> = {}): Promise<TestServer> {
  const app = await buildApp({ pool: db.pool, publicRateLimitPerMinute: 10_000, ...opts });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The job queue starts beside the server; tests begin once it is up (they craft jobs through it).
  await app.jobs.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    db,
    pool: db.pool,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** A fetch wrapper that keeps the session cookie, like a browser would. */
export class Client {
  private cookie = '';
  constructor(public readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const isJson = body !== undefined && typeof body !== 'string';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(isJson ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isJson ? JSON.stringify(body) : (body as string),
      redirect: 'manual',
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let json: any = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text, headers: res.headers };
  }
  /** GET with the session, keeping the body as bytes (PDF, PNG), which `text` would garble. */
  async getBytes(path: string) {
    const res = await fetch(this.baseUrl + path, { headers: this.cookie ? { cookie: this.cookie } : {}, redirect: 'manual' });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }
  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.request('PUT', path, body ?? {});
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body ?? {});
  delete = (path: string) => this.request('DELETE', path);
}

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | null = null;

export interface OrgFixture {
  orgId: string;
  rootLocationId: string;
  rootPath: string;
}

export async function buildOrg(pool: pg.Pool, name = 'Test Org'): Promise<OrgFixture> {
  const org = await pool.query(`insert into orgs(name) values ($1) returning id`, [name]);
  const orgId = org.rows[0].id as string;
  const loc = await buildLocation(pool, orgId, null, 'company', name);
  return { orgId, rootLocationId: loc.id, rootPath: loc.path };
}

export async function buildLocation(pool: pg.Pool, orgId: string, parent: { id: string; path: string } | null, kind: string, name: string) {
  const { rows } = await pool.query(
    `insert into locations(org_id, id, parent_id, kind, name, path)
     select $1, g, $2::uuid, $3, $4, coalesce($5, '/') || g || '/' from gen_random_uuid() g returning id, path`,
    [orgId, parent?.id ?? null, kind, name, parent?.path ?? null],
  );
  return rows[0] as { id: string; path: string };
}

export async function buildUser(pool: pg.Pool, orgId: string, role: Role, email: string, locationIds: string[] = []) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const { rows } = await pool.query(
    `insert into users(org_id, email, password_hash, role) values ($1, $2, $3, $4) returning id`,
    [orgId, email, await cachedHash, role],
  );
  for (const loc of locationIds) {
    await pool.query(`insert into user_locations(org_id, user_id, location_id) values ($1, $2, $3)`, [orgId, rows[0].id, loc]);
  }
  return rows[0].id as string;
}

/** A client already signed in as the given user. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<Client> {
  const client = new Client(baseUrl);
  const res = await client.post('/api/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${res.text}`);
  return client;
}

/** An organisation with one store under its root and its owner, signed in (the people and accounts tests start here). */
export async function buildOrgWithOwner(server: TestServer, name: string, ownerEmail: string) {
  const org = await buildOrg(server.pool, name);
  const store = await buildLocation(server.pool, org.orgId, { id: org.rootLocationId, path: org.rootPath }, 'store', 'Store 1');
  await buildUser(server.pool, org.orgId, 'owner', ownerEmail);
  return { org, store, owner: await signIn(server.baseUrl, ownerEmail) };
}
