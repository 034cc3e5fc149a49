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
import { finishStoreImport, recordStoreImportProgress, type StoreImportRow } from '../../db/storeImports/imports.ts';
import { applyStagedStoreRows, refuseStoreRows, stageStoreRows, type StagedStoreRow } from '../../db/storeImports/storeRows.ts';
import { tabularFormat, TabularFileError } from '../files/readRows.ts';
import { runStagedImport, type ImportProgress, type ImportTally } from '../files/stagedImport.ts';
import { readStoreFile } from './readStoreFile.ts';

/**
 * Runs a started store import (a store_imports row in 'running') on the file at `file`.
 * @param onProgress also called now and then (the CLI's bar)
 * @returns the finished import row (done or failed)
 */
export async function runStoreImport(
  pool: pg.Pool, imp: StoreImportRow, file: string, onProgress?: (p: ImportProgress) => void,
): Promise<StoreImportRow> {
  async function* rows(tally: ImportTally): AsyncGenerator<StagedStoreRow> {
    const read = readStoreFile(file, {
      kind: imp.kind,
      format: imp.format ?? tabularFormat(imp.fileName ?? file) ?? 'csv',
      mapping: imp.mapping,
      timeZone: imp.timeZone ?? 'UTC',
      dateFormat: imp.dateFormat,
      fileLocation: imp.locationId,
      onProgress: tally.bytesRead,
    });
    for await (const r of read) {
      if ('error' in r) tally.refuse(r.line, r.error);
      else yield r;
      tally.rowRead();
    }
  }

  return runStagedImport({
    pool,
    bytesTotal: imp.bytesTotal ?? (await stat(file)).size,
    skipBadRows: imp.skipBadRows,
    recordProgress: (p) => recordStoreImportProgress(pool, imp.orgId, imp.id, p),
    stage: (tx, tally) => stageStoreRows(tx, imp.kind, rows(tally)),
    refuseOutside: (tx) => refuseStoreRows(tx, imp.kind, { orgId: imp.orgId, locationPaths: imp.locationPaths }),
    apply: async (tx) => ({ rowsStored: await applyStagedStoreRows(tx, imp.kind, imp.orgId, imp.id) }),
    nothingStored: { rowsStored: 0 },
    finish: (db, outcome) => finishStoreImport(db, imp.orgId, imp.id, outcome),
    isFileError: (err) => err instanceof TabularFileError,
  }, onProgress);
}
