import { describe, expect, it } from 'vitest';
import { ratingTrend, reviewRatingResult, type RatingCount } from './trend.ts';

describe('reviewRatingResult (review_rating.v1: mean on 1..5 with a t interval clipped to 1..5)', () => {
  it('n = 0 and n = 1', () => {
    expect(reviewRatingResult({})).toMatchObject({ value: null, n: 0, ci95: null, se: null, ci95Method: 't', definition: 'review_rating.v1' });
    expect(reviewRatingResult({ 4: 1 })).toMatchObject({ value: 4, n: 1, ci95: null, se: null, smallSample: true });
  });
  it('2, 4, 4, 5: mean 3.75, s^2 = 4.75 / 3, t(0.975, 3) = 3.182446', () => {
    const r = reviewRatingResult({ 2: 1, 4: 2, 5: 1 });
    expect(r.value).toBe(3.75);
    expect(r.n).toBe(4);
    const se = Math.sqrt(4.75 / 3 / 4); // 0.629153
    expect(r.se).toBeCloseTo(0.6291528696, 9);
    expect(r.ci95![0]).toBeCloseTo(3.75 - 3.182446305 * se, 6); // 1.747754
    expect(r.ci95![0]).toBeCloseTo(1.747754, 5);
    expect(r.ci95![1]).toBe(5); // 5.752246 clipped to the scale
    expect(r.details).toMatchObject({ scale: 5, df: 3 });
  });
  it('30 ratings: 10 x 3, 10 x 4, 10 x 5: mean 4, s^2 = 20/29, t(0.975, 29) = 2.045230', () => {
    const r = reviewRatingResult({ 3: 10, 4: 10, 5: 10 });
    expect(r.value).toBe(4);
    expect(r.smallSample).toBe(false);
    const half = 2.045229642 * Math.sqrt(20 / 29 / 30); // 2.045230 * 0.151620 = 0.310097
    expect(r.ci95![0]).toBeCloseTo(4 - half, 6);
    expect(r.ci95![1]).toBeCloseTo(4 + half, 6);
    expect(r.ci95![0]).toBeCloseTo(3.689903, 5);
  });
});

describe('ratingTrend', () => {
  const c = (key: string, month: string, rating: number, scale: 5 | 10, n: number): RatingCount => ({ key, month, rating, scale, n });

  it('normalises 10-point ratings onto 5 stars, fills empty months, orders series by count', () => {
    const series = ratingTrend(
      [
        c('google', '2026-01-01', 5, 5, 2),
        c('google', '2026-01-01', 3, 5, 1),
        c('google', '2026-03-01', 1, 5, 1),
        c('booking', '2026-01-01', 10, 10, 1), // 5 stars
        c('booking', '2026-01-01', 7, 10, 1), // 1 + 6 * 4 / 9 = 3.6667 stars
        c('google', '2026-03-01', 4, 5, 1),
      ],
      {},
      '2026-06-15',
    );
    expect(series.map((s) => s.key)).toEqual(['google', 'booking']);
    const [google, booking] = series;
    expect(google.points.map((p) => p.month)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(google.points.map((p) => [p.result.value, p.result.n])).toEqual([[13 / 3, 3], [null, 0], [2.5, 2]]);
    expect(google.overall.value).toBe(3.6); // (5 + 5 + 3 + 1 + 4) / 5
    expect(booking.points.map((p) => p.result.n)).toEqual([2, 0, 0]);
    expect(booking.points[0].result.value).toBeCloseTo((5 + 1 + 24 / 9) / 2, 12); // 4.3333
    expect(google.points.every((p) => !p.partial)).toBe(true);
  });

  it('marks months cut by the window or still running as partial', () => {
    const series = ratingTrend([c('x', '2026-01-01', 4, 5, 1), c('x', '2026-03-01', 5, 5, 1)], { from: '2026-01-10' }, '2026-03-20');
    expect(series[0].points.map((p) => p.partial)).toEqual([true, false, true]);
  });

  it('is empty without ratings', () => {
    expect(ratingTrend([], {}, '2026-01-01')).toEqual([]);
  });
});
