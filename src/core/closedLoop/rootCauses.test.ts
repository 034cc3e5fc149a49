import { describe, expect, it } from 'vitest';
import { moveTo, rootCauseKey } from './rootCauses.ts';

describe('rootCauseKey', () => {
  it('comes from the English name', () => {
    expect(rootCauseKey({ en: 'Long queue at the till!', ru: 'Очередь' }, new Set())).toBe('long_queue_at_the_till');
  });
  it('falls back to another Latin name, then to "cause"', () => {
    expect(rootCauseKey({ ru: 'Очередь', fa: 'Queue 2' }, new Set())).toBe('queue_2');
    expect(rootCauseKey({ ru: 'Очередь' }, new Set())).toBe('cause');
  });
  it('numbers a taken key', () => {
    expect(rootCauseKey({ en: 'Price' }, new Set(['price', 'price_2']))).toBe('price_3');
    expect(rootCauseKey({ ru: 'Цена' }, new Set(['cause']))).toBe('cause_2');
  });
  it('fits the key pattern even for a long name', () => {
    const key = rootCauseKey({ en: 'a'.repeat(80) }, new Set(['a'.repeat(36)]));
    expect(key).toMatch(/^[a-z0-9_]{1,40}$/);
    expect(key).toBe(`${'a'.repeat(36)}_2`);
  });
});

describe('moveTo', () => {
  it('moves a cause up, down, and clamps the index', () => {
    expect(moveTo(['a', 'b', 'c', 'd'], 'c', 0)).toEqual(['c', 'a', 'b', 'd']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveTo(['a', 'b', 'c'], 'c', -4)).toEqual(['c', 'a', 'b']);
    expect(moveTo(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });
});
