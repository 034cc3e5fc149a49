import { describe, expect, it } from 'vitest';
import { agreement, categoryOf, kappaBand, type AgreementCategory } from './agreement.ts';

describe('agreement', () => {
  // Three reviewers, four items:
  //   i1: pass pass pass  -> P_1 = (3*2) / (3*2) = 1
  //   i2: pass pass fail  -> P_2 = (2*1 + 1*0) / 6 = 1/3
  //   i3: fail fail fail  -> P_3 = 1
  //   i4: pass na   fail  -> P_4 = 0
  // P = (1 + 1/3 + 1 + 0) / 4 = 7/12 (also 7 agreeing pairs of 12).
  // Ratings: pass 6, fail 5, na 1 of 12 -> Pe = (6/12)^2 + (5/12)^2 + (1/12)^2 = (36 + 25 + 1) / 144 = 62/144 = 31/72.
  // kappa = (7/12 - 31/72) / (1 - 31/72) = (42 - 31) / 41 = 11/41 = 0.2683 -> "fair".
  const r1: Record<string, AgreementCategory> = { i1: 'pass', i2: 'pass', i3: 'fail', i4: 'pass' };
  const r2: Record<string, AgreementCategory> = { i1: 'pass', i2: 'pass', i3: 'fail', i4: 'na' };
  const r3: Record<string, AgreementCategory> = { i1: 'pass', i2: 'fail', i3: 'fail', i4: 'fail' };

  it("computes per-item majority, pairwise agreement and Fleiss' kappa by hand", () => {
    const a = agreement(['i1', 'i2', 'i3', 'i4'], [r1, r2, r3], [80, 60, 70]);
    expect(a.reviewers).toBe(3);
    expect(a.items.map((i) => [i.key, i.majority, i.majorityShare])).toEqual([
      ['i1', 'pass', 1], ['i2', 'pass', 2 / 3], ['i3', 'fail', 1], ['i4', 'pass', 1 / 3],
    ]);
    expect(a.items[3].counts).toEqual({ pass: 1, fail: 1, na: 1 });
    expect(a.percentAgreement).toBeCloseTo(7 / 12, 12);
    expect(a.kappa).toBeCloseTo(11 / 41, 12);
    expect(a.kappaBand).toBe('fair');
    // Scores 80, 60, 70: range 20; mean 70, sample variance (100 + 100 + 0) / 2 = 100 -> sd 10.
    expect(a.scoreSpread).toEqual({ min: 60, max: 80, range: 20, sd: 10 });
  });

  it('counts a missing rating as na', () => {
    const a = agreement(['i1'], [{ i1: 'na' }, {}], [null, null]);
    expect(a.items[0].counts).toEqual({ pass: 0, fail: 0, na: 2 });
    expect(a.percentAgreement).toBe(1);
    // Every rating in one category: Pe = 1, kappa undefined.
    expect(a.kappa).toBeNull();
    expect(a.kappaBand).toBeNull();
    expect(a.scoreSpread).toBeNull();
  });

  it('gives negative kappa for systematic disagreement', () => {
    // Two reviewers, two items: (pass, fail), (fail, pass). P = 0; pass 2, fail 2 of 4 -> Pe = 1/2; kappa = -1.
    const a = agreement(['x', 'y'], [{ x: 'pass', y: 'fail' }, { x: 'fail', y: 'pass' }], [50, 50]);
    expect(a.percentAgreement).toBe(0);
    expect(a.kappa).toBeCloseTo(-1, 12);
    expect(a.kappaBand).toBe('poor');
    expect(a.scoreSpread).toEqual({ min: 50, max: 50, range: 0, sd: 0 });
  });

  it('needs two reviewers for agreement', () => {
    const a = agreement(['x'], [{ x: 'pass' }], [100]);
    expect([a.percentAgreement, a.kappa]).toEqual([null, null]);
    expect(a.scoreSpread).toEqual({ min: 100, max: 100, range: 0, sd: null });
  });

  it('reads categories from item outcomes and bands kappa', () => {
    expect(categoryOf({ applicable: false, failed: false })).toBe('na');
    expect(categoryOf({ applicable: true, failed: true })).toBe('fail');
    expect(categoryOf({ applicable: true, failed: false })).toBe('pass');
    expect([-0.1, 0, 0.2, 0.21, 0.4, 0.5, 0.7, 0.81, 1].map(kappaBand)).toEqual(
      ['poor', 'slight', 'slight', 'fair', 'fair', 'moderate', 'substantial', 'almost_perfect', 'almost_perfect'],
    );
  });
});
