import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { compareMeans, compareNps, compareShares, shareTestFor } from './compare.ts';
import { computeCes } from './ces.ts';
import { computeCsat } from './csat.ts';
import { tQuantile975 } from './distributions.ts';
import { computeMean } from './mean.ts';
import { npsFromCounts } from './nps.ts';
import { computeShare } from './share.ts';

describe('compareNps (METRICS.md: adjusted counts on each side, normal p)', () => {
  it('repro: one promoter against one detractor is not significant', () => {
    // A: n' = 4, p' = 1.75/4, d' = 0.75/4 -> NPS' = 25, var' = 0.625 - 0.0625 = 0.5625, SE' = 100 sqrt(0.5625/4) = 37.5.
    // B mirrors it: NPS' = -25, SE' = 37.5. SE = 37.5 sqrt 2 = 53.0330; z = 50 / 53.0330 = 0.9428;
    // table: Phi(0.94) = 0.8264, Phi(0.95) = 0.8289 -> Phi(0.9428) = 0.8271, p = 2 (1 - 0.8271) = 0.3458.
    const c = compareNps(npsFromCounts(0, 0, 1), npsFromCounts(1, 0, 0));
    expect(c.diff).toBe(200); // plain NPS 100 - (-100)
    expect(c.se).toBeCloseTo(37.5 * Math.SQRT2, 10);
    expect(c.ci95![0]).toBeCloseTo(50 - 1.96 * 37.5 * Math.SQRT2, 10); // -53.94
    expect(c.ci95![1]).toBeCloseTo(50 + 1.96 * 37.5 * Math.SQRT2, 10); // 153.94
    expect(c.pValue).toBeCloseTo(0.3458, 3);
    expect(c).toMatchObject({ test: 'adjusted_wald_z', ci95Method: 'adjusted_wald', significant: false, definition: 'nps.v1.diff' });
    expect(c.reason?.code).toBe('small_sample');
  });

  it('hand case: 10/20/70 vs 40/20/40 of 100 each is significant', () => {
    // A: n' = 103, p' = 70.75/103 = 0.686893, d' = 10.75/103 = 0.104369 -> NPS' = 58.2524,
    //    var' = 0.791262 - 0.582524^2 = 0.451927, SE'^2 = 1e4 * 0.451927 / 103 = 43.8765.
    // B: p' = d' = 40.75/103 -> NPS' = 0, var' = 0.791262, SE'^2 = 76.8216.
    // SE = sqrt(120.6980) = 10.9863; z = 58.2524 / 10.9863 = 5.3023 -> p ~ 1.1e-7 (< 0.001: table z 3.29).
    const c = compareNps(npsFromCounts(10, 20, 70), npsFromCounts(40, 20, 40));
    expect(c.diff).toBeCloseTo(60, 12);
    expect(c.se).toBeCloseTo(10.9863, 4);
    expect(c.ci95![0]).toBeCloseTo(58.2524 - 1.96 * 10.9863, 3); // 36.72
    expect(c.ci95![1]).toBeCloseTo(58.2524 + 1.96 * 10.9863, 3); // 79.79
    expect(c.pValue!).toBeGreaterThan(0);
    expect(c.pValue!).toBeLessThan(0.001);
    expect(c.significant).toBe(true);
    expect(c.reason).toBeUndefined();
  });

  it('significant needs both sides at 30 answers, whatever p says', () => {
    // 29 promoters vs 29 detractors: p' = 29.75/32, d' = 0.75/32 -> NPS' = 90.625, var' = 0.953125 - 0.821289 = 0.131836,
    // SE' = 100 sqrt(0.131836/32) = 6.4186 each side; z = 181.25 / 9.0773 = 19.97, p ~ 0, yet n = 29 < 30.
    const small = compareNps(npsFromCounts(0, 0, 29), npsFromCounts(29, 0, 0));
    expect(small.pValue!).toBeLessThan(1e-10);
    expect(small).toMatchObject({ significant: false, reason: { code: 'small_sample' } });
    expect(small.reason!.message).toMatch(/fewer than 30/);
    const enough = compareNps(npsFromCounts(0, 0, 30), npsFromCounts(30, 0, 0));
    expect(enough.significant).toBe(true);
    expect(enough.reason).toBeUndefined();
  });

  it('accepts histograms as well as results', () => {
    expect(compareNps({ 0: 1, 7: 2, 10: 3 }, npsFromCounts(10, 20, 70))).toEqual(
      compareNps(npsFromCounts(1, 2, 3), npsFromCounts(10, 20, 70)),
    );
  });

  it('an empty side answers no_answers with the same definition; a non-NPS result is refused', () => {
    const c = compareNps({}, { 9: 1 });
    expect(c).toMatchObject({ diff: null, se: null, ci95: null, pValue: null, test: 'adjusted_wald_z', significant: false, definition: 'nps.v1.diff' });
    expect(c.reason?.code).toBe('no_answers');
    expect(() => compareNps(computeShare(1, 2), { 9: 1 })).toThrow(expect.objectContaining({ code: 'validation' }));
  });

  it('property: swapping the groups negates diff and interval and keeps SE, p and significance', () => {
    const counts = fc.tuple(fc.nat(50), fc.nat(50), fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const x = compareNps(npsFromCounts(...a), npsFromCounts(...b));
        const y = compareNps(npsFromCounts(...b), npsFromCounts(...a));
        expect(x.diff! + y.diff!).toBeCloseTo(0, 9);
        expect(x.se).toBeCloseTo(y.se!, 12);
        expect(x.pValue).toBeCloseTo(y.pValue!, 12);
        expect(x.significant).toBe(y.significant);
        expect(x.se!).toBeGreaterThan(0); // never of zero width
        expect(x.ci95![1]).toBeGreaterThan(x.ci95![0]);
        expect(x.pValue!).toBeGreaterThanOrEqual(0);
        expect(x.pValue!).toBeLessThanOrEqual(1);
        if (x.significant) expect(Math.min(a[0] + a[1] + a[2], b[0] + b[1] + b[2])).toBeGreaterThanOrEqual(30);
      }),
    );
  });
});

