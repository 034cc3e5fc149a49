/**
 * The schema as backup and restore see it, from the PostgreSQL catalog: every ordinary table of the
 * current schema except schema_migrations (the migration level travels in the backup's header), its
 * stored columns, the foreign keys between tables and the sequences behind identity columns.
 */
import type { Queryable } from '../connection.ts';
import { orderByDependencies, type BackupTable, type TableDependency } from '../../core/backup/format.ts';

/** The migration bookkeeping table: its content is the header's migration level, not data. */
const MIGRATIONS_TABLE = 'schema_migrations';

/** Tables with their columns (generated columns left out: COPY cannot write them), parents before children. */
export async function listTablesInLoadOrder(db: Queryable): Promise<BackupTable[]> {
  const { rows } = await db.query(
    `/* listTablesInLoadOrder */
     select c.relname as name, array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p') and not c.relispartition and c.relname <> $1
      group by c.relname order by c.relname`,
    [MIGRATIONS_TABLE],
  );
  const byName = new Map(rows.map((r) => [r.name as string, r.columns as string[]]));
  return orderByDependencies([...byName.keys()], await listForeignKeys(db)).map((name) => ({ name, columns: byName.get(name)! }));
}

/** Foreign keys between the schema's tables. */
export async function listForeignKeys(db: Queryable): Promise<TableDependency[]> {
  const { rows } = await db.query(
    `/* listForeignKeys */
     select child.relname as child, parent.relname as parent
       from pg_constraint k
       join pg_class child on child.oid = k.conrelid
       join pg_class parent on parent.oid = k.confrelid
       join pg_namespace n on n.oid = child.relnamespace and n.nspname = current_schema()
      where k.contype = 'f'`,
  );
  return rows as TableDependency[];
}

/** Sequences owned by columns of the schema's tables (identity and serial columns). */
export async function listOwnedSequences(db: Queryable): Promise<{ table: string; column: string; sequence: string }[]> {
  const { rows } = await db.query(
    `/* listOwnedSequences */
     select t.relname as table, a.attname as column, s.oid::regclass::text as sequence
       from pg_depend d
       join pg_class s on s.oid = d.objid and s.relkind = 'S'
       join pg_class t on t.oid = d.refobjid
       join pg_namespace n on n.oid = t.relnamespace and n.nspname = current_schema()
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')`,
  );
  return rows as { table: string; column: string; sequence: string }[];
}

/** An identifier quoted for SQL (catalog names only, never user input). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
