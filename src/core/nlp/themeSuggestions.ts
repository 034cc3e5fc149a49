/**
 * @module Theme suggestions for the product (docs/comments.md, "Suggested themes"): the comments that
 * match no theme of the organisation's dictionary are clustered with GSDMM ({@link suggestThemes}), one
 * language at a time (a suggestion's words then belong to one language, as a theme's terms do), and
 * offered as themes to accept, rename, merge or dismiss. Pure and seeded: the same texts and dictionary
 * give the same suggestions.
 */
import type { AnalysisLanguage } from './langid.ts';
import { DEFAULT_GSDMM_OPTIONS, suggestThemes } from './gsdmm.ts';
import { prepareText, type PreparedText } from './prepare.ts';
import { stem } from './stem.ts';
import { compileThemes, matchThemes, type ThemeDefinition } from './themes.ts';

/** The newest comments read for suggestions at most (bounds a request's work: about 1-2 s of CPU). */
export const SUGGESTION_TEXTS = 5000;
/** Words shown per suggestion, and how many of them are offered as the new theme's words. */
export const SUGGESTION_WORDS = 8;
export const SUGGESTION_TERMS = 4;
/** Comments a suggestion has at least. */
const MIN_SIZE = 3;
/** Stems of the top words that name a suggestion (its key) and decide whether a dismissal hides it. */
const KEY_STEMS = 3;

export interface ThemeSuggestion {
  /** `lang:stem stem stem`: the language and the sorted stems of the top words; stable while the cluster is. */
  key: string;
  lang: AnalysisLanguage;
  /** Comments in the cluster. */
  size: number;
  /** Most frequent words (as written, normalised) with how often they occur in the cluster. */
  words: { word: string; count: number }[];
  /** The words offered as the theme's terms (the first {@link SUGGESTION_TERMS} of `words`). */
  terms: string[];
  /** Up to three comments of the cluster, newest first (the input's order). */
  examples: string[];
}

export interface SuggestionInput {
  text: string;
  /** The response's language: the default for texts too short to identify. */
  language: string;
}

export interface ThemeSuggestions {
  /** Texts that matched no theme of the dictionary (those clustered, in ru / fa / en). */
  unmatched: number;
  /** Texts without a theme in another language (no stemmer: not clustered). */
  otherLanguage: number;
  suggestions: ThemeSuggestion[];
}

/**
 * Suggested themes of `texts` (newest first): those matching a theme of `dictionary` are left out, the
 * rest is clustered per analysis language; suggestions of every language together, largest first.
 */
export function discoverThemes(texts: readonly SuggestionInput[], dictionary: readonly ThemeDefinition[]): ThemeSuggestions {
  const compiled = compileThemes(dictionary);
  const byLang: Record<AnalysisLanguage, { prepared: PreparedText[]; texts: string[] }> = { ru: { prepared: [], texts: [] }, fa: { prepared: [], texts: [] }, en: { prepared: [], texts: [] } };
  let unmatched = 0;
  let otherLanguage = 0;
  for (const t of texts) {
    const prepared = prepareText(t.text, t.language);
    if (matchThemes(prepared, compiled).length > 0) continue;
    if (!prepared.analysisLang) {
      otherLanguage++;
      continue;
    }
    unmatched++;
    byLang[prepared.analysisLang].prepared.push(prepared);
    byLang[prepared.analysisLang].texts.push(t.text);
  }
  const out: ThemeSuggestion[] = [];
  for (const lang of ['ru', 'fa', 'en'] as const) {
    const group = byLang[lang];
    if (group.prepared.length < MIN_SIZE) continue;
    // K is an upper bound on clusters; with few texts, no more clusters than could reach the minimum size
    // (K = 20 over a dozen texts scatters them into pairs).
    const k = Math.min(DEFAULT_GSDMM_OPTIONS.k, Math.floor(group.prepared.length / MIN_SIZE));
    for (const s of suggestThemes(group.prepared, { k, minSize: MIN_SIZE, topWords: SUGGESTION_WORDS })) {
      out.push({
        key: suggestionKey(lang, s.words.map((w) => w.word)),
        lang,
        size: s.size,
        words: s.words,
        terms: s.words.slice(0, SUGGESTION_TERMS).map((w) => w.word),
        examples: s.examples.map((i) => group.texts[i]!),
      });
    }
  }
  // Stable sort: equal sizes keep the language order above.
  return { unmatched, otherLanguage, suggestions: out.sort((a, b) => b.size - a.size) };
}

/** The key of a suggestion: its language and the sorted stems of its first {@link KEY_STEMS} words. */
export function suggestionKey(lang: AnalysisLanguage, words: readonly string[]): string {
  return `${lang}:${words.slice(0, KEY_STEMS).map((w) => stem(w, lang)).sort().join(' ')}`;
}

/** Language and stems of a key (null when it is not one). */
export function parseSuggestionKey(key: string): { lang: AnalysisLanguage; stems: string[] } | null {
  const m = /^(ru|fa|en):(\S+(?: \S+){0,2})$/u.exec(key);
  return m ? { lang: m[1] as AnalysisLanguage, stems: m[2]!.split(' ') } : null;
}

/**
 * Whether a dismissed suggestion hides `key`: same language and at least two of the key stems in common
 * (all of them when a key has fewer than two), so a dismissed cluster stays hidden when new comments
 * reorder or change one of its top words.
 */
export function isDismissed(key: string, dismissed: readonly string[]): boolean {
  const k = parseSuggestionKey(key);
  if (!k) return false;
  return dismissed.some((d) => {
    const other = parseSuggestionKey(d);
    if (!other || other.lang !== k.lang) return false;
    const common = k.stems.filter((s) => other.stems.includes(s)).length;
    return common >= Math.min(2, k.stems.length, other.stems.length);
  });
}

/**
 * An id for a new theme named `name`: its Latin letters and digits joined by "_" (else "theme"), with
 * "_2", "_3", ... when taken.
 */
export function themeIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g)?.join('_').slice(0, 56).replace(/_+$/, '') || 'theme';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}