describe('compareShares (pooled z, or Fisher when an expected cell is below 5)', () => {
  it('repro: 5/5 vs 6/10 satisfied -> Fisher p = 0.2308, not significant', () => {
    // Expected satisfied in the first row: 5 * 11 / 15 = 3.67 < 5 -> Fisher. Margins: N 15, K 11, n1 5;
    // P(k) = C(11,k) C(4,5-k) / C(15,5), C(15,5) = 3003: k=1: 11, k=2: 220, k=3: 990, k=4: 1320, k=5: 462.
    // Observed k = 5 (462); tables no more probable: 11 + 220 + 462 = 693 -> p = 693/3003 = 0.230769.
    const c = compareShares({ successes: 5, n: 5 }, { successes: 6, n: 10 });
    expect(c.test).toBe('fisher_exact');
    expect(c.pValue).toBeCloseTo(693 / 3003, 12);
    expect(c.diff).toBeCloseTo(40, 12);
    expect(c.significant).toBe(false);
    expect(c.reason?.code).toBe('small_sample');
    // Newcombe from Wilson limits: 5/5 -> [5/8.8416, 1] = [0.565504, 1]; 6/10 -> centre 0.79208/1.38416 = 0.572246,
    // half (1.96/1.38416) sqrt(0.024 + 0.009604) = 0.259578 -> [0.312668, 0.831824].
    // lower = 0.4 - sqrt(0.434496^2 + 0.231824^2) = -0.09247; upper = 0.4 + sqrt(0^2 + 0.287332^2) = 0.687332.
    expect(c.ci95![0]).toBeCloseTo(-9.247, 2);
    expect(c.ci95![1]).toBeCloseTo(68.733, 2);
    expect(c.ci95Method).toBe('newcombe_wilson');
    expect(c.ci95![0]).toBeLessThan(0); // agrees with the test: 0 is a plausible difference
  });

  it('Fisher at n = 40 a side: 0/40 vs 5/40 has p = 0.0547, not significant (pooled z would say 0.021)', () => {
    // Expected satisfied 40 * 5 / 80 = 2.5 < 5 -> Fisher. n1 = n2, so P(0) = P(5) are the two extreme tables:
    // P(0) = C(75,40) / C(80,40) = (40*39*38*37*36) / (80*79*78*77*76) = 78960960 / 2884801920 = 0.0273712;
    // P(1..4) are larger, so p = 2 P(0) = 0.0547424.
    const c = compareShares({ successes: 0, n: 40 }, { successes: 5, n: 40 });
    expect(c.test).toBe('fisher_exact');
    expect(c.pValue).toBeCloseTo((2 * 78960960) / 2884801920, 12);
    expect(c.significant).toBe(false);
    expect(c.reason).toBeUndefined(); // both sides have 40 answers: simply not significant
  });

  it('pooled z by hand: 60/100 vs 45/100 -> z 2.1240, p 0.0337, significant', () => {
    // p = 105/200 = 0.525; SE0 = sqrt(0.525 * 0.475 * (1/100 + 1/100)) = sqrt(0.0049875) = 0.0706222;
    // z = 0.15 / 0.0706222 = 2.12398; table Phi(2.12) = 0.98300, Phi(2.13) = 0.98341 -> Phi(2.124) = 0.983164,
    // p = 2 (1 - 0.983164) = 0.03367.
    const c = compareShares({ successes: 60, n: 100 }, { successes: 45, n: 100 });
    expect(c.test).toBe('two_proportion_z');
    expect(c.pValue).toBeCloseTo(0.03367, 4);
    expect(c.diff).toBeCloseTo(15, 12);
    expect(c.se).toBeCloseTo(100 * Math.sqrt(0.24 / 100 + 0.2475 / 100), 12); // classic unpooled: 6.98
    expect(c).toMatchObject({ significant: true, definition: 'share.v1.diff' });
    expect(c.reason).toBeUndefined();
  });

  it('chooses the test by the smallest expected cell (smallest row total x smallest column total / N)', () => {
    expect(shareTestFor(5, 5, 6, 10)).toBe('fisher_exact'); // 5 * 4 / 15 = 1.33
    expect(shareTestFor(10, 20, 10, 20)).toBe('two_proportion_z'); // 20 * 20 / 40 = 10
    expect(shareTestFor(5, 20, 5, 20)).toBe('two_proportion_z'); // 20 * 10 / 40 = 5: exactly 5 is enough
    expect(shareTestFor(4, 20, 5, 20)).toBe('fisher_exact'); // 20 * 9 / 40 = 4.5
    expect(shareTestFor(15, 20, 15, 20)).toBe('two_proportion_z'); // failures: 20 * 10 / 40 = 5
    expect(shareTestFor(16, 20, 15, 20)).toBe('fisher_exact'); // failures: 20 * 9 / 40 = 4.5
    expect(shareTestFor(0, 0, 3, 20)).toBe('fisher_exact'); // an empty side has expected cells 0
  });

  it('works on CSAT results, keeps their definition and refuses to mix definitions', () => {
    const a = computeCsat({ 5: 30, 1: 20 }, { min: 1, max: 5 });
    const b = computeCsat({ 5: 20, 1: 30 }, { min: 1, max: 5 });
    const c = compareShares(a, b);
    expect(c.diff).toBeCloseTo(20, 12);
    expect(c.definition).toBe('csat.v1.diff');
    expect(() => compareShares(a, computeShare(1, 2))).toThrow(DomainError);
    expect(() => compareShares(a, { successes: 1, n: 2 })).toThrow(DomainError);
    expect(() => compareShares({ successes: 1.5, n: 2 }, { successes: 1, n: 2 })).toThrow(/integers/);
  });

  it('an empty side answers no_answers instead of throwing', () => {
    const c = compareShares({ successes: 0, n: 0 }, { successes: 1, n: 2 });
    expect(c).toMatchObject({ diff: null, pValue: null, significant: false, test: 'fisher_exact', definition: 'share.v1.diff' });
    expect(c.reason?.code).toBe('no_answers');
  });

  it('property: p in [0, 1], symmetric in the groups, interval contains diff, significant only with n >= 30', () => {
    const side = fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(side, side, ([x1, n1], [x2, n2]) => {
        const c = compareShares({ successes: x1, n: n1 }, { successes: x2, n: n2 });
        const r = compareShares({ successes: x2, n: n2 }, { successes: x1, n: n1 });
        expect(c.pValue!).toBeGreaterThanOrEqual(0);
        expect(c.pValue!).toBeLessThanOrEqual(1);
        expect(c.pValue).toBeCloseTo(r.pValue!, 9);
        expect(c.test).toBe(r.test);
        expect(c.ci95![0]).toBeLessThanOrEqual(c.diff! + 1e-9);
        expect(c.ci95![1]).toBeGreaterThanOrEqual(c.diff! - 1e-9);
        expect(c.ci95![1]).toBeGreaterThan(c.ci95![0]);
        if (c.significant) expect(Math.min(n1, n2)).toBeGreaterThanOrEqual(30);
      }),
    );
  });
});

