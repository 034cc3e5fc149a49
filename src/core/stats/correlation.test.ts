import { describe, expect, it } from 'vitest';
import { correlationTest } from './correlation.ts';

const pairs = (x: number[], y: number[]) => x.map((v, i) => ({ x: v, y: y[i] }));

describe('correlationTest', () => {
  it('x 1..5 against y 2 4 5 4 5: r = 6 / sqrt(60), t(3) test and Fisher-z interval worked out by hand', () => {
    // deviations: dx -2 -1 0 1 2, dy -2 0 1 0 1 -> Sxy 6, Sxx 10, Syy 6
    const c = correlationTest(pairs([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]));
    expect(c.n).toBe(5);
    expect(c.r).toBeCloseTo(0.7745966692414834, 12);
    // t = r sqrt(3 / (1 - r^2)) = sqrt(0.6 x 3 / 0.4) = sqrt(4.5); t(3): F = 1/2 + (u / (1 + u^2) + atan u) / pi, u = t / sqrt 3 = sqrt 1.5
    const u = Math.sqrt(1.5);
    expect(c.pValue).toBeCloseTo(2 * (0.5 - (u / (1 + u * u) + Math.atan(u)) / Math.PI), 9);
    expect(c.pValue).toBeCloseTo(0.1240, 4);
    // Fisher z = atanh r = 0.5 ln((1 + r) / (1 - r)); se 1 / sqrt(2)
    const z = 0.5 * Math.log((1 + 0.7745966692414834) / (1 - 0.7745966692414834));
    expect(c.ci95![0]).toBeCloseTo(Math.tanh(z - 1.96 / Math.SQRT2), 10);
    expect(c.ci95![1]).toBeCloseTo(Math.tanh(z + 1.96 / Math.SQRT2), 10);
  });

  it('a perfect negative line: r -1, p 0', () => {
    const c = correlationTest(pairs([1, 2, 3, 4, 5], [10, 8, 6, 4, 2]));
    expect(c.r).toBe(-1);
    expect(c.pValue).toBe(0);
  });

  it('fewer than 5 complete pairs: too few; a constant side: no variance', () => {
    expect(correlationTest([{ x: 1, y: 2 }, { x: 2, y: 3 }, { x: 3, y: 1 }, { x: 4, y: 5 }, { x: null, y: 1 }])).toMatchObject({ n: 4, r: null, pValue: null, reason: 'too_few' });
    expect(correlationTest(pairs([1, 2, 3, 4, 5], [3, 3, 3, 3, 3]))).toMatchObject({ n: 5, r: null, reason: 'no_variance' });
  });
});
