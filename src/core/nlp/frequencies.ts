/**
 * @module Word and phrase frequencies for a word cloud or bar chart: stemmed unigrams and bigrams
 * (terms.ts) over a set of texts, stop-word-only terms left out, most frequent first.
 */
import type { PreparedText } from './prepare.ts';
import { TermCounter, termsOf } from './terms.ts';

export interface TermFrequency {
  term: string;
  /** 1 (word) or 2 (two-word phrase). */
  n: number;
  count: number;
  /** Texts that contain it. */
  docs: number;
}

/** The `top` most frequent terms (ties by term), counting only those seen at least `minCount` times. */
export function termFrequencies(texts: readonly PreparedText[], options: { top?: number; minCount?: number; maxN?: 1 | 2 } = {}): TermFrequency[] {
  const { top = 50, minCount = 2, maxN = 2 } = options;
  const counter = new TermCounter();
  for (const t of texts) counter.add(termsOf(t, maxN));
  const out: TermFrequency[] = [];
  for (const [key, count] of counter.counts) {
    if (count < minCount || counter.stop.has(key)) continue;
    out.push({ term: counter.surface(key), n: key.includes(' ') ? 2 : 1, count, docs: counter.docs.get(key)! });
  }
  return out.sort((x, y) => y.count - x.count || (x.term < y.term ? -1 : 1)).slice(0, top);
}
