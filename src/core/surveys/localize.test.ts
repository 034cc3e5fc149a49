import { describe, expect, it } from 'vitest';
import { localize } from './localize.ts';

describe('localize: a survey text in one language', () => {
  const text = { en: 'How likely…', ru: 'Насколько вероятно…', fa: '' };

  it('takes the language asked for', () => {
    expect(localize(text, 'ru', 'en')).toBe('Насколько вероятно…');
  });

  it('falls back to the survey default, then to the first language that has a text', () => {
    expect(localize(text, 'de', 'en')).toBe('How likely…');
    expect(localize({ ru: 'Привет', fa: 'سلام' }, 'de', 'en')).toBe('Привет');
  });

  it('treats an empty string as missing', () => {
    expect(localize(text, 'fa', 'ru')).toBe('Насколько вероятно…');
    expect(localize({ en: '', ru: '' }, 'en', 'ru', 'key')).toBe('key');
  });

  it('gives orElse (default empty) when nothing is written', () => {
    expect(localize(undefined, 'en', 'en')).toBe('');
    expect(localize(null, 'en', 'en', 'nps')).toBe('nps');
    expect(localize({}, 'en', 'en', 'nps')).toBe('nps');
  });

  it('reads a plain string as the same text in every language', () => {
    expect(localize('Speed', 'fa', 'en')).toBe('Speed');
    expect(localize('', 'fa', 'en', 'speed')).toBe('speed');
  });
});
