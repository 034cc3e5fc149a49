import { describe, expect, it } from 'vitest';
import { isSecretKey, looksLikeToken, REDACTED, redactDetails, redactText } from './redact.ts';

describe('audit details redactor', () => {
  it('replaces the values of secret-named keys, whatever their case or spelling, and keeps the others', () => {
    expect(redactDetails({
      password: 'hunter2', newPassword: 'x', PASSWORD_HASH: 'y', apiKey: 'k', 'api-key': 'k', token: 't', resetToken: 'r',
      client_secret: 's', code: '123456', totpCode: 654321, recoveryCodes: ['a', 'b'], email: 'vera@example.com', role: 'admin', count: 3,
    })).toEqual({
      password: REDACTED, newPassword: REDACTED, PASSWORD_HASH: REDACTED, apiKey: REDACTED, 'api-key': REDACTED, token: REDACTED,
      resetToken: REDACTED, client_secret: REDACTED, code: REDACTED, totpCode: REDACTED, recoveryCodes: REDACTED,
      email: 'vera@example.com', role: 'admin', count: 3,
    });
  });

  it('follows nested objects and arrays', () => {
    expect(redactDetails({ changes: { role: 'viewer', auth: { Password: 'p', list: [{ secret: 1 }, { name: 'ok' }] } } })).toEqual({
      changes: { role: 'viewer', auth: { Password: REDACTED, list: [{ secret: REDACTED }, { name: 'ok' }] } },
    });
  });

  it('keeps true/false flags under secret names and plain keys named "key"', () => {
    expect(redactDetails({ requireTotp: true, key: 'city', scope: 'read' })).toEqual({ requireTotp: true, key: 'city', scope: 'read' });
  });

  it('never keeps a value that looks like a token, under any key', () => {
    const token = 'sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
    expect(redactDetails({ note: token, url: `https://x.example/reset/${token}`, header: 'Bearer abc.def', link: 'https://x.example/a?token=zz&lang=fa' })).toEqual({
      note: REDACTED, url: `https://x.example/reset/${REDACTED}`, header: `Bearer ${REDACTED}`, link: `https://x.example/a?token=${REDACTED}&lang=fa`,
    });
  });

  it('tells tokens from ordinary text', () => {
    expect(looksLikeToken('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6')).toBe(true); // 32 characters, letters and digits
    expect(looksLikeToken('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d')).toBe(false); // 31
    expect(looksLikeToken('abcdefghijklmnopqrstuvwxyzabcdefgh')).toBe(false); // no digit: a long word
    expect(looksLikeToken('Spring customer satisfaction survey 2026')).toBe(false); // spaces
    expect(looksLikeToken('4f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c')).toBe(false); // a record's id
    expect(looksLikeToken('4f9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c0')).toBe(true); // one character more: not a UUID
  });

  it('names secret keys', () => {
    expect(['password', 'x_token', 'apiKey', 'signingKey', 'sessionId', 'cookie', 'Authorization', 'otp', 'pin'].map(isSecretKey)).toEqual([true, true, true, true, true, true, true, true, true]);
    expect(['key', 'name', 'role', 'opinion', 'shipping', 'monkey'].map(isSecretKey)).toEqual([false, false, false, false, false, false]);
  });

  it('cleans free text and cuts it at 500 characters', () => {
    expect(redactText(null)).toBe(null);
    expect(redactText('Mozilla/5.0 (X11; Linux x86_64)')).toBe('Mozilla/5.0 (X11; Linux x86_64)');
    expect(redactText('x'.repeat(600))).toHaveLength(500);
  });
});
