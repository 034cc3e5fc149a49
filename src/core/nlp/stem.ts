/**
 * @module Stemming (docs/text.md, "Stems"): Snowball (the `snowball-stemmers` port) for Russian and
 * English; for Persian, which Snowball lacks, a light suffix/prefix stripper of our own (plural ها/های,
 * comparative تر/ترین, the verb prefixes می/نمی, ZWNJ-joined pronoun suffixes). Stems serve matching
 * (themes, key phrases, the lexicon), not display. Results are memoised per language.
 */
import snowball from 'snowball-stemmers';
import type { AnalysisLanguage } from './langid.ts';
import { ZWNJ } from './normalize.ts';

const SNOWBALL = { ru: snowball.newStemmer('russian'), en: snowball.newStemmer('english') };

/** Suffixes written after a ZWNJ: everything after the first ZWNJ goes when it is one of these. */
const FA_ZWNJ_SUFFIXES = new Set(['ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هامون', 'هاشون', 'تر', 'ترین', 'ای', 'ی', 'اش', 'ام', 'ات', 'مان', 'تان', 'شان', 'اند', 'ایم', 'اید', 'است']);
/** Suffixes glued to the word, longest first; stripped once, and only when three letters stay. */
const FA_GLUED_SUFFIXES = ['هایی', 'های', 'ترین', 'ها', 'تر'];

/** Persian light stem: "می‌خواهم" -> "خواهم", "غذاهای" -> "غذا", "کیفیت‌ها" -> "کیفیت"; "بهتر" stays (only two letters would be left). */
export function stemPersian(word: string): string {
  let w = word;
  const parts = w.split(ZWNJ);
  if (parts.length > 1) {
    if (parts[0] === 'می' || parts[0] === 'نمی') parts.shift();
    while (parts.length > 1 && FA_ZWNJ_SUFFIXES.has(parts[parts.length - 1]!)) parts.pop();
    w = parts.join(ZWNJ);
  }
  for (const suffix of FA_GLUED_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

const caches: Record<AnalysisLanguage, Map<string, string>> = { ru: new Map(), fa: new Map(), en: new Map() };
const CACHE_LIMIT = 200_000;

/** The stem of one normalised word; languages without a stemmer (null) keep the word. */
export function stem(word: string, lang: AnalysisLanguage | null): string {
  if (lang === null) return word;
  const cache = caches[lang];
  let s = cache.get(word);
  if (s === undefined) {
    s = lang === 'fa' ? stemPersian(word) : SNOWBALL[lang].stem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
