/**
 * The live preview's request rule, kept apart from React so it is unit-tested: each new draft waits for a quiet
 * moment (debounce), and only the answer to the latest request is shown (out-of-order answers are dropped).
 */

/** How long the author's typing must pause before the preview is asked for (ms). */
export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * Numbers requests and tells whether an answer is still the latest: an answer to request 3 arriving after
 * request 4 was sent is stale and must not replace what request 4 will show.
 */
export class LatestOnly {
  private last = 0;
  /** A new request's number. */
  next(): number {
    return ++this.last;
  }
  /** True while no later request has been started. */
  isLatest(n: number): boolean {
    return n === this.last;
  }
}
