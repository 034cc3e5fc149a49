/**
 * What the two sides of a comparison select, and how overlapping sides are made independent
 * (METRICS.md "Intervals and tests": overlapping groups are compared with the complement or refused).
 * Pure: the server resolves ids to paths and runs the queries; the rules live here.
 */
import { DomainError } from '../errors.ts';
import type { Histogram } from '../stats/index.ts';

/** One marked-dimension condition, `key:value`. */
export interface Segment {
  key: string;
  value: string;
}

/** The answers a side selects on the axes that can differ between sides. */
export interface SideSelection {
  /** Inclusive org-local days; undefined = open end. */
  from?: string;
  to?: string;
  /** Location subtree (materialised path); undefined = everything the caller may see. */
  locationPath?: string;
  /** Every dimension condition of the side (shared and own), distinct keys. */
  segments: Segment[];
}

const fail = (field: string, message: string) => new DomainError('validation', `${field}: ${message}`, { field });

/**
 * The shared `dim` and a side's own dimension (`aDim`/`bDim`) as distinct conditions: the side
 * narrows the shared filter. The same key with another value would select nothing, so it is refused.
 * @throws validation naming `field`
 */
export function sideSegments(shared: Segment | undefined, own: Segment | undefined, field: string): Segment[] {
  if (!shared) return own ? [own] : [];
  if (!own || (own.key === shared.key && own.value === shared.value)) return [shared];
  if (own.key === shared.key) {
    throw fail(field, `${own.key}:${own.value} contradicts the shared filter dim=${shared.key}:${shared.value}; a side can only narrow the shared filters`);
  }
  return [shared, own];
}

/**
 * A side's location must lie inside the shared `location` (the same node or below it).
 * @throws validation naming `field` and the location
 */
export function checkSideLocation(sharedPath: string | undefined, side: { path: string; name: string } | undefined, field: string, sharedName = 'the shared location'): void {
  if (!sharedPath || !side) return;
  if (!side.path.startsWith(sharedPath)) {
    throw fail(field, `"${side.name}" is outside the shared location filter (${sharedName}); choose a location inside it or clear the shared filter`);
  }
}

/** How one side's set relates to the other's on one axis. */
type Relation = 'disjoint' | 'equal' | 'a_in_b' | 'b_in_a' | 'overlap';

function periodRelation(a: SideSelection, b: SideSelection): Relation {
  const before = (end?: string, start?: string) => end !== undefined && start !== undefined && end < start;
  if (before(a.to, b.from) || before(b.to, a.from)) return 'disjoint';
  return a.from === b.from && a.to === b.to ? 'equal' : 'overlap';
}

function locationRelation(a: SideSelection, b: SideSelection): Relation {
  const pa = a.locationPath ?? '';
  const pb = b.locationPath ?? '';
  if (pa === pb) return 'equal';
  if (pa.startsWith(pb)) return 'a_in_b';
  if (pb.startsWith(pa)) return 'b_in_a';
  return 'disjoint';
}

function segmentRelation(a: SideSelection, b: SideSelection): Relation {
  const bv = new Map(b.segments.map((s) => [s.key, s.value]));
  // The same key with two values: no response is in both.
  if (a.segments.some((s) => bv.has(s.key) && bv.get(s.key) !== s.value)) return 'disjoint';
  const same = a.segments.length === b.segments.length && a.segments.every((s) => bv.get(s.key) === s.value);
  return same ? 'equal' : 'overlap';
}

const periodText = (s: SideSelection) => `${s.from ?? '…'}..${s.to ?? '…'}`;
const segmentText = (s: SideSelection) => (s.segments.length ? s.segments.map((x) => `${x.key}:${x.value}`).join(' & ') : 'all customers');

/**
 * Whether the two sides are independent samples, and if not how to make them so:
 * - independent when they differ on at least one axis without overlap (two periods, two
 *   locations neither inside the other, two values of one dimension);
 * - otherwise, when one side's location lies inside the other's (a store and its region), the
 *   outer side becomes "the rest of" its location: its own filters minus the inner location;
 * - otherwise overlapping periods, overlapping segments (different keys, or one side with a
 *   segment the other lacks) and identical sides are refused.
 * @returns `{ restOf: null }` or the side ('a' | 'b') whose location is replaced by its rest
 * @throws validation naming the parameter
 */
export function resolveOverlap(a: SideSelection, b: SideSelection): { restOf: 'a' | 'b' | null } {
  const period = periodRelation(a, b);
  const location = locationRelation(a, b);
  const segment = segmentRelation(a, b);
  if (period === 'disjoint' || location === 'disjoint' || segment === 'disjoint') return { restOf: null };
  if (location === 'a_in_b') return { restOf: 'b' };
  if (location === 'b_in_a') return { restOf: 'a' };
  if (period !== 'equal') {
    throw fail('bFrom', `the periods overlap (A ${periodText(a)}, B ${periodText(b)}): the same answers would be on both sides; choose periods that do not share a day`);
  }
  if (segment !== 'equal') {
    throw fail('bDim', `the segments overlap (A ${segmentText(a)}, B ${segmentText(b)}): a customer can be in both; compare two values of one dimension`);
  }
  throw fail('b', 'A and B select the same answers; change one side');
}

/**
 * `whole` minus `part` per score: the rest of a group once a subgroup is taken out. Histograms are
 * additive and `part` is a subset of `whole`, so no count goes below zero; zero counts are dropped.
 * @throws internal when `part` is not a subset (a bug in the caller's filters)
 */
export function subtractHistogram(whole: Histogram, part: Histogram): Histogram {
  const out: Record<number, number> = {};
  for (const [score, n] of Object.entries(whole)) out[Number(score)] = n;
  for (const [score, n] of Object.entries(part)) {
    const left = (out[Number(score)] ?? 0) - n;
    if (left < 0) throw new DomainError('internal', 'subtractHistogram: the part is not inside the whole');
    out[Number(score)] = left;
  }
  for (const k of Object.keys(out)) if (out[Number(k)] === 0) delete out[Number(k)];
  return out;
}

/**
 * The least number of other locations with answers a "rest of the company" benchmark must pool:
 * with only one, the benchmark would be that store's own figure.
 */
export const MIN_BENCHMARK_LOCATIONS = 2;
