/**
 * @module In-process background runner: one task per key at a time; starting a key that is running
 * marks it to run once more when it ends. A task that fails because the database is unavailable
 * (down, restarting, connection cut: isUnavailable) runs again after a growing pause, since no
 * later trigger may come; other failures are reported and not retried. `close()` tells running
 * tasks to stop, ends pauses and waits for them (the HTTP app calls it on shutdown).
 */
import { retryDelayMs } from '../../core/backoff.ts';
import { isUnavailable } from '../../db/connection.ts';

export interface BackgroundJobs {
  /** Starts `task` for `key` in the background, or has the running one go again when it ends. */
  start(key: string, task: (aborted: () => boolean) => Promise<unknown>): void;
  /** Resolves when the key's task (with its reruns and retries) has ended; at once when none runs. */
  idle(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface BackgroundJobsOptions {
  /** First pause before retrying after the database was unavailable (doubles up to 30 s). */
  firstRetryMs?: number;
}

/**
 * @param onError - where failures of a task go (tasks record their own state; this is for logs). An
 *   outage is reported once, at its first failure, not at every retry.
 */
export function createBackgroundJobs(onError: (key: string, err: unknown) => void, opts: BackgroundJobsOptions = {}): BackgroundJobs {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const wakeOnClose = new Set<() => void>();
  let closing = false;
  const aborted = () => closing;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakeOnClose.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakeOnClose.add(wake);
    });

  return {
    start(key, task) {
      if (closing) return;
      const current = running.get(key);
      if (current) {
        current.again = true;
        return;
      }
      const entry = { again: true, done: Promise.resolve() };
      entry.done = (async () => {
        let outageFailures = 0;
        // `again` is read and the entry removed in the same synchronous step, so a start() that
        // comes in meanwhile either sets `again` on this entry or finds no entry and starts anew.
        while (entry.again && !closing) {
          entry.again = false;
          try {
            await task(aborted);
            outageFailures = 0;
          } catch (err) {
            if (closing) break;
            if (!isUnavailable(err)) {
              onError(key, err);
              continue;
            }
            outageFailures += 1;
            if (outageFailures === 1) onError(key, err);
            entry.again = true;
            await pause(retryDelayMs(outageFailures, opts.firstRetryMs));
          }
        }
        running.delete(key);
      })();
      running.set(key, entry);
    },
    async idle(key) {
      while (running.has(key)) await running.get(key)!.done;
    },
    async close() {
      closing = true;
      for (const wake of [...wakeOnClose]) wake();
      await Promise.all([...running.values()].map((e) => e.done));
    },
  };
}
