/**
 * @module Editing the root-cause taxonomy (docs/closed-loop.md "Root causes and Pareto"): the key a new cause
 * gets from its name, and the order after moving one cause. Pure.
 */

/** Longest key (migration 099: ^[a-z0-9_]{1,40}$). */
const KEY_MAX = 40;

/**
 * A stable key for a new cause: its English (else any Latin) name in lower case with `_` between words,
 * or `cause` when the name has no Latin letters; `_2`, `_3`... when the key is taken.
 */
export function rootCauseKey(name: Record<string, string | undefined>, taken: ReadonlySet<string>): string {
  const source = [name.en, ...Object.values(name)].find((n) => n && /[a-z0-9]/i.test(n)) ?? '';
  const base = source.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, KEY_MAX - 4).replace(/_+$/, '') || 'cause';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const key = `${base}_${i}`;
    if (!taken.has(key)) return key;
  }
}

/** The ids in their new order after moving `id` to index `to` (clamped to the list); unknown id: unchanged. */
export function moveTo(ids: readonly string[], id: string, to: number): string[] {
  const from = ids.indexOf(id);
  if (from === -1) return [...ids];
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(to)));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
