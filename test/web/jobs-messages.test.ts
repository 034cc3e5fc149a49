import { describe, expect, it } from 'vitest';
import { jobsMessages } from '../../src/web/admin/messages/jobs.ts';
import { translatePlural } from '../../src/web/i18n.tsx';
import { JOB_KINDS } from '../../src/server/jobs/kinds.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(/\.(zero|one|two|few|many|other)$/, '');

describe('background jobs messages', () => {
  it('has every key in en, ru and fa, with the same placeholders and no empty strings', () => {
    const keys = (lang: 'en' | 'ru' | 'fa') => [...new Set(Object.keys(jobsMessages[lang]).map(base))].sort();
    expect(keys('ru')).toEqual(keys('en'));
    expect(keys('fa')).toEqual(keys('en'));
    for (const lang of ['en', 'ru', 'fa'] as const) {
      for (const [key, text] of Object.entries(jobsMessages[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(jobsMessages.en[key] ?? jobsMessages.en[`${base(key)}.other`]));
      }
    }
  });

  it('names every job kind the server runs, in every language', () => {
    for (const lang of ['en', 'ru', 'fa'] as const) {
      for (const kind of JOB_KINDS) expect(jobsMessages[lang][`jobs.kind.${kind.name}`], `${lang} ${kind.name}`).toBeTruthy();
    }
  });

  it('counts failed jobs with the plural forms of each language', () => {
    expect(translatePlural('en', 'jobs.caption', 1, { n: 1 })).toBe('1 failed job, newest first');
    expect(translatePlural('en', 'jobs.caption', 2, { n: 2 })).toBe('2 failed jobs, newest first');
    expect(translatePlural('ru', 'jobs.caption', 21, { n: 21 })).toBe('21 неудавшаяся задача, сначала новые');
    expect(translatePlural('ru', 'jobs.caption', 3, { n: 3 })).toBe('3 неудавшиеся задачи, сначала новые');
    expect(translatePlural('ru', 'jobs.caption', 11, { n: 11 })).toBe('11 неудавшихся задач, сначала новые');
    expect(translatePlural('fa', 'jobs.caption', 2, { n: '۲' })).toBe('۲ کار ناموفق، جدیدترین در ابتدا');
  });
});
