import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, featurize, squeezeElongation, tokenUnit, type FeatureOptions } from './features.ts';
import { prepareText } from './prepare.ts';
import { logCountRatios } from './sentimentModel.ts';

/** Only word unigrams unless a test turns something on. */
const BARE: FeatureOptions = { ...DEFAULT_FEATURES, charMax: 0, wordBigrams: false, negation: false, lexicon: false };
const vec = (text: string, opts: Partial<FeatureOptions>) => featurize(prepareText(text, 'en'), { ...BARE, ...opts });

describe('squeezeElongation', () => {
  it('cuts runs of three or more equal letters to two', () => {
    expect(squeezeElongation('soooo')).toBe('soo');
    expect(squeezeElongation('good')).toBe('good');
    expect(squeezeElongation('aaabbbb')).toBe('aabb');
    expect(squeezeElongation('خیلیییی')).toBe('خیلیی');
    expect(squeezeElongation('1111')).toBe('1111');
  });
});

describe('tokenUnit', () => {
  it('maps URLs, numbers and (optionally) mentions to placeholders', () => {
    const on = { collapseMentions: true, squeeze: true };
    const off = { collapseMentions: false, squeeze: false };
    expect(tokenUnit({ kind: 'url', text: 'http://x.io' }, off)).toBe('<url>');
    expect(tokenUnit({ kind: 'number', text: '15' }, off)).toBe('<num>');
    expect(tokenUnit({ kind: 'mention', text: '@united' }, on)).toBe('<user>');
    expect(tokenUnit({ kind: 'mention', text: '#fail' }, on)).toBe('<tag>');
    expect(tokenUnit({ kind: 'mention', text: '@united' }, off)).toBe('@united');
    expect(tokenUnit({ kind: 'word', text: 'sooo' }, on)).toBe('soo');
    expect(tokenUnit({ kind: 'word', text: 'sooo' }, off)).toBe('sooo');
  });
});

describe('featurize options', () => {
  it('adds one trigram per three consecutive words of a clause', () => {
    expect(vec('alpha beta gamma', {}).idx.length).toBe(3);
    expect(vec('alpha beta gamma', { wordTrigrams: true }).idx.length).toBe(4);
    expect(vec('alpha beta gamma delta', { wordTrigrams: true }).idx.length).toBe(6);
    expect(vec('alpha beta. gamma', { wordTrigrams: true }).idx.length).toBe(3); // the full stop ends the clause
  });

  it('binary: presence, not sublinear counts', () => {
    const counted = vec('good good bad', {});
    expect(counted.idx.length).toBe(2);
    // 1 + ln 2 and 1, L2-normalised
    const a = 1 + Math.log(2);
    expect([...counted.val].sort()).toEqual([1 / Math.hypot(a, 1), a / Math.hypot(a, 1)].map(Math.fround).sort());
    const binary = vec('good good bad', { binary: true });
    expect([...binary.val]).toEqual([Math.fround(Math.SQRT1_2), Math.fround(Math.SQRT1_2)]);
  });

  it('character n-grams inside words, or across the words of a clause', () => {
    // " ab " and " cd " give " ab", "ab ", " cd", "cd "; " ab cd " adds "b c": plus the two words
    expect(vec('ab cd', { charMin: 3, charMax: 3 }).idx.length).toBe(6);
    expect(vec('ab cd', { charMin: 3, charMax: 3, charAcross: true }).idx.length).toBe(7);
  });

  it('punctuation: each clause mark a feature of its own, runs cut to two marks', () => {
    expect(vec('good!', {}).idx.length).toBe(1);
    const marked = vec('good!', { punctuation: true });
    expect(marked.idx.length).toBe(2);
    // "good" and "!" once each: 1 and 1, L2-normalised
    expect([...marked.val]).toEqual([Math.fround(Math.SQRT1_2), Math.fround(Math.SQRT1_2)]);
    const ids = (text: string) => Array.from(vec(text, { punctuation: true }).idx);
    expect(ids('good!!!!')).toEqual(ids('good!!'));
    expect(ids('good!!')).not.toEqual(ids('good!'));
    expect(ids('good?')).not.toEqual(ids('good!'));
    expect(ids('good?!?')).toEqual(ids('good?!'));
    // two question marks in two clauses: "?" counted twice, so (1 + ln 2) against 1 and 1
    const twice = vec('late? why?', { punctuation: true });
    expect(twice.idx.length).toBe(3);
    const a = 1 + Math.log(2);
    expect([...twice.val].sort()).toEqual([1, 1, a].map((x) => Math.fround(x / Math.hypot(a, 1, 1))).sort());
    // a mark is not a word: it still ends bigrams ("alpha", "beta", "!"; no "alpha beta")
    expect(vec('alpha! beta', { punctuation: true, wordBigrams: true }).idx.length).toBe(3);
    expect(vec('alpha beta', { punctuation: true, wordBigrams: true }).idx.length).toBe(3);
  });

  it('collapses mentions when asked', () => {
    expect(Array.from(vec('@united thanks', { collapseMentions: true }).idx)).toEqual(Array.from(vec('@delta thanks', { collapseMentions: true }).idx));
    expect(Array.from(vec('@united thanks', {}).idx)).not.toEqual(Array.from(vec('@delta thanks', {}).idx));
  });
});

describe('logCountRatios', () => {
  it('is ln((p_cj/|p_c|) / (q_cj/|q_c|)) with alpha smoothing', () => {
    const one = (idx: number[]) => ({ vector: { idx: Int32Array.from(idx), val: new Float32Array(idx.length).fill(1) } });
    // class 0: {0,1}, {0}; class 1: {1,2}. dim 4, alpha 1:
    // class 0 counts 2,1,0,0 (3 in all) -> p = 3,2,1,1 / 7; others 0,1,1,0 (2) -> q = 1,2,2,1 / 6
    const r = logCountRatios([one([0, 1]), one([0]), one([1, 2])], [0, 0, 1], 2, 4, 1);
    const expected0 = [Math.log(18 / 7), Math.log(6 / 7), Math.log(3 / 7), Math.log(6 / 7)];
    for (let j = 0; j < 4; j++) {
      expect(r[j]).toBeCloseTo(expected0[j]!, 6);
      expect(r[4 + j]).toBeCloseTo(-expected0[j]!, 6); // two classes: the other row is the negation
    }
  });
});
