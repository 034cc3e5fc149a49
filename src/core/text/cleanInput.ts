/**
 * Text from outside (route parameters, query strings, form and JSON bodies) before anything reads it.
 * PostgreSQL refuses NUL in text and lone surrogates in jsonb; other control characters are invisible
 * to people and invalid in XML. So every string is cleaned once, at the edge (src/http/cleanRequest.ts):
 * control characters are removed, and invalid Unicode is replaced or refused, by the route's policy.
 */

/**
 * What happens to invalid Unicode: `replace` puts U+FFFD in its place (a respondent keeps the answer);
 * `refuse` rejects the field (the signed-in API answers 400 naming it).
 */
export type InvalidUnicodePolicy = 'replace' | 'refuse';

/** Containers nested deeper than this are refused: no request of Sarafan needs more, and walking them costs stack. */
export const MAX_INPUT_DEPTH = 64;

export const REPLACEMENT_CHARACTER = '\uFFFD';

/** C0 controls except tab, line feed and carriage return; DEL; the C1 controls. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** A lone UTF-16 surrogate (a half without its partner) or one of the non-characters U+FFFE, U+FFFF (invalid in XML). */
const INVALID_UNICODE_SOURCE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]|[\\uFFFE\\uFFFF]';
const INVALID_UNICODE_ALL = new RegExp(INVALID_UNICODE_SOURCE, 'g');
const INVALID_UNICODE_ANY = new RegExp(INVALID_UNICODE_SOURCE);

/** `text` without control characters; tab, line feed and carriage return stay (they are part of free text). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** True when `text` holds a lone surrogate or U+FFFE / U+FFFF. */
export function hasInvalidUnicode(text: string): boolean {
  return INVALID_UNICODE_ANY.test(text);
}

/**
 * One string cleaned under `policy`, or null when the policy refuses it. Invalid Unicode is judged
 * before controls are stripped, so removing a NUL never joins two halves into a character nobody sent.
 */
export function cleanText(text: string, policy: InvalidUnicodePolicy): string | null {
  let out = text;
  if (hasInvalidUnicode(out)) {
    if (policy === 'refuse') return null;
    out = out.replace(INVALID_UNICODE_ALL, REPLACEMENT_CHARACTER);
  }
  return stripControlCharacters(out);
}

export type CleanProblem = 'invalid_unicode' | 'too_deep';

export type CleanResult = { ok: true; value: unknown } | { ok: false; field: string; problem: CleanProblem };

/** Where a value sits: its key under the parent (built only when a refusal names it). */
interface Place {
  parent: Place | null;
  key: string;
  depth: number;
}

class Refused {
  constructor(
    readonly place: Place | null,
    readonly problem: CleanProblem,
  ) {}

  get field(): string {
    const keys: string[] = [];
    for (let p = this.place; p; p = p.parent) keys.unshift(p.key);
    return keys.join('.');
  }
}

/** Parsed data: objects from JSON.parse and from query-string parsers (which build them on prototype-less classes). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

const child = (parent: Place | null, key: string): Place => ({ parent, key, depth: (parent?.depth ?? 0) + 1 });

function cleanAt(value: unknown, policy: InvalidUnicodePolicy, place: Place | null): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value, policy);
    if (cleaned === null) throw new Refused(place, 'invalid_unicode');
    return cleaned;
  }
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return value;
  if ((place?.depth ?? 0) >= MAX_INPUT_DEPTH) throw new Refused(place, 'too_deep');
  if (isArray) {
    let changed = false;
    const out = value.map((item, i) => {
      const cleaned = cleanAt(item, policy, child(place, String(i)));
      if (cleaned !== item) changed = true;
      return cleaned;
    });
    return changed ? out : value;
  }
  let changed = false;
  const entries: [string, unknown][] = [];
  for (const [key, item] of Object.entries(value)) {
    const cleanKey = cleanText(key, policy);
    if (cleanKey === null) throw new Refused(child(place, key.replace(INVALID_UNICODE_ALL, REPLACEMENT_CHARACTER)), 'invalid_unicode');
    const cleaned = cleanAt(item, policy, child(place, cleanKey));
    if (cleanKey !== key || cleaned !== item) changed = true;
    entries.push([cleanKey, cleaned]);
  }
  if (!changed) return value;
  const out = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  // defineProperty: a key named "__proto__" stays a plain key instead of replacing the prototype.
  for (const [key, item] of entries) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Cleans every string (and object key) in a parsed request part: strings, arrays and plain objects are
 * walked, other values are kept as they are. Unchanged parts are returned as the same objects. A refusal
 * names the field as a dotted path (`questions.0.text.en`; the empty string for a bare string).
 */
export function cleanInput(value: unknown, policy: InvalidUnicodePolicy): CleanResult {
  try {
    return { ok: true, value: cleanAt(value, policy, null) };
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    return { ok: false, field: err.field, problem: err.problem };
  }
}
