import { describe, expect, it } from 'vitest';
import { compareNps, computeNps, type ComparisonResult } from '../stats/index.ts';
import { selectMovers, type LocationChange } from './movers.ts';

/** A change with only what selectMovers reads set by hand. */
const change = (diff: number | null, significant: boolean): ComparisonResult => ({
  diff, significant, se: null, ci95: null, ci95Method: 'adjusted_wald', pValue: null, test: 'adjusted_wald_z', definition: 'nps.v1.diff',
});
const row = (id: string, c: ComparisonResult | null): LocationChange => ({ id, name: `Store ${id}`, current: null, previous: null, change: c });

describe('selectMovers', () => {
  it('keeps only significant changes, the largest rises and falls first', () => {
    const rows = [
      row('a', change(12, true)), row('b', change(30, false)), row('c', change(25, true)), row('d', change(-8, true)),
      row('e', change(-40, false)), row('f', change(-15, true)), row('g', null), row('h', change(null, false)),
    ];
    const m = selectMovers(rows);
    expect(m.up.map((r) => r.id)).toEqual(['c', 'a']);
    expect(m.down.map((r) => r.id)).toEqual(['f', 'd']);
  });

  it('lists at most `limit` per direction and orders ties by name', () => {
    const rows = [row('z', change(10, true)), row('y', change(10, true)), row('x', change(5, true))];
    expect(selectMovers(rows, 2).up.map((r) => r.id)).toEqual(['y', 'z']);
    expect(selectMovers(rows, 2).down).toEqual([]);
  });

  it('never lists a small sample, however large its change', () => {
    // 10 promoters of 10 against 10 detractors of 10: NPS +100 against -100, but n = 10 < 30 on each side.
    const small = compareNps(computeNps({ 10: 10 }), computeNps({ 0: 10 }));
    expect(small.diff).toBe(200);
    expect(small.significant).toBe(false);
    // 40 promoters against 20 promoters and 20 detractors: +100 against 0, 40 answers a side: significant.
    const big = compareNps(computeNps({ 10: 40 }), computeNps({ 10: 20, 0: 20 }));
    expect(big.diff).toBe(100);
    expect(big.significant).toBe(true);
    const m = selectMovers([row('small', small), row('big', big)]);
    expect(m.up.map((r) => r.id)).toEqual(['big']);
  });
});
