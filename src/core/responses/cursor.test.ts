import { describe, expect, it } from 'vitest';
import { decodeResponseCursor, encodeResponseCursor } from './cursor.ts';

const ID = '0b7f3c1e-5a2d-4e8f-9c1b-2d3e4f5a6b7c';

describe('response cursor', () => {
  it('round-trips both directions with microseconds kept', () => {
    for (const direction of ['older', 'newer'] as const) {
      const c = { direction, at: '2026-11-30T10:15:00.123456Z', id: ID };
      const token = encodeResponseCursor(c);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeResponseCursor(token)).toEqual(c);
    }
  });

  it('is base64url of "o|instant|id" (older) so the format stays stable', () => {
    expect(encodeResponseCursor({ direction: 'older', at: '2026-01-02T03:04:05Z', id: ID }))
      .toBe(Buffer.from(`o|2026-01-02T03:04:05Z|${ID}`).toString('base64url'));
  });

  it('refuses tokens it did not hand out', () => {
    const enc = (s: string) => Buffer.from(s).toString('base64url');
    expect(decodeResponseCursor('')).toBeNull();
    expect(decodeResponseCursor('not a token!')).toBeNull();
    expect(decodeResponseCursor(enc(`x|2026-01-02T03:04:05Z|${ID}`))).toBeNull();
    expect(decodeResponseCursor(enc(`o|2026-01-02|${ID}`))).toBeNull();
    expect(decodeResponseCursor(enc(`o|2026-13-45T03:04:05Z|${ID}`))).toBeNull();
    expect(decodeResponseCursor(enc('o|2026-01-02T03:04:05Z|42'))).toBeNull();
    expect(decodeResponseCursor(enc(`o|2026-01-02T03:04:05Z|${ID}|extra`))).toBeNull();
  });
});
