/**
 * The demo on a test database without loading it in every file: under `vitest run`, the first file that asks
 * for a demo of given options loads it ONCE into a template database of the run (test/helpers/globalSetup.ts
 * drops it at the end); every file asking for the same options gets its own copy of that template. The
 * copy is the database `loadDemo` would have written: the users get the caller's password hash.
 * Outside vitest the demo is loaded into a fresh test database, as before.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { loadDemo, type LoadDemoOptions, type LoadDemoResult } from '../../src/db/demo/loadDemo.ts';
import { createPool } from '../../src/db/connection.ts';
import { createTestDatabase, currentRun, openTestDatabase, type TestDatabase } from './db.ts';
import { ADMIN_URL, testDatabaseUrl } from './pgAdmin.ts';

/** What a demo test database is loaded with: the options of `loadDemo` (docs/demo.md). */
export type TestDemoOptions = Pick<LoadDemoOptions, 'responses' | 'seed' | 'now' | 'days' | 'passwordHash'>;

/** The templates' password hash (no argon2 hash: nobody signs in with it); each copy gets the caller's. */
const TEMPLATE_PASSWORD_HASH = 'sarafan-test-demo-template';
const DEMO_TEMPLATE_LOCK = 727_090;

/** The run's demo template for these options, loaded by the first caller while the others wait. */
async function demoTemplate(prefix: string, migrated: string, opts: Omit<TestDemoOptions, 'passwordHash'>) {
  const key = JSON.stringify([opts.responses ?? null, opts.seed ?? null, opts.now?.toISOString() ?? null, opts.days ?? null]);
  const hash = crypto.createHash('sha256').update(key).digest();
  const name = `${prefix}demo_${hash.toString('hex').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1, $2)', [DEMO_TEMPLATE_LOCK, hash.readInt32BE(0)]);
    const found = await admin.query(`select shobj_description(oid, 'pg_database') as result from pg_database where datname = $1`, [name]);
    if (found.rows[0]?.result) return { name, result: JSON.parse(found.rows[0].result as string) as LoadDemoResult };
    // A template without its result is one whose load failed: load it again from nothing.
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await admin.query(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(migrated)}`);
    const pool = createPool(testDatabaseUrl(name), 5);
    let result: LoadDemoResult;
    try {
      result = await loadDemo(pool, { ...opts, passwordHash: TEMPLATE_PASSWORD_HASH });
    } finally {
      await pool.end();
    }
    await admin.query(`comment on database ${pg.escapeIdentifier(name)} is ${pg.escapeLiteral(JSON.stringify(result))}`);
    return { name, result };
  } finally {
    await admin.query('select pg_advisory_unlock($1, $2)', [DEMO_TEMPLATE_LOCK, hash.readInt32BE(0)]).catch(() => {});
    await admin.end();
  }
}

/** A test database of its own holding the demo `loadDemo(pool, opts)` would load, and what `loadDemo` answered. */
export async function createDemoTestDatabase(opts: TestDemoOptions): Promise<{ db: TestDatabase; demo: LoadDemoResult }> {
  const run = currentRun();
  if (!run) {
    const db = await createTestDatabase();
    return { db, demo: await loadDemo(db.pool, opts) };
  }
  const { passwordHash, ...load } = opts;
  const template = await demoTemplate(run.prefix, run.template, load);
  const db = await openTestDatabase(template.name);
  await db.pool.query(`update users set password_hash = $1 where password_hash = $2`, [passwordHash, TEMPLATE_PASSWORD_HASH]);
  return { db, demo: template.result };
}
