/**
 * @module Importing one event file (docs/support.md "Importing contact events"), all or nothing: the
 * file is read by ./readEventFile.ts and streamed into a staging table inside one transaction; rows
 * the reader refuses (and, for callers limited to locations, rows of other locations) are reported
 * with their line and reason. A file with refused rows stores nothing unless the import was started
 * with skipBadRows; then the rest is stored and the refused rows are listed. Progress (rows, bytes) is
 * written to support_imports outside the transaction, so the CLI's bar and the UI's poll see it.
 */
import { stat } from 'node:fs/promises';
import type pg from 'pg';
import { supportEventProblem } from '../../core/support/storing.ts';
import { finishImport, recordImportProgress, type SupportImportRow } from '../../db/support/imports.ts';
import { applyStagedEvents, createEventStage, refuseOutOfScope, stageEvents, type StagedEvent } from '../../db/support/storeEvents.ts';
import { runStagedImport, type ImportProgress, type ImportTally } from '../files/stagedImport.ts';
import { eventFileFormat, readEventFile } from './readEventFile.ts';

export { fileDigest } from '../files/upload.ts';

/**
 * Runs a started file import (a support_imports row in 'running') on the file at `file`.
 * @param onProgress also called now and then (the CLI's bar)
 * @returns the finished import row (done or failed)
 */
export async function runFileImport(
  pool: pg.Pool, imp: SupportImportRow, file: string, onProgress?: (p: ImportProgress) => void,
): Promise<SupportImportRow> {
  async function* events(tally: ImportTally): AsyncGenerator<StagedEvent> {
    const rows = readEventFile(file, {
      format: imp.format ?? eventFileFormat(imp.fileName ?? file) ?? 'csv',
      preset: imp.preset ?? 'canonical',
      timeZone: imp.timeZone ?? 'UTC',
      ...(imp.dateFormat ? { dateFormat: imp.dateFormat } : {}),
      onProgress: tally.bytesRead,
    });
    for await (const row of rows) {
      if ('error' in row) {
        tally.refuse(row.line, row.error);
      } else {
        const bad = row.events.map(supportEventProblem).find((p) => p !== null);
        if (bad) tally.refuse(row.line, bad);
        else for (const event of row.events) yield { line: row.line, event };
      }
      tally.rowRead();
    }
  }

  return runStagedImport({
    pool,
    bytesTotal: imp.bytesTotal ?? (await stat(file)).size,
    skipBadRows: imp.skipBadRows,
    recordProgress: (p) => recordImportProgress(pool, imp.orgId, imp.id, p),
    stage: async (tx, tally) => {
      await createEventStage(tx);
      await stageEvents(tx, events(tally));
    },
    refuseOutside: (tx) => refuseOutOfScope(tx, { orgId: imp.orgId, locationPaths: imp.locationPaths }),
    apply: (tx) => applyStagedEvents(tx, imp.orgId, imp.id),
    nothingStored: { eventsAdded: 0, contactsTouched: 0 },
    finish: (db, outcome) => finishImport(db, imp.orgId, imp.id, outcome),
  }, onProgress);
}
