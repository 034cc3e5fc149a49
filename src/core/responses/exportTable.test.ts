import { describe, expect, it } from 'vitest';
import { exportFileName, exportLanguage, exportLayout, exportRow, localDateTime, MAX_HIDDEN_COLUMNS, type ExportQuestion, type ExportResponse } from './exportTable.ts';

const questions: ExportQuestion[] = [
  { key: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?', ru: 'Порекомендуете ли вы нас?' } },
  { key: 'liked', type: 'multi', text: { en: 'What did you like?' }, options: [
    { value: 'price', label: { en: 'Price', ru: 'Цена' } },
    { value: 'staff', label: { en: 'Staff', ru: 'Персонал' } },
  ] },
  { key: 'why', type: 'text', text: { en: 'Why?', ru: 'Почему?' } },
];

const response: ExportResponse = {
  id: 'r1',
  submittedAt: '2026-03-01T21:30:05.123456Z',
  location: { name: 'Store A', code: 'A-1' },
  channel: 'qr',
  language: 'ru',
  hidden: { order: '=1+2', zone: 'north' },
  excluded: true,
  exclusionReason: 'speeder',
  answers: { nps: { score: 9 }, liked: { choices: ['price', 'staff', 'other'] }, why: { text: '-очень хорошо' } },
};

describe('exportLayout', () => {
  it('heads question columns with the text in the export language, falling back to the default language', () => {
    const layout = exportLayout({ questions, hiddenKeys: ['order', 'zone'], lang: 'ru', defaultLanguage: 'en', timeZone: 'Europe/Moscow' });
    expect(layout.headers).toEqual([
      'ID ответа', 'Время ответа (Europe/Moscow)', 'Точка', 'Код точки', 'Канал', 'Язык', 'Исключён', 'Причина исключения',
      'Порекомендуете ли вы нас?', 'What did you like?', 'Почему?', 'order', 'zone',
    ]);
  });

  it('gives the most used hidden fields a column each and gathers the rest in one', () => {
    const keys = Array.from({ length: MAX_HIDDEN_COLUMNS + 2 }, (_, i) => `k${i}`);
    const layout = exportLayout({ questions: [], hiddenKeys: keys, lang: 'en', defaultLanguage: 'en', timeZone: 'UTC' });
    expect(layout.headers.length).toBe(8 + MAX_HIDDEN_COLUMNS + 1);
    expect(layout.headers.at(-1)).toBe('Other hidden fields');
    const row = exportRow(layout, { ...response, hidden: { k0: 'a', [`k${MAX_HIDDEN_COLUMNS}`]: 'b', [`k${MAX_HIDDEN_COLUMNS + 1}`]: 'c' } });
    expect(row[8]).toBe('a');
    expect(row.at(-1)).toBe(`k${MAX_HIDDEN_COLUMNS}=b; k${MAX_HIDDEN_COLUMNS + 1}=c`);
  });

  it('neutralises a question text that could start a formula', () => {
    const layout = exportLayout({ questions: [{ key: 'q', type: 'text', text: { en: '+ anything else?' } }], hiddenKeys: [], lang: 'en', defaultLanguage: 'en', timeZone: 'UTC' });
    expect(layout.headers[8]).toBe("'+ anything else?");
  });
});

describe('exportRow', () => {
  it('writes scores as numbers, joins choices by label with "; ", neutralises formula text, local time', () => {
    const layout = exportLayout({ questions, hiddenKeys: ['order', 'zone'], lang: 'ru', defaultLanguage: 'en', timeZone: 'Europe/Moscow' });
    expect(exportRow(layout, response)).toEqual([
      'r1', '2026-03-02 00:30:05', 'Store A', 'A-1', 'qr', 'ru', 'да', 'speeder',
      9, 'Цена; Персонал; other', "'-очень хорошо", "'=1+2", 'north',
    ]);
  });

  it('neutralises a formula that a spreadsheet splitting on ; or , would start inside a cell', () => {
    const layout = exportLayout({ questions, hiddenKeys: ['order'], lang: 'en', defaultLanguage: 'en', timeZone: 'UTC' });
    const row = exportRow(layout, { ...response, hidden: { order: 'Shop;=1+1' }, answers: { why: { text: 'ok, -2+3' } } });
    expect(row.slice(8)).toEqual([null, null, "ok, '-2+3", "Shop;'=1+1"]);
  });

  it('leaves unanswered questions and absent fields empty', () => {
    const layout = exportLayout({ questions, hiddenKeys: ['order'], lang: 'en', defaultLanguage: 'en', timeZone: 'UTC' });
    const row = exportRow(layout, { ...response, location: null, excluded: false, exclusionReason: null, hidden: {}, answers: { nps: { score: 0 } } });
    expect(row).toEqual(['r1', '2026-03-01 21:30:05', null, null, 'qr', 'ru', 'no', null, 0, null, null, null]);
  });
});

describe('localDateTime', () => {
  it('formats in the zone, 24 h, across a date line', () => {
    expect(localDateTime('2026-11-29T12:30:00Z', 'Pacific/Auckland')).toBe('2026-11-30 01:30:00');
    expect(localDateTime('2026-06-01T00:00:00Z', 'Asia/Tehran')).toBe('2026-06-01 03:30:00');
    expect(localDateTime('2026-06-01T00:00:00Z', 'UTC')).toBe('2026-06-01 00:00:00');
  });
});

describe('exportFileName', () => {
  it('keeps only safe characters of the slug', () => {
    expect(exportFileName('demo-nps', '2026-11-30', 'csv')).toBe('demo-nps-responses-2026-11-30.csv');
    expect(exportFileName('../"x\r\ny";', '2026-11-30', 'xlsx')).toBe('x-y-responses-2026-11-30.xlsx');
    expect(exportFileName('опрос', '2026-11-30', 'csv')).toBe('survey-responses-2026-11-30.csv');
  });
});

describe('exportLanguage', () => {
  it('takes lang, else the preferred known Accept-Language, else the survey default, else en', () => {
    expect(exportLanguage('fa', 'ru-RU,ru;q=0.9', 'en')).toBe('fa');
    expect(exportLanguage(undefined, 'de-DE,de;q=0.9,ru;q=0.8,en;q=0.7', 'en')).toBe('ru');
    expect(exportLanguage(undefined, 'en;q=0.5, fa', 'ru')).toBe('fa');
    expect(exportLanguage(undefined, 'de, fr;q=0.5', 'ru')).toBe('ru');
    expect(exportLanguage(undefined, undefined, 'de')).toBe('en');
    expect(exportLanguage('xx', 'ru;q=0', 'en')).toBe('en');
  });
});
