/**
 * @module The store import log (store_imports): one row per footfall, transaction or shift file, with the declared
 * reading (mapping, zone, date format, whole-file location), progress for the bar, the outcome and the refused rows.
 * A file is identified by its kind and the SHA-256 of its bytes: a second import of it finds the first one's row.
 */
import type { Scope } from '../../core/access/index.ts';
import type { StoreImportKind } from '../../core/storeImports/fields.ts';
import type { Queryable } from '../connection.ts';

export interface StoreImportRow {
  id: string;
  orgId: string;
  kind: StoreImportKind;
  fileName: string | null;
  fileSha256: string | null;
  format: 'csv' | 'xlsx' | 'jsonl' | null;
  mapping: Record<string, string>;
  timeZone: string | null;
  dateFormat: string | null;
  /** The whole file's location (its id), when the import named one. */
  locationId: string | null;
  skipBadRows: boolean;
  locationPaths: string[] | null;
  uploadPath: string | null;
  status: 'running' | 'done' | 'failed';
  rowsRead: number;
  rowsRefused: number;
  rowsStored: number;
  bytesRead: number;
  bytesTotal: number | null;
  /** [{line, reason}] of refused rows (the first ones), or [{line: 0, reason}] for a failure of the whole file. */
  problems: { line: number; reason: string }[];
  createdBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `org_id, id, kind, file_name, file_sha256, format, mapping, time_zone, date_format, location_id, skip_bad_rows, location_paths,
  upload_path, status, rows_read, rows_refused, rows_stored, bytes_read, bytes_total, problems, created_by, started_at, finished_at`;

function toImport(r: Record<string, any>): StoreImportRow {
  return {
    id: r.id, orgId: r.org_id, kind: r.kind, fileName: r.file_name, fileSha256: r.file_sha256, format: r.format, mapping: r.mapping,
    timeZone: r.time_zone, dateFormat: r.date_format, locationId: r.location_id, skipBadRows: r.skip_bad_rows, locationPaths: r.location_paths,
    uploadPath: r.upload_path, status: r.status, rowsRead: r.rows_read, rowsRefused: r.rows_refused, rowsStored: r.rows_stored,
    bytesRead: Number(r.bytes_read), bytesTotal: r.bytes_total === null ? null : Number(r.bytes_total), problems: r.problems,
    createdBy: r.created_by, startedAt: r.started_at, finishedAt: r.finished_at,
  };
}

export interface NewStoreImport {
  kind: StoreImportKind;
  fileName: string;
  fileSha256: string;
  format: 'csv' | 'xlsx' | 'jsonl';
  mapping: Record<string, string>;
  timeZone: string;
  dateFormat: string | null;
  locationId: string | null;
  skipBadRows: boolean;
  locationPaths: string[] | null;
  uploadPath: string | null;
  bytesTotal: number;
  createdBy: string | null;
}

/**
 * Starts a file import, unless the same file (kind and SHA-256) is imported already or being imported: then that
 * import is returned with `created: false` and nothing is written.
 */
export async function startStoreImport(db: Queryable, orgId: string, f: NewStoreImport): Promise<{ row: StoreImportRow; created: boolean }> {
  const { rows } = await db.query(
    `/* startStoreImport */ insert into store_imports (org_id, kind, file_name, file_sha256, format, mapping, time_zone, date_format, location_id,
        skip_bad_rows, location_paths, upload_path, bytes_total, created_by)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
      on conflict (org_id, kind, file_sha256) where file_sha256 is not null and status <> 'failed' do nothing
      returning ${COLUMNS}`,
    [orgId, f.kind, f.fileName.slice(0, 300), f.fileSha256, f.format, JSON.stringify(f.mapping), f.timeZone, f.dateFormat, f.locationId,
      f.skipBadRows, f.locationPaths, f.uploadPath, f.bytesTotal, f.createdBy],
  );
  if (rows[0]) return { row: toImport(rows[0]), created: true };
  const { rows: existing } = await db.query(
    `/* startStoreImport:existing */ select ${COLUMNS} from store_imports where org_id = $1 and kind = $2 and file_sha256 = $3 and status <> 'failed'`,
    [orgId, f.kind, f.fileSha256],
  );
  if (!existing[0]) return startStoreImport(db, orgId, f); // it failed meanwhile: the file may be imported again
  return { row: toImport(existing[0]), created: false };
}

/** Progress while the file is read (written outside the import's transaction, so pollers see it). */
export async function recordStoreImportProgress(db: Queryable, orgId: string, id: string, p: { rowsRead: number; bytesRead: number }): Promise<void> {
  await db.query(
    `/* recordStoreImportProgress */ update store_imports set rows_read = $3, bytes_read = $4 where org_id = $1 and id = $2 and status = 'running'`,
    [orgId, id, p.rowsRead, p.bytesRead],
  );
}

export interface StoreImportOutcome {
  status: 'done' | 'failed';
  rowsRead: number;
  rowsRefused: number;
  rowsStored: number;
  bytesRead: number;
  problems: { line: number; reason: string }[];
}

/** Ends an import (done: inside the transaction that stored its rows; failed: after that one rolled back). */
export async function finishStoreImport(db: Queryable, orgId: string, id: string, o: StoreImportOutcome): Promise<StoreImportRow | null> {
  const { rows } = await db.query(
    `/* finishStoreImport */ update store_imports set status = $3, rows_read = $4, rows_refused = $5, rows_stored = $6, bytes_read = $7,
        problems = $8, finished_at = now(), upload_path = null
      where org_id = $1 and id = $2 returning ${COLUMNS}`,
    [orgId, id, o.status, o.rowsRead, o.rowsRefused, o.rowsStored, o.bytesRead, JSON.stringify(o.problems)],
  );
  return rows[0] ? toImport(rows[0]) : null;
}

/** Sets the id of the job that runs a file import. */
export async function setStoreImportJob(db: Queryable, orgId: string, id: string, jobId: string | null): Promise<void> {
  await db.query('/* setStoreImportJob */ update store_imports set job_id = $3 where org_id = $1 and id = $2', [orgId, id, jobId]);
}

const OWN = (scope: Scope & { userId?: string }) => (scope.locationPaths === null ? null : (scope.userId ?? '00000000-0000-0000-0000-000000000000'));

/** One import, for its organisation; a caller limited to locations sees only the imports it started. */
export async function getStoreImport(db: Queryable, scope: Scope & { userId?: string }, id: string): Promise<StoreImportRow | null> {
  const { rows } = await db.query(
    `/* getStoreImport */ select ${COLUMNS} from store_imports where org_id = $1 and id = $2 and ($3::uuid is null or created_by = $3)`,
    [scope.orgId, id, OWN(scope)],
  );
  return rows[0] ? toImport(rows[0]) : null;
}

/** The latest imports, newest first; limited callers see their own. */
export async function listStoreImports(db: Queryable, scope: Scope & { userId?: string }, limit = 20): Promise<StoreImportRow[]> {
  const { rows } = await db.query(
    `/* listStoreImports */ select ${COLUMNS} from store_imports where org_id = $1 and ($2::uuid is null or created_by = $2)
      order by started_at desc limit $3`,
    [scope.orgId, OWN(scope), limit],
  );
  return rows.map(toImport);
}
