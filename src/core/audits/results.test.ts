import { describe, expect, it } from 'vitest';
import { computeCsat } from '../stats/csat.ts';
import { changeOf, type LocationLink, pooledCsat, ratePercent, standardCorrelations, worstItems } from './results.ts';

describe('audit results rules', () => {
  it('rates and changes', () => {
    expect(ratePercent(1, 6)).toBeCloseTo(16.666666666666668, 12);
    expect(ratePercent(0, 0)).toBeNull();
    expect(changeOf(80, 92.5)).toBe(-12.5);
    expect(changeOf(80, null)).toBeNull();
  });

  it('orders items by fail rate, then more failures, then the lower pooled score', () => {
    const items = worstItems([
      { key: 'a', applicable: 10, failed: 2, earned: 8, possible: 10 }, // 20%
      { key: 'b', applicable: 4, failed: 2, earned: 2, possible: 4 }, // 50%
      { key: 'c', applicable: 2, failed: 1, earned: 1, possible: 2 }, // 50%, fewer failures
      { key: 'd', applicable: 10, failed: 2, earned: 14, possible: 20 }, // 20%, same failures, score 70 < 80
      { key: 'e', applicable: 0, failed: 0, earned: 0, possible: 0 },
    ]);
    expect(items.map((i) => i.key)).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(items[0]).toMatchObject({ failRate: 50, score: 50 });
    expect(items[4]).toMatchObject({ failRate: null, score: null });
  });

  it('pools CSAT over questions of different scales by their satisfied answers', () => {
    // 1..5 box 4: 3 of 4 satisfied; 1..10 box 8: 1 of 4 -> 4 of 8 = 50%
    const a = computeCsat({ 5: 2, 4: 1, 2: 1 }, { min: 1, max: 5, box: 4 });
    const b = computeCsat({ 9: 1, 3: 3 }, { min: 1, max: 10, box: 8 });
    const p = pooledCsat([a, b]);
    expect(p).toMatchObject({ metric: 'csat', definition: 'csat.v1', value: 50, n: 8 });
    expect(pooledCsat([a])).toBe(a);
    expect(pooledCsat([])).toMatchObject({ value: null, n: 0 });
  });

  it('correlates each standard with NPS and CSAT over the locations that have both', () => {
    const locs: LocationLink[] = [
      { standards: { greeting: 10 }, nps: 1, csat: 50 },
      { standards: { greeting: 20 }, nps: 2, csat: 40 },
      { standards: { greeting: 30 }, nps: 3, csat: 30 },
      { standards: { greeting: 40 }, nps: 4, csat: 20 },
      { standards: { greeting: 50 }, nps: 5, csat: 10 },
      { standards: {}, nps: 9, csat: 9 },
    ];
    const [g] = standardCorrelations(['greeting'], locs);
    expect(g.nps).toMatchObject({ n: 5, r: 1 });
    expect(g.csat).toMatchObject({ n: 5, r: -1 });
  });
});
