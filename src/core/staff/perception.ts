/**
 * @module The perception gap (docs/staff.md "The perception gap"): the staff's estimate of how customers feel
 * (a staff survey's expected_nps / expected_csat / expected_complaints questions) next to the customers' actual
 * answers in the same locations and period, per location and team, and the customers' top complaints that staff
 * do not see. Pure: the answers come in as rows and histograms, the groups go out.
 *
 * Anonymity: a staff group is shown only with at least MIN_GROUP respondents. Going up the location tree,
 * a location's pool is its own staff plus the pools its sub-locations could not show; teams of 5+ in a pool are
 * shown as (location, team), and the rest is shown as the location when 5+, else passed to the parent location
 * (at a top location of the caller's view: hidden). So a shown group never contains a shown smaller group, and no
 * group of 1-4 can be computed from the difference of two shown ones.
 */
import { computeCsat, computeNps, histogramFromScores, type Histogram } from '../stats/index.ts';
import { MIN_GROUP } from './anonymity.ts';
/** "Problems staff do not see" are looked for among this many of the customers' most frequent complaint themes. */
export const TOP_CUSTOMER_THEMES = 5;
/** A top customer theme is unseen when fewer than this share of the group's staff named it. */
export const UNSEEN_BELOW_STAFF_SHARE = 0.2;
/** A gap within +/- this many points reads as "about right". */
export const ALIGNED_WITHIN_POINTS = 5;

/** The thresholds an answer states (the page shows them). */
export const PERCEPTION_THRESHOLDS = {
  minGroup: MIN_GROUP,
  topThemes: TOP_CUSTOMER_THEMES,
  unseenBelowShare: UNSEEN_BELOW_STAFF_SHARE,
  alignedWithin: ALIGNED_WITHIN_POINTS,
} as const;

export interface PerceptionLocation {
  id: string;
  /** null, or a location not in the list: a top location of the view. */
  parentId: string | null;
  name: string;
}

/** One staff respondent's answers to the perception questions (never shown as such). */
export interface StaffPerceptionAnswer {
  locationId: string;
  team: string | null;
  /** 0..10: the staff member's estimate of a typical customer's recommendation */
  expectedNps: number | null;
  /** on the expected_csat question's scale */
  expectedCsat: number | null;
  /** theme ids named as the customers' top complaints */
  complaints: readonly string[];
}

/** The customer survey's answers of one location (not its sub-locations). */
export interface CustomerLocationStats {
  locationId: string;
  /** responses answering the NPS or the CSAT question */
  n: number;
  nps: Histogram;
  csat: Histogram;
  /** negative comments, and how many of them carry each theme */
  negative: number;
  themes: Readonly<Record<string, number>>;
}

export interface CsatScaleOf {
  min: number;
  max: number;
  box?: number;
}

export interface PerceptionInput {
  locations: readonly PerceptionLocation[];
  staff: readonly StaffPerceptionAnswer[];
  customers: readonly CustomerLocationStats[];
  /** the staff survey's expected_csat question's scale; null without one */
  staffCsatScale: CsatScaleOf | null;
  /** the customer survey's CSAT question's scale; null without one */
  customerCsatScale: CsatScaleOf | null;
  /** the staff survey has an expected_complaints question */
  asksComplaints: boolean;
}

export type GapReading = 'optimistic' | 'pessimistic' | 'aligned';

export interface ComplaintRow {
  theme: string;
  /** share (0..1) of the customers' negative comments carrying the theme */
  customerShare: number;
  /** among the customers' TOP_CUSTOMER_THEMES most frequent themes */
  top: boolean;
  /** share (0..1) of the group's staff naming it; null when the staff survey does not ask */
  staffShare: number | null;
  /** among the customers' top themes and named by fewer than UNSEEN_BELOW_STAFF_SHARE of staff */
  unseen: boolean;
}

export interface PerceptionGroup {
  locationId: string;
  name: string;
  team: string | null;
  staffN: number;
  /** NPS in points, CSAT in percent; null without answers */
  expected: { nps: number | null; csat: number | null };
  actual: { nps: number | null; csat: number | null; n: number };
  /** expected - actual, in points; null when a side is null */
  gap: { nps: number | null; csat: number | null };
  reading: { nps: GapReading | null; csat: GapReading | null };
  complaints: ComplaintRow[];
}

export interface PerceptionResult {
  groups: PerceptionGroup[];
  /** pools of 1..MIN_GROUP-1 staff with no parent location in view to merge into */
  hidden: number;
}

