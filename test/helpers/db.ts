/**
 * Each test file gets its own freshly migrated database on the real PostgreSQL server named by
 * DATABASE_URL (CI: the machine's PostgreSQL 15 at 127.0.0.1:5432, database `test`).
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { createPool } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';

export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  pool: pg.Pool;
  url: string;
  drop(): Promise<void>;
}

/** @param opts.migrated false leaves the database without any table (restore tests start from nothing) */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `sarafan_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), 5);
  if (opts.migrated !== false) await migrate(pool);
  return {
    pool,
    url: url.toString(),
    drop: async () => {
      await pool.end();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
