/**
 * @module The home page's "locations that moved most" (docs/home.md): among locations with a change against the
 * previous period, only those whose change is significant (the test of src/core/stats/compare.ts that fits the
 * metric: p < 0.05 and both sides at least SMALL_SAMPLE_N answers), the largest rises and the largest falls. Pure.
 */
import type { ComparisonResult, MetricResult } from '../stats/index.ts';

/** How many movers each direction lists at most. */
export const MOVERS_LIMIT = 5;

export interface LocationChange {
  id: string;
  name: string;
  current: MetricResult | null;
  previous: MetricResult | null;
  change: ComparisonResult | null;
}

export interface Movers<T extends LocationChange> {
  /** Significant rises, the largest first (ties by name). */
  up: T[];
  /** Significant falls, the largest fall first (ties by name). */
  down: T[];
}

/**
 * The significant movers in each direction, at most `limit` each. A change without a test (too few answers, no
 * variance) is never significant, so small samples never appear however large their difference.
 */
export function selectMovers<T extends LocationChange>(rows: readonly T[], limit = MOVERS_LIMIT): Movers<T> {
  const moved = rows.filter((r) => r.change?.significant === true && r.change.diff !== null && r.change.diff !== 0);
  const diff = (r: T) => r.change!.diff!;
  const byName = (a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const up = moved.filter((r) => diff(r) > 0).sort((a, b) => diff(b) - diff(a) || byName(a, b));
  const down = moved.filter((r) => diff(r) < 0).sort((a, b) => diff(a) - diff(b) || byName(a, b));
  return { up: up.slice(0, limit), down: down.slice(0, limit) };
}
