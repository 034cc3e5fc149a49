/** Timing helpers for the benchmark: run a measurement several times, report median and p95. */

export interface Timing {
  median_ms: number;
  p95_ms: number;
}

/** Nearest-rank percentile of already measured durations. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    durations.push(performance.now() - t);
  }
  return { median_ms: round(percentile(durations, 50)), p95_ms: round(percentile(durations, 95)) };
}
