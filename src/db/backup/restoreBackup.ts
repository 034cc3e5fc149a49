/**
 * `sarafan restore FILE [--force]`: checks the whole file first (nothing is touched when it is not
 * a complete Sarafan backup), gives an empty database the backup's schema level, then, in ONE
 * transaction, locks every table, refuses a target holding data unless forced (then empties it),
 * loads every table with COPY FROM in foreign-key order (parents first, as the backup wrote them)
 * and moves identity sequences past the restored ids. Any failure rolls everything back.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  BackupChecker,
  BackupFileError,
  FrameDecoder,
  countCopyRows,
  firstDependencyViolation,
  planRestoreSchema,
  type BackupSummary,
  type Frame,
} from '../../core/backup/format.ts';
import { listAppliedMigrations, listMigrationNames, migrate } from '../migrate.ts';
import { listForeignKeys, listOwnedSequences, listTablesInLoadOrder, quoteIdent } from './catalog.ts';

/** The decompressed frames of a backup file. @throws BackupFileError on a file that is not a complete gzip of frames */
async function* readFrames(file: string): AsyncGenerator<Frame> {
  const decoder = new FrameDecoder();
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield* decoder.push(chunk);
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw err;
    if (code === 'Z_DATA_ERROR' && /header/.test((err as Error).message)) throw new BackupFileError('not a Sarafan backup (not a gzip file)');
    throw new BackupFileError(`the backup is corrupt or truncated (${(err as Error).message})`);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  decoder.end();
}

/**
 * Reads the whole file and checks it: signature, header, every table complete with its row count,
 * the end mark, gzip's checksum.
 * @throws BackupFileError saying what is wrong
 */
export async function checkBackupFile(file: string): Promise<BackupSummary> {
  const checker = new BackupChecker();
  for await (const frame of readFrames(file)) checker.frame(frame);
  return checker.finish();
}

export interface RestoreProgress {
  start?(summary: BackupSummary): void;
  rows?(table: string, rowsSoFar: number): void;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  /** The migration level the data was loaded at (the backup's). */
  migrations: string[];
  /** Migrations this Sarafan has beyond the backup's level: the caller applies them next. */
  behind: number;
  ms: number;
}

/** A refusal the person restoring can act on (non-empty target, incompatible schema). */
export class RestoreRefused extends Error {}

/** The target's tables that hold rows, and a short description of its content for the refusal. */
async function findData(client: pg.PoolClient, tables: string[]): Promise<{ tables: string[]; described: string }> {
  const filled: string[] = [];
  for (const t of tables) {
    if ((await client.query(`select exists (select 1 from ${quoteIdent(t)}) as has`)).rows[0].has) filled.push(t);
  }
  const counted = [];
  for (const t of ['orgs', 'users'].filter((name) => filled.includes(name))) {
    counted.push(`${(await client.query(`select count(*) as n from ${quoteIdent(t)}`)).rows[0].n} ${t}`);
  }
  return { tables: filled, described: counted.length ? counted.join(', ') : `rows in ${filled.join(', ')}` };
}

/** Streams the data frames of each table into COPY FROM, in file order (parents first). */
async function loadTables(client: pg.PoolClient, file: string, progress?: RestoreProgress): Promise<void> {
  const checker = new BackupChecker();
  let sink: ReturnType<typeof copyFrom> | null = null;
  let finished: Promise<unknown> = Promise.resolve();
  let loaded = 0;
  for await (const frame of readFrames(file)) {
    checker.frame(frame);
    const table = checker.currentTable;
    if (frame.type === 'T' && table) {
      const columns = table.columns.map(quoteIdent).join(', ');
      const copy = client.query(copyFrom(`copy ${quoteIdent(table.name)} (${columns}) from stdin`));
      sink = copy;
      finished = new Promise((resolve, reject) => {
        copy.on('finish', resolve);
        copy.on('error', reject);
      });
      finished.catch(() => {}); // awaited at the table's end; a failure meanwhile ends the next write
      loaded = 0;
    } else if (frame.type === 'D' && sink && table) {
      if (!sink.write(frame.payload)) await Promise.race([once(sink, 'drain'), finished]);
      loaded += countCopyRows(frame.payload);
      progress?.rows?.(table.name, loaded);
    } else if (frame.type === 'E' && sink) {
      sink.end();
      await finished;
      sink = null;
    }
  }
  checker.finish();
}

