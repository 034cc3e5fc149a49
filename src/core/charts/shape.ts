/**
 * Pure data shaping for charts: turns API series into the arrays ECharts draws. No DOM, no
 * ECharts runtime, so it is unit-tested in Node.
 */

/** A point of a trend: one period with its value and 95% interval (null when no answers). */
export interface IntervalPoint {
  period: string;
  value: number | null;
  ci95: [number, number] | null;
  n: number;
  /** The period is not wholly inside the window (cut by it, or still running): drawn hollow and dashed. */
  partial?: boolean;
}

/**
 * The arrays behind a line with a confidence band. ECharts draws the band as two stacked areas:
 * an invisible `lower` area and a filled `band` (= hi - lo) on top of it. Periods without an
 * interval get nulls so the line and band break there instead of dropping to zero.
 */
export interface BandData {
  categories: string[];
  values: (number | null)[];
  lower: (number | null)[];
  band: (number | null)[];
  upper: (number | null)[];
  n: number[];
  partial: boolean[];
}

/** Shapes trend points (in period order) into line + band arrays. */
export function toBandData(points: readonly IntervalPoint[]): BandData {
  const out: BandData = { categories: [], values: [], lower: [], band: [], upper: [], n: [], partial: [] };
  for (const p of points) {
    out.categories.push(p.period);
    out.values.push(p.value ?? null);
    out.n.push(p.n);
    out.partial.push(!!p.partial);
    if (p.ci95 && Number.isFinite(p.ci95[0]) && Number.isFinite(p.ci95[1])) {
      const lo = Math.min(p.ci95[0], p.ci95[1]);
      const hi = Math.max(p.ci95[0], p.ci95[1]);
      out.lower.push(lo);
      out.band.push(hi - lo);
      out.upper.push(hi);
    } else {
      out.lower.push(null);
      out.band.push(null);
      out.upper.push(null);
    }
  }
  return out;
}

/** A value of the dashed line; its ends at whole periods carry no marker (the solid line draws those). */
export type PartialLinePoint = number | null | { value: number; symbol: 'none' };

/**
 * Splits the value line in two: `whole` keeps only whole periods (a solid line with filled markers),
 * `partial` keeps partial periods and their neighbours, so every segment that touches a partial period
 * is dashed and the partial points get hollow markers. Nulls break both lines.
 */
export function splitPartialLine(values: readonly (number | null)[], partial: readonly boolean[]): { whole: (number | null)[]; partial: PartialLinePoint[] } {
  const whole = values.map((v, i) => (partial[i] ? null : v));
  const dashed = values.map((v, i): PartialLinePoint => {
    if (v === null) return null;
    if (partial[i]) return v;
    return partial[i - 1] || partial[i + 1] ? { value: v, symbol: 'none' } : null;
  });
  return { whole, partial: dashed };
}

/**
 * The smallest readable tick step (1, 2, 2.5 or 5 times a power of ten) that both bounds are multiples
 * of, with at most `maxSteps` steps between them, and whole when both bounds are (the labels have no
 * decimals then); undefined when there is none. ECharts puts ticks on multiples of the step and labels
 * the bounds too, so a bound off the ticks drew "100" over "90".
 */
export function axisInterval(min: number, max: number, maxSteps = 8): number | undefined {
  if (!(max > min)) return undefined;
  const onStep = (v: number, step: number) => Math.abs(v / step - Math.round(v / step)) < 1e-9;
  const whole = Number.isInteger(min) && Number.isInteger(max);
  for (let exp = Math.floor(Math.log10((max - min) / maxSteps)) - 1; exp <= Math.ceil(Math.log10(max - min)); exp++) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * 10 ** exp;
      if (whole && !Number.isInteger(step)) continue;
      if ((max - min) / step <= maxSteps + 1e-9 && onStep(min, step) && onStep(max, step)) return step;
    }
  }
  return undefined;
}

/**
 * Axis bounds that hold the whole band with a little headroom, clamped to the metric's range, and a tick
 * step both bounds fall on (axisInterval).
 */
export function bandAxisRange(data: BandData, limits: { min: number; max: number }): { min: number; max: number; interval?: number } {
  const withStep = (r: { min: number; max: number }) => ({ ...r, interval: axisInterval(r.min, r.max) });
  const all = [...data.values, ...data.lower, ...data.upper].filter((v): v is number => v !== null);
  if (all.length === 0) return withStep(limits);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  // Round outwards to a readable step (10 points for NPS and percentages, 1 for rating means).
  const step = limits.max - limits.min >= 50 ? 10 : 1;
  const pad = (hi - lo) * 0.05;
  return withStep({
    min: Math.max(limits.min, Math.floor((lo - pad) / step) * step),
    max: Math.min(limits.max, Math.ceil((hi + pad) / step) * step),
  });
}

/**
 * Axis bounds around data points with a margin of `fraction` of their spread on each side (1 when
 * they are all equal), rounded outwards to a hundredth of the range's order of magnitude: points
 * (and their labels) sit inside the plot, not on its edge.
 */
export function paddedRange(values: readonly number[], fraction = 0.1): { min: number; max: number } | null {
  if (values.length === 0) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * fraction : 1;
  const exponent = Math.floor(Math.log10(hi - lo + 2 * pad)) - 1;
  const step = 10 ** exponent;
  const digits = Math.max(0, -exponent);
  const round = (v: number) => Number(v.toFixed(digits));
  return { min: round(Math.floor((lo - pad) / step) * step), max: round(Math.ceil((hi + pad) / step) * step) };
}

/** Colours shared by charts and badges; chosen to stay apart for common colour-vision deficiencies. */
export const GROUP_COLORS = { detractor: '#c0392b', passive: '#b8860b', promoter: '#1b7f3b', neutral: '#1f5fbf' } as const;

/**
 * The position of a value on a 0..1 scale for the heat table: NPS -100..100, shares 0..100, means
 * on their question's scale (flipped when lower is better).
 */
export function heatPosition(
  value: number | null,
  metric: string,
  scale?: { min: number; max: number } | null,
  lowerIsBetter = false,
): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  let t: number;
  if (metric === 'nps') t = (value + 100) / 200;
  else if (metric === 'csat' || metric === 'share') t = value / 100;
  else if (scale && scale.max > scale.min) t = (value - scale.min) / (scale.max - scale.min);
  else return null;
  t = Math.min(1, Math.max(0, t));
  return lowerIsBetter ? 1 - t : t;
}

/** Background colour for a heat-table cell (red → yellow → green); text always carries the value too. */
export function heatColor(t: number | null): string {
  if (t === null) return 'transparent';
  const hue = Math.round(t * 120); // 0 = red, 120 = green
  return `hsl(${hue} 70% 85%)`;
}
