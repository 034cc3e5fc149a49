import { describe, expect, it } from 'vitest';
import { COMMENT_BANKS } from '../demo/comments.ts';
import { prepareText } from './prepare.ts';
import { starterThemes } from './starterThemes.ts';
import { compileThemes, matchThemes, ThemeDictionarySchema } from './themes.ts';

const starter = compileThemes(starterThemes());
const themesOf = (text: string, lang = 'en', dict = starter) => matchThemes(prepareText(text, lang), dict).map((m) => m.id);

describe('theme matching on stems', () => {
  it('finds Russian themes in inflected forms', () => {
    expect(themesOf('Стояли в очередях целый час', 'ru')).toContain('waiting_time'); // очередях: not in the dictionary as written
    expect(themesOf('Курьеру пришлось звонить три раза', 'ru')).toContain('delivery'); // курьеру
    expect(themesOf('Цены кусаются', 'ru')).toContain('price');
  });

  it('finds Persian themes through ZWNJ and plural forms', () => {
    expect(themesOf('قیمت‌ها خیلی بالا بود', 'fa')).toContain('price');
    expect(themesOf('قیمتهای منو عوض شده', 'fa')).toContain('price');
    expect(themesOf('پیک ها دیر رسیدند', 'fa')).toContain('delivery'); // "پیک ها" is joined to پیک‌ها, then stemmed to پیک
  });

  it('finds English themes in inflected forms and phrases', () => {
    expect(themesOf('We were waiting for ages')).toContain('waiting_time');
    expect(themesOf('The prices went up again')).toContain('price');
    expect(themesOf('Half the sizes were out of stock')).toContain('assortment');
    expect(themesOf('the stock was fine')).toContain('assortment');
    expect(themesOf('I was put on hold')).toContain('phone_wait');
    expect(themesOf('Nothing to say')).toEqual([]);
  });

  it('uses an organisation dictionary, validated', () => {
    const dict = ThemeDictionarySchema.parse([{ id: 'parking', names: { en: 'Parking' }, terms: { en: ['parking', 'car park'], ru: ['парковка'] } }]);
    const compiled = compileThemes(dict);
    expect(themesOf('No space in the car park', 'en', compiled)).toEqual(['parking']);
    expect(themesOf('Парковки нет', 'ru', compiled)).toEqual(['parking']);
    expect(matchThemes(prepareText('parking was full', 'en'), compiled)).toEqual([{ id: 'parking', terms: ['park'] }]);
    expect(ThemeDictionarySchema.safeParse([{ id: 'Bad Id', terms: {} }]).success).toBe(false);
    expect(ThemeDictionarySchema.safeParse([{ id: 'a', terms: {} }, { id: 'a', terms: {} }]).success).toBe(false);
  });

  it('matches texts in other languages word for word against every language', () => {
    expect(themesOf('Черга на касі, паркування', 'uk', compileThemes([{ id: 'queue', names: {}, terms: { ru: ['черга'] } }]))).toEqual(['queue']);
  });

  it("recognises the demo comments' topics (written independently of the dictionary) in ru, fa and en", () => {
    const expected: Record<string, string> = {
      queue: 'waiting_time', rude_staff: 'staff_politeness', out_of_stock: 'assortment', dirty_fitting: 'cleanliness', app_crash: 'app_website',
      price_mismatch: 'price', no_staff: 'staff_help', long_hold: 'phone_wait', slow_reply: 'response_speed', refund: 'refund',
      transferred: 'resolution', helpful_staff: 'staff_help', assortment: 'assortment', clean_store: 'cleanliness', promo: 'price',
      app_good: 'app_website', polite_operator: 'staff_politeness', solved_first_time: 'resolution',
    };
    for (const [lang, bank] of Object.entries(COMMENT_BANKS)) {
      let hits = 0;
      let total = 0;
      for (const [topic, fragments] of [...Object.entries(bank.negative), ...Object.entries(bank.positive)]) {
        if (!expected[topic]) continue;
        for (const f of fragments) {
          total++;
          if (themesOf(f.replace('{when}', ''), lang).includes(expected[topic]!)) hits++;
        }
      }
      expect(hits / total, lang).toBeGreaterThanOrEqual(0.8);
    }
  });
});
