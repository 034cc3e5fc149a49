import { describe, expect, it } from 'vitest';
import { mayChangeView, narrowViewQuery, normaliseViewQuery, viewLocationIds, viewUrl } from './savedViews.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('saved view queries', () => {
  it('keeps only dashboard parameters, once each, without the leading ?', () => {
    expect(normaliseViewQuery('?range=30d&evil=1&range=all&cmp=periods&aFrom=2026-01-01&theme=a%2Cb&x=')).toBe('range=30d&cmp=periods&aFrom=2026-01-01&theme=a%2Cb');
    expect(normaliseViewQuery('')).toBe('');
  });

  it('finds the location ids of location, parent and both compare sides', () => {
    expect(viewLocationIds(`location=${A}&parent=${A}&aLoc=${B.toUpperCase()}&bLoc=nope&channel=${A}`)).toEqual([A, B]);
  });

  it('drops locations outside the caller\'s scope and says so', () => {
    expect(narrowViewQuery(`range=30d&location=${A}&cmp=locations&aLoc=${A}&bLoc=${B}`, new Set([A])))
      .toEqual({ query: `range=30d&location=${A}&cmp=locations&aLoc=${A}`, narrowed: true });
    const q = `range=30d&location=${A}`;
    expect(narrowViewQuery(q, new Set([A]))).toEqual({ query: q, narrowed: false });
  });

  it('builds the dashboard address', () => {
    expect(viewUrl(A, 'range=30d')).toBe(`/app/surveys/${A}?range=30d`);
    expect(viewUrl(A, '')).toBe(`/app/surveys/${A}`);
  });

  it('lets the owner change a view, and owners and admins a shared one only', () => {
    const mine = { ownerUserId: 'u1', shared: false };
    expect(mayChangeView({ userId: 'u1', role: 'viewer' }, mine)).toBe(true);
    expect(mayChangeView({ userId: 'u2', role: 'admin' }, mine)).toBe(false);
    expect(mayChangeView({ userId: 'u2', role: 'admin' }, { ...mine, shared: true })).toBe(true);
    expect(mayChangeView({ userId: 'u2', role: 'owner' }, { ...mine, shared: true })).toBe(true);
    expect(mayChangeView({ userId: 'u2', role: 'analyst' }, { ...mine, shared: true })).toBe(false);
  });
});
