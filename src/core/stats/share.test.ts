import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { computeShare, responseRate, wilsonInterval } from './share.ts';

describe('Wilson interval and shares', () => {
  it('hand case: 30 of 50 -> [0.4618, 0.7239]', () => {
    // center = (0.6 + 1.96^2/100) / (1 + 1.96^2/50), half = 1.96/(1 + 1.96^2/50) * sqrt(0.24/50 + 1.96^2/10000)
    const [lo, hi] = wilsonInterval(30, 50) as [number, number];
    expect(lo).toBeCloseTo(0.4618118910, 9);
    expect(hi).toBeCloseTo(0.7239181021, 9);
  });

  it('end points: 0 of 10 -> [0, z^2/(n+z^2)], 10 of 10 -> [n/(n+z^2), 1]', () => {
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(3.8416 / 13.8416, 12)]);
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(10 / 13.8416, 12), 1]);
  });

  it('n = 0 gives no interval; invalid input throws', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(DomainError);
    expect(() => wilsonInterval(-1, 2)).toThrow(DomainError);
  });

  it('a wider z gives a wider interval', () => {
    const [a, b] = wilsonInterval(5, 20) as [number, number];
    const [c, d] = wilsonInterval(5, 20, 2.576) as [number, number];
    expect(c).toBeLessThan(a);
    expect(d).toBeGreaterThan(b);
  });

  it('computeShare is in percent with a Wald SE and Wilson interval', () => {
    const r = computeShare(30, 50);
    expect(r).toMatchObject({ metric: 'share', definition: 'share.v1', value: 60, n: 50, smallSample: false });
    expect(r.se).toBeCloseTo(100 * Math.sqrt(0.24 / 50), 12);
    expect(r.ci95?.[0]).toBeCloseTo(46.18118910, 7);
    expect(computeShare(0, 0)).toMatchObject({ value: null, ci95: null, se: null, hiddenInSharedReports: true });
  });

  it('response rate = responses / delivered (METRICS.md, Response rate)', () => {
    const r = responseRate(30, 120);
    expect(r).toMatchObject({ metric: 'response_rate', definition: 'response_rate.v1', value: 25, n: 120 });
    expect(() => responseRate(121, 120)).toThrow(DomainError);
  });

  it('property: Wilson bounds lie in [0, 1] and contain the observed share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const [lo, hi] = wilsonInterval(s, n) as [number, number];
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(s / n);
        expect(hi).toBeGreaterThanOrEqual(s / n);
      }),
    );
  });

  it('property: the interval narrows as n grows at the same share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 10 }), (n, tenth) => {
        const [a, b] = wilsonInterval(tenth * n, 10 * n) as [number, number];
        const [c, d] = wilsonInterval(tenth * 4 * n, 40 * n) as [number, number];
        expect(d - c).toBeLessThan(b - a);
      }),
    );
  });
});
