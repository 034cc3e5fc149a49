import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { johnsonRelativeWeights, keyDrivers } from './drivers.ts';
import { pearson, solveLinearSystem } from './linalg.ts';

/** R^2 of the OLS regression of y on the columns of rows (with intercept), via the normal equations. */
function olsR2(rows: number[][], y: number[]): number {
  const k = rows[0].length;
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = Array.from({ length: k }, (_, j) => mean(rows.map((r) => r[j])));
  const my = mean(y);
  const xc = rows.map((r) => r.map((x, j) => x - mx[j]));
  const yc = y.map((v) => v - my);
  const xtx = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => xc.reduce((s, r) => s + r[i] * r[j], 0)));
  const xty = Array.from({ length: k }, (_, i) => xc.reduce((s, r, t) => s + r[i] * yc[t], 0));
  const b = solveLinearSystem(xtx, xty);
  return b.reduce((s, bj, j) => s + bj * xty[j], 0) / yc.reduce((s, v) => s + v * v, 0);
}

/** Deterministic uniform [0, 1) numbers (LCG), so the fixtures are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('Johnson relative weights', () => {
  it('uncorrelated predictors: weights equal the squared correlations and sum to the OLS R^2', () => {
    // 2 x 2 factorial design, twice: corr(x1, x2) = 0 exactly.
    const rows = [[-1, -1], [-1, 1], [1, -1], [1, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]];
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    const r = johnsonRelativeWeights(rows, y, ['x1', 'x2']);
    const r1 = pearson(rows.map((x) => x[0]), y) as number;
    const r2 = pearson(rows.map((x) => x[1]), y) as number;
    expect(r.weights[0].rawWeight).toBeCloseTo(r1 * r1, 12);
    expect(r.weights[1].rawWeight).toBeCloseTo(r2 * r2, 12);
    expect(r.r2).toBeCloseTo(olsR2(rows, y), 12);
    expect(r.weights[0].pctOfR2 + r.weights[1].pctOfR2).toBeCloseTo(100, 12);
  });

  it('two correlated predictors match the closed form Lambda = [[a, b], [b, a]]', () => {
    const rows = [[1, 2], [2, 1], [3, 4], [4, 3], [5, 7], [6, 5], [7, 8], [8, 6]];
    const y = [2, 1, 4, 5, 5, 7, 9, 8];
    const r = pearson(rows.map((x) => x[0]), rows.map((x) => x[1])) as number;
    const ry = [0, 1].map((j) => pearson(rows.map((x) => x[j]), y) as number);
    const a = (Math.sqrt(1 + r) + Math.sqrt(1 - r)) / 2;
    const b = (Math.sqrt(1 + r) - Math.sqrt(1 - r)) / 2;
    const det = Math.sqrt(1 - r * r); // a^2 - b^2
    const beta = [(a * ry[0] - b * ry[1]) / det, (a * ry[1] - b * ry[0]) / det];
    const expected = [a * a * beta[0] ** 2 + b * b * beta[1] ** 2, b * b * beta[0] ** 2 + a * a * beta[1] ** 2];
    const out = johnsonRelativeWeights(rows, y, ['x1', 'x2']);
    expect(out.weights[0].rawWeight).toBeCloseTo(expected[0], 12);
    expect(out.weights[1].rawWeight).toBeCloseTo(expected[1], 12);
    expect(out.r2).toBeCloseTo(olsR2(rows, y), 12);
  });

  it('a single predictor gets all of R^2 = r^2', () => {
    const out = johnsonRelativeWeights([[1], [2], [3], [4]], [1, 3, 2, 4], ['x']);
    expect(out.r2).toBeCloseTo(0.64, 12);
    expect(out.weights[0]).toMatchObject({ name: 'x', pctOfR2: 100 });
  });

  it('rejects collinear predictors, constant columns and malformed input', () => {
    const y = [1, 2, 4, 3, 5];
    expect(() => johnsonRelativeWeights([[1, 2], [2, 4], [3, 6], [4, 8], [5, 10]], y, ['a', 'b'])).toThrow(/collinear/);
    expect(() => johnsonRelativeWeights([[1, 1], [2, 1], [3, 1], [4, 1], [5, 1]], y, ['a', 'b'])).toThrow(/b has no variance/);
    expect(() => johnsonRelativeWeights([[1], [2], [3]], [2, 2, 2], ['a'])).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
    expect(() => johnsonRelativeWeights([[1, 2]], [1, 2], ['a', 'b'])).toThrow(DomainError);
    expect(() => johnsonRelativeWeights([[1]], [1], [])).toThrow(DomainError);
    expect(() => johnsonRelativeWeights([[1], [Number.NaN]], [1, 2], ['a'])).toThrow(/finite/);
  });

  it('property: raw weights are >= 0 and sum to the OLS R^2 (normal equations)', () => {
    const data = fc.noBias(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 })), {
        minLength: 40,
        maxLength: 60,
      }),
    );
    fc.assert(
      fc.property(data, (rowsY) => {
        const rows = rowsY.map(([a, b, c, o]) => [a, b, Math.round((a + c + o) / 3)]); // correlated third column
        const y = rowsY.map(([a, b, , o]) => a + 0.5 * b + o);
        let out;
        try {
          out = johnsonRelativeWeights(rows, y, ['a', 'b', 'c']);
        } catch (e) {
          if (e instanceof DomainError && e.code === 'insufficient_data') return; // degenerate draw
          throw e;
        }
        for (const w of out.weights) expect(w.rawWeight).toBeGreaterThanOrEqual(0);
        expect(out.r2).toBeCloseTo(olsR2(rows, y), 9);
        expect(out.r2).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('keyDrivers (drivers.v1)', () => {
  const rand = lcg(42);
  const n = 80;
  const low = () => 1 + Math.floor(rand() * 5); // 1..5, mean ~3
  const high = () => 6 + Math.floor(rand() * 5); // 6..10, mean ~8
  const a = Array.from({ length: n }, low);
  const b = Array.from({ length: n }, high);
  const c: (number | null)[] = Array.from({ length: n }, high);
  const d = Array.from({ length: n }, low);
  const outcome: (number | null)[] = a.map((x, i) => x + b[i] + (rand() - 0.5));
  outcome[0] = null;
  c[1] = null;
  const attributes = [
    { name: 'speed', scores: a },
    { name: 'politeness', scores: b },
    { name: 'cleanliness', scores: c },
    { name: 'parking', scores: d },
  ];

  it('drops incomplete rows, weights the real drivers and places each attribute in its quadrant', () => {
    const r = keyDrivers({ attributes, outcome });
    expect(r.definition).toBe('drivers.v1');
    expect(r.n).toBe(78);
    expect(r.meanImportance).toBe(25);
    const byName = Object.fromEntries(r.weights.map((w) => [w.name, w]));
    expect(byName.speed.quadrant).toBe('key_weakness');
    expect(byName.politeness.quadrant).toBe('key_strength');
    expect(byName.cleanliness.quadrant).toBe('secondary_strength');
    expect(byName.parking.quadrant).toBe('secondary_weakness');
    expect(byName.cleanliness.performanceN).toBe(79); // performance uses every answer to that attribute
    expect(byName.speed.performance).toBeCloseTo(a.reduce((s, x) => s + x, 0) / n, 12);
    expect(r.weights.reduce((s, w) => s + w.rawWeight, 0)).toBeCloseTo(r.r2, 12);
    expect(r.meanPerformance).toBeCloseTo(r.weights.reduce((s, w) => s + w.performance, 0) / 4, 12);
  });

  it('throws insufficient_data below max(30, 5k) complete rows unless minComplete says otherwise', () => {
    const short = { attributes: attributes.map((x) => ({ ...x, scores: x.scores.slice(0, 25) })), outcome: outcome.slice(0, 25) };
    expect(() => keyDrivers(short)).toThrow(expect.objectContaining({ code: 'insufficient_data', details: { complete: 23, required: 30 } }));
    expect(() => keyDrivers(short)).toThrow(/at least 30 complete responses for 4 attributes; only 23/);
    expect(keyDrivers({ ...short, minComplete: 20 }).n).toBe(23);
    const many = Array.from({ length: 7 }, (_, j) => ({ name: `a${j}`, scores: a.map(() => Math.floor(rand() * 10)) }));
    expect(keyDrivers({ attributes: many, outcome }).n).toBe(79); // 7 attributes need 35 rows
    const cut = { attributes: many.map((x) => ({ ...x, scores: x.scores.slice(0, 34) })), outcome: outcome.slice(0, 34) };
    expect(() => keyDrivers(cut)).toThrow(/at least 35/);
  });

  it('a constant outcome is blamed on the outcome, not on the first attribute', () => {
    // Attributes vary (so none of them is at fault); every outcome is 9.
    const attributes = [
      { name: 'speed', scores: Array.from({ length: 40 }, (_, i) => 1 + (i % 5)) },
      { name: 'politeness', scores: Array.from({ length: 40 }, (_, i) => 1 + ((i * 3) % 5)) },
    ];
    const outcome = Array.from({ length: 40 }, () => 9);
    expect(() => keyDrivers({ attributes, outcome })).toThrow(expect.objectContaining({ code: 'insufficient_data', message: expect.stringMatching(/outcome has no variance/) }));
    expect(() => keyDrivers({ attributes, outcome })).not.toThrow(/speed/);
  });

  it('throws insufficient_data for an attribute without variance, naming it', () => {
    const flat = [...attributes.slice(0, 3), { name: 'parking', scores: d.map(() => 3) }];
    expect(() => keyDrivers({ attributes: flat, outcome })).toThrow(/parking has no variance/);
  });

  it('validates lengths, names and values', () => {
    expect(() => keyDrivers({ attributes: [], outcome })).toThrow(DomainError);
    expect(() => keyDrivers({ attributes: [attributes[0], attributes[0]], outcome })).toThrow(/unique/);
    expect(() => keyDrivers({ attributes: [{ name: 'x', scores: [1, 2] }], outcome })).toThrow(/values, outcome has/);
    expect(() => keyDrivers({ attributes: [{ name: 'x', scores: a.map(() => Number.NaN) }], outcome })).toThrow(DomainError);
  });
});
