/** Formatting shared by the case pages: money in the organisation's currency, a root cause's name in the interface language. */
import type { Language } from '../../core/i18n/languages.ts';

export function formatMoney(lang: Language, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The name in `lang`, else English, else any, else the key. */
export function localName(name: Record<string, string | undefined>, lang: Language, fallback: string): string {
  return name[lang] || name.en || Object.values(name).find(Boolean) || fallback;
}
