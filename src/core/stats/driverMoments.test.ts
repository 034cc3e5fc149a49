import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { correlationsFromMoments, keyDrivers, keyDriversFromMoments, type DriverMoments } from './drivers.ts';

/** Moments of columns [y, x1, ..., xk] over rows, summed by hand-written loops (the test's own oracle). */
function momentsOf(rows: number[][]): DriverMoments {
  const v = rows[0].length;
  const sums = Array.from({ length: v }, (_, i) => rows.reduce((s, r) => s + r[i], 0));
  const products = Array.from({ length: v }, (_, i) => Array.from({ length: v }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0)));
  return { n: rows.length, sums, products };
}

// Four rows (y, x1, x2): y = 1..4, x1 = 2,1,4,3, x2 = 1,3,2,4.
// Sums: 10 each; sums of squares: 30 each; y*x1 = 2+2+12+12 = 28; y*x2 = 1+6+6+16 = 29; x1*x2 = 2+3+8+12 = 25.
// Centred (n S_ij - S_i S_j): yy = x1x1 = x2x2 = 4*30 - 100 = 20; y.x1 = 112 - 100 = 12; y.x2 = 116 - 100 = 16;
// x1.x2 = 100 - 100 = 0. So r(y,x1) = 12/20 = 0.6, r(y,x2) = 16/20 = 0.8, r(x1,x2) = 0.
const FOUR: DriverMoments = { n: 4, sums: [10, 10, 10], products: [[30, 28, 29], [28, 30, 25], [29, 25, 30]] };

describe('key drivers from moments (rollups)', () => {
  it('computes correlations from counts, sums and cross-products', () => {
    const { corr, variance } = correlationsFromMoments(FOUR);
    expect(variance).toEqual([20, 20, 20]);
    expect(corr[0][1]).toBeCloseTo(0.6, 15);
    expect(corr[0][2]).toBeCloseTo(0.8, 15);
    expect(corr[1][2]).toBe(0);
    expect(corr[1][1]).toBe(1);
  });

  it('uncorrelated attributes: weights are the squared correlations (0.36, 0.64), R^2 = 1', () => {
    const res = keyDriversFromMoments({
      attributes: [{ name: 'x1', performance: { mean: 3, n: 4 } }, { name: 'x2', performance: { mean: 2, n: 7 } }],
      moments: FOUR,
      minComplete: 4,
    });
    expect(res.definition).toBe('drivers.v1');
    expect(res.n).toBe(4);
    expect(res.r2).toBeCloseTo(1, 12);
    expect(res.weights.map((w) => w.rawWeight)).toEqual([expect.closeTo(0.36, 12), expect.closeTo(0.64, 12)]);
    expect(res.weights.map((w) => w.pctOfR2)).toEqual([expect.closeTo(36, 10), expect.closeTo(64, 10)]);
    // Mean importance 100/2 = 50; mean performance (3 + 2) / 2 = 2.5.
    expect(res.meanImportance).toBe(50);
    expect(res.meanPerformance).toBe(2.5);
    expect(res.weights.map((w) => [w.quadrant, w.performance, w.performanceN])).toEqual([
      ['secondary_strength', 3, 4],
      ['key_weakness', 2, 7],
    ]);
  });

  it('equals the raw-row computation (keyDrivers) on random complete rows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 })), { minLength: 30, maxLength: 80 }), (rows) => {
        const cols = [0, 1, 2, 3].map((i) => rows.map((r) => r[i]));
        const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
        const fromMoments = () => keyDriversFromMoments({
          attributes: [1, 2, 3].map((i) => ({ name: `a${i}`, performance: { mean: mean(cols[i]), n: rows.length } })),
          moments: momentsOf(rows),
        });
        let raw: ReturnType<typeof keyDrivers> | undefined;
        try {
          raw = keyDrivers({ outcome: cols[0], attributes: [1, 2, 3].map((i) => ({ name: `a${i}`, scores: cols[i] })) });
        } catch (err) {
          // No variance or collinear: both refuse with the same code.
          expect(err).toBeInstanceOf(DomainError);
          expect(fromMoments).toThrow(expect.objectContaining({ code: (err as DomainError).code }));
          return;
        }
        const res = fromMoments();
        expect(res.n).toBe(raw.n);
        expect(res.r2).toBeCloseTo(raw.r2, 10);
        res.weights.forEach((w, j) => {
          expect(w.rawWeight).toBeCloseTo(raw!.weights[j].rawWeight, 10);
          expect(w.quadrant).toBe(raw!.weights[j].quadrant);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('says which variable has no variance, the outcome first', () => {
    const attributes = [{ name: 'speed', performance: { mean: 3, n: 40 } }, { name: 'staff', performance: { mean: 4, n: 40 } }];
    // 40 rows with y = 7 always: C_yy = 40 * (40 * 49) - 280^2 = 78400 - 78400 = 0.
    const constantOutcome = momentsOf(Array.from({ length: 40 }, (_, i) => [7, 1 + (i % 5), 1 + (i % 3)]));
    expect(() => keyDriversFromMoments({ attributes, moments: constantOutcome })).toThrow(
      expect.objectContaining({ code: 'insufficient_data', message: expect.stringMatching(/^key drivers: the outcome has no variance/), details: { reason: 'outcome_no_variance' } }),
    );
    const constantStaff = momentsOf(Array.from({ length: 40 }, (_, i) => [i % 11, 1 + (i % 5), 4]));
    expect(() => keyDriversFromMoments({ attributes, moments: constantStaff })).toThrow('key drivers: staff has no variance');
  });

  it('refuses too few complete responses and collinear attributes like keyDrivers', () => {
    const attributes = [{ name: 'a', performance: { mean: 1, n: 1 } }, { name: 'b', performance: { mean: 1, n: 1 } }];
    // k = 2: at least max(30, 5 * 2) = 30 complete responses.
    expect(() => keyDriversFromMoments({ attributes, moments: { ...FOUR, n: 29 } })).toThrow(
      'key drivers need at least 30 complete responses for 2 attributes; only 29 answered all of them',
    );
    const twin = momentsOf(Array.from({ length: 30 }, (_, i) => [i % 11, 1 + (i % 5), 1 + (i % 5)]));
    expect(() => keyDriversFromMoments({ attributes, moments: twin })).toThrow(/perfectly collinear/);
  });

  it('centres large integer moments exactly', () => {
    // 3,000,000 rows of x = 10: n S_xx - S_x^2 = 3e6 * 3e8 - (3e7)^2 = 9e14 - 9e14 = 0 exactly.
    const { variance } = correlationsFromMoments({ n: 3_000_000, sums: [30_000_000], products: [[300_000_000]] });
    expect(variance).toEqual([0]);
  });

  it('rejects malformed moments', () => {
    expect(() => correlationsFromMoments({ n: 4, sums: [1, 2], products: [[1, 2]] })).toThrow(/2 x 2 matrix/);
    expect(() => correlationsFromMoments({ n: -1, sums: [1], products: [[1]] })).toThrow(/non-negative/);
  });
});
