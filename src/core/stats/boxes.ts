/**
 * @module Default boxes of rating scales (METRICS.md csat.v1 and ces.v1): which scores count as
 * "satisfied" or "agree". One rule for the metrics, the survey definition, the respondent pages and
 * the builder; it imports nothing, so the dashboard can bundle it.
 */

/**
 * csat.v1's lowest "satisfied" score: top box on 3-point scales, top-2 on 4- to 7-point scales, top-3
 * on 10-point scales; null for lengths METRICS.md does not define (2, 8, 9, 11 points...).
 */
export function metricsCsatBox(min: number, max: number): number | null {
  const points = max - min + 1;
  if (points === 3) return max;
  if (points >= 4 && points <= 7) return max - 1;
  if (points === 10) return max - 2;
  return null;
}

/**
 * The box stored with a new CSAT question: csat.v1's where it is defined, top-3 on the other scales
 * the builder allows (8, 9 and 11 points, e.g. 0..10).
 */
export function surveyCsatBox(min: number, max: number): number {
  return metricsCsatBox(min, max) ?? (max - min + 1 < 3 ? max : max - 2);
}

/**
 * ces.v1 "agree" range (inclusive): scores strictly on the easy side of the midpoint, i.e. 5-7 on
 * the 1..7 agreement scale, or 1-2 on the legacy 1..5 effort scale where lower is easier.
 */
export function cesAgreeRange(min: number, max: number, direction: 'higher_is_easier' | 'lower_is_easier'): { from: number; to: number } {
  const mid = (min + max) / 2;
  return direction === 'higher_is_easier' ? { from: Math.floor(mid) + 1, to: max } : { from: min, to: Math.ceil(mid) - 1 };
}
