/**
 * @module The built-in lexicon sentiment (docs/text.md, "Lexicon fallback"): the lower-accuracy mode used
 * before an organisation has enough scored comments to train its own model. Sums the weights of
 * lexicon stems (lexiconWords.ts) with three rules:
 * - negation: in Russian and English a negator ("не", "not", "didn't") flips the sentiment words of the
 *   next three words of its clause ("не понравилось", "not good"); in Persian the negated verb follows
 *   ("خوب نبود") and flips the sentiment word just before it. A flipped negative counts half ("not bad"
 *   is faint praise);
 * - contrast: a clause starting with "but"/"но"/"ولی" outweighs what came before (which is halved);
 * - intensifiers ("very", "очень", "خیلی") make the next sentiment word count 1.5 times.
 */
import type { AnalysisLanguage } from './langid.ts';
import type { SentimentLabel } from './labels.ts';
import { LEXICON_WORDS } from './lexiconWords.ts';
import { stem } from './stem.ts';
import type { Token } from './tokenize.ts';

interface CompiledLexicon {
  weights: Map<string, number>;
  negators: Set<string>;
  contrast: Set<string>;
  intensifiers: Set<string>;
}

const compiled = new Map<AnalysisLanguage, CompiledLexicon>();

/** Persian negated verbs beyond the listed words: نمی‌… and the ن- forms of the common verbs, any person. */
const FA_NEGATED_VERB = /^(?:نمی\u200c|نبود|نیست|نشد|نشده|نداشت|ندار|نکرد|نکن|نزد|نیامد|نیومد|نباش|نخواه|نمیشه|نمیاد|نرسید)/;

function isNegator(word: string, lang: AnalysisLanguage, lex: CompiledLexicon): boolean {
  return lex.negators.has(word) || (lang === 'fa' && FA_NEGATED_VERB.test(word));
}

function lexiconOf(lang: AnalysisLanguage): CompiledLexicon {
  let lex = compiled.get(lang);
  if (!lex) {
    const words = LEXICON_WORDS[lang];
    const weights = new Map<string, number>();
    for (const [word, weight] of Object.entries(words.positive)) weights.set(stem(word, lang), weight);
    for (const [word, weight] of Object.entries(words.negative)) weights.set(stem(word, lang), -weight);
    lex = { weights, negators: new Set(words.negators), contrast: new Set(words.contrast), intensifiers: new Set(words.intensifiers) };
    compiled.set(lang, lex);
  }
  return lex;
}

/** How many following words a Russian or English negator reaches. */
const NEGATION_REACH = 3;

/** The positive and negative sums of a tokenised text (negative <= 0), after negation and contrast. */
export function lexiconSums(tokens: readonly Token[], lang: AnalysisLanguage): { positive: number; negative: number } {
  const lex = lexiconOf(lang);
  const negatedAfter = lang !== 'fa';
  let positive = 0;
  let negative = 0;
  const add = (value: number) => {
    if (value > 0) positive += value;
    else negative += value;
  };
  let negationLeft = 0;
  let boost = 1;
  /** Persian: the last sentiment word's contribution and how many words ago it came. */
  let last = 0;
  let lastAge = Infinity;
  for (const t of tokens) {
    if (t.kind === 'punct') {
      negationLeft = 0;
      boost = 1;
      lastAge = Infinity;
      continue;
    }
    const word = t.text;
    if (lex.contrast.has(word)) {
      positive /= 2;
      negative /= 2;
      negationLeft = 0;
      lastAge = Infinity;
      continue;
    }
    if (isNegator(word, lang, lex)) {
      if (negatedAfter) negationLeft = NEGATION_REACH;
      else if (lastAge <= 2) {
        if (last > 0) positive -= last;
        else negative -= last;
        add(last > 0 ? -last : -last / 2);
        lastAge = Infinity;
      }
      continue;
    }
    if (lex.intensifiers.has(word)) {
      boost = 1.5;
      continue;
    }
    const weight = t.kind === 'word' ? lex.weights.get(stem(word, lang)) : lex.weights.get(word);
    lastAge++;
    if (weight === undefined) {
      if (negationLeft > 0) negationLeft--;
      continue;
    }
    let value = weight * boost;
    boost = 1;
    if (negationLeft > 0) {
      value = value > 0 ? -value : -value / 2;
      negationLeft = 0;
    }
    add(value);
    last = value;
    lastAge = 0;
  }
  return { positive, negative };
}

/** The lexicon score of a tokenised text: > 0 positive, < 0 negative, 0 no sentiment found. */
export function lexiconScore(tokens: readonly Token[], lang: AnalysisLanguage): number {
  const { positive, negative } = lexiconSums(tokens, lang);
  return positive + negative;
}

/**
 * The lexicon's label and a confidence in [0.5, 1): the logistic of the score's size, 0.5 with no
 * sentiment words. Not a calibrated probability (the trained model's is).
 * @param labels the classes to choose from; with only negative and positive, a text without
 *   sentiment words counts as positive (nothing to complain about)
 */
export function lexiconSentiment(
  tokens: readonly Token[],
  lang: AnalysisLanguage | null,
  labels: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'],
): { label: SentimentLabel; p: number; score: number } {
  const score = lang === null ? 0 : lexiconScore(tokens, lang);
  const p = 1 / (1 + Math.exp(-Math.abs(score)));
  if (score > 0) return { label: 'positive', p, score };
  if (score < 0) return { label: 'negative', p, score };
  return { label: labels.includes('neutral') ? 'neutral' : 'positive', p: 0.5, score };
}

/**
 * Which tokens (by index) stand in a negation's scope: in Russian and English the next three words of
 * the clause after a negator, in Persian the two words of the clause before a negated verb. The
 * classifier marks them ("not good" -> a feature for good-under-negation).
 */
export function negatedTokens(tokens: readonly Token[], lang: AnalysisLanguage | null): Set<number> {
  const out = new Set<number>();
  if (lang === null) return out;
  const lex = lexiconOf(lang);
  let clauseStart = 0;
  let left = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'punct') {
      clauseStart = i + 1;
      left = 0;
      return;
    }
    if (t.kind !== 'word' || !isNegator(t.text, lang, lex)) {
      if (left > 0 && t.kind === 'word') {
        out.add(i);
        left--;
      }
      return;
    }
    if (lang !== 'fa') left = NEGATION_REACH;
    else for (let j = Math.max(clauseStart, i - 2); j < i; j++) if (tokens[j]!.kind === 'word') out.add(j);
  });
  return out;
}