/**
 * Restores `file` into the database of `pool`.
 * @throws BackupFileError when the file is not a complete Sarafan backup (nothing touched)
 * @throws RestoreRefused when the target holds data and `force` is not set, or its schema level cannot take the backup (nothing touched)
 */
export async function restoreBackup(pool: pg.Pool, file: string, opts: { force?: boolean; progress?: RestoreProgress; log?: (m: string) => void } = {}): Promise<RestoreResult> {
  const started = Date.now();
  const summary = await checkBackupFile(file);
  const { header } = summary;
  const code = listMigrationNames();
  const target = await listAppliedMigrations(pool);
  const targetTables = await listTablesInLoadOrder(pool);
  const plan = planRestoreSchema(header.migrations, code, target, targetTables.length > 0);
  if (plan.action === 'refuse') throw new RestoreRefused(`restore refused: ${plan.reason}`);

  if (plan.action === 'migrate-first') {
    opts.log?.(`Creating the schema at the backup's level (${plan.upTo})...`);
    await migrate(pool, { upTo: plan.upTo });
  }
  const tables = await listTablesInLoadOrder(pool);
  const mismatch = schemaMismatch(header.tables, tables);
  if (mismatch) throw new RestoreRefused(`restore refused: the target's tables differ from the backup's at the same migration level (${mismatch})`);
  const unordered = firstDependencyViolation(header.tables.map((t) => t.name), await listForeignKeys(pool));
  if (unordered) throw new RestoreRefused(`restore refused: the backup lists table ${unordered.child} before ${unordered.parent}, which its rows point at`);

  opts.progress?.start?.(summary);
  const client = await pool.connect();
  try {
    await client.query('begin');
    try {
      const names = tables.map((t) => t.name);
      // Nobody reads half a restore or writes into it meanwhile.
      await client.query(`lock table ${names.map(quoteIdent).join(', ')} in access exclusive mode`);
      const existing = await findData(client, names);
      if (existing.tables.length > 0 && !opts.force) {
        throw new RestoreRefused(`restore refused: the target database is not empty (${existing.described}); --force replaces everything in it with the backup`);
      }
      if (existing.tables.length > 0) await client.query(`truncate table ${names.map(quoteIdent).join(', ')} restart identity`);
      await loadTables(client, file, opts.progress);
      for (const s of await listOwnedSequences(client)) {
        await client.query(
          `select setval($1::regclass, coalesce((select max(${quoteIdent(s.column)}) from ${quoteIdent(s.table)}), 1),
                         (select count(*) > 0 from ${quoteIdent(s.table)}))`,
          [s.sequence],
        );
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    }
  } finally {
    client.release();
  }
  return {
    tables: header.tables.length,
    rows: summary.totalRows,
    migrations: header.migrations,
    behind: code.length - header.migrations.length,
    ms: Date.now() - started,
  };
}

/** Why the target's tables cannot take the backup's rows, or null when every backup table and column exists and no table is left out. */
function schemaMismatch(backup: readonly { name: string; columns: string[] }[], target: readonly { name: string; columns: string[] }[]): string | null {
  const targetByName = new Map(target.map((t) => [t.name, new Set(t.columns)]));
  for (const t of backup) {
    const columns = targetByName.get(t.name);
    if (!columns) return `no table ${t.name}`;
    const missing = t.columns.filter((c) => !columns.has(c));
    if (missing.length) return `table ${t.name} has no column ${missing.join(', ')}`;
  }
  const extra = target.filter((t) => !backup.some((b) => b.name === t.name)).map((t) => t.name);
  return extra.length ? `tables not in the backup: ${extra.join(', ')}` : null;
}
