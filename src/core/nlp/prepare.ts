/**
 * @module The first steps every analysis shares: language of the raw text, normalisation, tokens.
 * Later steps (sentiment, themes, key phrases, frequencies) take a {@link PreparedText}, so a comment
 * is normalised and tokenised once however many analyses read it.
 */
import { analysisLanguage, detectLanguage, type AnalysisLanguage } from './langid.ts';
import { normalizeText } from './normalize.ts';
import { stem } from './stem.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface PreparedText {
  /** Detected language (ISO 639-1), or the default for short texts. */
  lang: string;
  /** The language whose stemmer, lexicon and stop-words apply; null for other languages. */
  analysisLang: AnalysisLanguage | null;
  normalized: string;
  tokens: Token[];
}

/** Detects the language, normalises and tokenises one text. */
export function prepareText(text: string, defaultLang = 'en'): PreparedText {
  const { lang } = detectLanguage(text, defaultLang);
  const normalized = normalizeText(text);
  return { lang, analysisLang: analysisLanguage(lang), normalized, tokens: tokenize(normalized) };
}

/** The stems of the word tokens, in order (themes and key phrases match on these). */
export function stemsOf(prepared: PreparedText): string[] {
  const out: string[] = [];
  for (const t of prepared.tokens) if (t.kind === 'word') out.push(stem(t.text, prepared.analysisLang));
  return out;
}