/** The plain-words reading of a gap: staff more optimistic (gap above +ALIGNED_WITHIN_POINTS), more pessimistic, or about right. */
export function gapReading(gap: number | null): GapReading | null {
  if (gap === null) return null;
  if (gap > ALIGNED_WITHIN_POINTS) return 'optimistic';
  if (gap < -ALIGNED_WITHIN_POINTS) return 'pessimistic';
  return 'aligned';
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

interface CustomerTotals {
  n: number;
  nps: Record<number, number>;
  csat: Record<number, number>;
  negative: number;
  themes: Record<string, number>;
}

const emptyTotals = (): CustomerTotals => ({ n: 0, nps: {}, csat: {}, negative: 0, themes: {} });

function addInto(into: Record<string | number, number>, from: Readonly<Record<string | number, number>>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function addTotals(into: CustomerTotals, from: CustomerTotals | CustomerLocationStats) {
  into.n += from.n;
  into.negative += from.negative;
  addInto(into.nps, from.nps);
  addInto(into.csat, from.csat);
  addInto(into.themes, from.themes);
}

/**
 * The complaint rows of a group: the customers' top TOP_CUSTOMER_THEMES themes (by share, then id) and every theme
 * staff named, by customer share, then staff share, then id.
 */
export function complaintRows(customers: { negative: number; themes: Readonly<Record<string, number>> }, staff: readonly StaffPerceptionAnswer[], asksComplaints: boolean): ComplaintRow[] {
  const customerShare = (theme: string) => (customers.negative > 0 ? (customers.themes[theme] ?? 0) / customers.negative : 0);
  const top = Object.keys(customers.themes)
    .filter((th) => (customers.themes[th] ?? 0) > 0)
    .sort((a, b) => customerShare(b) - customerShare(a) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TOP_CUSTOMER_THEMES);
  const named = new Map<string, number>();
  for (const s of staff) for (const th of new Set(s.complaints)) named.set(th, (named.get(th) ?? 0) + 1);
  const staffShare = (theme: string) => (asksComplaints && staff.length > 0 ? (named.get(theme) ?? 0) / staff.length : null);
  const themes = new Set([...top, ...(asksComplaints ? named.keys() : [])]);
  const topSet = new Set(top);
  return [...themes]
    .map((theme) => {
      const share = staffShare(theme);
      const top = topSet.has(theme);
      return { theme, customerShare: customerShare(theme), top, staffShare: share, unseen: top && share !== null && share < UNSEEN_BELOW_STAFF_SHARE };
    })
    .sort((a, b) => b.customerShare - a.customerShare || (b.staffShare ?? 0) - (a.staffShare ?? 0) || (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0));
}

/** The groups of the perception gap (see the module comment for the anonymity rule). */
export function perceptionGroups(input: PerceptionInput): PerceptionResult {
  const byId = new Map(input.locations.map((l) => [l.id, l]));
  const children = new Map<string, PerceptionLocation[]>();
  const roots: PerceptionLocation[] = [];
  for (const l of input.locations) {
    if (l.parentId !== null && byId.has(l.parentId)) {
      const list = children.get(l.parentId) ?? [];
      list.push(l);
      children.set(l.parentId, list);
    } else roots.push(l);
  }
  const byName = (a: PerceptionLocation, b: PerceptionLocation) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);
  roots.sort(byName);
  for (const list of children.values()) list.sort(byName);

  const ownStaff = new Map<string, StaffPerceptionAnswer[]>();
  for (const s of input.staff) {
    if (!byId.has(s.locationId)) continue;
    const list = ownStaff.get(s.locationId) ?? [];
    list.push(s);
    ownStaff.set(s.locationId, list);
  }
  const ownCustomers = new Map<string, CustomerLocationStats[]>();
  for (const c of input.customers) {
    const list = ownCustomers.get(c.locationId) ?? [];
    list.push(c);
    ownCustomers.set(c.locationId, list);
  }

  const groups: Array<PerceptionGroup & { order: number }> = [];
  let hidden = 0;
  let order = 0;

  const group = (loc: PerceptionLocation, team: string | null, staff: StaffPerceptionAnswer[], customers: CustomerTotals, at: number) => {
    const expectedNps = computeNps(histogramFromScores(staff.map((s) => s.expectedNps))).value;
    const expectedCsat = input.staffCsatScale ? computeCsat(histogramFromScores(staff.map((s) => s.expectedCsat)), input.staffCsatScale).value : null;
    const actualNps = computeNps(customers.nps).value;
    const actualCsat = input.customerCsatScale ? computeCsat(customers.csat, input.customerCsatScale).value : null;
    const gap = { nps: minus(expectedNps, actualNps), csat: minus(expectedCsat, actualCsat) };
    groups.push({
      order: at,
      locationId: loc.id,
      name: loc.name,
      team,
      staffN: staff.length,
      expected: { nps: expectedNps, csat: expectedCsat },
      actual: { nps: actualNps, csat: actualCsat, n: customers.n },
      gap,
      reading: { nps: gapReading(gap.nps), csat: gapReading(gap.csat) },
      complaints: complaintRows(customers, staff, input.asksComplaints),
    });
  };

  /** Walks the subtree of `loc`; returns the staff its groups could not show and the customers of the whole subtree. */
  const visit = (loc: PerceptionLocation): { pool: StaffPerceptionAnswer[]; customers: CustomerTotals } => {
    const at = order++;
    const pool = [...(ownStaff.get(loc.id) ?? [])];
    const customers = emptyTotals();
    for (const c of ownCustomers.get(loc.id) ?? []) addTotals(customers, c);
    for (const child of children.get(loc.id) ?? []) {
      const sub = visit(child);
      pool.push(...sub.pool);
      addTotals(customers, sub.customers);
    }
    const byTeam = new Map<string, StaffPerceptionAnswer[]>();
    for (const s of pool) if (s.team !== null) byTeam.set(s.team, [...(byTeam.get(s.team) ?? []), s]);
    const shownTeams = [...byTeam.entries()].filter(([, staff]) => staff.length >= MIN_GROUP).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [team, staff] of shownTeams) group(loc, team, staff, customers, at);
    const shown = new Set(shownTeams.map(([team]) => team));
    const rest = pool.filter((s) => s.team === null || !shown.has(s.team));
    if (rest.length >= MIN_GROUP) {
      group(loc, null, rest, customers, at);
      return { pool: [], customers };
    }
    return { pool: rest, customers };
  };

  for (const root of roots) {
    if (visit(root).pool.length > 0) hidden++;
  }
  // Tree order; within a location its own row (team null) first, then its teams by name.
  groups.sort((a, b) => a.order - b.order || (a.team === null ? -1 : b.team === null ? 1 : a.team < b.team ? -1 : 1));
  return { groups: groups.map(({ order: _order, ...g }) => g), hidden };
}
