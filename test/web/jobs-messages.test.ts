/** The jobs page's texts: every job kind has a name, and the caption counts with each language's plural forms. */
import { beforeAll, describe, expect, it } from 'vitest';
import { jobsEn } from '../../src/web/admin/messages/jobs.ts';
import { jobsRu } from '../../src/web/admin/messages/jobs.ru.ts';
import { jobsFa } from '../../src/web/admin/messages/jobs.fa.ts';
import { isMessageKey, translate, loadLanguage, loadPageMessages } from '../../src/web/i18n.tsx';
import { JOB_KINDS } from '../../src/server/jobs/kinds.ts';

// The app loads ru and fa, and the English of the pages after the first view, on demand; these tests format in all three.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa'), loadPageMessages()]));

describe('background jobs messages', () => {
  it('names every job kind the server runs, in every language', () => {
    for (const lang of ['en', 'ru', 'fa'] as const) {
      for (const kind of JOB_KINDS) {
        const key = `jobs.kind.${kind.name}`;
        expect(isMessageKey(key), key).toBe(true);
        expect(({ en: jobsEn, ru: jobsRu, fa: jobsFa }[lang] as Record<string, string>)[key], `${lang} ${kind.name}`).toBeTruthy();
      }
    }
  });

  it('counts failed jobs with the plural forms of each language', () => {
    expect(translate('en', 'jobs.caption', { n: 1 })).toBe('1 failed job, newest first');
    expect(translate('en', 'jobs.caption', { n: 2 })).toBe('2 failed jobs, newest first');
    expect(translate('ru', 'jobs.caption', { n: 21 })).toBe('21 неудавшаяся задача, сначала новые');
    expect(translate('ru', 'jobs.caption', { n: 3 })).toBe('3 неудавшиеся задачи, сначала новые');
    expect(translate('ru', 'jobs.caption', { n: 11 })).toBe('11 неудавшихся задач, сначала новые');
    expect(translate('fa', 'jobs.caption', { n: 2 })).toBe('\u2068۲\u2069 کار ناموفق، جدیدترین در ابتدا');
  });
});
