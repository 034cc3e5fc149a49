import { describe, expect, it } from 'vitest';
import {
  complaintRows, gapReading, perceptionGroups, type CustomerLocationStats, type PerceptionInput, type PerceptionLocation, type StaffPerceptionAnswer,
} from './perception.ts';

const loc = (id: string, parentId: string | null, name = id): PerceptionLocation => ({ id, parentId, name });

/** Staff of one location: expected NPS scores, CSAT scores and complaints by position (missing: skipped). */
function staffOf(locationId: string, nps: Array<number | null>, csat: Array<number | null> = [], complaints: string[][] = [], team: string | null = null): StaffPerceptionAnswer[] {
  return nps.map((score, i) => ({ locationId, team, expectedNps: score, expectedCsat: csat[i] ?? null, complaints: complaints[i] ?? [] }));
}

const customers = (locationId: string, c: Partial<CustomerLocationStats>): CustomerLocationStats => ({ locationId, n: 0, nps: {}, csat: {}, negative: 0, themes: {}, ...c });

const SCALE_1_5 = { min: 1, max: 5, box: 4 };

// Company C > Region R > stores A, B; store D directly under C.
const TREE = [loc('C', null, 'Company'), loc('R', 'C', 'Region'), loc('A', 'R', 'Store A'), loc('B', 'R', 'Store B'), loc('D', 'C', 'Store D')];

function base(over: Partial<PerceptionInput> = {}): PerceptionInput {
  return {
    locations: TREE,
    staff: [
      // A: 6 staff. NPS 10,9,9 promoters, 8 passive, 6,3 detractors: (3 - 2) / 6 = 16.67. CSAT >= 4: 5,4,4,5 = 4 of 6 = 66.67%.
      ...staffOf('A', [10, 9, 9, 8, 6, 3], [5, 4, 4, 3, 2, 5], [['queue'], ['queue', 'price'], ['price'], ['price'], [], ['parking']]),
      // B: 3 staff (under 5: merged into R). R itself: 2 staff. R's pool: 5.
      ...staffOf('B', [10, 10, 7], [5, 5, 4]),
      ...staffOf('R', [0, 9], [1, 4]),
      // D: 4 staff, merged into C, which has none of its own: 4 at the top, hidden.
      ...staffOf('D', [10, 10, 10, 10], [5, 5, 5, 5]),
    ],
    customers: [
      // A: NPS 10,10,9 promoters, 5 detractor: (3 - 1) / 4 = 50. CSAT 5,4 of 5,4,2,2: 50%.
      customers('A', { n: 4, nps: { 10: 2, 9: 1, 5: 1 }, csat: { 5: 1, 4: 1, 2: 2 }, negative: 4, themes: { queue: 3, staff: 2, price: 1 } }),
      customers('B', { n: 2, nps: { 0: 2 }, csat: { 1: 2 }, negative: 2, themes: { queue: 1, cleanliness: 2 } }),
      customers('D', { n: 1, nps: { 10: 1 }, csat: { 5: 1 } }),
    ],
    staffCsatScale: SCALE_1_5,
    customerCsatScale: SCALE_1_5,
    asksComplaints: true,
    ...over,
  };
}

