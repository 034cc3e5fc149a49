import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { lnGamma, normalQuantile, normalTwoSidedP, regularizedIncompleteBeta, tCdf, tQuantile, tQuantile975, tTwoSidedP, Z975 } from './distributions.ts';

describe('Student t quantile', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
  ])('matches the printed t table: t(0.975, %i) = %f', (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 3);
  });

  it.each([
    [1, 12.7062047361747],
    [2, 4.30265272974946],
    [3, 3.18244630528371],
    [5, 2.57058183563631],
    [10, 2.22813885198627],
    [30, 2.04227245630124],
    [100, 1.98397151852355],
    [1000, 1.96233908082641],
  ])('matches high-precision reference values: t(0.975, %i)', (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 9);
  });

  it('tends to the normal 1.959964 for large df', () => {
    expect(tQuantile975(1e5)).toBeCloseTo(1.959987708, 8);
    expect(tQuantile975(1e9)).toBeCloseTo(Z975, 8);
    expect(tQuantile975(Number.POSITIVE_INFINITY)).toBe(Z975);
  });

  it('stays accurate for huge df at other probabilities (Cornish-Fisher around the normal quantile)', () => {
    expect(tQuantile(0.9, 1e12)).toBeCloseTo(1.2815515655446, 10);
    expect(tQuantile(0.995, 1e9)).toBeCloseTo(2.5758293035489 + (2.5758293035489 ** 3 + 2.5758293035489) / 4e9, 10);
  });

  it('accepts fractional df (Welch) between neighbouring integers', () => {
    const t = tQuantile975(4.8);
    expect(t).toBeLessThan(tQuantile975(4));
    expect(t).toBeGreaterThan(tQuantile975(5));
  });

  it('rejects df <= 0 and p outside (0.5, 1)', () => {
    expect(() => tQuantile975(0)).toThrow(DomainError);
    expect(() => tQuantile(0.4, 5)).toThrow(DomainError);
  });

  it('property: the quantile inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.51, max: 0.999, noNaN: true }), fc.double({ min: 0.5, max: 500, noNaN: true }), (p, df) => {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 9);
      }),
    );
  });

  it('property: t(0.975, df) decreases with df and stays above 1.96', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (df) => {
        expect(tQuantile975(df)).toBeGreaterThan(tQuantile975(df + 1));
        expect(tQuantile975(df)).toBeGreaterThan(Z975);
      }),
    );
  });
});

describe('special functions', () => {
  it('normal quantile (AS241) matches reference values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z975, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 13);
    expect(normalQuantile(0.025)).toBeCloseTo(-Z975, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    expect(() => normalQuantile(1)).toThrow(DomainError);
  });

  it('lnGamma matches factorials and Gamma(1/2) = sqrt(pi)', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('regularized incomplete beta matches closed forms', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 14);
    expect(regularizedIncompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
  });

  it('t CDF is symmetric with CDF(0) = 0.5', () => {
    expect(tCdf(0, 7)).toBeCloseTo(0.5, 14);
    expect(tCdf(-2.57058183563631, 5)).toBeCloseTo(0.025, 10);
    expect(tCdf(1.5, 3) + tCdf(-1.5, 3)).toBeCloseTo(1, 14);
  });
});

describe('two-sided p-values (for comparisons)', () => {
  it.each([
    [0, 1],
    [1.959963984540054, 0.05], // z(0.975)
    [2.5758293035489, 0.01], // z(0.995)
    [3.2905267314919, 0.001], // z(0.9995)
    [-1.959963984540054, 0.05],
  ])('normal: P(|Z| >= %f) = %f (printed normal table)', (z, p) => {
    expect(normalTwoSidedP(z)).toBeCloseTo(p, 12);
  });

  it('normal tail far out keeps its relative precision: z = 5 -> 5.733031e-7 (table: 2 x 2.866516e-7)', () => {
    expect(normalTwoSidedP(5) / 5.733031438470704e-7).toBeCloseTo(1, 9);
    expect(normalTwoSidedP(Infinity)).toBe(0);
  });

  it('t, closed forms: df 1 (Cauchy) P(|T| >= 1) = 1/2; df 2: 1 - t / sqrt(t^2 + 2)', () => {
    expect(tTwoSidedP(1, 1)).toBeCloseTo(0.5, 12);
    expect(tTwoSidedP(-1, 1)).toBeCloseTo(0.5, 12);
    for (const t of [0.5, 1, 2.5, 10]) expect(tTwoSidedP(t, 2)).toBeCloseTo(1 - t / Math.sqrt(t * t + 2), 12);
    expect(tTwoSidedP(0, 7)).toBe(1);
  });

  it('t, printed table: t(0.975, df) gives p = 0.05 for df 5, 10, 30', () => {
    expect(tTwoSidedP(2.57058183563631, 5)).toBeCloseTo(0.05, 10);
    expect(tTwoSidedP(2.22813885198627, 10)).toBeCloseTo(0.05, 10);
    expect(tTwoSidedP(2.04227245630124, 30)).toBeCloseTo(0.05, 10);
    expect(tTwoSidedP(1.959963984540054, Infinity)).toBeCloseTo(0.05, 12);
  });

  it('refuses NaN and df <= 0', () => {
    expect(() => normalTwoSidedP(NaN)).toThrow(DomainError);
    expect(() => tTwoSidedP(1, 0)).toThrow(DomainError);
  });
});
