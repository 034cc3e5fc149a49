/**
 * How the dashboard names things people did not name for display: dimensions (hidden-field keys),
 * locations with their codes, respondent-written values typed into a filter, long comments. Pure:
 * unit-tested in Node.
 */

/**
 * A dimension's display name derived from its key ("customer_type" → "Customer type"). Keys are
 * 1-40 of a-z, 0-9 and _ (PATCH /org), so a derived name is always readable; organisations name
 * their hidden fields in English words, which is why there is no separate display-name setting.
 */
export function dimensionLabel(key: string): string {
  const words = key.split('_').filter(Boolean).join(' ');
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

/** A theme's name in the interface language (else English, else its id): `themes` is the organisation's dictionary. */
export function themeName(themes: ReadonlyArray<{ id: string; names: Partial<Record<string, string>> }>, id: string, lang: string): string {
  const th = themes.find((x) => x.id === id);
  return th?.names[lang] || th?.names.en || id;
}

/** A location's name with its code beside it ("Невский, 48 · SPB-01"); the name alone without a code. */
export function locationLabel(name: string, code: string | null | undefined): string {
  return code ? `${name} · ${code}` : name;
}

/**
 * The value a segment filter applies for what was typed: a known value equal to it ignoring case
 * and surrounding spaces is taken in its stored spelling ("gold" → "Gold"), since the filter
 * compares exactly; anything else is applied as typed (trimmed).
 */
export function matchKnownValue(typed: string, known: readonly string[]): string {
  const t = typed.trim();
  const lower = t.toLocaleLowerCase();
  return known.find((k) => k === t) ?? known.find((k) => k.toLocaleLowerCase() === lower) ?? t;
}

/**
 * The part of a long comment shown before "show more": at most `limit` characters, cut after the
 * last whole word when there is one in the second half. `folded` is false when the text fits.
 */
export function foldText(text: string, limit: number): { head: string; folded: boolean } {
  const chars = Array.from(text);
  if (chars.length <= limit) return { head: text, folded: false };
  const cut = chars.slice(0, limit).join('');
  const space = cut.search(/\s\S*$/);
  const head = space >= limit / 2 ? cut.slice(0, space) : cut;
  return { head: head.trimEnd(), folded: true };
}
