import { describe, expect, it } from 'vitest';
import { assertCodeChangeAllowed, SCOPED_CODE_REFUSAL } from './codes.ts';

const scoped = ['/r/east/'];

describe('assertCodeChangeAllowed', () => {
  it('lets an organisation-wide admin set, change and clear codes', () => {
    expect(() => assertCodeChangeAllowed(null, 'NEW', null)).not.toThrow();
    expect(() => assertCodeChangeAllowed(null, 'B', 'A')).not.toThrow();
    expect(() => assertCodeChangeAllowed(null, null, 'A')).not.toThrow();
  });

  it('lets a location-scoped admin leave the code alone (absent, or the same value)', () => {
    expect(() => assertCodeChangeAllowed(scoped, undefined, 'A')).not.toThrow();
    expect(() => assertCodeChangeAllowed(scoped, 'A', 'A')).not.toThrow();
    expect(() => assertCodeChangeAllowed(scoped, null, null)).not.toThrow();
    expect(() => assertCodeChangeAllowed(scoped, undefined, null)).not.toThrow();
  });

  it('refuses a location-scoped admin any new, changed or cleared code in the same words', () => {
    for (const [requested, current] of [['NEW', null], ['B', 'A'], [null, 'A']] as const) {
      expect(() => assertCodeChangeAllowed(scoped, requested, current)).toThrow(SCOPED_CODE_REFUSAL);
    }
  });
});
