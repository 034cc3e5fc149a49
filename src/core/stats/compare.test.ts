import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { compareMeans, compareNps, compareShares } from './compare.ts';
import { computeCes } from './ces.ts';
import { computeCsat } from './csat.ts';
import { tQuantile975 } from './distributions.ts';
import { computeMean } from './mean.ts';
import { npsFromCounts } from './nps.ts';
import { computeShare } from './share.ts';

describe('compareNps (METRICS.md: change between two independent periods)', () => {
  it('hand case: 60 (SE^2 44) vs 0 (SE^2 80): diff 60, SE sqrt(124), significant', () => {
    const c = compareNps(npsFromCounts(10, 20, 70), npsFromCounts(40, 20, 40));
    expect(c.diff).toBeCloseTo(60, 12);
    expect(c.se).toBeCloseTo(Math.sqrt(124), 12); // 11.14 points
    expect(c.ci95[0]).toBeCloseTo(60 - 1.96 * Math.sqrt(124), 12);
    expect(c.significant).toBe(true);
    expect(c.definition).toBe('nps.v1.diff');
  });

  it('diff is current minus previous and not significant when |diff| <= 1.96 SE', () => {
    const c = compareNps(npsFromCounts(1, 2, 3), npsFromCounts(10, 20, 70));
    expect(c.diff).toBeCloseTo(100 / 3 - 60, 12);
    expect(c.se).toBeCloseTo(Math.sqrt((100 * 100 * 5) / 54 + 44), 10);
    expect(c.significant).toBe(false);
  });

  it('accepts histograms as well as results', () => {
    expect(compareNps({ 0: 1, 7: 2, 10: 3 }, npsFromCounts(10, 20, 70))).toEqual(
      compareNps(npsFromCounts(1, 2, 3), npsFromCounts(10, 20, 70)),
    );
  });

  it('throws insufficient_data for an empty side and validation for a non-NPS result', () => {
    expect(() => compareNps({}, { 9: 1 })).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
    expect(() => compareNps(computeShare(1, 2), { 9: 1 })).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('property: swapping the groups negates diff and keeps SE and significance', () => {
    const counts = fc.tuple(fc.nat(50), fc.nat(50), fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const x = compareNps(npsFromCounts(...a), npsFromCounts(...b));
        const y = compareNps(npsFromCounts(...b), npsFromCounts(...a));
        expect(x.diff).toBeCloseTo(-y.diff, 9);
        expect(x.se).toBeCloseTo(y.se, 12);
        expect(x.significant).toBe(y.significant);
        expect(x.ci95[0]).toBeLessThanOrEqual(x.diff);
        expect(x.ci95[1]).toBeGreaterThanOrEqual(x.diff);
      }),
    );
  });
});

describe('compareShares (unpooled SE)', () => {
  it('hand case: 60/100 vs 45/100 -> diff 15 points, SE 100*sqrt(.24/100 + .2475/100)', () => {
    const c = compareShares({ successes: 60, n: 100 }, { successes: 45, n: 100 });
    expect(c.diff).toBeCloseTo(15, 12);
    expect(c.se).toBeCloseTo(100 * Math.sqrt(0.004875), 12); // 6.98
    expect(c.significant).toBe(true); // 15 > 13.68
    expect(c.definition).toBe('share.v1.diff');
  });

  it('works on CSAT results and refuses to mix definitions', () => {
    const a = computeCsat({ 5: 30, 1: 20 }, { min: 1, max: 5 });
    const b = computeCsat({ 5: 20, 1: 30 }, { min: 1, max: 5 });
    const c = compareShares(a, b);
    expect(c.diff).toBeCloseTo(20, 12);
    expect(c.definition).toBe('csat.v1.diff');
    expect(() => compareShares(a, computeShare(1, 2))).toThrow(DomainError);
    expect(() => compareShares(a, { successes: 1, n: 2 })).toThrow(DomainError);
    expect(() => compareShares({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });
});

describe('compareMeans (Welch)', () => {
  it('hand case: {1,2,3} vs {4,4,6,6}: diff -3, SE sqrt(2/3), df 4.8', () => {
    const c = compareMeans({ 1: 1, 2: 1, 3: 1 }, { 4: 2, 6: 2 });
    expect(c.diff).toBeCloseTo(-3, 12);
    expect(c.se).toBeCloseTo(Math.sqrt(2 / 3), 12); // 1/3 + (4/3)/4
    expect(c.df).toBeCloseTo(4.8, 12); // (2/3)^2 / ((1/9)/2 + (1/9)/3)
    expect(c.ci95[1]).toBeCloseTo(-3 + tQuantile975(4.8) * Math.sqrt(2 / 3), 12);
    expect(c.significant).toBe(true);
    expect(c.definition).toBe('mean.v1.welch');
  });

  it('compares CES results with the same direction only', () => {
    const a = computeCes({ 7: 5, 5: 5 }, { min: 1, max: 7, direction: 'higher_is_easier' });
    const b = computeCes({ 6: 5, 4: 5 }, { min: 1, max: 7, direction: 'higher_is_easier' });
    expect(compareMeans(a, b).diff).toBeCloseTo(1, 12);
    const legacy = computeCes({ 2: 5, 4: 5 }, { min: 1, max: 5, direction: 'lower_is_easier' });
    expect(() => compareMeans(a, legacy)).toThrow(/direction/);
    expect(() => compareMeans(a, computeMean({ 1: 2, 2: 2 }))).toThrow(/cannot compare/);
  });

  it('zero variance on both sides: df = n1 + n2 - 2 and any difference is significant', () => {
    const c = compareMeans({ 5: 3 }, { 4: 3 });
    expect(c).toMatchObject({ diff: 1, se: 0, df: 4, significant: true });
  });

  it('needs n >= 2 on each side', () => {
    expect(() => compareMeans({ 5: 1 }, { 4: 3 })).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });
});
