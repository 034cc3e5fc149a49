/** @module The common shape of every metric result (METRICS.md: value, n, 95% interval, definition, small-sample flags). */

export type MetricName = 'nps' | 'csat' | 'ces' | 'csi' | 'mean' | 'share' | 'response_rate';

/**
 * How a result's 95% interval is computed (METRICS.md "Intervals and tests"): `adjusted_wald` for NPS
 * (Rocks 2016), `wilson` for shares (CSAT, response rate), `t` for means (CES, ratings); null for
 * metrics without an interval (CSI).
 */
export type Ci95Method = 'adjusted_wald' | 'wilson' | 't';

export interface MetricResult {
  metric: MetricName;
  /** Versioned definition, e.g. `nps.v1` (METRICS.md). */
  definition: string;
  /** null when n = 0. NPS in points -100..100; CSAT/shares in percent 0..100; means in scale units. */
  value: number | null;
  n: number;
  /** 95% interval in the units of `value`; null when it cannot be computed. */
  ci95: [number, number] | null;
  /** Standard error in the units of `value`; null when it cannot be computed. */
  se: number | null;
  /** The method of `ci95`, named even when n is too small for an interval; null when the metric has none. */
  ci95Method: Ci95Method | null;
  /** n < 30: shown with a "small sample" mark (METRICS.md, Small samples). */
  smallSample: boolean;
  /** n < 5: hidden in shared reports for anonymity (METRICS.md, Small samples). */
  hiddenInSharedReports: boolean;
  details?: Record<string, number | string | null>;
}

/** Below this many answers a metric carries the "small sample" mark. */
export const SMALL_SAMPLE_N = 30;
/** Below this many answers a metric is hidden in shared reports. */
export const HIDDEN_BELOW_N = 5;
/** Two-sided 95% normal quantile used by METRICS.md ("1.96"). */
export const Z95 = 1.96;

/** Build a MetricResult, deriving the small-sample flags from n. */
export function buildResult(r: Omit<MetricResult, 'smallSample' | 'hiddenInSharedReports'>): MetricResult {
  return { ...r, smallSample: r.n < SMALL_SAMPLE_N, hiddenInSharedReports: r.n < HIDDEN_BELOW_N };
}

/** Empty result (n = 0): value, interval and SE are null. */
export function emptyResult(metric: MetricName, definition: string, ci95Method: Ci95Method | null, details?: MetricResult['details']): MetricResult {
  return buildResult({ metric, definition, value: null, n: 0, ci95: null, se: null, ci95Method, ...(details ? { details } : {}) });
}

/** Clamp x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
