/**
 * Numbers and dates in an interface language, shared by the dashboard (src/web/i18n.tsx) and the server's
 * reports (src/server/reports/render.ts): the language's digits (Persian digits in fa), the Persian calendar
 * in fa, and each Persian number as its own left-to-right island. Pure (Intl only).
 */
import { directionOf, type Language } from './languages.ts';

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/**
 * Locale-aware number (Persian digits in fa) with at most `digits` decimals; `fixed` always shows
 * them. `suffix` (a percent sign) stays inside the number's island. Persian: each number is its own
 * left-to-right island (FSI…PDI), so a range "−۱٫۱ … ۳٫۵" reads right to left like "۱٫۵ … ۳٫۵" does
 * (the minus sign's LRM had turned the whole range around).
 */
export function formatNumber(lang: Language, v: number | null | undefined, digits = 1, fixed = false, suffix = ''): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const cacheKey = `${lang}:${digits}:${fixed}`;
  let f = NUMBER_FORMATS.get(cacheKey);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 });
    NUMBER_FORMATS.set(cacheKey, f);
  }
  return directionOf(lang) === 'rtl' ? `\u2068${f.format(v)}${suffix}\u2069` : `${f.format(v)}${suffix}`;
}

/** The percent sign of the interface language: the Persian sign ٪ (U+066A) in fa, as CLDR writes it. */
export function percentSign(lang: Language): string {
  return lang === 'fa' ? '\u066A' : '%';
}

/** A value in percent (60 → "60%", Persian "۶۰٪"), formatted like formatNumber. */
export function formatPercent(lang: Language, v: number | null | undefined, digits = 1, fixed = false): string {
  return formatNumber(lang, v, digits, fixed, percentSign(lang));
}

/** A date (or day "2026-03-01", read as local midnight like the dashboard does) in the language's calendar: the Persian calendar in fa. */
export function formatDate(lang: Language, v: string | number | Date, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(lang === 'fa' ? 'fa-IR-u-ca-persian' : lang, opts).format(new Date(v));
}
