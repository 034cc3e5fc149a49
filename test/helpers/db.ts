/**
 * Each test file gets its own freshly migrated database on the real PostgreSQL server named by
 * DATABASE_URL (CI: the machine's PostgreSQL 15 at 127.0.0.1:5432, database `test`).
 * Under `vitest run` the database is a copy of the run's migrated template (test/helpers/globalSetup.ts),
 * and `drop()` hands it to the run's background dropper; elsewhere it is created, migrated and dropped here.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPool } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ADMIN_URL, adminQuery, DROP_MARK, testDatabaseUrl, type TestRun } from './pgAdmin.ts';

export { ADMIN_URL, adminQuery, testDatabaseUrl };

declare module 'vitest' {
  export interface ProvidedContext {
    sarafanTestRun: TestRun;
  }
}

export interface TestDatabase {
  pool: pg.Pool;
  url: string;
  drop(): Promise<void>;
}


/** This run's template and database prefix; undefined outside vitest (or without test/helpers/globalSetup.ts). */
export function currentRun(): TestRun | undefined {
  try {
    return inject('sarafanTestRun');
  } catch {
    return undefined; // not inside a vitest worker
  }
}

/**
 * Creates a database named `name`: a copy of `template` when given, else empty. Test databases need no
 * durability: commits do not wait for the disk.
 */
async function createDatabase(name: string, template?: string): Promise<void> {
  const id = pg.escapeIdentifier(name);
  await adminQuery(template ? `create database ${id} template ${pg.escapeIdentifier(template)}` : `create database ${id}`);
  await adminQuery(`alter database ${id} set synchronous_commit = off`);
}

/** @param opts.migrated false leaves the database without any table (restore tests start from nothing) */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const run = currentRun();
  const migrated = opts.migrated !== false;
  return openTestDatabase(migrated && run ? run.template : undefined, { migrate: migrated && !run });
}

/**
 * A new test database copied from `template` (or empty), with its pool.
 * @param opts.migrate run the migrations on it (no run template to copy)
 */
export async function openTestDatabase(template: string | undefined, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const run = currentRun();
  const name = `${run?.prefix ?? 'sarafan_t_'}${crypto.randomBytes(6).toString('hex')}`;
  await createDatabase(name, template);
  const url = testDatabaseUrl(name);
  const pool = createPool(url, 5);
  if (opts.migrate) await migrate(pool);
  return {
    pool,
    url,
    drop: async () => {
      await pool.end();
      if (run) await adminQuery(`comment on database ${pg.escapeIdentifier(name)} is '${DROP_MARK}'`);
      else await adminQuery(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    },
  };
}
