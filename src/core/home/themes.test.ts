import { describe, expect, it } from 'vitest';
import { grownThemes, sumThemeCounts } from './themes.ts';

describe('grownThemes', () => {
  // 100 comments in each period.
  const current = [{ theme: 'wait', n: 30 }, { theme: 'price', n: 12 }, { theme: 'staff', n: 5 }, { theme: 'new', n: 3 }];
  const previous = [{ theme: 'wait', n: 10 }, { theme: 'price', n: 10 }, { theme: 'staff', n: 9 }];

  it('lists rising themes, significant ones first, with shares in percent', () => {
    const g = grownThemes(current, 100, previous, 100);
    // staff fell (9% -> 5%) and is left out; new (0% -> 3%, +3) ranks above price (10% -> 12%, +2).
    expect(g.map((t) => t.theme)).toEqual(['wait', 'new', 'price']);
    const wait = g[0];
    expect(wait.current).toEqual({ n: 30, total: 100, share: 30 });
    expect(wait.previous).toEqual({ n: 10, total: 100, share: 10 });
    // Pooled share 0.2: z = 0.2 / sqrt(0.2 * 0.8 * (1/100 + 1/100)) = 3.536, p = 0.0004.
    expect(wait.change.diff).toBeCloseTo(20, 9);
    expect(wait.change.test).toBe('two_proportion_z');
    expect(wait.change.pValue).toBeCloseTo(0.000407, 5);
    expect(wait.change.significant).toBe(true);
    // 3 of 100 against 0 of 100: expected cells 1.5 < 5, Fisher's exact test; p = 0.2462 (not significant).
    expect(g[1].change.test).toBe('fisher_exact');
    expect(g[1].change.pValue).toBeCloseTo(0.2462, 3);
    expect(g[1].change.significant).toBe(false);
    // 12 vs 10 of 100: z = 0.02 / sqrt(0.11 * 0.89 * 0.02) = 0.452, p = 0.65.
    expect(g[2].change.diff).toBeCloseTo(2, 9);
    expect(g[2].change.significant).toBe(false);
  });

  it('caps the list and keeps every theme when the previous period had no comments', () => {
    expect(grownThemes(current, 100, previous, 100, 1).map((t) => t.theme)).toEqual(['wait']);
    const first = grownThemes([{ theme: 'wait', n: 4 }], 10, [], 0);
    expect(first).toHaveLength(1);
    expect(first[0].previous).toEqual({ n: 0, total: 0, share: null });
    expect(first[0].change.significant).toBe(false);
    expect(first[0].change.reason?.code).toBe('no_answers');
  });
});

describe('sumThemeCounts', () => {
  it('adds the counts of a theme over rows', () => {
    expect(sumThemeCounts([{ theme: 'a', n: 2 }, { theme: 'b', n: 1 }, { theme: 'a', n: 5 }])).toEqual([{ theme: 'a', n: 7 }, { theme: 'b', n: 1 }]);
  });
});
