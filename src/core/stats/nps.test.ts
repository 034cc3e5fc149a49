import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { mergeHistograms } from './histogram.ts';
import { computeNps, NPS_GROUP_RANGES, npsCountsFromHistogram, npsFromCounts, npsGroup } from './nps.ts';

const arbNpsHistogram = fc
  .array(fc.nat(40), { minLength: 11, maxLength: 11 })
  .map((counts) => Object.fromEntries(counts.map((c, score) => [score, c])) as Record<number, number>);

describe('NPS groups (nps.v1: 0-6 / 7-8 / 9-10)', () => {
  it('puts every score of the 0..10 scale in its group', () => {
    const groups = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(npsGroup);
    expect(groups).toEqual([
      'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor', 'detractor',
      'passive', 'passive',
      'promoter', 'promoter',
    ]);
  });

  it('writes the groups as inclusive ranges that the group of each score agrees with', () => {
    expect(NPS_GROUP_RANGES).toEqual({ detractor: [0, 6], passive: [7, 8], promoter: [9, 10] });
    for (const [group, [min, max]] of Object.entries(NPS_GROUP_RANGES)) {
      for (let s = min; s <= max; s++) expect(npsGroup(s)).toBe(group);
    }
  });

  it('counts a histogram by the same groups', () => {
    // 0..10 each once: 7 detractors (0-6), 2 passives (7, 8), 2 promoters (9, 10).
    const all = Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => [s, 1]));
    expect(npsCountsFromHistogram(all)).toEqual({ detractors: 7, passives: 2, promoters: 2 });
    expect(npsCountsFromHistogram({ 6: 4, 7: 3, 8: 2, 9: 1 })).toEqual({ detractors: 4, passives: 5, promoters: 1 });
  });
});

