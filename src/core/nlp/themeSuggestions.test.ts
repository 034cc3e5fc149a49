import { describe, expect, it } from 'vitest';
import { discoverThemes, isDismissed, parseSuggestionKey, suggestionKey, themeIdFor } from './themeSuggestions.ts';

const PARKING_EN = ['no parking space near the store', 'could not find a parking space', 'parking space too small', 'parking space full again'];
const QUEUE_EN = ['long queue at the checkout', 'the queue was huge'];
const PARKING_RU = ['Возле магазина совсем нет парковки для машин', 'Парковка у магазина всегда забита машинами', 'Парковка маленькая, машину негде поставить'];
const GERMAN = 'Keine Parkplätze vorhanden, leider wirklich schlecht';
const DICTIONARY = [{ id: 'waiting_time', names: {}, terms: { en: ['queue'] } }];

describe('discoverThemes', () => {
  const input = [...PARKING_EN, ...QUEUE_EN, ...PARKING_RU, GERMAN].map((text) => ({ text, language: 'ru' }));
  const found = discoverThemes(input, DICTIONARY);

  it('leaves out texts matching a theme and counts those in other languages', () => {
    // 4 + 3 unmatched in en / ru; the two queue comments have a theme; the German one is not clustered.
    expect(found.unmatched).toBe(7);
    expect(found.otherLanguage).toBe(1);
    expect(found.suggestions.some((s) => s.examples.some((e) => e.includes('queue')))).toBe(false);
  });

  it('clusters each language apart; words counted by stem, stop-words left out, ties alphabetical', () => {
    expect(found.suggestions.map((s) => [s.lang, s.size])).toEqual([['en', 4], ['ru', 3]]);
    const [en, ru] = found.suggestions;
    // "parking" and "space" in all four; then single words in alphabetical order (no, the, could, not, a, too, again: stop-words).
    expect(en!.words).toEqual([
      { word: 'parking', count: 4 }, { word: 'space', count: 4 },
      { word: 'find', count: 1 }, { word: 'full', count: 1 }, { word: 'near', count: 1 }, { word: 'small', count: 1 }, { word: 'store', count: 1 },
    ]);
    expect(en!.terms).toEqual(['parking', 'space', 'find', 'full']);
    expect(en!.key).toBe('en:find park space');
    expect(en!.examples).toEqual(PARKING_EN.slice(0, 3));
    // машин / машинами / машину share a stem (most frequent form, ties: alphabetical); парковки / Парковка ×2.
    expect(ru!.words.slice(0, 3)).toEqual([{ word: 'машин', count: 3 }, { word: 'парковка', count: 3 }, { word: 'магазина', count: 2 }]);
    expect(ru!.examples).toEqual(PARKING_RU);
  });

  it('bounds K by the texts of a language, so a dozen texts are not scattered into pairs', () => {
    const wifi = ['No wifi signal in the store', 'Wifi signal very weak', 'Wifi signal keeps dropping', 'Weak wifi signal near the entrance', 'Wifi signal weak again', 'The wifi signal is weak'];
    const s = discoverThemes([...PARKING_EN, ...wifi].map((text) => ({ text, language: 'en' })), []);
    // 10 English texts: K = 3; with K = 20 the parking comments found no cluster of three.
    expect(s.suggestions.map((x) => [x.size, x.words[0]!.word])).toEqual([[6, 'signal'], [4, 'parking']]);
  });

  it('is deterministic', () => {
    expect(discoverThemes(input, DICTIONARY)).toEqual(found);
  });

  it('suggests nothing when every text has a theme or there are none', () => {
    expect(discoverThemes(PARKING_EN.map((text) => ({ text, language: 'en' })), [{ id: 'parking', names: {}, terms: { en: ['parking'] } }])).toEqual({ unmatched: 0, otherLanguage: 0, suggestions: [] });
    expect(discoverThemes([], DICTIONARY)).toEqual({ unmatched: 0, otherLanguage: 0, suggestions: [] });
  });
});

describe('suggestion keys and dismissals', () => {
  it('keys a suggestion by language and the sorted stems of its first three words', () => {
    expect(suggestionKey('en', ['spaces', 'parking', 'queue', 'lot'])).toBe('en:park queue space');
    expect(suggestionKey('ru', ['парковки'])).toBe('ru:парковк');
    expect(parseSuggestionKey('en:park queue space')).toEqual({ lang: 'en', stems: ['park', 'queue', 'space'] });
    expect(parseSuggestionKey('fa:پارکینگ')).toEqual({ lang: 'fa', stems: ['پارکینگ'] });
    for (const bad of ['de:park', 'en:', 'en:a b c d', 'en: park', 'park']) expect(parseSuggestionKey(bad)).toBeNull();
  });

  it('hides a suggestion sharing two key stems with a dismissed one of the same language', () => {
    expect(isDismissed('en:find park space', ['en:full park space'])).toBe(true);
    expect(isDismissed('en:find park space', ['en:lot park queue'])).toBe(false);
    expect(isDismissed('en:find park space', ['ru:find park space'])).toBe(false);
    // Keys of one stem need that stem.
    expect(isDismissed('en:park', ['en:lot park space'])).toBe(true);
    expect(isDismissed('en:park', ['en:lot'])).toBe(false);
    expect(isDismissed('en:find park space', [])).toBe(false);
  });
});

describe('themeIdFor', () => {
  it('makes an id of the Latin letters and digits of the name, free in the dictionary', () => {
    expect(themeIdFor('Parking space', new Set())).toBe('parking_space');
    expect(themeIdFor('Café & Wi-Fi 24/7', new Set())).toBe('cafe_wi_fi_24_7');
    expect(themeIdFor('Парковка', new Set())).toBe('theme');
    expect(themeIdFor('پارکینگ', new Set(['theme', 'theme_2']))).toBe('theme_3');
    expect(themeIdFor('Parking', new Set(['parking']))).toBe('parking_2');
    expect(themeIdFor('x'.repeat(100), new Set())).toBe('x'.repeat(56));
  });
});
