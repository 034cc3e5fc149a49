import { describe, expect, it } from 'vitest';
import { counterClaims, fullOutcome, hasLimits, quotaMatches, type Quota, type QuotaSubject } from './quotas.ts';

const subject = (over: Partial<QuotaSubject> = {}): QuotaSubject => ({
  answers: { nps: { score: 9 }, visit: { choice: 'first' } },
  hidden: { tier: 'gold' },
  location: { id: 'loc-1', code: 'S7' },
  ...over,
});
const quota = (over: Partial<Quota>): Quota => ({ key: 'q', limit: 10, action: 'end', message: { en: 'Full' }, ...over });

describe('quotaMatches', () => {
  it('matches every response without a condition', () => {
    expect(quotaMatches(quota({}), subject())).toBe(true);
  });
  it('uses the show-if operators on an answer', () => {
    expect(quotaMatches(quota({ when: { question: 'nps', op: 'gte', value: 9 } }), subject())).toBe(true);
    expect(quotaMatches(quota({ when: { question: 'nps', op: 'lte', value: 6 } }), subject())).toBe(false);
    expect(quotaMatches(quota({ when: { question: 'visit', op: 'eq', value: 'first' } }), subject())).toBe(true);
    expect(quotaMatches(quota({ when: { question: 'missing', op: 'answered' } }), subject())).toBe(false);
  });
  it('compares hidden fields as text', () => {
    expect(quotaMatches(quota({ when: { hidden: 'tier', op: 'in', value: ['gold', 'silver'] } }), subject())).toBe(true);
    expect(quotaMatches(quota({ when: { hidden: 'tier', op: 'eq', value: 'bronze' } }), subject())).toBe(false);
    expect(quotaMatches(quota({ when: { hidden: 'absent', op: 'answered' } }), subject())).toBe(false);
  });
  it('matches the location by id or code, and never without a location', () => {
    expect(quotaMatches(quota({ when: { location: true, op: 'eq', value: 'S7' } }), subject())).toBe(true);
    expect(quotaMatches(quota({ when: { location: true, op: 'in', value: ['loc-1'] } }), subject())).toBe(true);
    expect(quotaMatches(quota({ when: { location: true, op: 'eq', value: 'S8' } }), subject())).toBe(false);
    expect(quotaMatches(quota({ when: { location: true, op: 'eq', value: 'S7' } }), subject({ location: null }))).toBe(false);
  });
});

describe('counterClaims', () => {
  it('claims nothing for a survey without limits', () => {
    expect(hasLimits({ responseLimit: null, quotas: [] })).toBe(false);
    expect(counterClaims({}, subject())).toEqual([]);
  });
  it('claims the response limit and each matching quota, per location when asked, in counter order', () => {
    const promoters = quota({ key: 'promoters', limit: 100, when: { question: 'nps', op: 'gte', value: 9 } });
    const detractors = quota({ key: 'detractors', limit: 100, when: { question: 'nps', op: 'lte', value: 6 } });
    const store = quota({ key: 'store', limit: 200, perLocation: true, action: 'close' });
    const claims = counterClaims({ responseLimit: 500, quotas: [store, promoters, detractors] }, subject());
    expect(claims.map((c) => [c.counter, c.limit])).toEqual([
      ['quota:promoters', 100],
      ['quota:store@loc-1', 200],
      ['responses', 500],
    ]);
    expect(counterClaims({ quotas: [store] }, subject({ location: null })).map((c) => c.counter)).toEqual(['quota:store@-']);
  });
});

describe('fullOutcome', () => {
  const end = quota({ key: 'e', action: 'end' });
  const close = quota({ key: 'c', action: 'close' });
  it('is null when nothing is full', () => {
    expect(fullOutcome([])).toBeNull();
  });
  it('ends with the quota when only an end quota is full', () => {
    expect(fullOutcome([{ counter: 'quota:e', limit: 1, quota: end }])).toEqual({ kind: 'end', quota: end });
  });
  it('closes when the response limit or a close quota is full, even with an end quota', () => {
    expect(fullOutcome([{ counter: 'responses', limit: 5, quota: null }, { counter: 'quota:e', limit: 1, quota: end }])).toEqual({ kind: 'closed' });
    expect(fullOutcome([{ counter: 'quota:c', limit: 1, quota: close }])).toEqual({ kind: 'closed' });
  });
});
