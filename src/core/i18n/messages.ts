/**
 * Message sets: the same keys in every interface language, checked by TypeScript. English is the
 * reference; a key missing in (or extra to) ru or fa is a type error, and test/i18n/catalogues.test.ts
 * checks the rest (every message parses, same placeholders, every CLDR plural category).
 *
 * Messages are ICU MessageFormat (https://unicode-org.github.io/icu/userguide/format_parse/messages/):
 * `{name}` inserts a value; plurals are `{n, plural, one {# answer} other {# answers}}` with `#` the
 * number written in the language's digits; literal braces are quoted: `'{'`.
 */
import type { Language } from './languages.ts';

/** One language's messages of a set with the keys K. */
export type Translation<K extends string> = { readonly [P in K]: string };

/** The messages of one area in every interface language. */
export type MessageSet<K extends string> = { readonly [L in Language]: Translation<K> };

/** The keys of a message set. */
export type KeyOf<S> = S extends MessageSet<infer K> ? K : never;

/**
 * A message set from its English messages and their translations; the keys come from `en`, so a
 * translation with a key too few or too many does not compile.
 */
export function defineMessages<E extends Record<string, string>>(
  set: { en: E } & { [L in Exclude<Language, 'en'>]: NoInfer<Translation<keyof E & string>> },
): MessageSet<keyof E & string> {
  return set;
}

/** The keys of every object in a union (keyof of a union alone keeps only the shared ones). */
type KeysOfEach<T> = T extends unknown ? keyof T & string : never;

/**
 * Several areas' messages in one language as one (the dashboard's per-language chunks); a key
 * defined twice is a mistake and throws.
 */
export function combineTranslations<T extends readonly Record<string, string>[]>(...parts: T): Translation<KeysOfEach<T[number]>> {
  const combined: Record<string, string> = {};
  for (const part of parts) {
    for (const [key, message] of Object.entries(part)) {
      if (key in combined) throw new Error(`message key ${key} is defined twice`);
      combined[key] = message;
    }
  }
  return combined as Translation<KeysOfEach<T[number]>>;
}
