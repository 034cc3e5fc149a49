/**
 * Every message catalogue (dashboard, respondent pages, answer validation, mail, command line,
 * responses export) has
 * every key in every interface language; each message parses as ICU MessageFormat, uses the same
 * placeholders as English and writes each CLDR plural category its language has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalogue, messageShape, type Catalogue } from '../../src/core/i18n/catalogue.ts';
import { LANGUAGES, type Language } from '../../src/core/i18n/languages.ts';
import type { MessageSet } from '../../src/core/i18n/messages.ts';
import { dashboardCatalogue } from '../../src/web/messages.ts';
import { pageCatalogue } from '../../src/respond/i18n.ts';
import { validationCatalogue } from '../../src/core/surveys/logic.ts';
import { mailCatalogue } from '../../src/server/mail/messages.ts';
import { cliCatalogue } from '../../src/cli/messages.ts';
import { exportCatalogue } from '../../src/core/responses/exportTable.ts';
import { invitationMailCatalogue } from '../../src/server/invitations/emailMessages.ts';
import { unsubscribeCatalogue } from '../../src/respond/unsubscribe.ts';
import { kioskCatalogue } from '../../src/respond/kiosk/messages.ts';
import { widgetCatalogue } from '../../src/respond/widget/i18n.ts';
import { botCatalogue } from '../../src/core/telegram/messages.ts';
import { smsCatalogue } from '../../src/core/sms/messages.ts';
import { alertMailCatalogue } from '../../src/server/alerts/messages.ts';
import { reportMailCatalogue } from '../../src/server/reports/mailText.ts';
import { digestCatalogue } from '../../src/core/closedLoop/digest.ts';
import { quizPageCatalogue } from '../../src/respond/quiz/page.ts';
import { staffResultsPageCatalogue } from '../../src/respond/staffResults/page.ts';
import { sharedLinkPageCatalogue } from '../../src/respond/shared/page.ts';
import { reportCatalogue } from '../../src/server/reports/messages.ts';
import { chartExportCatalogue } from '../../src/core/analytics/exportTables.ts';
import { auditCatalogue } from '../../src/core/audit/names.ts';
import { auditLogPageCatalogue } from '../../src/web/auditLog/messages.ts';

const CATALOGUES: Catalogue<string>[] = [
  dashboardCatalogue,
  pageCatalogue,
  validationCatalogue,
  mailCatalogue,
  cliCatalogue,
  exportCatalogue,
  unsubscribeCatalogue,
  kioskCatalogue,
  widgetCatalogue,
  botCatalogue,
  smsCatalogue,
  digestCatalogue,
  auditCatalogue,
];
CATALOGUES.push(invitationMailCatalogue);
CATALOGUES.push(alertMailCatalogue);
CATALOGUES.push(quizPageCatalogue);
CATALOGUES.push(staffResultsPageCatalogue);
CATALOGUES.push(sharedLinkPageCatalogue);
CATALOGUES.push(reportCatalogue);
CATALOGUES.push(chartExportCatalogue);
CATALOGUES.push(reportMailCatalogue);
CATALOGUES.push(auditLogPageCatalogue);

/** What is wrong with a catalogue, one line per problem ("ru x: missing"). */
function catalogueProblems(catalogue: Catalogue<string>): string[] {
  const problems: string[] = [];
  const en = catalogue.messages.en;
  for (const lang of LANGUAGES) {
    const messages: Record<string, string> = catalogue.messages[lang];
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of Object.keys(en)) if (!(key in messages)) problems.push(`${lang} ${key}: missing`);
    for (const [key, message] of Object.entries(messages)) {
      if (!(key in en)) problems.push(`${lang} ${key}: not in English`);
      if (!message.trim()) problems.push(`${lang} ${key}: empty`);
      let shape;
      try {
        shape = messageShape(message, lang);
      } catch (err) {
        problems.push(`${lang} ${key}: does not parse (${(err as Error).message})`);
        continue;
      }
      // ICU treats ' before { } # as quoting: a text without placeholders must read exactly as written.
      if (!shape.placeholders.length && catalogue.formatMessage(lang, key) !== message) problems.push(`${lang} ${key}: reads "${catalogue.formatMessage(lang, key)}"`);
      if (key in en && lang !== 'en') {
        const expected = messageShape(en[key], 'en').placeholders.join(', ');
        if (shape.placeholders.join(', ') !== expected) problems.push(`${lang} ${key}: placeholders ${shape.placeholders.join(', ')}, English has ${expected}`);
      }
      for (const plural of shape.plurals) {
        const lacking = categories.filter((c) => !plural.categories.includes(c));
        if (lacking.length) problems.push(`${lang} ${key}: {${plural.name}, plural} lacks ${lacking.join(', ')}`);
      }
    }
  }
  return problems;
}

