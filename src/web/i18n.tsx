/**
 * Interface language (en / ru / fa) and direction. Every visible string goes through t();
 * each feature folder owns a messages.ts with the same keys in all three languages.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { shellMessages } from './shell/messages.ts';
import { adminMessages } from './admin/messages.ts';
import { analyticsMessages } from './analytics/messages.ts';
import { responsesMessages } from './responses/messages.ts';

export const UI_LANGUAGES = ['en', 'ru', 'fa'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export type Messages = Record<string, string>;
export type MessageBundle = Record<UiLanguage, Messages>;

const BUNDLES: MessageBundle[] = [shellMessages, adminMessages, analyticsMessages, responsesMessages];
const DICTIONARY: Record<UiLanguage, Messages> = {
  en: Object.assign({}, ...BUNDLES.map((b) => b.en)),
  ru: Object.assign({}, ...BUNDLES.map((b) => b.ru)),
  fa: Object.assign({}, ...BUNDLES.map((b) => b.fa)),
};

export function translate(lang: UiLanguage, key: string, vars?: Record<string, string | number>): string {
  const template = DICTIONARY[lang][key] ?? DICTIONARY.en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/**
 * Key of the plural form for `count`: `<key>.<CLDR category>` (Intl.PluralRules: en one/other,
 * ru one/few/many/other, fa one/other), falling back to `<key>.other`.
 */
export function pluralKey(lang: UiLanguage, key: string, count: number): string {
  const exact = `${key}.${new Intl.PluralRules(lang).select(count)}`;
  return exact in DICTIONARY[lang] || exact in DICTIONARY.en ? exact : `${key}.other`;
}

/** translate() of the plural form of `key` that fits `count` ("1 response", "2 ответа", "5 ответов"). */
export function translatePlural(lang: UiLanguage, key: string, count: number, vars?: Record<string, string | number>): string {
  return translate(lang, pluralKey(lang, key, count), vars);
}

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * Locale-aware number (Persian digits in fa) with at most `digits` decimals; `fixed` always shows
 * them. `suffix` (a percent sign) stays inside the number's island. Persian: each number is its own
 * left-to-right island (FSI…PDI), so a range "−۱٫۱ … ۳٫۵" reads right to left like "۱٫۵ … ۳٫۵" does
 * (the minus sign's LRM had turned the whole range around).
 */
export function formatNumber(lang: UiLanguage, v: number | null | undefined, digits = 1, fixed = false, suffix = ''): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const cacheKey = `${lang}:${digits}:${fixed}`;
  let f = NUMBER_FORMATS.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 });
    NUMBER_FORMATS.set(cacheKey, f);
  }
  return lang === 'fa' ? `\u2068${f.format(v)}${suffix}\u2069` : `${f.format(v)}${suffix}`;
}

/** The percent sign of the interface language: the Persian sign ٪ (U+066A) in fa, as CLDR writes it. */
export function percentSign(lang: UiLanguage): string {
  return lang === 'fa' ? '\u066A' : '%';
}

/** A value in percent (60 → "60%", Persian "۶۰٪"), formatted like formatNumber. */
export function formatPercent(lang: UiLanguage, v: number | null | undefined, digits = 1, fixed = false): string {
  return formatNumber(lang, v, digits, fixed, percentSign(lang));
}

interface I18n {
  lang: UiLanguage;
  dir: 'ltr' | 'rtl';
  setLang(lang: UiLanguage): void;
  t(key: string, vars?: Record<string, string | number>): string;
  /** t() of the plural form that fits `count` (see pluralKey); pass the formatted count in `vars`. */
  tn(key: string, count: number, vars?: Record<string, string | number>): string;
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

function initialLanguage(): UiLanguage {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (stored && (UI_LANGUAGES as readonly string[]).includes(stored)) return stored as UiLanguage;
  const nav = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2);
  return (UI_LANGUAGES as readonly string[]).includes(nav) ? (nav as UiLanguage) : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(initialLanguage);
  const dir = lang === 'fa' ? 'rtl' : 'ltr';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);
  const setLang = useCallback((l: UiLanguage) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    return {
      lang,
      dir,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      tn: (key, count, vars) => translatePlural(lang, key, count, vars),
      num: (v, digits = 1, fixed = false) => formatNumber(lang, v, digits, fixed),
      pct: (v, digits = 1, fixed = false) => formatPercent(lang, v, digits, fixed),
      date: (v, opts = { dateStyle: 'medium' }) => new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : lang, opts).format(new Date(v)),
    };
  }, [lang, dir, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
