import { describe, expect, it } from 'vitest';
import { lexiconScore, lexiconSentiment, negatedTokens } from './lexicon.ts';
import { prepareText } from './prepare.ts';

const label = (text: string, lang = 'en') => {
  const p = prepareText(text, lang);
  return lexiconSentiment(p.tokens, p.analysisLang).label;
};
const score = (text: string, lang: 'en' | 'ru' | 'fa') => lexiconScore(prepareText(text, lang).tokens, lang);

describe('lexicon sentiment', () => {
  it('reads plain praise and complaints in ru, fa, en', () => {
    expect(label('The staff were friendly and helpful')).toBe('positive');
    expect(label('Terrible service, rude staff')).toBe('negative');
    expect(label('Очень понравилось, спасибо')).toBe('positive');
    expect(label('Ужасное обслуживание')).toBe('negative');
    expect(label('غذا عالی بود ممنون')).toBe('positive');
    expect(label('غذا سرد و بی‌کیفیت بود')).toBe('negative');
  });

  it('flips what a negator governs', () => {
    expect(score('good', 'en')).toBe(1);
    expect(score('not good', 'en')).toBe(-1);
    expect(score("wasn't good", 'en')).toBe(-1);
    expect(score('понравилось', 'ru')).toBe(1);
    expect(score('не понравилось', 'ru')).toBe(-1);
    expect(score('خوب بود', 'fa')).toBe(1);
    expect(score('خوب نبود', 'fa')).toBe(-1);
    expect(score('اصلا خوب نبود', 'fa')).toBe(-1.5); // اصلا (at all) intensifies
    // Any person of a negated verb: نبودم (I was not), نمی‌کنم (I do not).
    expect(score('راضی نبودم', 'fa')).toBe(-1);
    expect(score('به کسی پیشنهاد نمی کنم', 'fa')).toBe(-1);
  });

  it('counts a negated complaint as faint praise', () => {
    expect(score('not bad', 'en')).toBe(0.5);
    expect(score('не плохо', 'ru')).toBe(0.5);
  });

  it('ends negation at clause punctuation and after three words', () => {
    expect(score('not late. good', 'en')).toBe(1.5); // "late" flipped to +0.5, "good" untouched
    expect(score('not at all in any way good', 'en')).toBe(1);
  });

  it('lets "but" outweigh what came before and intensifiers boost', () => {
    expect(score('the food was good but the delivery was terrible', 'en')).toBe(0.5 - 2);
    expect(score('very good', 'en')).toBe(1.5);
  });

  it('is neutral without sentiment words, or positive when only two classes are allowed', () => {
    const p = prepareText('I ordered a pizza on Tuesday', 'en');
    expect(lexiconSentiment(p.tokens, p.analysisLang)).toEqual({ label: 'neutral', p: 0.5, score: 0 });
    expect(lexiconSentiment(p.tokens, p.analysisLang, ['negative', 'positive']).label).toBe('positive');
    expect(lexiconSentiment(prepareText('Їжа була смачна і гаряча', 'uk').tokens, null).label).toBe('neutral');
  });

  it('reports the confidence as the logistic of the score size', () => {
    const p = prepareText('terrible', 'en');
    expect(lexiconSentiment(p.tokens, p.analysisLang).p).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
  });
});

describe('negatedTokens', () => {
  it('marks the words after a ru/en negator and before a fa negated verb', () => {
    const en = prepareText('it was not very good, fine', 'en');
    expect([...negatedTokens(en.tokens, 'en')].map((i) => en.tokens[i]!.text)).toEqual(['very', 'good']);
    const fa = prepareText('غذا اصلا گرم نبود', 'fa');
    expect([...negatedTokens(fa.tokens, 'fa')].map((i) => fa.tokens[i]!.text)).toEqual(['اصلا', 'گرم']);
  });
});
