/**
 * @module API keys (docs/api.md "API keys"): their two scopes, what each may do, and the key's text
 * form. Pure; the server stores only a key's SHA-256 and finds it by that.
 */
import type { Action } from '../access/index.ts';

/**
 * `ingest`: create/update contacts, trigger surveys, record responses. `read`: metrics, responses and
 * cases. `cases`: the closed loop (cases, alert rules, action plans), read and write.
 */
export const API_KEY_SCOPES = ['ingest', 'read', 'cases'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * The dashboard actions a key of each scope may use on the routes that accept keys. An ingest key reads
 * nothing; a read key reads metrics, responses, surveys and locations of its subtree and writes nothing.
 */
const KEY_ACTIONS: Record<ApiKeyScope, readonly Action[]> = {
  ingest: [],
  read: ['metrics.read', 'response.read', 'survey.read', 'location.read', 'case.read'],
  cases: ['case.read', 'case.work', 'alert.manage', 'plan.manage', 'metrics.read', 'survey.read', 'location.read'],
};

export function keyScopeAllows(scope: ApiKeyScope, action: Action): boolean {
  return KEY_ACTIONS[scope].includes(action);
}

/** Every key starts with this, so secret scanners and people recognise it. */
export const API_KEY_PREFIX = 'srf_';
/** `srf_` + 43 base64url characters (32 random bytes). */
export const API_KEY_RE = /^srf_[A-Za-z0-9_-]{43}$/;
/** Characters of a key shown in lists to tell keys apart (`srf_` and the first 6 of the secret). */
export const API_KEY_SHOWN_CHARS = 10;

/**
 * The key of an `Authorization` header value: `Bearer <key>` (scheme case-insensitive).
 * @returns the key, null when the header is absent or another scheme, '' when it is a Bearer header
 *   whose token is not a well-formed key (refused as unauthorized, without a database look-up)
 */
export function bearerKey(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!m) return /^bearer\b/i.test(header.trim()) ? '' : null;
  return API_KEY_RE.test(m[1]) ? m[1] : '';
}
