/**
 * The commands as people run them: `sarafan backup FILE` from a DATABASE_URL database, then
 * `sarafan restore FILE` into a fresh embedded data directory (SARAFAN_DATA_DIR), which then holds
 * the same rows; a second restore while that embedded PostgreSQL runs is refused (not empty).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { type TestDatabase } from '../helpers/db.ts';
import { createDemoTestDatabase } from '../helpers/demo.ts';
import { tableFingerprints } from '../helpers/tableFingerprints.ts';

const BIN = path.resolve('bin/sarafan.js');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarafan-backup-cli-'));
fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as "postgres" when the tests run as root
const dataDir = path.join(dir, 'data');
const file = path.join(dir, 'backup.sarafan');
let source: TestDatabase;
let embedded: Database | null = null;

/** The data directory's PostgreSQL, started in this process (openDatabase prefers DATABASE_URL when set). */
async function openEmbedded(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    return await openDatabase({ dataDir });
  } finally {
    if (url !== undefined) process.env.DATABASE_URL = url;
  }
}

beforeAll(async () => {
  // The demo of test/integrations/demo.test.ts: one load per run serves both files.
  ({ db: source } = await createDemoTestDatabase({ responses: 300, seed: 11, passwordHash: 'not used' }));
});
afterAll(async () => {
  await embedded?.close();
  await source?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sarafan backup and restore', () => {
  it('backs up a DATABASE_URL database and restores it into a fresh embedded data directory', async () => {
    const backup = await run(['backup', file], { ...process.env, DATABASE_URL: source.url });
    expect(backup.output).toMatch(/Backup written to .*backup\.sarafan: \d+ tables, \d+ rows/);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).mode & 0o077).toBe(0); // password hashes and answers: owner-only

    const env: NodeJS.ProcessEnv = { ...process.env, SARAFAN_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const restore = await run(['restore', file], env);
    expect(restore.output).toMatch(/Restored \d+ rows in \d+ tables/);
    expect(restore.code).toBe(0);

    embedded = await openEmbedded();
    expect(embedded.embedded).toBe(true);
    expect(await tableFingerprints(embedded.pool)).toEqual(await tableFingerprints(source.pool));
  }, 240_000);

  it('refuses to restore over the data of the running embedded database', async () => {
    expect(embedded).not.toBeNull();
    const before = await tableFingerprints(embedded!.pool);
    const env: NodeJS.ProcessEnv = { ...process.env, SARAFAN_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const again = await run(['restore', file], env);
    expect(again.output).toMatch(/restore refused: the target database is not empty \(1 orgs, 6 users\); --force replaces everything/);
    expect(again.code).toBe(1);
    expect(await tableFingerprints(embedded!.pool)).toEqual(before);
  }, 120_000);
});
