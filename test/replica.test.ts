/**
 * Dashboards on a streaming replica (docs/scaling.md "Read replica for dashboards"): a throwaway
 * PostgreSQL 15 primary and a `pg_basebackup -R` replica on free ports, answers submitted on the
 * primary, dashboards read through the replica; then the replica stops and dashboards keep answering
 * from the primary while /healthz reports the replica down.
 */
import { execFile, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool, createReplicaPool, openReadPool } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/server/app.ts';
import { Client } from './helpers/app.ts';
import { waitFor } from './helpers/waitFor.ts';
import { buildSurvey, type SurveyFixture } from './respond/factory.ts';

const run = promisify(execFile);
const BIN = process.env.PG15_BIN ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

/** Why the replica cannot be built on this machine, or null when it can. */
function missingPrerequisite(): string | null {
  const missing = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].filter((t) => !fs.existsSync(path.join(BIN, t)));
  if (missing.length > 0) return `PostgreSQL 15 binaries missing in ${BIN} (${missing.join(', ')}); install Debian's postgresql-15`;
  if (isRoot && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root, but there is no "postgres" OS user to run PostgreSQL as';
  return null;
}
// Fails, never skips, without them: CI's PostgreSQL is Debian's postgresql-15 (.ci/run), which provides both.
const missing = missingPrerequisite();
if (missing) throw new Error(`The streaming replica test cannot run: ${missing} (PG15_BIN overrides the directory)`);

/** Runs a PostgreSQL tool, as the `postgres` OS user when we are root (PostgreSQL refuses root). */
function pgTool(base: string, tool: string, args: string[], timeout = 60_000) {
  const bin = path.join(BIN, tool);
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return run(cmd, argv, { cwd: base, timeout });
}

async function freePort(taken: number[] = []): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    if (!taken.includes(port)) return port;
  }
}

