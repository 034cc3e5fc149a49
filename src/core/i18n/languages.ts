/**
 * The interface languages: the one list of the languages Sarafan speaks (dashboard, respondent pages,
 * mail, CLI, survey texts, templates, exports), with each language's own name and writing direction.
 * Adding a language: add it here, then a translation to every catalogue (test/i18n/catalogues.test.ts
 * names the ones missing).
 */
const LANGUAGE_INFO = {
  en: { name: 'English', dir: 'ltr' },
  ru: { name: 'Русский', dir: 'ltr' },
  fa: { name: 'فارسی', dir: 'rtl' },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl' }>;

export type Language = keyof typeof LANGUAGE_INFO;
export type Direction = 'ltr' | 'rtl';

/** The interface languages in display order (English, the reference and fallback, first). */
export const LANGUAGES = Object.keys(LANGUAGE_INFO) as readonly Language[] as readonly ['en', 'ru', 'fa'];

/** The language every catalogue is written in first and that stands in for an unknown language. */
const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(code: unknown): code is Language {
  return typeof code === 'string' && Object.hasOwn(LANGUAGE_INFO, code);
}

/** `code` when it is an interface language, else English. */
export function languageOr(code: string | null | undefined): Language {
  return isLanguage(code) ? code : FALLBACK_LANGUAGE;
}

/** Survey texts may be written in other languages than the interface's; these of them run right to left. */
const OTHER_RTL_LANGUAGES: readonly string[] = ['ar', 'he'];

/** Writing direction of a language code: an interface language's, right to left for Arabic and Hebrew, else left to right. */
export function directionOf(code: string): Direction {
  if (isLanguage(code)) return LANGUAGE_INFO[code].dir;
  return OTHER_RTL_LANGUAGES.includes(code) ? 'rtl' : 'ltr';
}

/** A language's name in that language ("Русский"), as language pickers show it. */
export function nativeName(lang: Language): string {
  return LANGUAGE_INFO[lang].name;
}
