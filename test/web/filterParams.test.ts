import { expect, it } from 'vitest';
import { withFilters } from '../../src/web/components/filterParams.ts';

it('keeps only the page\'s filter keys, lets the change override them and drops empty values and paging', () => {
  const prev = new URLSearchParams('source=google&location=L1&offset=50&q=late');
  const keys = ['source', 'location', 'sentiment', 'q'] as const;
  expect(withFilters(prev, keys, { sentiment: 'negative' }).toString()).toBe('source=google&location=L1&sentiment=negative&q=late');
  expect(withFilters(prev, keys, { location: undefined, q: '' }).toString()).toBe('source=google');
  expect(withFilters(prev, keys, {}).toString()).toBe('source=google&location=L1&q=late');
});
