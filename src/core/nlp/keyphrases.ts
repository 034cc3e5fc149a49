/**
 * @module Key phrases: what one group says more than another (detractors vs promoters), by the weighted
 * log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi & Quinn (2008, "Fightin'
 * Words", eqs. 16, 20 and 22). For a term w with counts y_w^A, y_w^B in groups of n^A, n^B term tokens,
 * and prior α_w = α0 · (y_w^A + y_w^B) / (n^A + n^B):
 *   δ_w = ln[(y_w^A + α_w) / (n^A + α0 − y_w^A − α_w)] − ln[(y_w^B + α_w) / (n^B + α0 − y_w^B − α_w)]
 *   σ²(δ_w) ≈ 1 / (y_w^A + α_w) + 1 / (y_w^B + α_w),   z_w = δ_w / σ(δ_w).
 * Terms are stemmed unigrams and bigrams (terms.ts) sharing one vocabulary; terms made only of
 * stop-words are counted but not reported.
 */
import type { PreparedText } from './prepare.ts';
import { TermCounter, termsOf } from './terms.ts';

export interface KeyPhraseDoc {
  prepared: PreparedText;
  /** The original text, quoted as an example. */
  text: string;
}

export interface KeyPhrase {
  /** The most frequent written form. */
  phrase: string;
  /** The stems the counts are keyed by. */
  key: string;
  /** Occurrences in this group and in the other. */
  count: number;
  otherCount: number;
  delta: number;
  z: number;
  /** Up to maxExamples texts of this group that contain the term, in input order. */
  examples: string[];
}

export interface KeyPhraseOptions {
  /** α0, the prior's total weight; default: n^A + n^B (the prior then equals the pooled counts). */
  priorStrength?: number;
  /** Terms seen fewer times in both groups together are ignored. */
  minCount: number;
  /** Smallest |z| reported (1.96: two-sided 5 %). */
  minZ: number;
  /** Phrases per side. */
  top: number;
  maxExamples: number;
  maxN: 1 | 2;
}

export const DEFAULT_KEYPHRASE_OPTIONS: KeyPhraseOptions = { minCount: 3, minZ: 1.96, top: 20, maxExamples: 3, maxN: 2 };

/** Monroe et al.'s δ and z of one term (exported for the hand-computed tests). */
export function weightedLogOdds(yA: number, nA: number, yB: number, nB: number, alphaW: number, alpha0: number): { delta: number; z: number } {
  const delta = Math.log((yA + alphaW) / (nA + alpha0 - yA - alphaW)) - Math.log((yB + alphaW) / (nB + alpha0 - yB - alphaW));
  const variance = 1 / (yA + alphaW) + 1 / (yB + alphaW);
  return { delta, z: delta / Math.sqrt(variance) };
}

/**
 * Key phrases of group A against group B and of B against A (each sorted by z, largest first).
 */
export function keyPhrases(groupA: readonly KeyPhraseDoc[], groupB: readonly KeyPhraseDoc[], options: Partial<KeyPhraseOptions> = {}): { a: KeyPhrase[]; b: KeyPhrase[] } {
  const opts = { ...DEFAULT_KEYPHRASE_OPTIONS, ...options };
  const count = (docs: readonly KeyPhraseDoc[]) => {
    const counter = new TermCounter();
    const perDoc = docs.map((d) => {
      const terms = termsOf(d.prepared, opts.maxN);
      counter.add(terms);
      return new Set(terms.map((t) => t.key));
    });
    return { counter, perDoc };
  };
  const A = count(groupA);
  const B = count(groupB);
  const pooled = new TermCounter();
  for (const g of [groupA, groupB]) for (const d of g) pooled.add(termsOf(d.prepared, opts.maxN));
  const nA = A.counter.total;
  const nB = B.counter.total;
  const alpha0 = opts.priorStrength ?? nA + nB;
  const sideA: KeyPhrase[] = [];
  const sideB: KeyPhrase[] = [];
  for (const [key, total] of pooled.counts) {
    if (total < opts.minCount || pooled.stop.has(key)) continue;
    const yA = A.counter.counts.get(key) ?? 0;
    const yB = B.counter.counts.get(key) ?? 0;
    const alphaW = (alpha0 * total) / (nA + nB);
    const { delta, z } = weightedLogOdds(yA, nA, yB, nB, alphaW, alpha0);
    if (Math.abs(z) < opts.minZ) continue;
    const [own, docs, sets, other] = z > 0 ? [yA, groupA, A.perDoc, yB] : [yB, groupB, B.perDoc, yA];
    const examples: string[] = [];
    for (let i = 0; i < docs.length && examples.length < opts.maxExamples; i++) if (sets[i]!.has(key)) examples.push(docs[i]!.text);
    const phrase = { phrase: pooled.surface(key), key, count: own, otherCount: other, examples };
    if (z > 0) sideA.push({ ...phrase, delta, z });
    else sideB.push({ ...phrase, delta: -delta, z: -z });
  }
  const order = (x: KeyPhrase, y: KeyPhrase) => y.z - x.z || (x.key < y.key ? -1 : 1);
  return { a: sideA.sort(order).slice(0, opts.top), b: sideB.sort(order).slice(0, opts.top) };
}
