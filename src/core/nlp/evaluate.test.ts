import { describe, expect, it } from 'vitest';
import { foldAssignment, quality } from './evaluate.ts';

describe('quality', () => {
  it('computes accuracy and macro-F1 by hand', () => {
    // truth:     n n n p p u      predicted: n n p p n u
    // negative: tp 2, fp 1, fn 1 -> P 2/3, R 2/3, F1 2/3
    // positive: tp 1, fp 1, fn 1 -> P 1/2, R 1/2, F1 1/2
    // neutral:  tp 1, fp 0, fn 0 -> F1 1
    const q = quality(['negative', 'negative', 'negative', 'positive', 'positive', 'neutral'], ['negative', 'negative', 'positive', 'positive', 'negative', 'neutral'], [
      'negative',
      'neutral',
      'positive',
    ]);
    expect(q.accuracy).toBeCloseTo(4 / 6, 12);
    expect(q.macroF1).toBeCloseTo((2 / 3 + 1 / 2 + 1) / 3, 12);
    expect(q.perClass.negative).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
  });

  it('counts a never-seen class as F1 0', () => {
    expect(quality(['negative', 'positive'], ['negative', 'positive'], ['negative', 'neutral', 'positive']).macroF1).toBeCloseTo(2 / 3, 12);
  });

  it('refuses empty or unequal input', () => {
    expect(() => quality([], [], ['negative'])).toThrow(RangeError);
  });
});

describe('foldAssignment', () => {
  it('spreads items evenly and repeats for the same seed', () => {
    const f = foldAssignment(10, 3, 5);
    expect([0, 1, 2].map((k) => f.filter((x) => x === k).length)).toEqual([4, 3, 3]);
    expect(foldAssignment(10, 3, 5)).toEqual(f);
    expect(foldAssignment(10, 3, 6)).not.toEqual(f);
  });
});
