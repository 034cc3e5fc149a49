import { beforeAll, describe, expect, it } from 'vitest';
import { translate, loadLanguage } from '../../src/web/i18n.tsx';

// The app loads ru and fa on demand; these tests format in both.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa')]));

describe('account and people messages', () => {
  // Keys, placeholders and plural categories of every catalogue: test/i18n/catalogues.test.ts.
  it('counts recovery codes with the plural forms of each language', () => {
    expect(translate('en', 'tf.codesLeft', { n: 1 })).toBe('1 recovery code left.');
    expect(translate('en', 'tf.codesLeft', { n: 7 })).toBe('7 recovery codes left.');
    expect(translate('ru', 'tf.codesLeft', { n: 1 })).toBe('Остался 1 код восстановления.');
    expect(translate('ru', 'tf.codesLeft', { n: 3 })).toBe('Осталось 3 кода восстановления.');
    expect(translate('ru', 'tf.codesLeft', { n: 7 })).toBe('Осталось 7 кодов восстановления.');
  });
});
