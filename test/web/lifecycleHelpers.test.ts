import { beforeAll, describe, expect, it } from 'vitest';
import { localHostOf } from '../../src/web/admin/distribute/links.ts';
import { translate, loadLanguage } from '../../src/web/i18n.tsx';

// The app loads ru and fa on demand; these tests format in both.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa')]));

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
  // Keys, placeholders and plural categories of every catalogue: test/i18n/catalogues.test.ts.
  it('counts deleted responses with the plural forms of each language', () => {
    expect(translate('en', 'life.deleteAnswers', { n: 1 })).toBe('This also deletes its 1 response for good, with every dashboard figure based on it.');
    expect(translate('ru', 'life.deleteAnswers', { n: 3 })).toBe('Вместе с ним безвозвратно удалятся 3 ответа и все основанные на них показатели.');
    expect(translate('ru', 'life.deleteAnswers', { n: 5 })).toBe('Вместе с ним безвозвратно удалятся 5 ответов и все основанные на них показатели.');
    expect(translate('ru', 'life.deleteAnswers', { n: 21 })).toBe('Вместе с ним безвозвратно удалится 21 ответ и все основанные на нём показатели.');
  });
});
