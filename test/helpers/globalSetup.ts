/**
 * Once per `vitest run` (vitest.config.ts `globalSetup`): migrates ONE template database, which every test file
 * then copies (`create database ... template`, a file copy instead of ~40 migrations), and drops the test files'
 * databases in the background once they are done with them, so no file waits for PostgreSQL's DROP DATABASE.
 * test/helpers/db.ts reads what this provides; without it (a helper used outside vitest) it migrates as before.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPool } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { adminQuery, DROP_MARK, testDatabaseUrl, type TestRun } from './pgAdmin.ts';

/** Databases of this run marked done by their file, oldest first. */
async function markedDatabases(prefix: string): Promise<string[]> {
  const { rows } = await adminQuery(
    `select datname from pg_database where left(datname, length($1)) = $1 and shobj_description(oid, 'pg_database') = $2 order by oid`,
    [prefix, DROP_MARK],
  );
  return rows.map((r) => r.datname as string);
}

async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
}

export default async function setup(project: TestProject) {
  const runId = crypto.randomBytes(4).toString('hex');
  const run: TestRun = { template: `sarafan_tmpl_${runId}`, prefix: `sarafan_t_${runId}_` };
  await adminQuery(`create database ${run.template}`);
  const pool = createPool(testDatabaseUrl(run.template), 2);
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  project.provide('sarafanTestRun', run);

  // The background dropper: one DROP at a time, never overlapping itself.
  let stopped = false;
  let dropping: Promise<void> = Promise.resolve();
  const sweep = async () => {
    for (const name of await markedDatabases(run.prefix)) {
      if (stopped) return;
      await dropDatabase(name).catch(() => {}); // a failed drop is retried by the next sweep or at the end
    }
  };
  const timer = setInterval(() => {
    dropping = dropping.then(sweep).catch(() => {});
  }, 2_000);

  return async () => {
    stopped = true;
    clearInterval(timer);
    await dropping;
    // Every database of this run, marked or not (a file that crashed before its afterAll leaves one behind).
    const { rows } = await adminQuery(`select datname from pg_database where left(datname, length($1)) = $1`, [run.prefix]);
    for (const r of rows) await dropDatabase(r.datname as string);
    await dropDatabase(run.template);
  };
}
