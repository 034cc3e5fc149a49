import { describe, expect, it } from 'vitest';
import { createCatalogue, messageShape } from './catalogue.ts';
import { defineMessages, type MessageSet } from './messages.ts';

const sample = createCatalogue(
  'sample',
  defineMessages({
    en: { answers: '{n, plural, one {# answer} other {# answers}}', hello: 'Hello, {name}!', range: 'from {min, number} to {max, number}' },
    ru: { answers: '{n, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}}', hello: 'Привет, {name}!', range: 'от {min, number} до {max, number}' },
    fa: { answers: '{n, plural, one {# پاسخ} other {# پاسخ}}', hello: 'سلام، {name}!', range: 'از {min, number} تا {max, number}' },
  }),
);

describe('formatMessage plurals (CLDR)', () => {
  it('Russian: one, few, many and other', () => {
    const ru = (n: number) => sample.formatMessage('ru', 'answers', { n });
    expect(ru(1)).toBe('1 ответ');
    expect(ru(2)).toBe('2 ответа');
    expect(ru(5)).toBe('5 ответов');
    expect(ru(11)).toBe('11 ответов');
    expect(ru(21)).toBe('21 ответ');
    expect(ru(22)).toBe('22 ответа');
    expect(ru(25)).toBe('25 ответов');
    expect(ru(1.5)).toBe('1,5 ответа');
  });
  it('English: one and other', () => {
    expect(sample.formatMessage('en', 'answers', { n: 1 })).toBe('1 answer');
    expect(sample.formatMessage('en', 'answers', { n: 2 })).toBe('2 answers');
    expect(sample.formatMessage('en', 'answers', { n: 0 })).toBe('0 answers');
  });
  it('Persian: the number in Persian digits', () => {
    expect(sample.formatMessage('fa', 'answers', { n: 1 })).toBe('۱ پاسخ');
    expect(sample.formatMessage('fa', 'answers', { n: 25 })).toBe('۲۵ پاسخ');
  });
});

describe('formatMessage', () => {
  it('fills placeholders, numbers in the language digits with {x, number}', () => {
    expect(sample.formatMessage('ru', 'hello', { name: 'Анна' })).toBe('Привет, Анна!');
    expect(sample.formatMessage('fa', 'range', { min: 0, max: 10 })).toBe('از ۰ تا ۱۰');
  });
  it('answers in English for a language it does not know', () => {
    expect(sample.formatMessage('de', 'answers', { n: 3 })).toBe('3 answers');
  });
  it('refuses a missing placeholder value instead of leaving a half-filled text', () => {
    expect(() => sample.formatMessage('en', 'hello', {})).toThrow(/name/);
  });
  it('writes a language not loaded yet in English, and in that language once it is filled in', () => {
    // The dashboard's set: English at first, ru added when its chunk arrives (src/web/i18n.tsx).
    const loaded: { en: { hello: string }; ru?: { hello: string } } = { en: { hello: 'Hello, {name}!' } };
    const lazy = createCatalogue('lazy', loaded as unknown as MessageSet<'hello'>);
    expect(lazy.formatMessage('ru', 'hello', { name: 'Аня' })).toBe('Hello, Аня!');
    loaded.ru = { hello: 'Привет, {name}!' };
    expect(lazy.formatMessage('ru', 'hello', { name: 'Аня' })).toBe('Привет, Аня!');
  });
  it('keeps the compiled message: a second call gives the same text', () => {
    expect(sample.formatMessage('ru', 'answers', { n: 22 })).toBe(sample.formatMessage('ru', 'answers', { n: 22 }));
  });
  it('groups digits unless told not to, and isolates numbers in Persian when asked', () => {
    const set = defineMessages({ en: { n: '{n, number}' }, ru: { n: '{n, number}' }, fa: { n: '{n, number}' } });
    expect(createCatalogue('grouped', set).formatMessage('en', 'n', { n: 2000 })).toBe('2,000');
    expect(createCatalogue('plain', set, { numbers: { useGrouping: false } }).formatMessage('en', 'n', { n: 2000 })).toBe('2000');
    const isolating = createCatalogue('isolated', set, { isolateRtlNumbers: true });
    expect(isolating.formatMessage('fa', 'n', { n: 5 })).toBe('\u2068۵\u2069');
    expect(isolating.formatMessage('ru', 'n', { n: 5 })).toBe('5');
  });
  it('tells keys of the catalogue from other strings', () => {
    expect(sample.has('hello')).toBe(true);
    expect(sample.has('goodbye')).toBe(false);
    expect(sample.has('toString')).toBe(false);
  });
});

describe('messageShape', () => {
  it('lists placeholders and the categories of each plural', () => {
    expect(messageShape('{n, plural, one {# of {total}} other {# of {total}}} by {who}', 'en')).toEqual({
      placeholders: ['n', 'total', 'who'],
      plurals: [{ name: 'n', categories: ['one', 'other'] }],
    });
  });
  it('throws on a message that does not parse', () => {
    expect(() => messageShape('{n, plural, one {#}}', 'en')).toThrow();
  });
});
