/**
 * Delay before retry number `attempt` (1 for the first retry) of work that failed because something
 * it needs is down: doubles from `firstMs` and stays at `maxMs`, so a long outage costs one attempt
 * per `maxMs` and a short one is caught up within about a second.
 */
export function retryDelayMs(attempt: number, firstMs = 500, maxMs = 30_000): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
}