describe('NPS (nps.v1)', () => {
  it('METRICS.md worked check: 1 detractor / 2 passives / 3 promoters', () => {
    const r = npsFromCounts(1, 2, 3);
    expect(r.metric).toBe('nps');
    expect(r.definition).toBe('nps.v1');
    expect(r.n).toBe(6);
    expect(r.value).toBeCloseTo(100 / 3, 10); // 33.3
    expect(r.details?.variance).toBeCloseTo(5 / 9, 12); // 0.5 + 1/6 - (1/3)^2
    expect(r.se).toBeCloseTo(30.429, 3); // 100 * sqrt((5/9)/6) = 30.4 points
    // Adjusted Wald (Rocks 2016): n' = 9, p' = 3.75/9 = 0.416667, d' = 1.75/9 = 0.194444 -> NPS' = 22.2222;
    // var' = 0.611111 - 0.222222^2 = 0.561728; SE' = 100 sqrt(0.561728/9) = 24.98285; 1.96 SE' = 48.96639.
    expect(r.ci95?.[0]).toBeCloseTo(22.22222 - 48.96639, 4); // -26.74
    expect(r.ci95?.[1]).toBeCloseTo(22.22222 + 48.96639, 4); // 71.19
    expect(r.ci95Method).toBe('adjusted_wald');
    expect(r.details?.adjustedNps).toBeCloseTo(200 / 9, 12);
    expect(r.details).toMatchObject({ detractors: 1, passives: 2, promoters: 3 });
    expect(r.details?.pctPromoters).toBeCloseTo(50, 12);
    expect(r.details?.pctPassives).toBeCloseTo(100 / 3, 12);
    expect(r.details?.pctDetractors).toBeCloseTo(100 / 6, 12);
    expect(r.smallSample).toBe(true);
    expect(r.hiddenInSharedReports).toBe(false);
  });

  it('hand case: 10 / 20 / 70 of 100 gives NPS 60, variance 0.44, SE 6.63 points', () => {
    const r = npsFromCounts(10, 20, 70);
    expect(r.value).toBeCloseTo(60, 12);
    expect(r.details?.variance).toBeCloseTo(0.44, 12); // 0.7 + 0.1 - 0.6^2
    expect(r.se).toBeCloseTo(Math.sqrt(44), 12); // 100 * sqrt(0.44 / 100)
    expect(r.smallSample).toBe(false);
  });

  it('classifies the 0..10 histogram at the group boundaries', () => {
    expect(npsCountsFromHistogram({ 0: 1, 6: 2, 7: 3, 8: 4, 9: 5, 10: 6 })).toEqual({ detractors: 3, passives: 7, promoters: 11 });
    const h = { 0: 1, 7: 1, 8: 1, 9: 2, 10: 1 };
    expect(computeNps(h)).toEqual(npsFromCounts(1, 2, 3));
  });

  it('all promoters: NPS 100 with zero sample variance, yet an interval of non-zero width', () => {
    const r = computeNps({ 10: 40 });
    expect(r.value).toBe(100);
    expect(r.se).toBe(0); // the classic estimate stays
    // n' = 43, p' = 40.75/43 = 0.947674, d' = 0.75/43 = 0.017442 -> NPS' = 93.0233;
    // var' = 0.965116 - 0.930233^2 = 0.099784; SE' = 100 sqrt(0.099784/43) = 4.81721; 93.0233 - 1.96 * 4.81721 = 83.5815.
    expect(r.ci95?.[0]).toBeCloseTo(83.5815, 3);
    expect(r.ci95?.[1]).toBe(100); // 102.46, clipped
  });

  it('one promoter: NPS 100, but the interval says how little one answer tells (-48.5 to 98.5)', () => {
    // n' = 4, p' = 1.75/4 = 0.4375, d' = 0.75/4 = 0.1875 -> NPS' = 25; var' = 0.625 - 0.0625 = 0.5625;
    // SE' = 100 sqrt(0.5625/4) = 37.5; 25 -/+ 1.96 * 37.5 = -48.5 .. 98.5.
    const r = npsFromCounts(0, 0, 1);
    expect(r.value).toBe(100);
    expect(r.ci95?.[0]).toBeCloseTo(-48.5, 10);
    expect(r.ci95?.[1]).toBeCloseTo(98.5, 10);
  });

  it('clamps the interval to [-100, 100]', () => {
    // 5 detractors: n' = 8, p' = 0.75/8, d' = 5.75/8 -> NPS' = -62.5; var' = 0.8125 - 0.390625 = 0.421875;
    // SE' = 100 sqrt(0.421875/8) = 22.9640; -62.5 - 45.0094 = -107.5 -> -100; -62.5 + 45.0094 = -17.4906.
    const r = npsFromCounts(5, 0, 0);
    expect(r.ci95?.[0]).toBe(-100);
    expect(r.ci95?.[1]).toBeCloseTo(-17.4906, 3);
  });

  it('n = 0 gives null value, SE and interval, and is hidden', () => {
    const r = computeNps({});
    expect(r).toMatchObject({ value: null, n: 0, se: null, ci95: null, ci95Method: 'adjusted_wald', smallSample: true, hiddenInSharedReports: true });
  });

  it('small-sample flags: hidden below 5, small below 30', () => {
    expect(npsFromCounts(0, 0, 4).hiddenInSharedReports).toBe(true);
    expect(npsFromCounts(0, 0, 5)).toMatchObject({ hiddenInSharedReports: false, smallSample: true });
    expect(npsFromCounts(0, 0, 29).smallSample).toBe(true);
    expect(npsFromCounts(0, 0, 30).smallSample).toBe(false);
  });

  it('rejects scores outside 0..10, fractional scores and negative counts', () => {
    expect(() => computeNps({ 11: 1 })).toThrow(DomainError);
    expect(() => computeNps({ 8.5: 1 })).toThrow(DomainError);
    expect(() => computeNps({ [-1]: 1 })).toThrow(DomainError);
    expect(() => npsFromCounts(-1, 2, 3)).toThrow(/non-negative/);
  });

  it('property: NPS within [-100, 100], interval of positive width around the adjusted NPS and in range, shares sum to 100', () => {
    fc.assert(
      fc.property(arbNpsHistogram, (h) => {
        const r = computeNps(h);
        if (r.n === 0) {
          expect(r.value).toBeNull(); // not returned: fast-check reads a falsy return as a failed property
          return;
        }
        const v = r.value as number;
        const [lo, hi] = r.ci95 as [number, number];
        const adjusted = r.details?.adjustedNps as number;
        expect(v).toBeGreaterThanOrEqual(-100);
        expect(v).toBeLessThanOrEqual(100);
        expect(hi).toBeGreaterThan(lo);
        expect(lo).toBeLessThanOrEqual(adjusted);
        expect(hi).toBeGreaterThanOrEqual(adjusted);
        // The adjustment pulls towards 0, so the plain NPS lies on the far side of the adjusted one.
        expect(Math.abs(adjusted)).toBeLessThanOrEqual(Math.abs(v) + 1e-9);
        expect(lo).toBeGreaterThanOrEqual(-100);
        expect(hi).toBeLessThanOrEqual(100);
        const d = r.details as Record<string, number>;
        expect(d.variance).toBeGreaterThanOrEqual(0);
        expect(d.variance).toBeLessThanOrEqual(1);
        expect(d.pctPromoters + d.pctPassives + d.pctDetractors).toBeCloseTo(100, 9);
      }),
    );
  });

  it('property: NPS of merged histograms equals NPS of the pooled counts', () => {
    fc.assert(
      fc.property(arbNpsHistogram, arbNpsHistogram, (a, b) => {
        const ca = npsCountsFromHistogram(a);
        const cb = npsCountsFromHistogram(b);
        const pooled = npsFromCounts(ca.detractors + cb.detractors, ca.passives + cb.passives, ca.promoters + cb.promoters);
        expect(computeNps(mergeHistograms(a, b))).toEqual(pooled);
      }),
    );
  });
});
