/**
 * @module The run of a file import that is all or nothing (support contact events, store footfall /
 * transactions / shifts): rows are read and streamed into a staging table inside one transaction; rows the
 * reader refuses and rows outside the caller's locations are kept with their line and reason (the first
 * MAX_KEPT_PROBLEMS); a file with refused rows stores nothing unless the import was started with skipBadRows.
 * Progress (rows, bytes) is written outside the transaction, so the CLI's bar and the page's poll see it.
 * Each import kind supplies its reading, staging and storing (src/server/support/importEventFile.ts,
 * src/server/store/importStoreFile.ts).
 */
import type pg from 'pg';
import { MAX_KEPT_PROBLEMS } from '../../core/support/storing.ts';
import { releaseClient, type Queryable } from '../../db/connection.ts';
import { inTransaction } from '../../db/tx.ts';

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number;
}

type Problem = { line: number; reason: string };

/** What the run hands to the kind's reader: count each row read, refuse a row, note the bytes read. */
export interface ImportTally {
  /** Counts one row of the file and reports progress now and then. */
  rowRead(): void;
  refuse(line: number, reason: string): void;
  bytesRead(n: number): void;
}

/** The counts every import row records, whatever its kind. */
export interface ImportCounts {
  rowsRead: number;
  rowsRefused: number;
  bytesRead: number;
  problems: Problem[];
}

export interface StagedImport<Stored extends object, Finished> {
  pool: pg.Pool;
  bytesTotal: number;
  skipBadRows: boolean;
  /** Writes progress to the import's row (on its own connection, outside the import's transaction). */
  recordProgress(p: ImportProgress): Promise<void>;
  /** Stages every acceptable row of the file on `tx`, calling the tally for each row read or refused. */
  stage(tx: pg.PoolClient, tally: ImportTally): Promise<unknown>;
  /** Refuses staged rows outside the caller's locations (or unknown to the organisation): their lines and reasons. */
  refuseOutside(tx: pg.PoolClient): Promise<Problem[]>;
  /** Stores the staged rows; its counts go into the finished row. */
  apply(tx: pg.PoolClient): Promise<Stored>;
  /** The counts a failed import stores (nothing stored). */
  nothingStored: Stored;
  /** Ends the import row: inside the transaction when done, after the rollback when failed. */
  finish(db: Queryable, outcome: ImportCounts & Stored & { status: 'done' | 'failed' }): Promise<Finished | null>;
  /** Errors about the file itself (not the connection): the client goes back to the pool. */
  isFileError?(err: unknown): boolean;
}

const PROGRESS_EVERY_MS = 500;

/** Thrown inside the import's transaction to roll it back: the file has refused rows and no leave to skip them. */
class RefusedFile extends Error {}

/**
 * Runs one import. @param onProgress also called now and then (the CLI's bar)
 * @returns the finished import row (done or failed)
 */
export async function runStagedImport<Stored extends object, Finished>(
  imp: StagedImport<Stored, Finished>, onProgress?: (p: ImportProgress) => void,
): Promise<Finished> {
  const { pool, bytesTotal } = imp;
  const problems: Problem[] = [];
  const counts = { rowsRead: 0, rowsRefused: 0, bytesRead: 0 };
  let lastReport = 0;
  let reporting: Promise<void> = Promise.resolve();
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    const p = { rowsRead: counts.rowsRead, bytesRead: counts.bytesRead, bytesTotal };
    onProgress?.(p);
    // One update at a time, on another connection than the import's transaction.
    reporting = reporting.then(() => imp.recordProgress(p)).catch(() => {});
  };
  const refuse = (line: number, reason: string) => {
    counts.rowsRefused++;
    if (problems.length < MAX_KEPT_PROBLEMS) problems.push({ line, reason });
  };
  const tally: ImportTally = {
    rowRead: () => {
      counts.rowsRead++;
      report();
    },
    refuse,
    bytesRead: (n) => {
      counts.bytesRead = n;
    },
  };

  const client = await pool.connect();
  let failure: unknown;
  let outcome: (ImportCounts & Stored & { status: 'failed' }) | null = null;
  let finished: Finished | null = null;
  try {
    finished = await inTransaction(client, async (tx) => {
      await imp.stage(tx, tally);
      counts.bytesRead = bytesTotal;
      report(true);
      for (const p of await imp.refuseOutside(tx)) refuse(p.line, p.reason);
      problems.sort((a, b) => a.line - b.line);
      // Refused rows without leave to skip them: the transaction rolls back, nothing is stored.
      if (counts.rowsRefused > 0 && !imp.skipBadRows) throw new RefusedFile();
      const stored = await imp.apply(tx);
      await reporting;
      return imp.finish(tx, { status: 'done', ...counts, ...stored, problems });
    });
  } catch (err) {
    if (err instanceof RefusedFile) {
      outcome = { status: 'failed', ...counts, ...imp.nothingStored, problems };
    } else {
      if (!imp.isFileError?.(err)) failure = err;
      outcome = { status: 'failed', ...counts, ...imp.nothingStored, problems: [{ line: 0, reason: err instanceof Error ? err.message : String(err) }] };
    }
  } finally {
    releaseClient(client, failure);
  }
  await reporting;
  if (outcome) finished = await imp.finish(pool, outcome);
  if (!finished) throw new Error('the import row is gone');
  return finished;
}
