/**
 * The dashboard's sentiment and theme filters in the URL (src/web/analytics/filters.ts): read from a
 * shareable link (a theme list repeated or comma-separated, like the API), written back in a stable form,
 * and passed to every analytics endpoint. Hand-written links and expectations.
 */
import { describe, expect, it } from 'vitest';
import { apiFilterParams, DEFAULT_FILTERS, parseFilters, serializeFilters } from '../../src/web/analytics/filters.ts';

describe('sentiment and theme filters <-> URL', () => {
  it('reads the sentiment and a theme list, repeated or comma-separated, without duplicates', () => {
    expect(parseFilters(new URLSearchParams('sentiment=negative&theme=price,waiting_time&theme=price&theme=staff-1'))).toEqual({
      ...DEFAULT_FILTERS, sentiment: 'negative', themes: ['price', 'waiting_time', 'staff-1'],
    });
  });

  it('drops unknown sentiments, malformed theme ids and empty parts', () => {
    expect(parseFilters(new URLSearchParams('sentiment=angry&theme=Price!,,<b>&theme='))).toEqual(DEFAULT_FILTERS);
    expect(parseFilters(new URLSearchParams('sentiment=negative,positive')).sentiment).toBeUndefined();
    expect(parseFilters(new URLSearchParams('theme=ok,NOT_OK')).themes).toEqual(['ok']);
  });

  it('keeps at most 20 themes (the API refuses more)', () => {
    const many = Array.from({ length: 25 }, (_, i) => `t${i}`);
    expect(parseFilters(new URLSearchParams(`theme=${many.join(',')}`)).themes).toEqual(many.slice(0, 20));
  });

  it('writes them back as one comma list and round-trips', () => {
    const f = { ...DEFAULT_FILTERS, sentiment: 'positive' as const, themes: ['cleanliness', 'price'] };
    expect(serializeFilters(f).toString()).toBe('sentiment=positive&theme=cleanliness%2Cprice');
    expect(parseFilters(serializeFilters(f))).toEqual(f);
    expect(serializeFilters({ ...DEFAULT_FILTERS, themes: [] }).toString()).toBe('');
  });

  it('passes them to the analytics endpoints as sentiment and theme', () => {
    const params = apiFilterParams({ ...DEFAULT_FILTERS, range: 'all', sentiment: 'neutral', themes: ['a', 'b'] }, '2026-11-30');
    expect(params).toMatchObject({ sentiment: 'neutral', theme: 'a,b' });
    expect(apiFilterParams({ ...DEFAULT_FILTERS, range: 'all', themes: [] }, '2026-11-30')).toMatchObject({ sentiment: undefined, theme: undefined });
  });
});
