/**
 * `sarafan backup FILE`: every table of the schema copied out with COPY ... TO STDOUT inside one
 * REPEATABLE READ READ ONLY transaction, so all tables come from one snapshot while the server keeps
 * taking answers (rollups and their queue included: they stay consistent with the raw answers).
 * Written gzip-compressed to a temporary file next to FILE, flushed to disk, then renamed over
 * FILE: a failed or interrupted backup never leaves a half-written FILE. Format: src/core/backup/format.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_MAGIC, countCopyRows, encodeFrame, type BackupHeader } from '../../core/backup/format.ts';
import { listAppliedMigrations } from '../migrate.ts';
import { listTablesInLoadOrder, quoteIdent } from './catalog.ts';

export interface BackupProgress {
  /** Called once the snapshot is taken, with the tables in the order they are written. */
  start?(tables: string[]): void;
  /** Rows of `table` written so far (called per COPY chunk). */
  rows?(table: string, rows: number): void;
  tableDone?(table: string, rows: number): void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  migrations: string[];
  ms: number;
}

type Write = (chunk: Buffer) => Promise<void>;

/** The whole file's content, from the caller's snapshot transaction. */
async function writeSnapshot(tx: pg.PoolClient, write: Write, opts: BackupOptions): Promise<Omit<BackupResult, 'bytes' | 'ms' | 'file'>> {
  const migrations = await listAppliedMigrations(tx);
  if (migrations.length === 0) throw new Error('the database has no Sarafan schema (no applied migrations): nothing to back up');
  const tables = await listTablesInLoadOrder(tx);
  await opts.onSnapshot?.(tx);
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: new Date().toISOString(), migrations, tables };
  opts.progress?.start?.(tables.map((t) => t.name));
  await write(Buffer.from(BACKUP_MAGIC, 'latin1'));
  await write(encodeFrame('H', header));
  let total = 0;
  for (const table of tables) {
    await write(encodeFrame('T', { table: table.name }));
    let rows = 0;
    const columns = table.columns.map(quoteIdent).join(', ');
    for await (const chunk of tx.query(copyTo(`copy ${quoteIdent(table.name)} (${columns}) to stdout`)) as AsyncIterable<Buffer>) {
      rows += countCopyRows(chunk);
      await write(encodeFrame('D', chunk));
      opts.progress?.rows?.(table.name, rows);
    }
    await write(encodeFrame('E', { table: table.name, rows }));
    opts.progress?.tableDone?.(table.name, rows);
    total += rows;
  }
  await write(encodeFrame('Z', { tables: tables.length, rows: total }));
  return { tables: tables.length, rows: total, migrations };
}

export interface BackupOptions {
  progress?: BackupProgress;
  /** Called inside the snapshot transaction (tests read the data as of the snapshot through it). */
  onSnapshot?: (tx: pg.PoolClient) => Promise<void>;
}

/**
 * Writes a backup of the database to `file`, replacing it only once the new one is complete.
 * @throws when the database has no Sarafan schema, or on any database or file error (FILE left untouched)
 */
export async function writeBackup(pool: pg.Pool, file: string, opts: BackupOptions = {}): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.partial`);
  const client = await pool.connect();
  try {
    const gzip = zlib.createGzip({ level: 6 });
    const written = pipeline(gzip, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    written.catch(() => {}); // awaited below; a failure meanwhile ends the next write
    const write: Write = async (chunk) => {
      if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), written]);
    };
    let result: Omit<BackupResult, 'bytes' | 'ms' | 'file'>;
    // One snapshot for every table; read only, so it never blocks or conflicts with writers.
    await client.query('begin isolation level repeatable read read only');
    try {
      result = await writeSnapshot(client, write, opts);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => {});
      gzip.destroy();
      await written.catch(() => {});
      throw err;
    }
    gzip.end();
    await written;
    // On disk before the rename, so FILE is never a name for a backup a crash could still lose.
    const handle = await fs.promises.open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
    const bytes = (await fs.promises.stat(temp)).size;
    await fs.promises.rename(temp, target);
    return { file: target, bytes, ...result, ms: Date.now() - started };
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  } finally {
    client.release();
  }
}
