/** How the closed-loop pages write durations, money and localized names (pure over the i18n functions). */
import type { useI18n } from '../i18n.tsx';

export type I18n = ReturnType<typeof useI18n>;

/** Seconds in the unit that reads best: seconds under a minute, minutes under two hours, hours under two days, then days. */
export function duration(i18n: Pick<I18n, 't' | 'num'>, seconds: number | null): string {
  if (seconds === null) return i18n.t('clr.none');
  if (seconds < 60) return i18n.t('clr.dur.s', { n: i18n.num(seconds, 0) });
  if (seconds < 7200) return i18n.t('clr.dur.min', { n: i18n.num(seconds / 60, 0) });
  if (seconds < 172_800) return i18n.t('clr.dur.h', { n: i18n.num(seconds / 3600, 1) });
  return i18n.t('clr.dur.d', { n: i18n.num(seconds / 86_400, 1) });
}

/** An amount in its currency, in the interface language's digits and currency format. */
export function money(i18n: Pick<I18n, 'lang'>, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(i18n.lang === 'fa' ? 'fa-IR' : i18n.lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A name given by language: the interface language's, else English, else any, else the key. */
export function causeName(name: Partial<Record<string, string>>, key: string, lang: string): string {
  return name[lang] || name.en || Object.values(name).find((v) => v) || key;
}
