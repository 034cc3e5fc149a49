import { describe, expect, it } from 'vitest';
import { localHostOf } from '../../src/web/admin/distribute/links.ts';
import { lifecycleMessages } from '../../src/web/admin/messages/lifecycle.ts';
import { translatePlural } from '../../src/web/i18n.tsx';

describe('distribution links built from this machine', () => {
  it('names a local host, and nothing for public ones', () => {
    expect(localHostOf('http://localhost:3000/s/nps')).toBe('localhost');
    expect(localHostOf('http://127.0.0.1:8080/s/nps')).toBe('127.0.0.1');
    expect(localHostOf('http://127.0.1.1/s/nps')).toBe('127.0.1.1');
    expect(localHostOf('http://[::1]:3000/s/nps')).toBe('[::1]');
    expect(localHostOf('http://app.localhost/s/nps')).toBe('app.localhost');
    expect(localHostOf('https://feedback.example.com/s/nps')).toBeNull();
    expect(localHostOf('http://192.168.1.20:3000/s/nps')).toBeNull();
    expect(localHostOf('not a url')).toBeNull();
  });
});

describe('lifecycle messages', () => {
  const { en, ru, fa } = lifecycleMessages;
  const base = (k: string) => k.replace(/\.(one|few|many|other)$/, '');
  it('has every message in en, ru and fa with the same placeholders', () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    const names = (m: Record<string, string>) => [...new Set(Object.keys(m).map(base))].sort();
    for (const bundle of [ru, fa]) {
      expect(names(bundle)).toEqual(names(en));
      for (const [k, text] of Object.entries(bundle)) {
        expect(text.length, k).toBeGreaterThan(0);
        expect(vars(text), k).toEqual(vars(en[k] ?? en[`${base(k)}.other`]!));
      }
    }
  });

  it('has each plural form a language uses', () => {
    const forms = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], fa: ['one', 'other'] } as const;
    for (const [lang, needed] of Object.entries(forms)) {
      const bundle = lifecycleMessages[lang as keyof typeof forms];
      for (const form of needed) expect(bundle[`life.deleteAnswers.${form}`], `${lang} ${form}`).toBeTruthy();
    }
    expect(translatePlural('en', 'life.deleteAnswers', 1, { n: '1' })).toBe('This also deletes its 1 response for good, with every dashboard figure based on it.');
    expect(translatePlural('ru', 'life.deleteAnswers', 3, { n: '3' })).toBe('Вместе с ним безвозвратно удалятся 3 ответа и все основанные на них показатели.');
    expect(translatePlural('ru', 'life.deleteAnswers', 5, { n: '5' })).toBe('Вместе с ним безвозвратно удалятся 5 ответов и все основанные на них показатели.');
    expect(translatePlural('ru', 'life.deleteAnswers', 21, { n: '21' })).toBe('Вместе с ним безвозвратно удалится 21 ответ и все основанные на нём показатели.');
  });
});
