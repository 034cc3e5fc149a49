import { describe, expect, it } from 'vitest';
import { tokenize, words } from './tokenize.ts';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('keeps ZWNJ words, apostrophes and hyphens inside words', () => {
    expect(words(tokenize('می\u200cخواهم کتاب\u200cها را'))).toEqual(['می\u200cخواهم', 'کتاب\u200cها', 'را']);
    expect(words(tokenize("don't stop, что-то"))).toEqual(["don't", 'stop', 'что-то']);
  });

  it('keeps emoji sequences and emoticons whole', () => {
    expect(kinds('good 👍🏽 👨‍👩‍👧 🇮🇷 :) ))) :d')).toEqual(['word:good', 'emoji:👍🏽', 'emoji:👨‍👩‍👧', 'emoji:🇮🇷', 'emoji::)', 'emoji:)))', 'emoji::d']);
    // ":d" of a normalised ":D" is a smile; ":do" is not.
    expect(kinds('note:do')).toEqual(['word:note', 'word:do']);
  });

  it('recognises links, mentions, numbers and clause punctuation', () => {
    expect(kinds('@united late again!! see https://t.co/x1 12.5% ok؟')).toEqual([
      'mention:@united',
      'word:late',
      'word:again',
      'punct:!!',
      'word:see',
      'url:https://t.co/x1',
      'number:12.5%',
      'word:ok',
      'punct:؟',
    ]);
  });

  it('drops symbols that are neither', () => {
    expect(kinds('a + b = c')).toEqual(['word:a', 'word:b', 'word:c']);
  });
});
