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
import { MAX_KEPT_PROBLEMS, supportEventProblem } from '../../core/support/storing.ts';
import { releaseClient } from '../../db/connection.ts';
import { inTransaction } from '../../db/tx.ts';
import { finishImport, recordImportProgress, type ImportOutcome, type SupportImportRow } from '../../db/support/imports.ts';
import { applyStagedEvents, createEventStage, refuseOutOfScope, stageEvents, type StagedEvent } from '../../db/support/storeEvents.ts';
import { eventFileFormat, readEventFile } from './readEventFile.ts';

export { fileDigest } from '../files/upload.ts';

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
}

const PROGRESS_EVERY_MS = 500;

/** Thrown inside the import's transaction to roll it back: the file has refused rows and no leave to skip them. */
class RefusedFile extends Error {}

/**
 * Runs a started file import (a support_imports row in 'running') on the file at `file`.
 * @param onProgress also called now and then (the CLI's bar)
 * @returns the finished import row (done or failed)
 */
export async function runFileImport(
  pool: pg.Pool, imp: SupportImportRow, file: string, onProgress?: (p: ImportProgress) => void,
): Promise<SupportImportRow> {
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
    reporting = reporting.then(() => recordImportProgress(pool, imp.orgId, imp.id, p)).catch(() => {});
  };

  async function* events(): AsyncGenerator<StagedEvent> {
    const rows = readEventFile(file, {
      format: imp.format ?? eventFileFormat(imp.fileName ?? file) ?? 'csv',
      preset: imp.preset ?? 'canonical',
      timeZone: imp.timeZone ?? 'UTC',
      ...(imp.dateFormat ? { dateFormat: imp.dateFormat } : {}),
      onProgress: (read) => {
        counts.bytesRead = read;
      },
    });
    for await (const row of rows) {
      counts.rowsRead++;
      if ('error' in row) {
        refuse(row.line, row.error);
      } else {
        const bad = row.events.map(supportEventProblem).find((p) => p !== null);
        if (bad) refuse(row.line, bad);
        else for (const event of row.events) yield { line: row.line, event };
      }
      report();
    }
  }

  const client = await pool.connect();
  let failure: unknown;
  let outcome: ImportOutcome | null = null;
  let finished: SupportImportRow | null = null;
  try {
    finished = await inTransaction(client, async (tx) => {
      await createEventStage(tx);
      await stageEvents(tx, events());
      counts.bytesRead = bytesTotal;
      report(true);
      const outside = await refuseOutOfScope(tx, { orgId: imp.orgId, locationPaths: imp.locationPaths });
      for (const p of outside) refuse(p.line, p.reason);
      problems.sort((a, b) => a.line - b.line);
      // Refused rows without leave to skip them: the transaction rolls back, nothing is stored.
      if (counts.rowsRefused > 0 && !imp.skipBadRows) throw new RefusedFile();
      const stored = await applyStagedEvents(tx, imp.orgId, imp.id);
      await reporting;
      return finishImport(tx, imp.orgId, imp.id, { status: 'done', ...counts, ...stored, problems });
    });
  } catch (err) {
    if (err instanceof RefusedFile) {
      outcome = { status: 'failed', ...counts, eventsAdded: 0, contactsTouched: 0, problems };
    } else {
      failure = err;
      outcome = { status: 'failed', ...counts, eventsAdded: 0, contactsTouched: 0, problems: [{ line: 0, reason: err instanceof Error ? err.message : String(err) }] };
    }
  } finally {
    releaseClient(client, failure);
  }
  await reporting;
  if (outcome) finished = await finishImport(pool, imp.orgId, imp.id, outcome);
  if (!finished) throw new Error('the import row is gone');
  return finished;
}
