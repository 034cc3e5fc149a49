/** Row count and content hash of every table of the schema: two databases with equal fingerprints hold the same rows. */
import type pg from 'pg';

export type Fingerprints = Record<string, { rows: number; md5: string }>;

/** Every table except schema_migrations (the migration level is compared on its own). */
export async function tableFingerprints(db: pg.Pool | pg.PoolClient): Promise<Fingerprints> {
  const { rows: tables } = await db.query(
    `select tablename from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations' order by tablename`,
  );
  const result: Fingerprints = {};
  for (const { tablename } of tables) {
    const { rows } = await db.query(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${tablename}" t`,
    );
    result[tablename] = rows[0];
  }
  return result;
}
