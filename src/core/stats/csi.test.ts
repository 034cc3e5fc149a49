import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { computeCsi, csiBreakdown, type CsiAttribute } from './csi.ts';

describe('CSI (csi.v1)', () => {
  // speed: satisfaction mean 8, importance mean 9; politeness: satisfaction mean 6, importance mean 3.
  const stated: CsiAttribute[] = [
    { key: 'speed', satisfaction: { 7: 1, 9: 1 }, importance: { 9: 2 } },
    { key: 'politeness', satisfaction: { 6: 3 }, importance: { 2: 1, 4: 1 } },
  ];

  it('stated importance: weights 9/12 and 3/12, CSI = 10 * (0.75*8 + 0.25*6) = 75', () => {
    const r = computeCsi(stated);
    expect(r).toMatchObject({ metric: 'csi', definition: 'csi.v1', n: 2, se: null, ci95: null });
    expect(r.value).toBeCloseTo(75, 12);
    expect(r.details).toMatchObject({ weighting: 'stated', attributes: 2 });
    const b = csiBreakdown(stated);
    expect(b.attributes.map((a) => a.weight)).toEqual([0.75, 0.25]);
    expect(b.attributes[0]).toMatchObject({ meanSatisfaction: 8, meanImportance: 9, nSatisfaction: 2, nImportance: 2 });
    expect(b.attributes[0].contribution).toBeCloseTo(60, 12);
  });

  it('derived weights (key drivers) are normalised and reported as derived', () => {
    const r = computeCsi([
      { key: 'speed', satisfaction: { 8: 1 }, derivedWeight: 0.1 },
      { key: 'politeness', satisfaction: { 6: 1 }, derivedWeight: 0.3 },
    ]);
    expect(r.value).toBeCloseTo(10 * (0.25 * 8 + 0.75 * 6), 12); // 65
    expect(r.details?.weighting).toBe('derived');
  });

  it('an attribute without answers makes the CSI unavailable (n = 0)', () => {
    const r = computeCsi([stated[0], { key: 'politeness', satisfaction: { 6: 3 }, importance: {} }]);
    expect(r).toMatchObject({ value: null, n: 0 });
    expect(csiBreakdown([stated[0], { key: 'x', satisfaction: {}, importance: { 5: 1 } }]).attributes[1].contribution).toBeNull();
  });

  it('rejects mixed weighting, missing derived weights, duplicates and out-of-scale ratings', () => {
    expect(() => computeCsi([stated[0], { key: 'p', satisfaction: { 6: 1 }, derivedWeight: 1 }])).toThrow(/mixed/);
    expect(() => computeCsi([{ key: 'a', satisfaction: { 6: 1 } }])).toThrow(DomainError);
    expect(() => computeCsi([{ key: 'a', satisfaction: { 6: 1 }, derivedWeight: 0 }])).toThrow(/all zero/);
    expect(() => computeCsi([stated[0], stated[0]])).toThrow(/unique/);
    expect(() => computeCsi([{ key: 'a', satisfaction: { 11: 1 }, importance: { 5: 1 } }])).toThrow(DomainError);
    expect(() => computeCsi([])).toThrow(DomainError);
  });

  it('property: CSI lies in 10..100 on 1..10 ratings and stated weights sum to 1', () => {
    const hist = fc.array(fc.nat(5), { minLength: 10, maxLength: 10 }).map((c) => {
      const h = Object.fromEntries(c.map((x, i) => [i + 1, x]));
      h[1 + (c[0] % 10)] += 1; // at least one answer
      return h;
    });
    const attr = fc.record({ satisfaction: hist, importance: hist });
    fc.assert(
      fc.property(fc.array(attr, { minLength: 1, maxLength: 6 }), (attrs) => {
        const input = attrs.map((a, i) => ({ key: `a${i}`, ...a }));
        const r = computeCsi(input);
        expect(r.value).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(r.value).toBeLessThanOrEqual(100 + 1e-9);
        const sum = csiBreakdown(input).attributes.reduce((s, a) => s + (a.weight as number), 0);
        expect(sum).toBeCloseTo(1, 12);
      }),
    );
  });
});
