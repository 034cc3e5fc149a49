/**
 * What an audit event's details may keep (docs/audit-log.md "What is never logged"). Pure.
 * - A key whose name speaks of a secret (password, token, secret, api key, code, totp, recovery, cookie,
 *   authorization, hash, ... in any case, with `_`/`-` or camelCase) keeps its key, its value becomes "[redacted]"
 *   (a true/false flag stays: it reveals nothing).
 * - A string that looks like a credential is replaced wherever it stands: long runs of letters, digits and
 *   `-_+/=` without spaces (session tokens, API keys, reset links' tokens), `Bearer ...`, and a URL's query
 *   values of secret-named parameters.
 * - Nesting is followed (objects and arrays) to a depth of 8; deeper values are cut.
 */
export const REDACTED = '[redacted]';

const SECRET_PARTS = ['password', 'passwd', 'token', 'secret', 'apikey', 'code', 'totp', 'recovery', 'cookie', 'authorization', 'hash', 'otp', 'pin', 'credential', 'session', 'key'];
// `key` alone is too broad (a survey's key, a contact attribute's key): only these key-names count.
const KEY_EXCEPTIONS = new Set(['key', 'keys', 'dimkey', 'attributekey']);
const MAX_DEPTH = 8;

/** The key's words, lower case: `apiKey` -> `apikey`, `recovery_codes` -> `recoverycodes`. */
const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isSecretKey(key: string): boolean {
  const k = squash(key);
  if (KEY_EXCEPTIONS.has(k)) return false;
  return SECRET_PARTS.some((p) => (p === 'key' ? /(api|private|secret|access|signing)key/.test(k) : p === 'pin' || p === 'otp' ? k === p : k.includes(p)));
}

// 32+ characters of token alphabet with at least one digit and one letter, no spaces: not a sentence.
const TOKEN_LIKE = /^(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9_\-+/=.~]{32,}$/;
const BEARER = /\bbearer\s+\S+/gi;
const SECRET_QUERY = /([?&](?:token|key|secret|code|password|sig|signature)=)[^&#\s]+/gi;

// A record's id (a UUID) names a row, it opens nothing: kept.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeToken(value: string): boolean {
  const v = value.trim();
  return TOKEN_LIKE.test(v) && !UUID.test(v);
}

function redactString(value: string): string {
  if (looksLikeToken(value)) return REDACTED;
  return value.replace(BEARER, `Bearer ${REDACTED}`).replace(SECRET_QUERY, `$1${REDACTED}`)
    // a path segment that is itself a token (e.g. /reset/<token>)
    .split('/').map((part) => (looksLikeToken(part) ? REDACTED : part)).join('/');
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    // A yes/no flag ("requireTotp: true") reveals nothing; any other value under a secret's name goes.
    out[k] = isSecretKey(k) && typeof v !== 'boolean' ? REDACTED : redactValue(v, depth + 1);
  }
  return out;
}

/** The details as they may be stored: secrets replaced, structure kept. */
export function redactDetails(details: Record<string, unknown>): Record<string, unknown> {
  return redactValue(details, 0) as Record<string, unknown>;
}

/** A free-text field of an event (a target's label, a user agent): a credential-looking value is replaced. */
export const redactText = (value: string | null | undefined): string | null => (value == null ? null : redactString(value).slice(0, 500));
