/**
 * @module The classifier's features (docs/text.md, "Sentiment model"): hashed word unigrams and bigrams
 * plus character n-grams inside words (with word-boundary padding, so endings like "-ось" or "نبود"
 * count on their own), sublinear counts (1 + ln c), L2-normalised. Hashing (FNV-1a, 32 bit) keeps the
 * model a fixed-size array with no vocabulary to store; stop-words stay (they carry negation).
 */
import type { Token } from './tokenize.ts';

export interface FeatureOptions {
  /** log2 of the hashed feature space (2^bits weights per class). */
  bits: number;
  /** Character n-gram lengths inside padded words, inclusive; charMax 0 turns them off. */
  charMin: number;
  charMax: number;
  /** Word bigrams (within a clause) besides unigrams. */
  wordBigrams: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { bits: 18, charMin: 2, charMax: 5, wordBigrams: true };

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

/** FNV-1a of a string's UTF-16 code units, from a seed (the namespace). */
export function hashString(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The feature vector of one tokenised (normalised) text. */
export function featurize(tokens: readonly Token[], opts: FeatureOptions = DEFAULT_FEATURES): SparseVector {
  const mask = (1 << opts.bits) - 1;
  const counts = new Map<number, number>();
  const add = (h: number) => {
    const i = h & mask;
    counts.set(i, (counts.get(i) ?? 0) + 1);
  };
  let prev = -1;
  for (const t of tokens) {
    if (t.kind === 'punct') {
      prev = -1;
      continue;
    }
    const unit = t.kind === 'url' ? '<url>' : t.kind === 'number' ? '<num>' : t.text;
    const h = hashString(unit, SEED_WORD);
    add(h);
    if (opts.wordBigrams && prev !== -1) add(Math.imul(prev ^ SEED_BIGRAM, FNV_PRIME) ^ h);
    prev = h;
    if (t.kind !== 'word' || opts.charMax === 0) continue;
    const padded = ` ${unit} `;
    const len = padded.length;
    for (let i = 0; i < len; i++) {
      let c = SEED_CHAR;
      const end = Math.min(len, i + opts.charMax);
      for (let j = i; j < end; j++) {
        c = Math.imul(c ^ padded.charCodeAt(j), FNV_PRIME);
        if (j - i + 1 >= opts.charMin) add(c);
      }
    }
  }
  const idx = new Int32Array(counts.size);
  const val = new Float32Array(counts.size);
  let k = 0;
  let norm = 0;
  for (const [i, c] of counts) {
    const v = 1 + Math.log(c);
    idx[k] = i;
    val[k] = v;
    norm += v * v;
    k++;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < val.length; j++) val[j] *= inv;
  }
  return { idx, val };
}
