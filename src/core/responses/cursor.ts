/**
 * The opaque cursor of the responses list (GET /surveys/:id/responses): a position in the order
 * "newest first" (submitted_at descending, then id descending) and the direction to read from it.
 * Keyset, not offset: responses arriving while someone pages are newer than every position already
 * handed out, so they never shift or repeat the rows of later pages.
 *
 * The instant keeps PostgreSQL's microseconds (a JavaScript Date would round them and skip or
 * repeat rows of the same millisecond). Encoded as base64url so clients treat it as a token.
 */
import { isUuid } from '../ids.ts';

export type CursorDirection = 'older' | 'newer';

export interface ResponseCursor {
  /** `older`: the rows after this position (the next page); `newer`: the rows before it (the previous page). */
  direction: CursorDirection;
  /** ISO 8601 instant in UTC with up to microseconds, e.g. 2026-11-30T10:15:00.123456Z. */
  at: string;
  /** Response id breaking ties between responses of the same instant. */
  id: string;
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const PREFIX: Record<CursorDirection, string> = { older: 'o', newer: 'n' };

/** The cursor as an opaque URL-safe token. */
export function encodeResponseCursor(c: ResponseCursor): string {
  return Buffer.from(`${PREFIX[c.direction]}|${c.at}|${c.id}`, 'utf8').toString('base64url');
}

/** The cursor a token stands for, or null when it is not one this list handed out. */
export function decodeResponseCursor(token: string): ResponseCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return null;
  const parts = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (parts.length !== 3) return null;
  const [d, at, id] = parts;
  const direction = d === 'o' ? 'older' : d === 'n' ? 'newer' : null;
  if (!direction || !INSTANT_RE.test(at) || Number.isNaN(Date.parse(at)) || !isUuid(id)) return null;
  return { direction, at, id: id.toLowerCase() };
}
