/**
 * Counts in every area's real messages follow CLDR plural rules: en one/other, ru one/few/many/other,
 * fa one/other (the noun stays singular). Expected strings are written by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { translate, loadLanguage, loadPageMessages } from '../../src/web/i18n.tsx';
import { pageText } from '../../src/respond/i18n.ts';
import { validationMessage } from '../../src/core/surveys/logic.ts';
import { invitationMail, resetMail } from '../../src/server/mail/messages.ts';
import { cliCatalogue, cliLanguage } from '../../src/cli/messages.ts';

// The app loads ru and fa on demand, and the English of pages outside the first view; these tests format in all.
beforeAll(() => Promise.all([loadLanguage('ru'), loadLanguage('fa'), loadPageMessages()]));

const FSI = '\u2068';
const PDI = '\u2069';

describe('dashboard counts', () => {
  it('ru: one, few, many and other (1, 2, 5, 11, 21, 22, 25, 1.5)', () => {
    const ru = (n: number) => translate('ru', 'an.overview.responses', { n });
    expect([1, 2, 5, 11, 21, 22, 25, 1.5].map(ru)).toEqual([
      '1 ответ', '2 ответа', '5 ответов', '11 ответов', '21 ответ', '22 ответа', '25 ответов', '1,5 ответа',
    ]);
  });
  it('en: 1 response, 2 responses', () => {
    expect(translate('en', 'an.overview.responses', { n: 1 })).toBe('1 response');
    expect(translate('en', 'an.overview.responses', { n: 2 })).toBe('2 responses');
  });
  it('fa: the singular noun after any number, Persian digits isolated like every dashboard number', () => {
    expect(translate('fa', 'an.overview.responses', { n: 1 })).toBe(`${FSI}۱${PDI} پاسخ`);
    expect(translate('fa', 'an.overview.responses', { n: 5 })).toBe(`${FSI}۵${PDI} پاسخ`);
  });
  it('"over N periods" agrees with N in ru (was "за 21 периодов")', () => {
    const trend = (n: number) => translate('ru', 'an.trend.summary', { q: 'NPS', n, last: '5', period: 'май' });
    expect(trend(21)).toBe('Динамика «NPS» за 21 период; последнее значение 5 (май).');
    expect(trend(3)).toBe('Динамика «NPS» за 3 периода; последнее значение 5 (май).');
    expect(trend(12)).toBe('Динамика «NPS» за 12 периодов; последнее значение 5 (май).');
  });
  it('key phrases of comments: both counts in the language\'s digits and grouping, as the reviews page has them', () => {
    expect(translate('fa', 'tx.kp.times', { count: 13, other: 0 })).toBe(`${FSI}۱۳${PDI} بار در برابر ${FSI}۰${PDI}`);
    expect(translate('ru', 'tx.kp.times', { count: 1234, other: 5678 })).toBe('1\u00a0234 раза против 5\u00a0678');
    expect(translate('en', 'tx.kp.times', { count: 1, other: 1234 })).toBe('1 time vs 1,234');
  });
  it('counts once written without plural forms', () => {
    expect(translate('en', 'builder.fixIssues', { n: 1 })).toBe('Not saved: fix 1 marked problem first.');
    expect(translate('en', 'builder.fixIssues', { n: 3 })).toBe('Not saved: fix 3 marked problems first.');
    expect(translate('ru', 'builder.longWarning', { n: 21 })).toMatch(/^В опросе 21 вопрос\. /);
    expect(translate('ru', 'builder.longWarning', { n: 22 })).toMatch(/^В опросе 22 вопроса\. /);
    expect(translate('en', 'settings.tooMany', { max: 1 })).toBe('At most 1 dimension: uncheck one first.');
    expect(translate('ru', 'settings.progress', { done: '3', total: 21 })).toBe('Пересчёт дашбордов: 3 из 21 пакета');
    expect(translate('ru', 'settings.progress', { done: '3', total: 40 })).toBe('Пересчёт дашбордов: 3 из 40 пакетов');
    expect(translate('en', 'settings.progressValue', { done: '0', total: 1 })).toBe('0 of 1 batch');
  });
});

describe('respondent page counts', () => {
  it('names star n of max with the plural of max', () => {
    const star = (lang: string, n: number, max: number) => pageText(lang, 'starOf', { n, max });
    expect([star('en', 1, 1), star('en', 3, 5)]).toEqual(['1 of 1 star', '3 of 5 stars']);
    expect([star('ru', 1, 5), star('ru', 1, 3), star('ru', 1, 1)]).toEqual(['1 из 5 звёзд', '1 из 3 звёзд', '1 из 1 звезды']);
    expect(star('fa', 3, 5)).toBe('۳ ستاره از ۵');
  });
  it('limits answer length in characters with plural forms, digits not grouped', () => {
    const tooLong = (lang: string, max: number) => validationMessage('too_long', lang, { max });
    expect([tooLong('en', 2000), tooLong('en', 1)]).toEqual(['Please keep your answer under 2000 characters.', 'Please keep your answer under 1 character.']);
    expect([2000, 21, 3].map((max) => tooLong('ru', max))).toEqual([
      'Пожалуйста, уложитесь в 2000 символов.', 'Пожалуйста, уложитесь в 21 символ.', 'Пожалуйста, уложитесь в 3 символа.',
    ]);
    expect(tooLong('fa', 2000)).toBe('لطفاً پاسخ خود را کمتر از ۲۰۰۰ نویسه بنویسید.');
  });
});

describe('mail counts', () => {
  const invite = { orgName: 'Acme', inviterName: 'Ann', role: 'viewer', link: 'https://x.test/i', days: 1 };
  it('days of an invitation', () => {
    expect(invitationMail('en', invite).body).toContain('The link works for 1 day.');
    expect(invitationMail('en', { ...invite, days: 7 }).body).toContain('The link works for 7 days.');
    expect(invitationMail('ru', invite).body).toContain('Ссылка действует 1 день.');
    expect(invitationMail('ru', { ...invite, days: 3 }).body).toContain('Ссылка действует 3 дня.');
    expect(invitationMail('ru', { ...invite, days: 7 }).body).toContain('Ссылка действует 7 дней.');
    expect(invitationMail('fa', { ...invite, days: 7 }).body).toContain('این پیوند ۷ روز معتبر است.');
  });
  it('hours and minutes of a password reset', () => {
    const reset = (locale: string, minutes: number) => resetMail(locale, { link: 'https://x.test/r', minutes, requestedBy: null }).body;
    expect(reset('en', 60)).toContain('for 1 hour.');
    expect(reset('en', 24 * 60)).toContain('for 24 hours.');
    expect(reset('ru', 60)).toContain('действует 1 час.');
    expect(reset('ru', 24 * 60)).toContain('действует 24 часа.');
    expect(reset('ru', 5 * 60)).toContain('действует 5 часов.');
    expect(reset('ru', 30)).toContain('действует 30 минут.');
    expect(reset('en', 1)).toContain('for 1 minute.');
  });
});

describe('command line counts', () => {
  const say = (lang: string, key: Parameters<typeof cliCatalogue.formatMessage>[1], vars: Record<string, string | number>) => cliCatalogue.formatMessage(lang, key, vars);
  it('organisations and rows (was "1 organisation(s)", "1 rows")', () => {
    expect(say('en', 'rollups.done', { orgs: 1, rows: 1, ms: 80 })).toBe('Rebuilt rollups of 1 organisation: 1 row in 80 ms');
    expect(say('en', 'rollups.done', { orgs: 2, rows: 40000, ms: 1500 })).toBe('Rebuilt rollups of 2 organisations: 40000 rows in 1500 ms');
    expect(say('ru', 'rollups.done', { orgs: 5, rows: 22, ms: 80 })).toBe('Сводки пересчитаны для 5 организаций: 22 строки за 80 мс');
    expect(say('en', 'restore.migrated', { migrations: 1 })).toBe('Migrated the restored data through 1 newer migration.');
    expect(say('en', 'restore.done', { rows: 1, tables: 1, file: 'b.sarafan', seconds: 0.25 })).toBe('Restored 1 row in 1 table from b.sarafan in 0.3 s.');
  });
  it('failed jobs (was "1 failed job" by hand, English only)', () => {
    const count = (lang: string, n: number) => say(lang, 'jobs.count', { n, state: 'failed', newest: 'no' });
    expect([count('en', 1), count('en', 2)]).toEqual(['1 failed job:', '2 failed jobs:']);
    expect([1, 3, 5, 21].map((n) => count('ru', n))).toEqual([
      '1 задание в состоянии failed:', '3 задания в состоянии failed:', '5 заданий в состоянии failed:', '21 задание в состоянии failed:',
    ]);
    expect(say('en', 'jobs.count', { n: 500, state: 'failed', newest: 'yes' })).toBe('500 failed jobs (the newest):');
  });
});

describe('command line language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG, English otherwise', () => {
    expect(cliLanguage({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLanguage({ LC_ALL: 'fa_IR.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('fa');
    expect(cliLanguage({ LC_MESSAGES: 'ru', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(cliLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
  });
});

