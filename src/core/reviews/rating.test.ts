import { describe, expect, it } from 'vitest';
import { parseRating, toFiveStars } from './rating.ts';

describe('parseRating', () => {
  it.each([
    [4, 5, { rating: 4, scale: 5 }],
    ['4', 5, { rating: 4, scale: 5 }],
    ['4.5', 5, { rating: 4.5, scale: 5 }],
    ['4,5', 5, { rating: 4.5, scale: 5 }],
    ['8', 10, { rating: 8, scale: 10 }],
    ['8/10', 5, { rating: 8, scale: 10 }],
    ['3 / 5', 10, { rating: 3, scale: 5 }],
    ['4 из 5', 10, { rating: 4, scale: 5 }],
    ['9 out of 10', 5, { rating: 9, scale: 10 }],
    ['★★★★☆', 10, { rating: 4, scale: 5 }],
    ['۴', 5, { rating: 4, scale: 5 }],
    ['', 5, { rating: null, scale: null }],
    [null, 5, { rating: null, scale: null }],
  ] as const)('%j on %d', (cell, scale, expected) => {
    expect(parseRating(cell, scale)).toEqual(expected);
  });

  it.each([
    ['7', 5, 'rating 7 is outside 1..5 (a 10-point file? choose the 1..10 scale)'],
    ['0', 5, 'rating 0 is outside 1..5'],
    ['11', 10, 'rating 11 is outside 1..10'],
    ['4/7', 5, 'rating "4/7": the scale must be 5 or 10'],
    ['good', 5, 'rating "good" is not a number'],
    ['4.555', 5, 'rating "4.555" is not a number'],
  ] as const)('refuses %j on %d', (cell, scale, error) => {
    expect(parseRating(cell, scale)).toEqual({ error });
  });
});

describe('toFiveStars (review_rating.v1: 1..scale linearly onto 1..5)', () => {
  it('keeps 5-star ratings', () => {
    for (const r of [1, 2, 3, 4, 5, 4.5]) expect(toFiveStars(r, 5)).toBe(r);
  });
  it('maps 1..10 onto 1..5', () => {
    expect(toFiveStars(1, 10)).toBe(1);
    expect(toFiveStars(10, 10)).toBe(5);
    expect(toFiveStars(7, 10)).toBeCloseTo(1 + 24 / 9, 12); // 3.6667
    expect(toFiveStars(5.5, 10)).toBe(3); // the middle of 1..10 is the middle of 1..5
  });
});
