/**
 * Issue 7, "The server survives its database": a real `sarafan start` over DATABASE_URL takes
 * submissions (20+ in flight) while every backend of its test database is terminated. The process
 * must keep serving, answer the failed requests 503 with Retry-After (never 500), report the
 * database on /healthz, and store every acknowledged answer exactly once; answers that were not
 * acknowledged are re-sent with their idempotency key, as the respondent page does, and stored once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { buildOrg } from '../helpers/app.ts';
import { buildSurvey, type SurveyFixture } from '../respond/factory.ts';
import {
  inParallel, msToFirstAcknowledgementAfter, makeRespondents, request, startServerProcess, startTcpProxy, submit, waitForHealthy, waitUntil, type ServerProcess, type TcpProxy,
} from './harness.ts';
import { checkStoredOnce, resendUntilAcknowledged, type LoadFigures } from './exactlyOnce.ts';

let db: TestDatabase;
let server: ServerProcess | null = null;
// The server reaches PostgreSQL through this relay, so a test can also take the database host away.
let proxy: TcpProxy;
let orgId: string;
let survey: SurveyFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  orgId = (await buildOrg(db.pool, 'Resilience Org')).orgId;
  survey = await buildSurvey(db.pool, orgId);
  const url = new URL(db.url);
  proxy = await startTcpProxy(Number(url.port || 5432));
  url.port = String(proxy.port);
  server = await startServerProcess({ DATABASE_URL: url.toString(), DATABASE_READ_URL: undefined, SARAFAN_LOG: undefined });
  await waitForHealthy(server);
});

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await proxy?.close();
  await db?.drop();
});

describe('DATABASE_URL: every backend of the database terminated under load', () => {
  it('keeps serving, answers 503 meanwhile, and stores every answer exactly once', async () => {
    const port = server!.port;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const dbName = new URL(db.url).pathname.slice(1);
    const respondents = makeRespondents(240);
    let terminated = 0;
    let lastKillAt = 0;
    let killing = true;
    // Terminates every backend of THIS test database (never other databases), over and over for a
    // while, starting once 20 answers are acknowledged, so submissions are in flight at each kill.
    const killer = (async () => {
      await waitUntil('20 acknowledged answers', () => respondents.filter((r) => r.acknowledgedId).length >= 20, 60_000, 5);
      const until = Date.now() + 1_500;
      while (Date.now() < until) {
        const { rows } = await admin.query(
          `select (count(*) filter (where pg_terminate_backend(pid)))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
          [dbName],
        );
        terminated += rows[0].n as number;
        lastKillAt = Date.now();
        await new Promise((r) => setTimeout(r, 40));
      }
      killing = false;
    })();
    await inParallel(respondents, 24, (r) => submit(port, survey.slug, r));
    await killer;
    expect(killing).toBe(false);
    expect(terminated, 'the server held connections that were terminated').toBeGreaterThan(0);

    // Recovery: the same process answers /healthz ok and stores a new submission again.
    const [probe] = makeRespondents(1);
    await waitUntil('a submission acknowledged after the kills', async () => {
      if (server!.child.exitCode !== null || server!.child.signalCode !== null) throw new Error(`the server process died:\n${server!.output()}`);
      await submit(port, survey.slug, probe);
      return probe.acknowledgedId !== null;
    });
    const recoveredMs = msToFirstAcknowledgementAfter(lastKillAt, [...respondents, probe]);
    expect(server!.child.exitCode, server!.output()).toBeNull();
    expect((await request(port, 'GET', '/healthz')).status).toBe(200);

    // Every failed attempt was a clean 503 with Retry-After (checked on a fresh failure below), never a 500.
    const statuses = new Set(respondents.flatMap((r) => r.attempts));
    for (const s of statuses) expect([200, 503]).toContain(s);

    const figures: LoadFigures = await resendUntilAcknowledged(port, survey.slug, respondents);
    const stored = await checkStoredOnce(db.pool, survey.id, [...respondents, probe], 2);
    console.log(
      `[connection loss, DATABASE_URL] submissions ${respondents.length}, backends terminated ${terminated}, ` +
        `acknowledged at first send ${figures.acknowledged}, failed cleanly (503) ${figures.unacknowledged}, ` +
        `lost ${stored.lost}, duplicated ${stored.duplicated}, half-written ${stored.halfWritten}, time to recover ${recoveredMs} ms`,
    );
    expect(stored).toEqual({ lost: 0, duplicated: 0, halfWritten: 0, missingAfterResend: 0 });

    // The background fold went on after the kills: the queue of rollup changes drains.
    await waitUntil('the rollup queue drained', async () => {
      const { rows } = await db.pool.query(`select count(*)::int as n from rollup_pending where org_id = $1`, [orgId]);
      return rows[0].n === 0;
    });
    await admin.end();
  }, 180_000);

  it('answers 503 with Retry-After on the respondent route and /healthz while the database host is down, then recovers', async () => {
    const port = server!.port;
    const [r] = makeRespondents(1);
    await proxy.refuse();
    try {
      const res = await request(port, 'POST', `/s/${survey.slug}`, { _k: r.key, q_nps: '9' }, r.address);
      expect(res.status, res.body).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: 'unavailable' });
      const page = await request(port, 'GET', `/s/${survey.slug}-unknown`);
      expect(page.status).toBe(503);
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
      const health = await request(port, 'GET', '/healthz');
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ status: 'error', db: 'down' });
    } finally {
      await proxy.accept();
    }
    await waitForHealthy(server!);
    await submit(port, survey.slug, r);
    expect(r.acknowledgedId).not.toBeNull();
    expect(server!.child.exitCode).toBeNull();
  }, 60_000);
});
