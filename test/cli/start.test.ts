/**
 * The README's run path: `sarafan start` with the embedded PostgreSQL in a fresh data directory,
 * /healthz, a second process (the CLI) sharing the running database, and a clean Ctrl-C stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { runCli } from '../helpers/cli.ts';

const BIN = path.resolve('bin/sarafan.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, deadlineMs = 90_000) {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return (await res.json()) as unknown;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

describe('sarafan start with the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-start-'));
  fs.chmodSync(dataDir, 0o755);
  let child: ChildProcess | null = null;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz, shares the running database with a second process and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), SARAFAN_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    let output = '';
    child = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, child);
    expect(health).toEqual({ status: 'ok', db: 'ok' });
    expect(output).toContain(`http://localhost:${port}`);

    // A second process must connect to the running server, not start another one on the same directory.
    const externalUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL; // CI sets it for the other tests; this one is about the embedded path
    const second = await openDatabase({ dataDir }).finally(() => {
      if (externalUrl !== undefined) process.env.DATABASE_URL = externalUrl;
    });
    expect(second.embedded).toBe(true);
    const { rows } = await second.pool.query('select count(*)::int as n from schema_migrations');
    expect(rows[0].n).toBeGreaterThan(0);
    await second.close();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited, output).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});

describe('sarafan start failures', () => {
  const run = runCli;

  it('refuses a port that is not a number, before opening any database', async () => {
    const { code, output } = await run(['start', '--port', '80x'], { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(output).toContain('--port (or PORT) must be a whole number from 1 to 65535');
  });

  it('exits 1 with a plain message when the port is taken', async () => {
    const db = await createTestDatabase();
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { code, output } = await run(['start', '--port', String(port), '--host', '127.0.0.1'], { ...process.env, DATABASE_URL: db.url });
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
      await db.drop();
    }
  });
});
