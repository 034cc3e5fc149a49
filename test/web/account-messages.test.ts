import { describe, expect, it } from 'vitest';
import { accountMessages, peopleMessages } from '../../src/web/shell/accountMessages.ts';
import { translate } from '../../src/web/i18n.tsx';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
// Plural forms differ by language (ru: one/few/many/other); every language has the `other` form.
const base = (key: string) => key.replace(/\.(zero|one|two|few|many|other)$/, '');

describe('account and people messages', () => {
  for (const [name, bundle] of Object.entries({ accountMessages, peopleMessages })) {
    it(`${name}: every key in en, ru and fa, with the same placeholders and no empty strings`, () => {
      const keys = (lang: 'en' | 'ru' | 'fa') => [...new Set(Object.keys(bundle[lang]).map(base))].sort();
      expect(keys('ru')).toEqual(keys('en'));
      expect(keys('fa')).toEqual(keys('en'));
      for (const lang of ['en', 'ru', 'fa'] as const) {
        for (const [key, text] of Object.entries(bundle[lang])) {
          expect(text.trim(), `${lang} ${key}`).not.toBe('');
          const enText = bundle.en[key] ?? bundle.en[`${base(key)}.other`];
          expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(enText));
        }
        for (const key of Object.keys(bundle.en).filter((k) => k !== base(k))) expect(bundle[lang][`${base(key)}.other`], `${lang} ${key}`).toBeDefined();
      }
    });
  }

  it('counts recovery codes with the plural forms of each language', () => {
    expect(translate('en', 'tf.codesLeft', { n: 1 })).toBe('1 recovery code left.');
    expect(translate('en', 'tf.codesLeft', { n: 7 })).toBe('7 recovery codes left.');
    expect(translate('ru', 'tf.codesLeft', { n: 1 })).toBe('Остался 1 код восстановления.');
    expect(translate('ru', 'tf.codesLeft', { n: 3 })).toBe('Осталось 3 кода восстановления.');
    expect(translate('ru', 'tf.codesLeft', { n: 7 })).toBe('Осталось 7 кодов восстановления.');
  });
});
