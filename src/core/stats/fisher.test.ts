import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { fisherExactTwoSided, logFactorial } from './fisher.ts';

/** Independent oracle: exact binomial coefficients in BigInt, probabilities as exact ratios. */
function choose(n: number, k: number): bigint {
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}

function fisherOracle(x1: number, n1: number, x2: number, n2: number): number {
  const total = n1 + n2;
  const successes = x1 + x2;
  const weight = (k: number) => choose(successes, k) * choose(total - successes, n1 - k);
  const observed = weight(x1);
  let sum = 0n;
  for (let k = Math.max(0, n1 - (total - successes)); k <= Math.min(n1, successes); k++) {
    const w = weight(k);
    if (w <= observed) sum += w; // integer weights: ties are exact here
  }
  return Number((sum * 10n ** 15n) / choose(total, n1)) / 1e15;
}

describe("Fisher's exact test (two-sided)", () => {
  it('5/5 vs 6/10: (11 + 220 + 462) / 3003 = 0.230769', () => {
    // C(15,5) = 3003; P(k) numerators C(11,k) C(4,5-k): 11, 220, 990, 1320, 462 (k = 1..5); observed k = 5.
    expect(fisherExactTwoSided(5, 5, 6, 10)).toBeCloseTo(693 / 3003, 14);
  });

  it('the classic tea-tasting table 3/4 vs 1/4: (1 + 16 + 16 + 1) / 70 = 0.4857', () => {
    // N 8, K 4, n1 4: P(k) = C(4,k) C(4,4-k) / 70 = 1, 16, 36, 16, 1 (k = 0..4); observed k = 3 (16).
    expect(fisherExactTwoSided(3, 4, 1, 4)).toBeCloseTo(34 / 70, 14);
  });

  it('equal shares give p = 1; impossible tables are refused', () => {
    expect(fisherExactTwoSided(1, 2, 1, 2)).toBeCloseTo(1, 14);
    expect(fisherExactTwoSided(0, 3, 0, 5)).toBe(1);
    expect(() => fisherExactTwoSided(3, 2, 1, 2)).toThrow(DomainError);
    expect(() => fisherExactTwoSided(0, 0, 1, 2)).toThrow(DomainError);
    expect(() => fisherExactTwoSided(1.5, 2, 1, 2)).toThrow(DomainError);
  });

  it('property: equals the exact BigInt hypergeometric sum', () => {
    const side = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(side, side, ([x1, n1], [x2, n2]) => {
        expect(fisherExactTwoSided(x1, n1, x2, n2)).toBeCloseTo(fisherOracle(x1, n1, x2, n2), 9);
      }),
    );
  });

  it('log-factorials: exact sums below the cache limit, lnGamma above, continuous across it', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 12);
    let sum = 0;
    for (let i = 2; i <= 5000; i++) sum += Math.log(i);
    expect(logFactorial(5000) / sum).toBeCloseTo(1, 13);
  });
});
