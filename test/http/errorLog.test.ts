/**
 * Issue 7, "Errors you can find": every 500 is logged by default (no SARAFAN_LOG) with its errorId,
 * route pattern and stack, and without secrets or personal data; API answers carry nosniff and
 * no-store. The 500s come from a real `sarafan start` whose database lost a table under its routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildOrg, buildUser, Client, signIn, startTestServer, type TestServer } from '../helpers/app.ts';
import { buildSurvey } from '../respond/factory.ts';
import { errorForLog } from '../../src/http/logging.ts';
import { request, startServerProcess, waitForHealthy, waitUntil, type ServerProcess } from '../resilience/harness.ts';

/** The JSON log lines a server wrote that carry `errorId`. */
function errorLines(output: string, errorId: string): Record<string, any>[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>)
    .filter((l) => l.errorId === errorId);
}

describe('every 500 is logged by default, without personal data', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let slug: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const { orgId } = await buildOrg(db.pool, 'Log Org');
    await buildUser(db.pool, orgId, 'owner', 'owner@log.test');
    slug = (await buildSurvey(db.pool, orgId)).slug;
    server = await startServerProcess({ DATABASE_URL: db.url, DATABASE_READ_URL: undefined, SARAFAN_LOG: undefined });
    await waitForHealthy(server);
  });
  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await db?.drop();
  });

  it('logs a failing respondent page with its errorId, route pattern and stack, not the link or its hidden fields', async () => {
    await db.pool.query('alter table surveys rename to surveys_moved_away');
    try {
      const res = await fetch(`${server.baseUrl}/s/${slug}?h_email=respondent%40private.test&loc=S-77`, { headers: { accept: 'application/json', cookie: 'sarafan_session=cookie-secret' } });
      expect(res.status).toBe(500);
      const { errorId } = (await res.json()) as { errorId: string };
      expect(errorId).toBeTruthy();
      await waitUntil('the error line', () => errorLines(server.output(), errorId).length > 0, 10_000, 20);
      const [line] = errorLines(server.output(), errorId);
      expect(line).toMatchObject({ level: 50, route: '/s/:slug', method: 'GET', err: { code: '42P01' } });
      expect(line.err.message).toContain('relation "surveys" does not exist');
      expect(line.err.stack).toMatch(/\n\s+at /);
      const logged = server.output();
      for (const secret of ['respondent', 'private.test', 'S-77', slug, 'cookie-secret']) expect(logged).not.toContain(secret);
    } finally {
      await db.pool.query('alter table surveys_moved_away rename to surveys');
    }
  });

  it('logs a failing sign-in without the e-mail, password or cookie, and the 500 carries the API headers', async () => {
    await db.pool.query('alter table users rename to users_moved_away');
    try {
      const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: 'sarafan_session=another-cookie-secret' },
        body: JSON.stringify({ email: 'someone@private.test', password: 'password-secret-123' }),
      });
      expect(res.status).toBe(500);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const { errorId } = (await res.json()) as { errorId: string };
      await waitUntil('the error line', () => errorLines(server.output(), errorId).length > 0, 10_000, 20);
      const [line] = errorLines(server.output(), errorId);
      expect(line).toMatchObject({ route: '/api/v1/auth/login', method: 'POST', err: { code: '42P01' } });
      const logged = server.output();
      for (const secret of ['someone', 'private.test', 'password-secret-123', 'another-cookie-secret']) expect(logged).not.toContain(secret);
    } finally {
      await db.pool.query('alter table users_moved_away rename to users');
    }
  });

  it('writes no request lines without SARAFAN_LOG=1', async () => {
    expect((await request(server.port, 'GET', '/healthz')).status).toBe(200);
    const lines = server.output().split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => JSON.parse(l).level >= 50)).toBe(true);
  });
});

describe('errorForLog', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('masks values PostgreSQL quotes in data errors and leaves out the detail that shows a row', async () => {
    const bad = await db.pool.query(`select $1::uuid`, ['not-a-uuid-but-a@mail.test']).catch((e: Error) => e);
    const logged = errorForLog(bad);
    expect(logged).toMatchObject({ type: 'error', code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' });
    expect(JSON.stringify(logged)).not.toContain('mail.test');

    await db.pool.query(`create table people (email text constraint people_email unique)`);
    await db.pool.query(`insert into people values ('dup@mail.test')`);
    const dup = (await db.pool.query(`insert into people values ('dup@mail.test')`).catch((e: Error) => e)) as Error & { detail: string };
    expect(dup.detail).toContain('dup@mail.test');
    const loggedDup = errorForLog(dup);
    expect(loggedDup).toMatchObject({ code: '23505', constraint: 'people_email', table: 'people', message: 'duplicate key value violates unique constraint "people_email"' });
    expect(JSON.stringify(loggedDup)).not.toContain('mail.test');
  });

  it('masks quoted input in JavaScript errors and keeps their stack', () => {
    let thrown: unknown;
    try {
      JSON.parse('"secret@mail.test" trailing');
    } catch (err) {
      thrown = err;
    }
    const logged = errorForLog(thrown);
    expect(logged.type).toBe('SyntaxError');
    expect(JSON.stringify(logged)).not.toContain('secret@mail.test');
    expect(logged.stack).toMatch(/\n\s+at /);
    expect(errorForLog('just "a value"')).toEqual({ type: 'string', message: 'just "[redacted]"', stack: '' });
  });
});

describe('API answers carry nosniff and no-store', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const { orgId } = await buildOrg(server.pool, 'Header Org');
    await buildUser(server.pool, orgId, 'owner', 'owner@headers.test');
  });
  afterAll(() => server?.close());

  it('on success, 400, 401, 403 and 404, and not on /healthz', async () => {
    const anonymous = new Client(server.baseUrl);
    const signedIn = await signIn(server.baseUrl, 'owner@headers.test');
    const answers = [
      ['200 state', await anonymous.get('/api/v1/auth/state'), 200],
      ['200 me', await signedIn.get('/api/v1/me'), 200],
      ['400', await anonymous.post('/api/v1/auth/login', { email: 'nope' }), 400],
      ['401', await anonymous.get('/api/v1/me'), 401],
      ['403', await anonymous.request('POST', '/api/v1/auth/logout', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }), 403],
      ['404', await signedIn.get('/api/v1/no-such-route'), 404],
    ] as const;
    for (const [what, res, status] of answers) {
      expect(res.status, what).toBe(status);
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(res.headers.get('cache-control'), what).toBe('no-store');
    }
    const health = await anonymous.get('/healthz');
    expect(health.headers.get('cache-control')).toBeNull();
  });
});
