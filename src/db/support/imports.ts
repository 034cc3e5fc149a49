/**
 * @module The import log (support_imports): one row per file import or stored API batch, with the
 * declared reading, progress for the bar, the outcome and the refused rows. A file is identified by
 * the SHA-256 of its bytes and its preset: a second import of it finds the first one's row.
 */
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';

export type ImportStatus = 'running' | 'done' | 'failed';

export interface SupportImportRow {
  id: string;
  orgId: string;
  kind: 'file' | 'api';
  fileName: string | null;
  fileSha256: string | null;
  preset: string | null;
  format: 'csv' | 'xlsx' | 'jsonl' | null;
  timeZone: string | null;
  dateFormat: string | null;
  skipBadRows: boolean;
  locationPaths: string[] | null;
  uploadPath: string | null;
  status: ImportStatus;
  rowsRead: number;
  rowsRefused: number;
  eventsAdded: number;
  contactsTouched: number;
  bytesRead: number;
  bytesTotal: number | null;
  /** [{line, reason}] of refused rows (the first ones), or [{line: 0, reason}] for a failure of the whole file. */
  problems: { line: number; reason: string }[];
  createdBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const COLUMNS = `org_id, id, kind, file_name, file_sha256, preset, format, time_zone, date_format, skip_bad_rows, location_paths, upload_path,
  status, rows_read, rows_refused, events_added, contacts_touched, bytes_read, bytes_total, problems, created_by, started_at, finished_at`;

function toImport(r: Record<string, any>): SupportImportRow {
  return {
    id: r.id, orgId: r.org_id, kind: r.kind, fileName: r.file_name, fileSha256: r.file_sha256, preset: r.preset, format: r.format,
    timeZone: r.time_zone, dateFormat: r.date_format, skipBadRows: r.skip_bad_rows, locationPaths: r.location_paths, uploadPath: r.upload_path,
    status: r.status, rowsRead: r.rows_read, rowsRefused: r.rows_refused, eventsAdded: r.events_added, contactsTouched: r.contacts_touched,
    bytesRead: Number(r.bytes_read), bytesTotal: r.bytes_total === null ? null : Number(r.bytes_total), problems: r.problems,
    createdBy: r.created_by, startedAt: r.started_at, finishedAt: r.finished_at,
  };
}

export interface NewFileImport {
  fileName: string;
  fileSha256: string;
  preset: string;
  format: 'csv' | 'xlsx' | 'jsonl';
  timeZone: string;
  dateFormat: string | null;
  skipBadRows: boolean;
  locationPaths: string[] | null;
  uploadPath: string | null;
  bytesTotal: number;
  createdBy: string | null;
}

/**
 * Starts a file import, unless the same file (SHA-256 and preset) is imported already or being
 * imported: then that import is returned with `created: false` and nothing is written.
 */
export async function startFileImport(db: Queryable, orgId: string, f: NewFileImport): Promise<{ row: SupportImportRow; created: boolean }> {
  const { rows } = await db.query(
    `/* startFileImport */ insert into support_imports (org_id, kind, file_name, file_sha256, preset, format, time_zone, date_format,
        skip_bad_rows, location_paths, upload_path, bytes_total, created_by)
      values ($1, 'file', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
      on conflict (org_id, file_sha256, preset) where file_sha256 is not null and status <> 'failed' do nothing
      returning ${COLUMNS}`,
    [orgId, f.fileName.slice(0, 300), f.fileSha256, f.preset, f.format, f.timeZone, f.dateFormat, f.skipBadRows, f.locationPaths, f.uploadPath, f.bytesTotal, f.createdBy],
  );
  if (rows[0]) return { row: toImport(rows[0]), created: true };
  const { rows: existing } = await db.query(
    `/* startFileImport:existing */ select ${COLUMNS} from support_imports
      where org_id = $1 and file_sha256 = $2 and preset = $3 and status <> 'failed'`,
    [orgId, f.fileSha256, f.preset],
  );
  if (!existing[0]) return startFileImport(db, orgId, f); // it failed meanwhile: the file may be imported again
  return { row: toImport(existing[0]), created: false };
}

/** Records an API batch that stored events. */
export async function recordApiImport(db: Queryable, orgId: string, createdBy: string, counts: { rowsRead: number; rowsRefused: number; eventsAdded: number; contactsTouched: number }): Promise<void> {
  await db.query(
    `/* recordApiImport */ insert into support_imports (org_id, kind, status, rows_read, rows_refused, events_added, contacts_touched, created_by, finished_at)
      values ($1, 'api', 'done', $2, $3, $4, $5, $6, now())`,
    [orgId, counts.rowsRead, counts.rowsRefused, counts.eventsAdded, counts.contactsTouched, createdBy],
  );
}

/** Progress while the file is read (written outside the import's transaction, so pollers see it). */
export async function recordImportProgress(db: Queryable, orgId: string, id: string, p: { rowsRead: number; bytesRead: number }): Promise<void> {
  await db.query(
    `/* recordImportProgress */ update support_imports set rows_read = $3, bytes_read = $4 where org_id = $1 and id = $2 and status = 'running'`,
    [orgId, id, p.rowsRead, p.bytesRead],
  );
}

export interface ImportOutcome {
  status: 'done' | 'failed';
  rowsRead: number;
  rowsRefused: number;
  eventsAdded: number;
  contactsTouched: number;
  bytesRead: number;
  problems: { line: number; reason: string }[];
}

/** Ends an import (done: inside the transaction that stored its events; failed: after that one rolled back). */
export async function finishImport(db: Queryable, orgId: string, id: string, o: ImportOutcome): Promise<SupportImportRow | null> {
  const { rows } = await db.query(
    `/* finishImport */ update support_imports set status = $3, rows_read = $4, rows_refused = $5, events_added = $6, contacts_touched = $7,
        bytes_read = $8, problems = $9, finished_at = now(), upload_path = null
      where org_id = $1 and id = $2 returning ${COLUMNS}`,
    [orgId, id, o.status, o.rowsRead, o.rowsRefused, o.eventsAdded, o.contactsTouched, o.bytesRead, JSON.stringify(o.problems)],
  );
  return rows[0] ? toImport(rows[0]) : null;
}

/** Sets the id of the job that runs a file import. */
export async function setImportJob(db: Queryable, orgId: string, id: string, jobId: string | null): Promise<void> {
  await db.query('/* setImportJob */ update support_imports set job_id = $3 where org_id = $1 and id = $2', [orgId, id, jobId]);
}

/** One import, for its organisation; a caller limited to locations sees only the imports it started. */
export async function getImport(db: Queryable, scope: Scope & { userId?: string }, id: string): Promise<SupportImportRow | null> {
  const { rows } = await db.query(
    `/* getImport */ select ${COLUMNS} from support_imports where org_id = $1 and id = $2 and ($3::uuid is null or created_by = $3)`,
    [scope.orgId, id, scope.locationPaths === null ? null : (scope.userId ?? '00000000-0000-0000-0000-000000000000')],
  );
  return rows[0] ? toImport(rows[0]) : null;
}

/** The latest imports (files and API batches), newest first; limited callers see their own. */
export async function listImports(db: Queryable, scope: Scope & { userId?: string }, limit = 20): Promise<SupportImportRow[]> {
  const { rows } = await db.query(
    `/* listImports */ select ${COLUMNS} from support_imports where org_id = $1 and ($2::uuid is null or created_by = $2)
      order by started_at desc limit $3`,
    [scope.orgId, scope.locationPaths === null ? null : (scope.userId ?? '00000000-0000-0000-0000-000000000000'), limit],
  );
  return rows.map(toImport);
}

/** Organisations whose id or exact name is `idOrName` (all of them when it is undefined), oldest first: the CLI's --org. */
export async function findOrgsNamed(db: Queryable, idOrName: string | undefined): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    '/* findOrgsNamed */ select id, name from orgs where $1::text is null or id::text = $1 or name = $1 order by created_at', [idOrName ?? null],
  );
  return rows;
}
