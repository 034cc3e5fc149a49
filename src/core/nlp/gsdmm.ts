/**
 * @module Topic discovery in short texts: GSDMM, the collapsed Gibbs sampler for the Dirichlet
 * Multinomial Mixture of Yin & Wang (2014, "A Dirichlet Multinomial Mixture Model-based Approach for
 * Short Text Clustering", eq. 4). One topic per text, which suits comments; clusters empty out on their
 * own, so `k` is an upper bound. Seeded, hence deterministic. Stop-words are removed before (display:
 * topics are shown as their top words), and stems are the words.
 */
import { createRng } from '../demo/random.ts';
import type { PreparedText } from './prepare.ts';
import { TermCounter, termsOf } from './terms.ts';

export interface GsdmmOptions {
  /** Upper bound on the number of clusters. */
  k: number;
  alpha: number;
  beta: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_GSDMM_OPTIONS: GsdmmOptions = { k: 20, alpha: 0.1, beta: 0.1, iterations: 30, seed: 7 };

/**
 * Clusters documents given as word lists (repeats allowed).
 * @returns the cluster of each document
 */
export function gsdmm(docs: readonly (readonly string[])[], options: Partial<GsdmmOptions> = {}): number[] {
  const { k, alpha, beta, iterations, seed } = { ...DEFAULT_GSDMM_OPTIONS, ...options };
  const vocab = new Map<string, number>();
  const ids = docs.map((d) => d.map((w) => vocab.get(w) ?? (vocab.set(w, vocab.size), vocab.size - 1)));
  const V = vocab.size;
  const D = docs.length;
  const m = new Float64Array(k); // documents per cluster
  const n = new Float64Array(k); // words per cluster
  const nw = new Float64Array(k * V); // word counts per cluster
  const z = new Int32Array(D);
  const rng = createRng(seed);
  const move = (d: number, c: number, sign: 1 | -1) => {
    m[c] += sign;
    n[c] += sign * ids[d]!.length;
    for (const w of ids[d]!) nw[c * V + w] += sign;
  };
  for (let d = 0; d < D; d++) {
    z[d] = rng.int(0, k - 1);
    move(d, z[d]!, 1);
  }
  // Per word occurrence, how many times the same word came earlier in its document (eq. 4's j), computed once.
  const repeats = ids.map((words) => {
    const seen = new Map<number, number>();
    return Int32Array.from(words, (w) => {
      const j = seen.get(w) ?? 0;
      seen.set(w, j + 1);
      return j;
    });
  });
  const logp = new Float64Array(k);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let d = 0; d < D; d++) {
      move(d, z[d]!, -1);
      const words = ids[d]!;
      const js = repeats[d]!;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let lp = Math.log(m[c]! + alpha);
        const row = c * V;
        for (let i = 0; i < words.length; i++) lp += Math.log(nw[row + words[i]!]! + beta + js[i]!);
        for (let i = 0; i < words.length; i++) lp -= Math.log(n[c]! + V * beta + i);
        logp[c] = lp;
        if (lp > max) max = lp;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += logp[c] = Math.exp(logp[c]! - max);
      let r = rng.next() * sum;
      let chosen = k - 1;
      for (let c = 0; c < k; c++) {
        r -= logp[c]!;
        if (r <= 0) {
          chosen = c;
          break;
        }
      }
      if (chosen !== z[d]) changed++;
      z[d] = chosen;
      move(d, chosen, 1);
    }
    if (changed === 0) break;
  }
  return Array.from(z);
}

export interface SuggestedTheme {
  /** Texts in the cluster. */
  size: number;
  /** Most frequent words (written form) with their counts, most frequent first. */
  words: { word: string; count: number }[];
  /** Indices (into the input) of up to three texts of the cluster. */
  examples: number[];
}

/**
 * Suggested themes of a set of texts: GSDMM over their non-stop-word stems, clusters of at least
 * `minSize` texts, largest first, each with its top words.
 */
export function suggestThemes(texts: readonly PreparedText[], options: Partial<GsdmmOptions> & { minSize?: number; topWords?: number } = {}): SuggestedTheme[] {
  const { minSize = 3, topWords = 8, ...gsdmmOptions } = options;
  const terms = texts.map((t) => termsOf(t, 1).filter((term) => !term.stop));
  const assignment = gsdmm(
    terms.map((ts) => ts.map((t) => t.key)),
    gsdmmOptions,
  );
  const clusters = new Map<number, number[]>();
  assignment.forEach((c, i) => {
    if (terms[i]!.length === 0) return;
    const list = clusters.get(c);
    if (list) list.push(i);
    else clusters.set(c, [i]);
  });
  const out: SuggestedTheme[] = [];
  for (const members of clusters.values()) {
    if (members.length < minSize) continue;
    const counter = new TermCounter();
    for (const i of members) counter.add(terms[i]!);
    const top = [...counter.counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, topWords);
    out.push({ size: members.length, words: top.map(([key, count]) => ({ word: counter.surface(key), count })), examples: members.slice(0, 3) });
  }
  return out.sort((a, b) => b.size - a.size || a.examples[0]! - b.examples[0]!);
}
