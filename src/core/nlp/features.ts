/**
 * @module The classifier's features (docs/text.md, "Sentiment model"): hashed word unigrams and bigrams
 * plus character n-grams inside words (with word-boundary padding, so endings like "-ось" or "نبود"
 * count on their own), sublinear counts (1 + ln c), L2-normalised. Hashing (FNV-1a, 32 bit) keeps the
 * model a fixed-size array with no vocabulary to store; stop-words stay (they carry negation).
 */
import type { AnalysisLanguage } from './langid.ts';
import { lexiconSums, negatedTokens } from './lexicon.ts';
import type { Token } from './tokenize.ts';

export interface FeatureOptions {
  /** log2 of the hashed feature space (2^bits weights per class). */
  bits: number;
  /** Character n-gram lengths inside padded words, inclusive; charMax 0 turns them off. */
  charMin: number;
  charMax: number;
  /** Word bigrams (within a clause) besides unigrams. */
  wordBigrams: boolean;
  /** Words in a negation's scope also count as negated words ("not good" -> "!good"). */
  negation: boolean;
  /** The built-in lexicon's positive and negative sums as two features (ru, fa, en texts). */
  lexicon: boolean;
  /** Word trigrams (within a clause). Absent in version-1 model files: false. */
  wordTrigrams?: boolean;
  /** Presence (1) instead of sublinear counts (1 + ln c) before normalising. Absent: false. */
  binary?: boolean;
  /** @mentions and #tags as one placeholder token instead of their text. Absent: false. */
  collapseMentions?: boolean;
  /** Letters repeated three or more times squeezed to two ("soooo" -> "soo"). Absent: false. */
  squeeze?: boolean;
  /** Character n-grams over each clause's words joined by spaces (spanning word boundaries) instead of inside each word. Absent: false. */
  charAcross?: boolean;
  /**
   * Clause punctuation as features of its own: "!", "?", "...", with runs cut to their first two marks
   * ("!!!!" -> "!!", "?!?" -> "?!"). Absent in model files before version 3: false.
   */
  punctuation?: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  bits: 18,
  charMin: 3,
  charMax: 5,
  wordBigrams: true,
  negation: true,
  lexicon: true,
  wordTrigrams: false,
  binary: false,
  collapseMentions: false,
  squeeze: false,
  charAcross: false,
  punctuation: false,
};

/** A sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_WORD = 0x3c6ef372;
const SEED_BIGRAM = 0x5bd1e995;
const SEED_CHAR = FNV_OFFSET;
const SEED_NEGATED = 0x27d4eb2f;
const SEED_LEXICON = 0x165667b1;
const SEED_TRIGRAM = 0x61c88647;
const SEED_PUNCT = 0x2545f491;

const ELONGATED = /(\p{L})\1{2,}/gu;

/** A word with every run of three or more equal letters cut to two ("soooo" -> "soo", "خیلیییی" -> "خیلیی"). */
export function squeezeElongation(word: string): string {
  return word.replace(ELONGATED, '$1$1');
}

/** The unit a token counts as: its text, or a placeholder for URLs, numbers and (optionally) mentions. */
export function tokenUnit(t: Token, opts: Pick<FeatureOptions, 'collapseMentions' | 'squeeze'>): string {
  switch (t.kind) {
    case 'url':
      return '<url>';
    case 'number':
      return '<num>';
    case 'mention':
      return opts.collapseMentions ? (t.text.startsWith('#') ? '<tag>' : '<user>') : t.text;
    case 'word':
      return opts.squeeze ? squeezeElongation(t.text) : t.text;
    default:
      return t.text;
  }
}

/** The unit a punctuation token counts as: its first two marks ("!!!" -> "!!", "?" -> "?"). */
function punctUnit(text: string): string {
  return text.length > 2 ? text.slice(0, 2) : text;
}

/** FNV-1a of a string's UTF-16 code units, from a seed (the namespace). */
export function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Scratch space for the hashed indices of one text (grown on demand; featurize is synchronous). */
let buffer = new Int32Array(4096);

/** The feature vector of one tokenised (normalised) text, indices ascending. */
export function featurize(text: { tokens: readonly Token[]; analysisLang: AnalysisLanguage | null }, opts: FeatureOptions = DEFAULT_FEATURES): SparseVector {
  const { tokens, analysisLang } = text;
  const mask = (1 << opts.bits) - 1;
  let used = 0;
  const add = (h: number) => {
    if (used === buffer.length) {
      const bigger = new Int32Array(buffer.length * 2);
      bigger.set(buffer);
      buffer = bigger;
    }
    buffer[used++] = h & mask;
  };
  const negated = opts.negation ? negatedTokens(tokens, analysisLang) : null;
  if (opts.lexicon && analysisLang) {
    const { positive, negative } = lexiconSums(tokens, analysisLang);
    for (let r = Math.min(5, Math.round(positive)); r > 0; r--) add(SEED_LEXICON);
    for (let r = Math.min(5, Math.round(-negative)); r > 0; r--) add(SEED_LEXICON + 1);
  }
  const charGrams = (padded: string) => {
    const len = padded.length;
    for (let i = 0; i < len; i++) {
      let c = SEED_CHAR;
      const end = Math.min(len, i + opts.charMax);
      for (let j = i; j < end; j++) {
        c = Math.imul(c ^ padded.charCodeAt(j), FNV_PRIME);
        if (j - i + 1 >= opts.charMin) add(c);
      }
    }
  };
  const across = opts.charAcross === true && opts.charMax > 0;
  let clause = '';
  let prev = -1;
  let prev2 = -1;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (t.kind === 'punct') {
      if (opts.punctuation) add(hashString(punctUnit(t.text), SEED_PUNCT));
      prev = prev2 = -1;
      if (clause !== '') charGrams(` ${clause} `);
      clause = '';
      continue;
    }
    const unit = tokenUnit(t, opts);
    const h = hashString(unit, SEED_WORD);
    add(h);
    if (negated?.has(ti)) add(hashString(unit, SEED_NEGATED));
    if (opts.wordBigrams && prev !== -1) add(Math.imul(prev ^ SEED_BIGRAM, FNV_PRIME) ^ h);
    if (opts.wordTrigrams && prev2 !== -1) add(Math.imul(Math.imul(prev2 ^ SEED_TRIGRAM, FNV_PRIME) ^ prev, FNV_PRIME) ^ h);
    prev2 = prev;
    prev = h;
    if (t.kind !== 'word' || opts.charMax === 0) continue;
    if (across) clause = clause === '' ? unit : `${clause} ${unit}`;
    else charGrams(` ${unit} `);
  }
  if (clause !== '') charGrams(` ${clause} `);
  // Sorting the indices groups repeats: counts without a hash map.
  const sorted = buffer.subarray(0, used).sort();
  let distinct = 0;
  for (let j = 0; j < used; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) distinct++;
  const idx = new Int32Array(distinct);
  const val = new Float32Array(distinct);
  let k = -1;
  for (let j = 0; j < used; j++) {
    if (j === 0 || sorted[j] !== sorted[j - 1]) idx[++k] = sorted[j]!;
    val[k]++;
  }
  let norm = 0;
  for (let j = 0; j < distinct; j++) {
    const v = opts.binary ? 1 : 1 + Math.log(val[j]!);
    val[j] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < distinct; j++) val[j] *= inv;
  }
  return { idx, val };
}
