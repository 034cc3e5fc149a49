import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { assertScale, assertScoresInScale, histogramEntries, histogramFromScores, histogramN, mergeHistograms } from './histogram.ts';

const arbHistogram = fc.dictionary(fc.integer({ min: 0, max: 10 }).map(String), fc.nat(50)).map(
  (d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [Number(k), v])) as Record<number, number>,
);

describe('histograms', () => {
  it('counts scores and skips null/undefined (skipped answers are not in the denominator)', () => {
    const h = histogramFromScores([5, 4, null, 5, undefined, 1]);
    expect(h).toEqual({ 1: 1, 4: 1, 5: 2 });
    expect(histogramN(h)).toBe(4);
  });

  it('lists entries sorted by score, dropping zero counts', () => {
    expect(histogramEntries({ 10: 2, 3: 0, 0: 1 })).toEqual([[0, 1], [10, 2]]);
  });

  it('merges by adding counts', () => {
    expect(mergeHistograms({ 1: 2, 5: 1 }, { 5: 3, 4: 1 })).toEqual({ 1: 2, 4: 1, 5: 4 });
    expect(histogramN({})).toBe(0);
  });

  it('rejects negative or non-finite counts and non-numeric scores', () => {
    expect(() => histogramN({ 1: -1 })).toThrow(DomainError);
    expect(() => histogramN({ 1: Number.NaN })).toThrow(/non-negative/);
    expect(() => histogramN({ abc: 1 } as unknown as Record<number, number>)).toThrow(/not a number/);
    expect(() => histogramFromScores([Number.POSITIVE_INFINITY])).toThrow(DomainError);
  });

  it('checks scores against a scale', () => {
    expect(() => assertScoresInScale({ 0: 1, 10: 1 }, 0, 10, 'NPS')).not.toThrow();
    expect(() => assertScoresInScale({ 11: 1 }, 0, 10, 'NPS')).toThrow(/outside the 0..10 scale/);
    expect(() => assertScoresInScale({ 4.5: 1 }, 0, 10, 'NPS')).toThrow(DomainError);
    expect(() => assertScoresInScale({ 11: 0 }, 0, 10, 'NPS')).not.toThrow();
    expect(() => assertScale(5, 1, 'x')).toThrow(/min < max/);
    expect(() => assertScale(1.5, 5, 'x')).toThrow(DomainError);
  });

  it('property: merging equals counting the concatenated scores', () => {
    const scores = fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }));
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        expect(mergeHistograms(histogramFromScores(a), histogramFromScores(b))).toEqual(histogramFromScores([...a, ...b]));
      }),
    );
  });

  it('property: n of a merge is the sum of the n, and merge is commutative', () => {
    fc.assert(
      fc.property(arbHistogram, arbHistogram, (a, b) => {
        expect(histogramN(mergeHistograms(a, b))).toBe(histogramN(a) + histogramN(b));
        expect(histogramEntries(mergeHistograms(a, b))).toEqual(histogramEntries(mergeHistograms(b, a)));
      }),
    );
  });
});
