/**
 * @module Language identification (docs/text.md, "Language"): the script decides first (Arabic script ->
 * Persian unless only Arabic-specific letters appear; Cyrillic and Latin go on), then `eld` (its
 * "small" n-gram database is bundled in the package and preloaded by the static entry: no load(), no
 * network) chooses among the languages of that script. Texts with too few letters for a reliable
 * answer ("ok", "спасибо!") get the caller's default language when it is written in the same script.
 */
import { eld } from 'eld/small';
import { dominantScript, type Script } from './normalize.ts';

import { ANALYSIS_LANGUAGES, type AnalysisLanguage } from './languages.ts';

export { ANALYSIS_LANGUAGES, type AnalysisLanguage };

export interface LanguageGuess {
  /** ISO 639-1 code: one of ru, fa, en, or another language eld knows (uk, de, ar, ...). */
  lang: string;
  script: Script;
  /** false when the default was used (too short, no letters, or eld unsure). */
  detected: boolean;
}

/** Letters needed before eld's answer is trusted over the default language. */
export const MIN_LETTERS_FOR_DETECTION = 12;

const SCRIPT_OF_LANGUAGE: Record<string, Script> = { ru: 'cyrillic', uk: 'cyrillic', be: 'cyrillic', bg: 'cyrillic', sr: 'cyrillic', mk: 'cyrillic', kk: 'cyrillic', fa: 'arabic', ar: 'arabic', ur: 'arabic' };
const scriptOf = (lang: string): Script => SCRIPT_OF_LANGUAGE[lang] ?? 'latin';

const PERSIAN_ONLY = /[پچژگکی]/;
const ARABIC_ONLY = /[ةيكىأإؤ]/;
/** Cyrillic letters Russian does not use (Ukrainian, Belarusian, Serbian, Macedonian, Kazakh): a text without them is not in those languages. */
const NON_RUSSIAN_CYRILLIC = /[іїєґўјљњћђџѓќѕәғқңөұүһ]/i;
/** Russian letters Bulgarian does not use. */
const NOT_BULGARIAN = /[ыэё]/i;
/** Letters needed before a Bulgarian guess without other evidence is believed (eld calls short Russian sentences Bulgarian). */
const MIN_LETTERS_FOR_BULGARIAN = 40;

/** What eld reads: mentions, links, digits and emoji say nothing about the language. */
const NOT_LANGUAGE = /(?:https?:\/\/|www\.)\S+|[@#][\p{L}\p{N}_]+|[^\p{L}\s'’-]+/gu;

/** eld reads at most this many characters: enough to tell, and long reviews cost no more than short ones. */
const ELD_SAMPLE = 120;

/** The language used when the text cannot tell: the default when it fits the script, else that script's main language. */
function fallback(script: Script, defaultLang: string): string {
  if (scriptOf(defaultLang) === script || script === 'none' || script === 'other') return defaultLang;
  return script === 'cyrillic' ? 'ru' : script === 'arabic' ? 'fa' : 'en';
}

/**
 * The language of one text (raw or normalised).
 * @param defaultLang the survey's or organisation's language, for short and unclear texts
 */
export function detectLanguage(text: string, defaultLang = 'en'): LanguageGuess {
  const clean = text.replace(NOT_LANGUAGE, ' ');
  const script = dominantScript(clean);
  if (script === 'arabic') {
    if (PERSIAN_ONLY.test(clean)) return { lang: 'fa', script, detected: true };
    if (ARABIC_ONLY.test(clean)) return { lang: 'ar', script, detected: true };
    return { lang: fallback(script, defaultLang), script, detected: false };
  }
  const letters = clean.replace(/[\s'’-]+/g, '');
  if ((script === 'cyrillic' || script === 'latin') && letters.length >= MIN_LETTERS_FOR_DETECTION) {
    const result = eld.detect(clean.length > ELD_SAMPLE ? clean.slice(0, clean.lastIndexOf(' ', ELD_SAMPLE) + 1 || ELD_SAMPLE) : clean);
    if (result.language && scriptOf(result.language) === script && result.isReliable()) {
      return { lang: script === 'cyrillic' ? cyrillicLanguage(result.language, clean, letters.length) : result.language, script, detected: true };
    }
  }
  return { lang: fallback(script, defaultLang), script, detected: false };
}

/**
 * eld's guess for a Cyrillic text, checked against the alphabet: eld's n-grams call about 2% of short Russian
 * sentences Bulgarian, Ukrainian, Serbian or Belarusian ("Спасибо персоналу!" -> uk), but those languages
 * (Bulgarian aside) write letters Russian lacks, and Bulgarian lacks ы, э and ё.
 */
function cyrillicLanguage(guess: string, text: string, letters: number): string {
  if (guess === 'ru' || NON_RUSSIAN_CYRILLIC.test(text)) return guess;
  if (guess === 'bg' && letters >= MIN_LETTERS_FOR_BULGARIAN && !NOT_BULGARIAN.test(text)) return guess;
  return 'ru';
}

/** The language whose stemmer, lexicon and stop-words apply ("uk" -> none: null). */
export function analysisLanguage(lang: string): AnalysisLanguage | null {
  return (ANALYSIS_LANGUAGES as readonly string[]).includes(lang) ? (lang as AnalysisLanguage) : null;
}
