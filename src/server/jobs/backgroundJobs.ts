/**
 * @module In-process background runner: one task per key at a time; starting a key that is running
 * marks it to run once more when it ends. `close()` tells running tasks to stop and waits for them
 * (the HTTP app calls it on shutdown).
 */

export interface BackgroundJobs {
  /** Starts `task` for `key` in the background, or has the running one go again when it ends. */
  start(key: string, task: (aborted: () => boolean) => Promise<unknown>): void;
  /** Resolves when the key's task (with its reruns) has ended; at once when none runs. */
  idle(key: string): Promise<void>;
  close(): Promise<void>;
}

/** @param onError - where failures of a task go (tasks record their own state; this is for logs) */
export function createBackgroundJobs(onError: (key: string, err: unknown) => void): BackgroundJobs {
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  let closing = false;
  const aborted = () => closing;

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
        // `again` is read and the entry removed in the same synchronous step, so a start() that
        // comes in meanwhile either sets `again` on this entry or finds no entry and starts anew.
        while (entry.again && !closing) {
          entry.again = false;
          try {
            await task(aborted);
          } catch (err) {
            if (!closing) onError(key, err);
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
      await Promise.all([...running.values()].map((e) => e.done));
    },
  };
}
