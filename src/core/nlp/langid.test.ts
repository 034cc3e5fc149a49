import { describe, expect, it } from 'vitest';
import { analysisLanguage, detectLanguage } from './langid.ts';

describe('detectLanguage', () => {
  it('identifies longer texts by script, then eld', () => {
    expect(detectLanguage('Очень долго ждали заказ, официант был груб')).toMatchObject({ lang: 'ru', script: 'cyrillic', detected: true });
    expect(detectLanguage('Доставка була дуже повільна, але їжа смачна')).toMatchObject({ lang: 'uk', detected: true });
  });

  it('checks a Cyrillic guess against the alphabet: short Russian sentences eld calls bg/uk/be/sr stay Russian', () => {
    // Sentences of the SentiRuEval development set that eld alone labels bg, uk, be and sr.
    for (const text of ['Ходили вместе с родителями.', 'Спасибо персоналу!', 'Небольшое уютное кафе.', 'Уютно и по-домашнему!', 'Винная карта прекрасная.']) {
      expect(detectLanguage(text, 'en'), text).toMatchObject({ lang: 'ru', detected: true });
    }
    // Languages with letters Russian lacks keep their answer; long Bulgarian without ы/э/ё too.
    expect(detectLanguage('Достава је била веома спора, али је храна била укусна')).toMatchObject({ lang: 'sr', detected: true });
    expect(detectLanguage('Вельмі смачная ежа і добрае абслугоўванне')).toMatchObject({ lang: 'be', detected: true });
    expect(detectLanguage('Обслужването беше много бавно и храната пристигна студена, но персоналът беше любезен')).toMatchObject({ lang: 'bg', detected: true });
    expect(detectLanguage('The delivery was late again and nobody called', 'ru')).toMatchObject({ lang: 'en', script: 'latin', detected: true });
    expect(detectLanguage('Das Essen war kalt und der Kellner unfreundlich')).toMatchObject({ lang: 'de', detected: true });
  });

  it('tells Persian from Arabic by their own letters', () => {
    expect(detectLanguage('غذا خیلی سرد بود')).toMatchObject({ lang: 'fa', detected: true });
    expect(detectLanguage('الطعام كان باردا جدا')).toMatchObject({ lang: 'ar', detected: true });
  });

  it('ignores mentions, links and emoji', () => {
    expect(detectLanguage('@VirginAmerica спасибо за отличный полёт https://t.co/abc 👍').lang).toBe('ru');
  });

  it('falls back to the default language for short texts when the script fits', () => {
    expect(detectLanguage('ok', 'de')).toEqual({ lang: 'de', script: 'latin', detected: false });
    expect(detectLanguage('спасибо!', 'uk')).toEqual({ lang: 'uk', script: 'cyrillic', detected: false });
    expect(detectLanguage('👍', 'fa')).toEqual({ lang: 'fa', script: 'none', detected: false });
  });

  it("falls back to the script's main language when the default is written otherwise", () => {
    expect(detectLanguage('спасибо!', 'en')).toMatchObject({ lang: 'ru', detected: false });
    expect(detectLanguage('ok', 'ru')).toMatchObject({ lang: 'en', detected: false });
    expect(detectLanguage('مرسی', 'en')).toMatchObject({ lang: 'fa' });
  });

  it('maps to the analysis languages', () => {
    expect(analysisLanguage('ru')).toBe('ru');
    expect(analysisLanguage('uk')).toBeNull();
  });
});
