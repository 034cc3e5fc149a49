/**
 * The hidden-field key rule, the one used by the distribute page (links), the respondent pages
 * (what is stored) and the settings (which keys can be dimensions): a key is stored lowercased, so
 * `?Segment=vip` and `?segment=vip` are one field, and a stored key is 1-40 of a-z, 0-9 and _ that
 * is not one of the parameters the respondent page reads itself. Every stored key can be a dimension.
 */

/** Query parameters the respondent page reads itself; they are never hidden fields. */
export const RESERVED_PARAMS: readonly string[] = ['lang', 'loc', 'channel', 'preview'];

/** A stored hidden-field key, and so a dimension key. */
export const HIDDEN_KEY_RE = /^[a-z0-9_]{1,40}$/;

/** Hidden fields kept from one link (more are dropped), and the longest value kept (a longer one is dropped). */
export const MAX_HIDDEN_FIELDS = 20;
export const MAX_HIDDEN_VALUE = 200;

/** Dimensions an organisation may mark: each adds one rollup row per answer, so they are few. */
export const MAX_DIMENSIONS = 10;

export type HiddenKeyProblem = 'empty' | 'format' | 'reserved';

/** The key as it is stored: lowercased (toLowerCase, the same in every locale). */
export function hiddenKeyOf(raw: string): string {
  return raw.toLowerCase();
}

/** Why `raw` cannot name a hidden field once lowercased (hiddenKeyOf), or null when it can. */
export function hiddenKeyProblem(raw: string): HiddenKeyProblem | null {
  if (!raw) return 'empty';
  const key = hiddenKeyOf(raw);
  if (!HIDDEN_KEY_RE.test(key)) return 'format';
  if (RESERVED_PARAMS.includes(key)) return 'reserved';
  return null;
}

/** True for a key as stored: lowercase, well-formed and not reserved (what a dimension may be called). */
export function isHiddenKey(key: string): boolean {
  return hiddenKeyProblem(key) === null && hiddenKeyOf(key) === key;
}

/** The dimension a breakdown choice `dim:<key>` names (the key as stored), or null when `by` names none. */
export function dimensionOfBy(by: string): string | null {
  return by.startsWith('dim:') && isHiddenKey(by.slice(4)) ? by.slice(4) : null;
}

/**
 * A dimension filter `key:value` (dashboard links, the API's `dim`): a stored key (isHiddenKey), then a value
 * of 1 to MAX_HIDDEN_VALUE characters (what a hidden field can hold); null when it is not one.
 */
export function parseDimFilter(s: string): { key: string; value: string } | null {
  const i = s.indexOf(':');
  if (i < 0) return null;
  const key = s.slice(0, i);
  const value = s.slice(i + 1);
  return isHiddenKey(key) && value.length >= 1 && value.length <= MAX_HIDDEN_VALUE ? { key, value } : null;
}
