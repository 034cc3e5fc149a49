/**
 * Interface language (en / ru / fa) and direction. Every visible string goes through t(), which formats
 * the dashboard's messages with the shared translation layer (src/core/i18n): ICU messages, plurals by
 * CLDR rules (`t('an.overview.responses', { n: 5 })` -> "5 ответов"). English ships with the app (the
 * pages added later load theirs with their chunk: loadPageMessages); ru and fa are chunks of their own
 * (src/web/messages/ru.ts, fa.ts), loaded when the interface needs them.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { directionOf, isLanguage, type Direction, type Language } from '../core/i18n/languages.ts';
import { formatDate, formatNumber, formatPercent } from '../core/i18n/format.ts';
import type { MessageVars } from '../core/i18n/catalogue.ts';
import type { MessageSet, Translation } from '../core/i18n/messages.ts';
import type { MessageKey } from './messages/en.ts';
import { enFirstView } from './messages/enFirstView.ts';
import { dashboardCatalogueOf } from './messages/catalogue.ts';

export type { MessageKey };

/** The hook's t(): a message of the dashboard catalogue in the interface language. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

// Each import() is its own chunk, so a user downloads only the catalogue of the language they use.
const LAZY_LANGUAGES: Record<Exclude<Language, 'en'>, () => Promise<Translation<MessageKey>>> = {
  ru: () => import('./messages/ru.ts').then((m) => m.ru),
  fa: () => import('./messages/fa.ts').then((m) => m.fa),
};

/** The languages loaded so far; the catalogue reads it at format time, so a loaded one is used at once. */
const loadedMessages: { [L in Language]?: Translation<MessageKey> } = { en: { ...enFirstView } as Translation<MessageKey> };
let pageMessages: Promise<void> | undefined;

/** Adds the English of the pages outside the first view (src/web/messages/enPages.ts), once. */
export function loadPageMessages(): Promise<void> {
  pageMessages ??= import('./messages/enPages.ts').then((m) => void Object.assign(loadedMessages.en!, m.enPages));
  return pageMessages;
}
const dashboardCatalogue = dashboardCatalogueOf(loadedMessages as MessageSet<MessageKey>);

/** Whether `lang`'s messages are here (English always is). */
export function isLanguageLoaded(lang: Language): boolean {
  return loadedMessages[lang] !== undefined;
}

/** Fetches `lang`'s messages once; until then translate() writes that language's messages in English. */
export async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' || isLanguageLoaded(lang)) return;
  loadedMessages[lang] = await LAZY_LANGUAGES[lang]();
}

/** Whether a key built from a value (`an.channel.${channel}`) names a message; values without one are shown as they are. */
export function isMessageKey(key: string): key is MessageKey {
  return dashboardCatalogue.has(key);
}

/** The message `key` in `lang` (loaded with loadLanguage); plural placeholders take the count as a number (`{ n: 5 }`). */
export function translate(lang: Language, key: MessageKey, vars?: MessageVars): string {
  return dashboardCatalogue.formatMessage(lang, key, vars);
}

export { formatNumber, formatPercent };

interface I18n {
  lang: Language;
  dir: Direction;
  setLang(lang: Language): void;
  /** The message `key` with its placeholders; a count for a plural is a number and `#` writes it in the language's digits. */
  t: Translate;
  /**
   * Locale-aware number (Persian digits in fa) with at most `digits` decimals; `fixed` always shows
   * them (interval ends side by side: "5.10 … 5.17", not "5.1 … 5.17").
   */
  num(value: number | null | undefined, digits?: number, fixed?: boolean): string;
  /** A percentage like num() plus the language's percent sign (٪ in fa). */
  pct(value: number | null | undefined, digits?: number, fixed?: boolean): string;
  /** Locale-aware date (Persian calendar in fa). */
  date(value: string | number | Date, opts?: Intl.DateTimeFormatOptions): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'sarafan.lang';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (isLanguage(stored)) return stored;
  const nav = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2);
  return isLanguage(nav) ? nav : 'en';
}

/**
 * Shows the app in the chosen language once its messages are loaded: nothing before the first one
 * (no flash of English or of keys), and the previous language while switching to another.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Language>(initialLanguage);
  const [lang, setShown] = useState<Language | null>(() => (isLanguageLoaded(wanted) ? wanted : null));
  useEffect(() => {
    let current = true;
    loadLanguage(wanted).then(
      () => { if (current) setShown(wanted); },
      // The chunk could not be fetched (offline, a new deploy): stay in the language shown, or English.
      () => { if (current) setShown((shown) => shown ?? 'en'); },
    );
    return () => { current = false; };
  }, [wanted]);
  const dir = directionOf(lang ?? 'en');
  useEffect(() => {
    if (!lang) return;
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);
  const setLang = useCallback((l: Language) => {
    localStorage.setItem(STORAGE_KEY, l);
    setWanted(l);
  }, []);
  const value = useMemo<I18n | null>(() => {
    if (!lang) return null;
    return {
      lang,
      dir,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      num: (v, digits = 1, fixed = false) => formatNumber(lang, v, digits, fixed),
      pct: (v, digits = 1, fixed = false) => formatPercent(lang, v, digits, fixed),
      date: (v, opts = { dateStyle: 'medium' }) => formatDate(lang, v, opts),
    };
  }, [lang, dir, setLang]);
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