describe('perceptionGroups', () => {
  it('shows locations of 5+ staff, merges smaller ones into the parent and hides what stays under 5 at the top', () => {
    const r = perceptionGroups(base());
    expect(r.hidden).toBe(1); // D's 4 staff merged into C: still 4
    expect(r.groups.map((g) => [g.locationId, g.team, g.staffN])).toEqual([['R', null, 5], ['A', null, 6]]);
    for (const g of r.groups) expect(g.staffN).toBeGreaterThanOrEqual(5);
  });

  it('computes expected and actual NPS / CSAT, the gaps and their readings', () => {
    const [r, a] = perceptionGroups(base()).groups;
    // A (own subtree only)
    expect(a.name).toBe('Store A');
    expect(a.expected.nps).toBeCloseTo(100 / 6, 10);
    expect(a.expected.csat).toBeCloseTo(400 / 6, 10);
    expect(a.actual).toEqual({ nps: 50, csat: 50, n: 4 });
    expect(a.gap.nps).toBeCloseTo(100 / 6 - 50, 10); // -33.33: staff more pessimistic
    expect(a.gap.csat).toBeCloseTo(400 / 6 - 50, 10); // +16.67: more optimistic
    expect(a.reading).toEqual({ nps: 'pessimistic', csat: 'optimistic' });
    // R: staff of B (10,10,7) and R (0,9): promoters 3, detractors 1 of 5 = 40; CSAT 5,5,4,4 of 5 = 80%.
    // Customers of R's subtree (A + B): NPS promoters 3, detractors 3 of 6 = 0; CSAT 2 of 6 = 33.33%.
    expect(r.name).toBe('Region');
    expect(r.expected).toEqual({ nps: 40, csat: 80 });
    expect(r.actual.nps).toBe(0);
    expect(r.actual.csat).toBeCloseTo(100 / 3, 10);
    expect(r.actual.n).toBe(6);
    expect(r.gap.nps).toBe(40);
    expect(r.gap.csat).toBeCloseTo(80 - 100 / 3, 10);
    expect(r.reading).toEqual({ nps: 'optimistic', csat: 'optimistic' });
  });

  it("lists the customers' top themes beside the staff's and marks the ones staff do not see", () => {
    const [r, a] = perceptionGroups(base()).groups;
    // A: customers' negative comments 4: queue 3, staff 2, price 1. Staff (6): queue 2, price 3, parking 1.
    expect(a.complaints).toEqual([
      { theme: 'queue', customerShare: 0.75, top: true, staffShare: 2 / 6, unseen: false },
      { theme: 'staff', customerShare: 0.5, top: true, staffShare: 0, unseen: true },
      { theme: 'price', customerShare: 0.25, top: true, staffShare: 0.5, unseen: false },
      { theme: 'parking', customerShare: 0, top: false, staffShare: 1 / 6, unseen: false },
    ]);
    // R: 6 negative comments: queue 4, staff 2, cleanliness 2, price 1; R's 5 staff named nothing.
    expect(r.complaints).toEqual([
      { theme: 'queue', customerShare: 4 / 6, top: true, staffShare: 0, unseen: true },
      { theme: 'cleanliness', customerShare: 2 / 6, top: true, staffShare: 0, unseen: true },
      { theme: 'staff', customerShare: 2 / 6, top: true, staffShare: 0, unseen: true },
      { theme: 'price', customerShare: 1 / 6, top: true, staffShare: 0, unseen: true },
    ]);
  });

  it('shows teams of 5+ inside a location and the rest as the location when 5+', () => {
    const staff = [
      ...staffOf('S', [10, 10, 10, 10, 10, 10, 10], [], [], 'cashiers'),
      ...staffOf('S', [0, 0, 0], [], [], 'floor'),
      ...staffOf('S', [9, 9]),
    ];
    const r = perceptionGroups(base({ locations: [loc('S', null, 'Shop')], staff, customers: [], staffCsatScale: null, customerCsatScale: null }));
    expect(r.hidden).toBe(0);
    // Rest: floor 0,0,0 and no team 9,9: (2 - 3) / 5 = -20.
    expect(r.groups.map((g) => [g.team, g.staffN])).toEqual([[null, 5], ['cashiers', 7]]);
    expect(r.groups[0].expected.nps).toBeCloseTo(-20, 10);
    expect(r.groups[1].expected.nps).toBe(100);
    expect(r.groups[0].actual).toEqual({ nps: null, csat: null, n: 0 });
    expect(r.groups[0].gap).toEqual({ nps: null, csat: null });
    expect(r.groups[0].reading).toEqual({ nps: null, csat: null });
    expect(r.groups[0].expected.csat).toBeNull();
  });

  it('passes a rest under 5 up to the parent, where it joins the parent pool', () => {
    const staff = [
      ...staffOf('S', [10, 10, 10, 10, 10], [], [], 'cashiers'),
      ...staffOf('S', [0, 0, 0], [], [], 'floor'), // rest of S: 3, goes up to P
      ...staffOf('P', [8, 8]), // P: 2 + 3 = 5
    ];
    const r = perceptionGroups(base({ locations: [loc('P', null, 'Parent'), loc('S', 'P', 'Shop')], staff, customers: [] }));
    // P's pool: 8, 8, 0, 0, 0: (0 - 3) / 5 = -60
    expect(r.groups.map((g) => [g.locationId, g.team, g.staffN])).toEqual([['P', null, 5], ['S', 'cashiers', 5]]);
    expect(r.groups[0].expected.nps).toBeCloseTo(-60, 10);
    expect(r.groups[1].expected.nps).toBe(100);
    expect(r.hidden).toBe(0);
  });

  it('treats a location whose parent is outside the view as a top location and ignores staff outside it', () => {
    const staff = [...staffOf('A', [9, 9, 9, 9]), ...staffOf('X', [0, 0, 0, 0, 0, 0])];
    const r = perceptionGroups(base({ locations: [loc('A', 'R')], staff, customers: [] }));
    expect(r.groups).toEqual([]);
    expect(r.hidden).toBe(1);
  });

  it('counts skipped questions out of the metrics but in staffN', () => {
    const r = perceptionGroups(base({ locations: [loc('S', null)], staff: staffOf('S', [10, null, null, 0, 10], [5, 1, null, null, null]), customers: [] }));
    // NPS of 10, 0, 10: (2 - 1) / 3 = 33.33; CSAT of 5, 1: 50%
    expect(r.groups[0].staffN).toBe(5);
    expect(r.groups[0].expected.nps).toBeCloseTo(100 / 3, 10);
    expect(r.groups[0].expected.csat).toBe(50);
  });

  it('has no groups and nothing hidden without staff answers', () => {
    expect(perceptionGroups(base({ staff: [] }))).toEqual({ groups: [], hidden: 0 });
  });
});