describe('message catalogues', () => {
  for (const catalogue of CATALOGUES) {
    it(`${catalogue.name}: every key in en, ru and fa, parsing, same placeholders, every plural category`, () => {
      expect(Object.keys(catalogue.messages.en).length).toBeGreaterThan(0);
      expect(catalogueProblems(catalogue)).toEqual([]);
    });
  }

  it('lists every catalogue of the source tree', () => {
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const made = files('src')
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
      .flatMap((f) => fs.readFileSync(f, 'utf8').match(/createCatalogue\(\s*'[^']+'/g) ?? []);
    expect(made.map((m) => m.replace(/^createCatalogue\(\s*/, '')).sort()).toEqual(CATALOGUES.map((c) => `'${c.name}'`).sort());
  });
});

describe('the catalogue check', () => {
  const set = (ru: Record<string, string>, fa: Record<string, string>) =>
    ({ en: { count: '{n, plural, one {# answer} other {# answers}}', hello: 'Hello, {name}' }, ru, fa }) as unknown as MessageSet<string>;
  const good = {
    ru: { count: '{n, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}}', hello: 'Привет, {name}' },
    fa: { count: '{n, plural, one {# پاسخ} other {# پاسخ}}', hello: 'سلام {name}' },
  };
  const problems = (ru: Record<string, string>, fa: Record<string, string>) => catalogueProblems(createCatalogue('sample', set(ru, fa)));

  it('passes a complete catalogue', () => {
    expect(problems(good.ru, good.fa)).toEqual([]);
  });
  it('finds a key missing in one language', () => {
    expect(problems(good.ru, { count: good.fa.count })).toEqual(['fa hello: missing']);
  });
  it('finds a message that does not parse', () => {
    expect(problems({ ...good.ru, hello: 'Привет, {name' }, good.fa)).toEqual([expect.stringMatching(/^ru hello: does not parse/)]);
  });
  it('finds other placeholder names than English', () => {
    expect(problems({ ...good.ru, hello: 'Привет, {имя}' }, good.fa)).toEqual(['ru hello: placeholders имя, English has name']);
  });
  it('finds a text that ICU quoting changes', () => {
    const catalogue = createCatalogue('sample', { en: { q: "Use '{'braces'}'" }, ru: { q: 'Фигурные скобки' }, fa: { q: 'آکولاد' } });
    expect(catalogueProblems(catalogue)).toEqual(['en q: reads "Use {braces}"']);
  });
  it('finds a plural without a category of the language (ru few and many)', () => {
    expect(problems({ ...good.ru, count: '{n, plural, one {# ответ} other {# ответов}}' }, good.fa)).toEqual(['ru count: {n, plural} lacks few, many']);
  });
});

const languages: readonly Language[] = LANGUAGES;
describe('language list', () => {
  it('is en, ru, fa with Persian right to left', async () => {
    const { directionOf, nativeName } = await import('../../src/core/i18n/languages.ts');
    expect(languages).toEqual(['en', 'ru', 'fa']);
    expect(languages.map(directionOf)).toEqual(['ltr', 'ltr', 'rtl']);
    expect(languages.map(nativeName)).toEqual(['English', 'Русский', 'فارسی']);
    // Survey texts in Arabic or Hebrew (not interface languages) still run right to left.
    expect(['ar', 'he', 'de'].map(directionOf)).toEqual(['rtl', 'rtl', 'ltr']);
  });
});
