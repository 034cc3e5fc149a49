import { describe, expect, it } from 'vitest';
import { stem, stemPersian } from './stem.ts';

const Z = '\u200c';

describe('stem', () => {
  it('gives Russian inflections one Snowball stem', () => {
    expect(new Set(['очередь', 'очереди', 'очередью'].map((w) => stem(w, 'ru')))).toEqual(new Set(['очеред']));
    expect(stem('понравилось', 'ru')).toBe(stem('понравился', 'ru'));
  });

  it('gives English inflections one Snowball stem', () => {
    expect(new Set(['wait', 'waited', 'waiting', 'waits'].map((w) => stem(w, 'en')))).toEqual(new Set(['wait']));
    expect(stem('polite', 'en')).toBe(stem('politeness', 'en'));
  });

  it('strips Persian plural, comparative and verb-prefix affixes', () => {
    expect(stemPersian(`کتاب${Z}ها`)).toBe('کتاب');
    expect(stemPersian(`غذا${Z}های`)).toBe('غذا');
    expect(stemPersian('غذاهای')).toBe('غذا');
    expect(stemPersian(`می${Z}خواهم`)).toBe('خواهم');
    expect(stemPersian(`نمی${Z}دانم`)).toBe('دانم');
    expect(stemPersian('گرانترین')).toBe('گران');
    // Too short to strip: "بهتر" (better) keeps its ending.
    expect(stemPersian('بهتر')).toBe('بهتر');
    expect(stem('صف', 'fa')).toBe('صف');
  });

  it('leaves words of other languages as they are', () => {
    expect(stem('смачна', null)).toBe('смачна');
  });
});
