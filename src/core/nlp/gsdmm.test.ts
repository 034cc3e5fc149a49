import { describe, expect, it } from 'vitest';
import { termFrequencies } from './frequencies.ts';
import { gsdmm, suggestThemes } from './gsdmm.ts';
import { prepareText } from './prepare.ts';

const QUEUE = ['long queue at the checkout', 'the checkout queue was long', 'queue at checkout again', 'huge checkout queue', 'one checkout open, long queue'];
const PARKING = ['no parking space', 'parking space was full', 'parking space too small', 'could not find parking space', 'parking space full again'];

describe('gsdmm', () => {
  it('separates two vocabularies', () => {
    const docs = [...QUEUE, ...PARKING].map((t) => t.split(' '));
    const z = gsdmm(docs, { k: 8, iterations: 30 });
    expect(new Set(z.slice(0, 5)).size).toBe(1);
    expect(new Set(z.slice(5)).size).toBe(1);
    expect(z[0]).not.toBe(z[5]);
  });

  it('is deterministic for a seed', () => {
    const docs = [...QUEUE, ...PARKING].map((t) => t.split(' '));
    expect(gsdmm(docs, { seed: 3 })).toEqual(gsdmm(docs, { seed: 3 }));
  });
});

describe('suggestThemes', () => {
  it('returns clusters with their top words, without stop-words, largest first', () => {
    const texts = [...QUEUE, ...PARKING, 'parking space'].map((t) => prepareText(t, 'en'));
    const s = suggestThemes(texts, { k: 8, minSize: 3, topWords: 2 });
    expect(s.map((x) => x.size)).toEqual([6, 5]);
    expect(s[0]!.words).toEqual([
      { word: 'parking', count: 6 },
      { word: 'space', count: 6 },
    ]);
    expect(s[1]!.words.map((w) => w.word)).toEqual(['checkout', 'queue']);
    expect(s[1]!.examples).toEqual([0, 1, 2]);
  });
});

describe('termFrequencies', () => {
  it('counts stemmed words and phrases, most frequent first, without stop-words', () => {
    const texts = ['Waited in the queue', 'waiting in the queue', 'the queue'].map((t) => prepareText(t, 'en'));
    expect(termFrequencies(texts, { minCount: 2 })).toEqual([
      { term: 'queue', n: 1, count: 3, docs: 3 },
      { term: 'the queue', n: 2, count: 3, docs: 3 },
      { term: 'waited', n: 1, count: 2, docs: 2 }, // "waited" and "waiting": one stem, the alphabetically first form
      { term: 'waited in', n: 2, count: 2, docs: 2 },
    ]);
  });
});
