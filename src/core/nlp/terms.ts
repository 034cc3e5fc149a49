/**
 * @module Terms: the word unigrams and bigrams of a prepared text, keyed by their stems (so "ждали",
 * "ждать" and "ждём" count together) with the surface form kept for display. Bigrams never cross
 * clause punctuation. Terms made only of stop-words are marked, for display filters.
 */
import type { PreparedText } from './prepare.ts';
import { stem } from './stem.ts';
import { isStopword } from './stopwords.ts';

export interface Term {
  /** Stems joined by a space: the counting key. */
  key: string;
  /** The words as written (normalised). */
  surface: string;
  /** 1 or 2 words. */
  n: number;
  /** Every word is a stop-word (or a single letter). */
  stop: boolean;
}

/** The unigram and (optionally) bigram terms of a text, in order, with repeats. */
export function termsOf(prepared: PreparedText, maxN: 1 | 2 = 2): Term[] {
  const out: Term[] = [];
  let prev: { stem: string; word: string; stop: boolean } | null = null;
  for (const t of prepared.tokens) {
    if (t.kind !== 'word') {
      if (t.kind === 'punct') prev = null;
      continue;
    }
    const cur = { stem: stem(t.text, prepared.analysisLang), word: t.text, stop: t.text.length < 2 || isStopword(t.text, prepared.analysisLang) };
    out.push({ key: cur.stem, surface: cur.word, n: 1, stop: cur.stop });
    if (maxN === 2 && prev) out.push({ key: `${prev.stem} ${cur.stem}`, surface: `${prev.word} ${cur.word}`, n: 2, stop: prev.stop && cur.stop });
    prev = cur;
  }
  return out;
}

/** Counts of terms and the most frequent surface form of each key. */
export class TermCounter {
  readonly counts = new Map<string, number>();
  /** Documents containing each key. */
  readonly docs = new Map<string, number>();
  private readonly surfaces = new Map<string, Map<string, number>>();
  readonly stop = new Set<string>();
  total = 0;

  add(terms: readonly Term[]): void {
    const seen = new Set<string>();
    for (const t of terms) {
      this.counts.set(t.key, (this.counts.get(t.key) ?? 0) + 1);
      this.total++;
      let s = this.surfaces.get(t.key);
      if (!s) this.surfaces.set(t.key, (s = new Map()));
      s.set(t.surface, (s.get(t.surface) ?? 0) + 1);
      if (t.stop) this.stop.add(t.key);
      if (!seen.has(t.key)) {
        seen.add(t.key);
        this.docs.set(t.key, (this.docs.get(t.key) ?? 0) + 1);
      }
    }
  }

  /** The most frequent surface form (ties: the alphabetically first, for determinism). */
  surface(key: string): string {
    let best = key;
    let bestN = -1;
    for (const [form, n] of this.surfaces.get(key) ?? []) {
      if (n > bestN || (n === bestN && form < best)) {
        best = form;
        bestN = n;
      }
    }
    return best;
  }
}