describe('dashboards on a streaming replica', () => {
  let base = '';
  const dirs = { primary: '', replica: '' };
  const ports = { primary: 0, replica: 0 };
  let primary: pg.Pool | undefined;
  let replica: pg.Pool | undefined;
  let admin: pg.Pool | undefined; // superuser on the replica: replay pause/resume and LSNs
  let app: FastifyInstance | undefined; // reads through the replica
  let primaryApp: FastifyInstance | undefined; // the same database, no replica: the reference numbers
  let owner: Client;
  let ownerOnPrimary: Client;
  let survey: SurveyFixture;
  const NPS = [10, 9, 9, 8, 7, 6, 3, 10, 0, 9];

  const listen = async (a: FastifyInstance) => {
    await a.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(a.server.address() as net.AddressInfo).port}`;
  };
  const submit = (baseUrl: string, nps: number) =>
    fetch(`${baseUrl}/s/${survey.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ _k: crypto.randomBytes(12).toString('base64url'), _lang: 'en', q_nps: nps, q_service: nps >= 9 ? 5 : 3 }),
    }).then((r) => r.status);
  const summaryPath = () => `/api/v1/surveys/${survey.id}/analytics/summary`;
  /** True once the replica has replayed everything the primary has written so far. */
  const replayed = async () => {
    const { rows } = await primary!.query('select pg_current_wal_lsn()::text as lsn');
    await waitFor(async () => {
      const r = await admin!.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [rows[0].lsn]);
      return r.rows[0].done === true;
    }, 'the replica to replay the primary', 15_000);
  };

  beforeAll(async () => {
    const tmp = isRoot ? '/tmp' : os.tmpdir();
    base = fs.mkdtempSync(path.join(tmp, 'sarafan-replica-'));
    if (isRoot) {
      const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
      fs.chownSync(base, id('-u'), id('-g'));
    }
    dirs.primary = path.join(base, 'primary');
    dirs.replica = path.join(base, 'replica');
    ports.primary = await freePort();
    ports.replica = await freePort([ports.primary]);

    await pgTool(base, 'initdb', ['-D', dirs.primary, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    fs.appendFileSync(
      path.join(dirs.primary, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${base}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        'max_connections = 40',
        'shared_buffers = 32MB',
        'fsync = off', // a throwaway cluster: durability is not what is tested here
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(dirs.primary, 'pg_hba.conf'),
      ['local all all trust', 'local replication all trust', 'host replication all 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 trust', ''].join('\n'),
    );
    const start = (dir: string, port: number) => pgTool(base, 'pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-w', '-t', '30', '-o', `-p ${port}`, 'start']);
    await start(dirs.primary, ports.primary);
    await pgTool(base, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(ports.primary), '-U', 'postgres', '-D', dirs.replica, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    await start(dirs.replica, ports.replica);

    const url = (port: number, db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
    const setup = createPool(url(ports.primary, 'postgres'), 1);
    await setup.query('create database sarafan');
    await setup.end();
    primary = createPool(url(ports.primary, 'sarafan'), 5);
    await migrate(primary);
    replica = createReplicaPool(url(ports.replica, 'sarafan'), 5);
    admin = createReplicaPool(url(ports.replica, 'postgres'), 1);

    app = await buildApp({ pool: primary, readPool: replica, publicRateLimitPerMinute: 10_000 });
    primaryApp = await buildApp({ pool: primary, publicRateLimitPerMinute: 10_000 });
    const baseUrl = await listen(app);
    owner = new Client(baseUrl);
    const created = await owner.post('/api/v1/auth/setup', { orgName: 'Replica Org', email: 'owner@replica.test', password: 'long enough password' });
    expect(created.status).toBe(201);
    ownerOnPrimary = new Client(await listen(primaryApp));
    expect((await ownerOnPrimary.post('/api/v1/auth/login', { email: 'owner@replica.test', password: 'long enough password' })).status).toBe(200);
    survey = await buildSurvey(primary, (await owner.get('/api/v1/me')).json.org.id);
    const statuses = [];
    for (const score of NPS) statuses.push(await submit(baseUrl, score));
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  afterAll(async () => {
    await app?.close().catch(() => {});
    await primaryApp?.close().catch(() => {});
    for (const p of [replica, admin, primary]) await p?.end().catch(() => {});
    for (const dir of [dirs.replica, dirs.primary]) {
      if (!dir || !fs.existsSync(path.join(dir, 'postmaster.pid'))) continue;
      await pgTool(base, 'pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop'], 20_000).catch(() => {
        // pg_ctl failed: stop the postmaster this test started, by the pid it recorded.
        const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) {
          try {
            process.kill(pid, 'SIGQUIT');
          } catch {
            /* already gone */
          }
        }
      });
    }
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('reads dashboards from the replica: the same numbers as the primary once it has replayed', async () => {
    expect((await admin!.query('select pg_is_in_recovery() as r')).rows[0].r).toBe(true);
    await replayed();
    const viaReplica = await owner.get(summaryPath());
    const viaPrimary = await ownerOnPrimary.get(summaryPath());
    expect(viaReplica.status).toBe(200);
    expect(viaReplica.json.responses).toBe(NPS.length);
    expect(viaReplica.json).toEqual(viaPrimary.json);
    const nps = viaReplica.json.questions.find((q: { key: string }) => q.key === 'nps');
    expect(nps.result.n).toBe(NPS.length);
    for (const p of ['/api/v1/analytics/overview', `/api/v1/surveys/${survey.id}/analytics/trend?interval=day`, `/api/v1/surveys/${survey.id}/comments`]) {
      const [a, b] = await Promise.all([owner.get(p), ownerOnPrimary.get(p)]);
      expect(a.status, p).toBe(200);
      expect(a.json, p).toEqual(b.json);
    }
    expect((await owner.get('/healthz')).json).toEqual({ status: 'ok', db: 'ok', replica: 'ok' });
  });

  it('is as fresh as the replay: with replay paused, a new answer shows on the primary only', async () => {
    await admin!.query('select pg_wal_replay_pause()');
    try {
      expect(await submit(owner.baseUrl, 10)).toBe(200);
      expect((await ownerOnPrimary.get(summaryPath())).json.responses).toBe(NPS.length + 1);
      expect((await owner.get(summaryPath())).json.responses).toBe(NPS.length);
    } finally {
      await admin!.query('select pg_wal_replay_resume()');
    }
    await replayed();
    expect((await owner.get(summaryPath())).json).toEqual((await ownerOnPrimary.get(summaryPath())).json);
  });

  it('keeps dashboards answering from the primary when the replica stops, and /healthz says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await pgTool(base, 'pg_ctl', ['-D', dirs.replica, '-m', 'fast', '-w', 'stop']);
      const reference = (await ownerOnPrimary.get(summaryPath())).json;
      for (let i = 0; i < 3; i++) {
        const res = await owner.get(summaryPath());
        expect(res.status).toBe(200);
        expect(res.json).toEqual(reference);
      }
      expect((await owner.get('/api/v1/analytics/overview')).status).toBe(200);
      const health = await owner.get('/healthz');
      expect(health.status).toBe(200);
      expect(health.json).toEqual({ status: 'ok', db: 'ok', replica: 'down' });
      // Logged once, not per request.
      const logged = warn.mock.calls.filter(([m]) => /read replica unavailable/.test(String(m)));
      expect(logged).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('DATABASE_READ_URL', () => {
  it('is refused without DATABASE_URL (the embedded PostgreSQL has no replica)', () => {
    expect(() => openReadPool({ readUrl: 'postgres://127.0.0.1:1/x', databaseUrl: '' })).toThrow(/DATABASE_READ_URL needs DATABASE_URL/);
    expect(openReadPool({ readUrl: '', databaseUrl: 'postgres://127.0.0.1:1/x' })).toBeUndefined();
  });
});
