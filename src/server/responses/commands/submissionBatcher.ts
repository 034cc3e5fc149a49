/**
 * Group commit for submissions (docs/bench.md "Ingest"): submissions that arrive while earlier ones
 * are being written are inserted together, in one statement (insertSubmissions), at most
 * `maxInFlight` statements at a time. Nothing waits for a timer: with one submission at a time each
 * is written at once; under load a batch forms while the statements in flight run. Each submission is
 * acknowledged only when its statement has committed, with its own outcome (new id, used key, survey
 * no longer live), as if inserted alone. Two submissions with the same survey and key never share a
 * statement (the second waits for the next one and then finds the first, as a retry does). When a
 * batch fails, its submissions are retried one by one, so one bad submission fails alone.
 */
import type { Queryable } from '../../../db/connection.ts';
import { insertSubmissions, type InsertOutcome, type PreparedSubmission } from '../../../db/responses/insertSubmissions.ts';
import type { SubmissionInserter } from './submitResponse.ts';

interface Waiting {
  sub: PreparedSubmission;
  resolve: (o: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

export interface SubmissionBatcherOptions {
  /** Submissions per statement at most. */
  maxBatch?: number;
  /** Statements in flight at most (each holds a pooled connection for one round trip). */
  maxInFlight?: number;
}

export function createSubmissionBatcher(db: Queryable, opts: SubmissionBatcherOptions = {}): SubmissionInserter {
  const maxBatch = opts.maxBatch ?? 64;
  const maxInFlight = opts.maxInFlight ?? 2;
  const queue: Waiting[] = [];
  let inFlight = 0;

  const run = async (batch: Waiting[]) => {
    try {
      const outcomes = await insertSubmissions(db, batch.map((w) => w.sub));
      batch.forEach((w, i) => w.resolve(outcomes[i]));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      // Rolled back as a whole: each alone, so only a submission that fails by itself fails.
      await Promise.all(batch.map((w) => insertSubmissions(db, [w.sub]).then(([o]) => w.resolve(o), w.reject)));
    }
  };

  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch: Waiting[] = [];
      const keys = new Set<string>();
      for (let i = 0; i < queue.length && batch.length < maxBatch; ) {
        const key = `${queue[i].sub.surveyId}|${queue[i].sub.idempotencyKey}`;
        if (keys.has(key)) {
          i++;
          continue;
        }
        keys.add(key);
        batch.push(...queue.splice(i, 1));
      }
      inFlight++;
      void run(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  return (sub) =>
    new Promise<InsertOutcome>((resolve, reject) => {
      queue.push({ sub, resolve, reject });
      pump();
    });
}
