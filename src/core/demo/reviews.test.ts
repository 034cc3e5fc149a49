import { describe, expect, it } from 'vitest';
import { generateDemoReviews } from './reviews.ts';
import { DECLINING_STORE, IMPROVING_STORE } from './structure.ts';

const now = new Date('2026-11-30T12:00:00Z');
const reviews = [...generateDemoReviews({ seed: 20_260_101, now, days: 182 })];
const mean = (store: string, from: string, to: string) => {
  const rs = reviews.filter((r) => r.location === store && r.rating !== null && r.publishedAt >= new Date(from) && r.publishedAt < new Date(to));
  return rs.reduce((s, r) => s + r.rating!, 0) / rs.length;
};

describe('demo reviews', () => {
  it('is deterministic for a seed', () => {
    expect([...generateDemoReviews({ seed: 20_260_101, now, days: 182 })]).toEqual(reviews);
  });

  it('covers the demo period from the regions own platforms, in ru, en and fa', () => {
    expect(reviews.length).toBeGreaterThan(800);
    expect(reviews.every((r) => r.publishedAt <= now && r.publishedAt.getTime() > now.getTime() - 183 * 86_400_000)).toBe(true);
    const sources = (prefix: string) => new Set(reviews.filter((r) => r.location.startsWith(prefix)).map((r) => r.source));
    expect(sources('MSK')).toEqual(new Set(['yandex_maps', '2gis', 'google']));
    expect(sources('THR')).toEqual(new Set(['google', 'instagram']));
    expect(new Set(reviews.map((r) => r.language))).toEqual(new Set(['ru', 'en', 'fa']));
    expect(reviews.filter((r) => r.source === 'instagram').every((r) => r.rating === null && r.text !== '')).toBe(true);
  });

  it('tells the survey story: the declining store falls, the improving one rises', () => {
    expect(mean(DECLINING_STORE, '2026-06-01', '2026-08-01') - mean(DECLINING_STORE, '2026-10-01', '2026-12-01')).toBeGreaterThan(0.8);
    expect(mean(IMPROVING_STORE, '2026-10-01', '2026-12-01') - mean(IMPROVING_STORE, '2026-06-01', '2026-08-01')).toBeGreaterThan(0.8);
  });
});
