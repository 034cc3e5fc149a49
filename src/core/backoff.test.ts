import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  it('doubles from half a second and stays at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n))).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('takes other bounds, and treats attempt 0 like the first retry', () => {
    expect(retryDelayMs(0, 100, 250)).toBe(100);
    expect(retryDelayMs(2, 100, 250)).toBe(200);
    expect(retryDelayMs(3, 100, 250)).toBe(250);
  });
});
