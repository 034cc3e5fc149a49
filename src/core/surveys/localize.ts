/** Picking a survey text (a LocalizedText map) for one language: respondent pages, exports, posters, dashboards. */
import type { LocalizedText } from './types.ts';

/**
 * The text in `lang`, else in `fallback` (the survey's default language), else in the first language
 * that has one, else `orElse`. Empty strings count as missing; a plain string reads the same in every language.
 */
export function localize(text: LocalizedText | string | null | undefined, lang: string, fallback: string, orElse = ''): string {
  if (typeof text === 'string') return text || orElse;
  if (!text) return orElse;
  return text[lang] || text[fallback] || Object.values(text).find((t) => !!t) || orElse;
}
