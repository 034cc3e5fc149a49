/** Applies the SQL files in src/db/migrations in order, under an advisory lock so two processes never migrate at once. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { inTransaction } from './tx.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 727_001;

/** The migrations this code ships (file names, in the order they apply). */
export function listMigrationNames(): string[] {
  return fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
}

/** Names of the migrations applied in the database, sorted; empty when it has never been migrated. */
export async function listAppliedMigrations(db: pg.Pool | pg.PoolClient): Promise<string[]> {
  const { rows } = await db.query(`select to_regclass('schema_migrations') is not null as exists`);
  if (!rows[0].exists) return [];
  return (await db.query('select name from schema_migrations order by name')).rows.map((r) => r.name as string);
}

/**
 * Applies the migrations not applied yet, in order.
 * @param opts.upTo stop after this migration (restore builds the schema of an older backup, then loads it)
 */
export async function migrate(pool: pg.Pool, opts: { upTo?: string } = {}): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
    );
    const done = new Set((await client.query('select name from schema_migrations')).rows.map((r) => r.name as string));
    const files = listMigrationNames().filter((f) => opts.upTo === undefined || f <= opts.upTo);
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      try {
        await inTransaction(client, async (tx) => {
          await tx.query(sql);
          await tx.query('insert into schema_migrations(name) values ($1)', [file]);
        });
        applied.push(file);
      } catch (err) {
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`, { cause: err });
      }
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return applied;
}
