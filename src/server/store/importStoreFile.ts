/**
 * @module Running one store import (docs/store-economics.md "Imports: footfall, transactions, shifts"), all or
 * nothing: the file is read by ./readStoreFile.ts and streamed into a staging table inside one transaction; rows
 * the reader refuses, rows of unknown locations and, for callers limited to locations, rows of other locations are
 * reported with their line and reason. A file with refused rows stores nothing unless the import was started with
 * skipBadRows. Progress (rows, bytes) is written to store_imports outside the transaction, so the CLI's bar and
 * the page's poll see it. The upload route's job, the CLI and the benchmark all run imports through here.
 */
import { stat } from 'node:fs/promises';
import type pg from 'pg';
import { MAX_KEPT_PROBLEMS } from '../../core/support/storing.ts';
import { releaseClient } from '../../db/connection.ts';
import { inTransaction } from '../../db/tx.ts';
import { finishStoreImport, recordStoreImportProgress, type StoreImportOutcome, type StoreImportRow } from '../../db/storeImports/imports.ts';
import { applyStagedStoreRows, refuseStoreRows, stageStoreRows, type StagedStoreRow } from '../../db/storeImports/storeRows.ts';
import { tabularFormat, TabularFileError } from '../files/readRows.ts';
import { readStoreFile } from './readStoreFile.ts';

export interface StoreImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
}

const PROGRESS_EVERY_MS = 500;

/** Thrown inside the import's transaction to roll it back: the file has refused rows and no leave to skip them. */
class RefusedFile extends Error {}

/**
 * Runs a started store import (a store_imports row in 'running') on the file at `file`.
 * @param onProgress also called now and then (the CLI's bar)
 * @returns the finished import row (done or failed)
 */
export async function runStoreImport(
  pool: pg.Pool, imp: StoreImportRow, file: string, onProgress?: (p: StoreImportProgress) => void,
): Promise<StoreImportRow> {
  const bytesTotal = imp.bytesTotal ?? (await stat(file)).size;
  const problems: { line: number; reason: string }[] = [];
  const counts = { rowsRead: 0, rowsRefused: 0, bytesRead: 0 };
  const refuse = (line: number, reason: string) => {
    counts.rowsRefused++;
    if (problems.length < MAX_KEPT_PROBLEMS) problems.push({ line, reason });
  };
  let lastReport = 0;
  let reporting: Promise<void> = Promise.resolve();
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    const p = { rowsRead: counts.rowsRead, bytesRead: counts.bytesRead, bytesTotal };
    onProgress?.(p);
    // One update at a time, on another connection than the import's transaction.
    reporting = reporting.then(() => recordStoreImportProgress(pool, imp.orgId, imp.id, p)).catch(() => {});
  };

  async function* rows(): AsyncGenerator<StagedStoreRow> {
    const read = readStoreFile(file, {
      kind: imp.kind,
      format: imp.format ?? tabularFormat(imp.fileName ?? file) ?? 'csv',
      mapping: imp.mapping,
      timeZone: imp.timeZone ?? 'UTC',
      dateFormat: imp.dateFormat,
      fileLocation: imp.locationId,
      onProgress: (n) => {
        counts.bytesRead = n;
      },
    });
    for await (const r of read) {
      counts.rowsRead++;
      if ('error' in r) refuse(r.line, r.error);
      else yield r;
      report();
    }
  }

  const client = await pool.connect();
  let failure: unknown;
  let outcome: StoreImportOutcome | null = null;
  let finished: StoreImportRow | null = null;
  try {
    finished = await inTransaction(client, async (tx) => {
      await stageStoreRows(tx, imp.kind, rows());
      counts.bytesRead = bytesTotal;
      report(true);
      const outside = await refuseStoreRows(tx, imp.kind, { orgId: imp.orgId, locationPaths: imp.locationPaths });
      for (const p of outside) refuse(p.line, p.reason);
      problems.sort((a, b) => a.line - b.line);
      // Refused rows without leave to skip them: the transaction rolls back, nothing is stored.
      if (counts.rowsRefused > 0 && !imp.skipBadRows) throw new RefusedFile();
      const rowsStored = await applyStagedStoreRows(tx, imp.kind, imp.orgId, imp.id);
      await reporting;
      return finishStoreImport(tx, imp.orgId, imp.id, { status: 'done', ...counts, rowsStored, problems });
    });
  } catch (err) {
    if (err instanceof RefusedFile) {
      outcome = { status: 'failed', ...counts, rowsStored: 0, problems };
    } else {
      if (!(err instanceof TabularFileError)) failure = err;
      outcome = { status: 'failed', ...counts, rowsStored: 0, problems: [{ line: 0, reason: err instanceof Error ? err.message : String(err) }] };
    }
  } finally {
    releaseClient(client, failure);
  }
  await reporting;
  if (outcome) finished = await finishStoreImport(pool, imp.orgId, imp.id, outcome);
  if (!finished) throw new Error('the import row is gone');
  return finished;
}