describe('compareMeans (Welch t)', () => {
  it('df = 2 closed form: {1,2} vs {3,4} -> t = -2.8284, p = 1 - sqrt(0.8) = 0.1056', () => {
    // s^2 = 0.5 each, v = 0.5/2 = 0.25 each, SE = sqrt(0.5); df = 0.5^2 / (0.25^2/1 + 0.25^2/1) = 2;
    // t = -2 / 0.70711 = -2.82843; for df 2, P(|T| >= t) = 1 - t / sqrt(t^2 + 2) = 1 - 2.82843/3.16228 = 0.105573.
    const c = compareMeans({ 1: 1, 2: 1 }, { 3: 1, 4: 1 });
    expect(c.diff).toBe(-2);
    expect(c.se).toBeCloseTo(Math.SQRT1_2, 12);
    expect(c.df).toBeCloseTo(2, 12);
    expect(c.pValue).toBeCloseTo(1 - Math.sqrt(0.8), 10);
    expect(c).toMatchObject({ test: 'welch_t', ci95Method: 'welch_t', significant: false, definition: 'mean.v1.diff' });
  });

  it('df = 4 closed form: {1,2,3} vs {3,4,5} -> t = -sqrt 6, p = 0.0705', () => {
    // s^2 = 1 each, v = 1/3 each, SE = sqrt(2/3) = 0.816497, df = (2/3)^2 / ((1/9)/2 * 2) = 4, t = -2/0.816497 = -2.449490.
    // Student t, df 4 (closed form): F(t) = 1/2 + (3/8) u (1 - w/12), u = t / sqrt(1 + t^2/4), w = t^2 / (1 + t^2/4):
    // u = 2.449490/1.581139 = 1.549193, w = 6/2.5 = 2.4 -> F = 0.5 + 0.375 * 1.549193 * 0.8 = 0.964758, p = 2 (1 - F) = 0.070484.
    // Table check: t(0.975, 4) = 2.776 > 2.449 > t(0.95, 4) = 2.132, so 0.05 < p < 0.10.
    const c = compareMeans({ 1: 1, 2: 1, 3: 1 }, { 3: 1, 4: 1, 5: 1 });
    expect(c.df).toBeCloseTo(4, 12);
    expect(c.pValue).toBeCloseTo(0.070484, 5);
    expect(c.ci95![1]).toBeCloseTo(-2 + 2.776445105 * Math.sqrt(2 / 3), 8); // t(0.975, 4) = 2.7764451
  });

  it('hand case with fractional df: {1,2,3} vs {4,4,6,6}: diff -3, SE sqrt(2/3), df 4.8', () => {
    const c = compareMeans({ 1: 1, 2: 1, 3: 1 }, { 4: 2, 6: 2 });
    expect(c.diff).toBeCloseTo(-3, 12);
    expect(c.se).toBeCloseTo(Math.sqrt(2 / 3), 12); // 1/3 + (4/3)/4
    expect(c.df).toBeCloseTo(4.8, 12); // (2/3)^2 / ((1/9)/2 + (1/9)/3)
    expect(c.ci95![1]).toBeCloseTo(-3 + tQuantile975(4.8) * Math.sqrt(2 / 3), 12);
    // t = 3.674; tables: df 4 two-sided 0.02 at 3.747, df 5 at 3.365 -> p just around 0.02 (0.01 < p < 0.05).
    expect(c.pValue!).toBeGreaterThan(0.01);
    expect(c.pValue!).toBeLessThan(0.05);
    expect(c.significant).toBe(false); // n = 3 and 4
    expect(c.reason?.code).toBe('small_sample');
  });

  it('n = 30 a side: {1:15, 3:15} vs {2:15, 4:15} -> t = -3.81, df 58, significant', () => {
    // s^2 = 30/29 each; SE = sqrt(2 (30/29) / 30) = sqrt(2/29) = 0.262613; df = 2 (30 - 1) = 58; t = -1/0.262613 = -3.8079.
    // Table (df 60): two-sided 0.001 at 3.460, 0.0001 at 4.20 -> 0.0001 < p < 0.001.
    const c = compareMeans({ 1: 15, 3: 15 }, { 2: 15, 4: 15 });
    expect(c.df).toBeCloseTo(58, 9);
    expect(c.pValue!).toBeGreaterThan(0.0001);
    expect(c.pValue!).toBeLessThan(0.001);
    expect(c.significant).toBe(true);
  });

  it('property: p < 0.05 exactly when the t interval leaves out 0; swapping sides keeps p; significant needs n >= 30', () => {
    const scores = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 40 });
    const histogram = (xs: number[]) => xs.reduce<Record<number, number>>((h, x) => ({ ...h, [x]: (h[x] ?? 0) + 1 }), {});
    fc.assert(
      fc.property(scores, scores, (xs, ys) => {
        const c = compareMeans(histogram(xs), histogram(ys));
        if (c.reason?.code === 'no_variance') {
          // Both sides constant (e.g. [1, 1] against [7, 7]): nothing to test. (Returning the assertion's value
          // made fast-check read a falsy return as a failed property.)
          expect(c.pValue).toBeNull();
          return;
        }
        const r = compareMeans(histogram(ys), histogram(xs));
        expect(c.pValue).toBeCloseTo(r.pValue!, 9);
        const [lo, hi] = c.ci95!;
        const excludesZero = lo > 0 || hi < 0;
        if (Math.abs(c.pValue! - 0.05) > 1e-9) expect(excludesZero).toBe(c.pValue! < 0.05);
        if (c.significant) expect(Math.min(xs.length, ys.length)).toBeGreaterThanOrEqual(30);
      }),
    );
  });

  it('compares CES results with the same direction only, as ces.v1.diff', () => {
    const a = computeCes({ 7: 5, 5: 5 }, { min: 1, max: 7, direction: 'higher_is_easier' });
    const b = computeCes({ 6: 5, 4: 5 }, { min: 1, max: 7, direction: 'higher_is_easier' });
    expect(compareMeans(a, b)).toMatchObject({ diff: 1, definition: 'ces.v1.diff' });
    const legacy = computeCes({ 2: 5, 4: 5 }, { min: 1, max: 5, direction: 'lower_is_easier' });
    expect(() => compareMeans(a, legacy)).toThrow(/direction/);
    expect(() => compareMeans(a, computeMean({ 1: 2, 2: 2 }))).toThrow(/cannot compare/);
  });

  it('zero variance on both sides cannot be tested: no_variance, never significant', () => {
    const c = compareMeans({ 5: 40 }, { 4: 40 });
    expect(c).toMatchObject({ diff: 1, se: null, ci95: null, pValue: null, test: 'welch_t', significant: false, definition: 'mean.v1.diff' });
    expect(c.reason?.code).toBe('no_variance');
  });

  it('a side with one answer cannot be tested (too_few_answers); an empty side has no diff (no_answers)', () => {
    const one = compareMeans({ 5: 1 }, { 4: 3, 2: 3 });
    expect(one).toMatchObject({ diff: 2, se: null, pValue: null, significant: false, reason: { code: 'too_few_answers' } });
    const none = compareMeans({}, { 4: 3 });
    expect(none).toMatchObject({ diff: null, significant: false, reason: { code: 'no_answers' }, definition: 'mean.v1.diff' });
  });
});
