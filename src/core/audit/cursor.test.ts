import { describe, expect, it } from 'vitest';
import { decodeAuditCursor, encodeAuditCursor } from './cursor.ts';

describe('audit log cursor', () => {
  it('round-trips a position', () => {
    const p = { at: '2026-12-01 09:15:02.123456+00', id: '42' };
    // base64 of "2026-12-01 09:15:02.123456+00|42" without padding
    expect(encodeAuditCursor(p)).toBe('MjAyNi0xMi0wMSAwOToxNTowMi4xMjM0NTYrMDB8NDI');
    expect(decodeAuditCursor(encodeAuditCursor(p))).toEqual(p);
  });

  it('refuses what is not a cursor', () => {
    expect(decodeAuditCursor('%%%')).toBe(null);
    expect(decodeAuditCursor(btoa("x' or 1=1|1"))).toBe(null);
    expect(decodeAuditCursor(btoa('2026-12-01 09:15:02+00|abc'))).toBe(null);
  });
});
