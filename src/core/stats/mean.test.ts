import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { computeCes } from './ces.ts';
import { tQuantile975 } from './distributions.ts';
import { histogramFromScores, mergeHistograms } from './histogram.ts';
import { computeMean, meanVarianceFromHistogram } from './mean.ts';

describe('means with t-intervals', () => {
  it('hand case: scores 1, 2, 3 -> mean 2, variance 1, t(2) interval', () => {
    const r = computeMean({ 1: 1, 2: 1, 3: 1 });
    expect(r).toMatchObject({ metric: 'mean', definition: 'mean.v1', value: 2, n: 3 });
    expect(r.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(r.ci95?.[0]).toBeCloseTo(2 - 4.302652729749 / Math.sqrt(3), 9); // -0.484
    expect(r.ci95?.[1]).toBeCloseTo(2 + 4.302652729749 / Math.sqrt(3), 9); // 4.484
    expect(r.details).toMatchObject({ variance: 1, df: 2 });
  });

  it('clips the t-interval to the scale when it is known', () => {
    // {1, 1, 7}: mean 3, variance ((1-3)^2 * 2 + (7-3)^2) / 2 = 12, SE = sqrt(12/3) = 2, t(0.975, 2) = 4.302653:
    // 3 -/+ 8.6053 = -5.61 .. 11.61, which a 1..7 mean cannot reach -> 1 .. 7.
    const h = { 1: 2, 7: 1 };
    expect(computeMean(h).ci95?.[0]).toBeCloseTo(3 - 2 * 4.302652729749, 9);
    const clipped = computeMean(h, { min: 1, max: 7 });
    expect(clipped).toMatchObject({ value: 3, se: 2, ci95: [1, 7], ci95Method: 't' });
    expect(() => computeMean({ 8: 1 }, { min: 1, max: 7 })).toThrow(/outside the 1..7 scale/);
  });

  it('n = 1 has a value but no SE or interval; n = 0 has nothing', () => {
    expect(computeMean({ 4: 1 })).toMatchObject({ value: 4, se: null, ci95: null, n: 1 });
    expect(computeMean({})).toMatchObject({ value: null, se: null, ci95: null, n: 0 });
    expect(meanVarianceFromHistogram({})).toEqual({ n: 0, mean: null, variance: null });
  });

  it('property: matches the naive mean and sample variance of the raw scores', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 200 }), (xs) => {
        const mv = meanVarianceFromHistogram(histogramFromScores(xs));
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
        expect(mv.mean).toBeCloseTo(mean, 10);
        expect(mv.variance).toBeCloseTo(variance, 10);
      }),
    );
  });

  it('property: merging two histograms equals computing on the union; interval contains the mean', () => {
    const scores = fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 100 });
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const merged = computeMean(mergeHistograms(histogramFromScores(a), histogramFromScores(b)));
        expect(merged).toEqual(computeMean(histogramFromScores([...a, ...b])));
        if (merged.ci95) {
          expect(merged.ci95[0]).toBeLessThanOrEqual(merged.value as number);
          expect(merged.ci95[1]).toBeGreaterThanOrEqual(merged.value as number);
          expect(merged.ci95[1] - merged.ci95[0]).toBeCloseTo(2 * tQuantile975(merged.n - 1) * (merged.se as number), 9);
        }
      }),
    );
  });
});

describe('CES (ces.v1)', () => {
  const h = { 7: 3, 6: 2, 5: 1, 4: 2, 2: 1, 1: 1 };

  it('1..7 agreement scale: mean 4.9, % agree = share of 5-7', () => {
    const r = computeCes(h, { min: 1, max: 7, direction: 'higher_is_easier' });
    expect(r).toMatchObject({ metric: 'ces', definition: 'ces.v1', value: 4.9, n: 10 });
    expect(r.details).toMatchObject({ direction: 'higher_is_easier', pctAgree: 60, agree: 6, agreeFrom: 5, agreeTo: 7 });
    expect(r.details?.variance).toBeCloseTo(4.5444444444, 9); // sum (x - 4.9)^2 / 9 = 40.9 / 9
    expect(r.ci95?.[1]).toBeCloseTo(4.9 + 2.262157162740 * Math.sqrt(40.9 / 9 / 10), 9); // t(9) = 2.262
  });

  it('honours the stored agree box like CSAT: a 1..7 question saved with agree from 6 counts 6-7', () => {
    // h: 7 x3, 6 x2, 5 x1 ... of 10 -> box 6: (3 + 2) / 10 = 50%; the default box 5 counts 6/10 = 60%.
    const r = computeCes(h, { min: 1, max: 7, direction: 'higher_is_easier', box: 6 });
    expect(r.details).toMatchObject({ pctAgree: 50, agree: 5, agreeFrom: 6, agreeTo: 7 });
    expect(computeCes(h, { min: 1, max: 7, direction: 'higher_is_easier', box: 5 }).details?.pctAgree).toBe(60);
  });

  it('refuses a box outside the scale, or on the lower-is-easier scale (it has none)', () => {
    expect(() => computeCes(h, { min: 1, max: 7, direction: 'higher_is_easier', box: 8 })).toThrow(/box 8/);
    expect(() => computeCes(h, { min: 1, max: 7, direction: 'higher_is_easier', box: 1 })).toThrow(/box 1/);
    expect(() => computeCes({ 1: 1 }, { min: 1, max: 5, direction: 'lower_is_easier', box: 2 })).toThrow(/agree box/);
  });

  it('clips its interval to the scale', () => {
    // {7, 7, 1}: mean 5, variance (4 + 4 + 16) / 2 = 12, SE 2, 5 + 2 * 4.302653 = 13.6 > 7 -> 7; 5 - 8.6 = -3.6 < 1 -> 1.
    const r = computeCes({ 7: 2, 1: 1 }, { min: 1, max: 7, direction: 'higher_is_easier' });
    expect(r.ci95).toEqual([1, 7]);
    expect(r.ci95Method).toBe('t');
  });

  it('legacy 1..5 lower-is-easier: % agree counts low effort (1-2)', () => {
    const r = computeCes({ 1: 2, 2: 3, 3: 1, 5: 4 }, { min: 1, max: 5, direction: 'lower_is_easier' });
    expect(r.details).toMatchObject({ direction: 'lower_is_easier', pctAgree: 50, agreeFrom: 1, agreeTo: 2 });
    expect(r.value).toBeCloseTo(3.1, 12); // (2 + 6 + 3 + 20) / 10
  });

  it('validates direction and scale, and reports n = 0 as null', () => {
    expect(() => computeCes(h, { min: 1, max: 7, direction: 'up' as 'higher_is_easier' })).toThrow(DomainError);
    expect(() => computeCes({ 8: 1 }, { min: 1, max: 7, direction: 'higher_is_easier' })).toThrow(DomainError);
    const r = computeCes({}, { min: 1, max: 7, direction: 'higher_is_easier' });
    expect(r).toMatchObject({ value: null, n: 0 });
    expect(r.details?.pctAgree).toBeNull();
    expect(r.details?.direction).toBe('higher_is_easier');
  });
});
