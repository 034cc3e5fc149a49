import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, normalizeRecoveryCode, normalizeTotpCode } from './recoveryCodes.ts';

describe('recovery and authenticator codes', () => {
  it('normalises recovery codes as typed', () => {
    expect(normalizeRecoveryCode(' ABCDE-fghij ')).toBe('abcdefghij');
    expect(normalizeRecoveryCode('abc de fg-hij')).toBe('abcdefghij');
    expect(formatRecoveryCode('abcdefghij')).toBe('abcde-fghij');
  });
  it('accepts six digits, with spaces, and nothing else', () => {
    expect(normalizeTotpCode('123 456')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12345a')).toBeNull();
    expect(normalizeTotpCode('1234567')).toBeNull();
  });
});