describe('complaintRows', () => {
  const six = { negative: 10, themes: { a: 6, b: 5, c: 4, d: 3, e: 2, f: 1, g: 0 } };
  const staff = (complaints: string[][]) => complaints.map((c) => ({ locationId: 'S', team: null, expectedNps: null, expectedCsat: null, complaints: c }));

  it('looks for unseen problems among the top 5 customer themes only, named by under 20% of staff', () => {
    // 5 staff: a named by 1 (20%: seen), b by 0 (unseen), f by 0 (6th theme: not listed), c named twice by one person (counted once)
    const rows = complaintRows(six, staff([['a', 'c', 'c'], [], [], [], []]), true);
    expect(rows).toEqual([
      { theme: 'a', customerShare: 0.6, top: true, staffShare: 0.2, unseen: false },
      { theme: 'b', customerShare: 0.5, top: true, staffShare: 0, unseen: true },
      { theme: 'c', customerShare: 0.4, top: true, staffShare: 0.2, unseen: false },
      { theme: 'd', customerShare: 0.3, top: true, staffShare: 0, unseen: true },
      { theme: 'e', customerShare: 0.2, top: true, staffShare: 0, unseen: true },
    ]);
  });

  it('lists a theme beyond the top 5 when staff named it, never as unseen', () => {
    const rows = complaintRows(six, staff([['f'], [], [], [], [], [], [], [], [], []]), true);
    expect(rows.at(-1)).toEqual({ theme: 'f', customerShare: 0.1, top: false, staffShare: 0.1, unseen: false });
    expect(rows).toHaveLength(6);
  });

  it('breaks equal customer shares by theme id', () => {
    expect(complaintRows({ negative: 2, themes: { z: 1, m: 1 } }, staff([[]]), true).map((r) => r.theme)).toEqual(['m', 'z']);
  });

  it('has no staff share and nothing unseen when the staff survey does not ask', () => {
    expect(complaintRows({ negative: 4, themes: { queue: 1 } }, staff([['queue']]), false)).toEqual([{ theme: 'queue', customerShare: 0.25, top: true, staffShare: null, unseen: false }]);
  });
});

describe('gapReading', () => {
  it('reads a gap beyond 5 points as optimistic or pessimistic, within as about right', () => {
    expect(gapReading(5.01)).toBe('optimistic');
    expect(gapReading(5)).toBe('aligned');
    expect(gapReading(0)).toBe('aligned');
    expect(gapReading(-5)).toBe('aligned');
    expect(gapReading(-5.01)).toBe('pessimistic');
    expect(gapReading(null)).toBeNull();
  });
});
