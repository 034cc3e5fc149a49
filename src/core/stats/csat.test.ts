import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { computeCsat, csatFromCounts, defaultCsatBox } from './csat.ts';

describe('CSAT (csat.v1)', () => {
  it('METRICS.md example: 10x5, 20x4, 10x3, 5x2, 5x1 on 1..5 gives 60%', () => {
    const r = computeCsat({ 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 }, { min: 1, max: 5 });
    expect(r).toMatchObject({ metric: 'csat', definition: 'csat.v1', value: 60, n: 50 });
    expect(r.details).toMatchObject({ satisfied: 30, box: 4, mean: 3.5 }); // mean = 175 / 50
    expect(r.ci95?.[0]).toBeCloseTo(46.18118910, 7); // Wilson, 30 of 50
    expect(r.ci95?.[1]).toBeCloseTo(72.39181021, 7);
  });

  it('default boxes follow METRICS.md', () => {
    expect(defaultCsatBox(1, 5)).toBe(4); // top-2
    expect(defaultCsatBox(1, 3)).toBe(3); // top-box
    expect(defaultCsatBox(1, 4)).toBe(3); // top-2 on 4..7-point scales
    expect(defaultCsatBox(1, 7)).toBe(6);
    expect(defaultCsatBox(0, 6)).toBe(5);
    expect(defaultCsatBox(1, 10)).toBe(8); // top-3
  });

  it('scales without a defined default need an explicit box', () => {
    expect(() => defaultCsatBox(0, 10)).toThrow(/pass box explicitly/);
    expect(() => defaultCsatBox(1, 2)).toThrow(DomainError);
    expect(() => defaultCsatBox(1, 8)).toThrow(DomainError);
    expect(computeCsat({ 10: 1, 9: 1, 0: 2 }, { min: 0, max: 10, box: 9 }).value).toBe(50);
  });

  it('1..10 counts 8, 9 and 10 as satisfied', () => {
    const r = computeCsat({ 10: 1, 9: 1, 8: 1, 7: 1 }, { min: 1, max: 10 });
    expect(r.value).toBe(75);
    expect(r.details?.box).toBe(8);
  });

  it('an explicit box overrides the default (top-box on 1..5)', () => {
    expect(computeCsat({ 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 }, { min: 1, max: 5, box: 5 }).value).toBe(20);
  });

  it('validates scale, box and scores', () => {
    expect(() => computeCsat({ 6: 1 }, { min: 1, max: 5 })).toThrow(/outside the 1..5 scale/);
    expect(() => computeCsat({ 5: 1 }, { min: 1, max: 5, box: 6 })).toThrow(DomainError);
    expect(() => computeCsat({ 5: 1 }, { min: 5, max: 1 })).toThrow(DomainError);
  });

  it('n = 0 gives null value and mean', () => {
    const r = computeCsat({}, { min: 1, max: 5 });
    expect(r).toMatchObject({ value: null, ci95: null, n: 0, hiddenInSharedReports: true });
    expect(r.details?.mean).toBeNull();
  });

  it('property: CSAT in [0, 100], interval contains it and lies in [0, 100]', () => {
    const arb = fc.array(fc.nat(30), { minLength: 5, maxLength: 5 }).map((c) => Object.fromEntries(c.map((x, i) => [i + 1, x])));
    fc.assert(
      fc.property(arb, (h) => {
        const r = computeCsat(h, { min: 1, max: 5 });
        if (r.n === 0) return;
        const [lo, hi] = r.ci95 as [number, number];
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(100);
        expect(lo).toBeLessThanOrEqual(r.value as number);
        expect(hi).toBeGreaterThanOrEqual(r.value as number);
      }),
    );
  });
});

describe('CSAT from counts (the analyst calculator)', () => {
  it('6 satisfied of 10: 60% with the Wilson interval 31.27..83.18 (by hand), as csat.v1', () => {
    // Wilson: z^2/n = 0.38416; centre (0.6 + 0.19208) / 1.38416 = 0.57225; half 1.96 / 1.38416 * sqrt(0.024 + 0.009604) = 0.25958
    const r = csatFromCounts(6, 10);
    expect(r).toMatchObject({ metric: 'csat', definition: 'csat.v1', value: 60, n: 10, ci95Method: 'wilson', smallSample: true, hiddenInSharedReports: false, details: { satisfied: 6 } });
    expect(r.ci95![0]).toBeCloseTo(31.267, 3);
    expect(r.ci95![1]).toBeCloseTo(83.182, 3);
    expect(r.se).toBeCloseTo(15.4919, 4); // 100 sqrt(0.6 * 0.4 / 10)
  });

  it('no answers: no value, interval or SE; more satisfied than answers is refused', () => {
    expect(csatFromCounts(0, 0)).toMatchObject({ metric: 'csat', value: null, n: 0, ci95: null, se: null });
    expect(() => csatFromCounts(3, 2)).toThrow(DomainError);
  });
});
