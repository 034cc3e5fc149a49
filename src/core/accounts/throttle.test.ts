import { describe, expect, it } from 'vitest';
import { countAttempt, lockedUntil, type ThrottleRule } from './throttle.ts';

const rule: ThrottleRule = { limit: 3, windowMs: 1000, lockMs: 5000 };

describe('throttle counters', () => {
  it('locks on the attempt that reaches the limit within a window', () => {
    let c = countAttempt(null, 100, rule);
    expect(c).toEqual({ hits: 1, windowStartedAt: 100, lockedUntil: null });
    c = countAttempt(c, 200, rule);
    expect(c).toEqual({ hits: 2, windowStartedAt: 100, lockedUntil: null });
    expect(lockedUntil(c, 200)).toBeNull();
    c = countAttempt(c, 300, rule);
    expect(c).toEqual({ hits: 3, windowStartedAt: 100, lockedUntil: 5300 });
    expect(lockedUntil(c, 5299)).toBe(5300);
    expect(lockedUntil(c, 5300)).toBeNull();
  });

  it('starts a new window when the old one is over', () => {
    let c = countAttempt(null, 0, rule);
    c = countAttempt(c, 500, rule);
    expect(countAttempt(c, 1000, rule)).toEqual({ hits: 1, windowStartedAt: 1000, lockedUntil: null });
  });

  it('leaves a running lock as it is', () => {
    const locked = { hits: 3, windowStartedAt: 0, lockedUntil: 600 };
    expect(countAttempt(locked, 599, rule)).toEqual(locked);
  });

  it('counts afresh after a lock has run out', () => {
    const locked = { hits: 3, windowStartedAt: 0, lockedUntil: 600 };
    expect(countAttempt(locked, 700, { ...rule, windowMs: 10_000 })).toEqual({ hits: 1, windowStartedAt: 700, lockedUntil: null });
  });
});
