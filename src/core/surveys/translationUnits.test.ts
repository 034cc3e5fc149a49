import { describe, expect, it } from 'vitest';
import { SurveyInputSchema, type SurveyInput } from './definition.ts';
import { applyTranslations, missingTranslations, translationUnits } from './translationUnits.ts';

const survey = (): SurveyInput =>
  SurveyInputSchema.parse({
    name: 'Checkout',
    title: { en: 'How was it?', ru: 'Как всё прошло?' },
    intro: {},
    thanks: { en: 'Thanks!' },
    languages: ['en', 'ru', 'fa'],
    defaultLanguage: 'en',
    questions: [
      { key: 'recommend', type: 'nps', metric: 'nps', required: true, text: { en: 'Would you recommend us?', fa: 'ما را توصیه می‌کنید؟' },
        scale: { min: 0, max: 10, style: 'numbers', labels: { min: { en: 'Never' }, max: { en: 'Surely' } } } },
      { key: 'why', type: 'text', text: { en: 'Why?' }, followsQuestionKey: 'recommend',
        whyTexts: { detractor: { en: 'What went wrong?' }, promoter: { en: 'What did you like?', ru: 'Что понравилось?' } } },
      { key: 'visit', type: 'single', text: { en: 'Visit type' },
        options: [{ value: 'first', label: { en: 'First time' } }, { value: 'v.2', label: { en: 'Again', ru: 'Снова' } }] },
      { key: 'old', type: 'text', text: { en: 'Gone' }, archivedInVersion: 2 },
    ],
  });

describe('translationUnits', () => {
  it('includes a jump\'s own thank-you text, and writes its translation back', () => {
    const s = survey();
    s.questions[0].jumps = [{ when: { question: 'recommend', op: 'gte', value: 9 }, to: '@end', thanks: { en: 'Glad to hear!' } }, { to: 'visit' }];
    expect(translationUnits(s).filter((u) => u.key.includes('jumps'))).toEqual([{ key: 'q.recommend.jumps.0.thanks', texts: { en: 'Glad to hear!' } }]);
    const plan = applyTranslations(s, [{ key: 'q.recommend.jumps.0.thanks', lang: 'ru', text: 'Рады слышать!' }]);
    expect(plan.survey.questions[0].jumps?.[0].thanks).toEqual({ en: 'Glad to hear!', ru: 'Рады слышать!' });
    expect(plan.updated).toBe(1);
  });

  it('lists every visible text with its key in display order, leaving out empty intro and archived questions', () => {
    expect(translationUnits(survey())).toEqual([
      { key: 'title', texts: { en: 'How was it?', ru: 'Как всё прошло?' } },
      { key: 'thanks', texts: { en: 'Thanks!' } },
      { key: 'q.recommend.text', texts: { en: 'Would you recommend us?', fa: 'ما را توصیه می‌کنید؟' } },
      { key: 'q.recommend.scale.min', texts: { en: 'Never' } },
      { key: 'q.recommend.scale.max', texts: { en: 'Surely' } },
      { key: 'q.why.text', texts: { en: 'Why?' } },
      { key: 'q.why.why.detractor', texts: { en: 'What went wrong?' } },
      { key: 'q.why.why.promoter', texts: { en: 'What did you like?', ru: 'Что понравилось?' } },
      { key: 'q.visit.text', texts: { en: 'Visit type' } },
      { key: 'q.visit.options.first', texts: { en: 'First time' } },
      { key: 'q.visit.options.v.2', texts: { en: 'Again', ru: 'Снова' } },
    ]);
  });

  it('returns copies: changing a unit does not change the survey', () => {
    const s = survey();
    translationUnits(s)[0].texts.en = 'changed';
    expect(s.title.en).toBe('How was it?');
  });
});

describe('missingTranslations', () => {
  it('names each key and survey language without a text', () => {
    const missing = missingTranslations(survey());
    expect(missing).toEqual([
      { key: 'title', lang: 'fa' },
      { key: 'thanks', lang: 'ru' }, { key: 'thanks', lang: 'fa' },
      { key: 'q.recommend.text', lang: 'ru' },
      { key: 'q.recommend.scale.min', lang: 'ru' }, { key: 'q.recommend.scale.min', lang: 'fa' },
      { key: 'q.recommend.scale.max', lang: 'ru' }, { key: 'q.recommend.scale.max', lang: 'fa' },
      { key: 'q.why.text', lang: 'ru' }, { key: 'q.why.text', lang: 'fa' },
      { key: 'q.why.why.detractor', lang: 'ru' }, { key: 'q.why.why.detractor', lang: 'fa' },
      { key: 'q.why.why.promoter', lang: 'fa' },
      { key: 'q.visit.text', lang: 'ru' }, { key: 'q.visit.text', lang: 'fa' },
      { key: 'q.visit.options.first', lang: 'ru' }, { key: 'q.visit.options.first', lang: 'fa' },
      { key: 'q.visit.options.v.2', lang: 'fa' },
    ]);
  });

  it('counts a blank text as missing', () => {
    const s = survey();
    s.languages = ['en'];
    s.title.en = '   ';
    expect(missingTranslations(s)).toEqual([{ key: 'title', lang: 'en' }]);
  });
});

describe('applyTranslations', () => {
  it('writes texts into every kind of slot and counts the changed ones', () => {
    const s = survey();
    const plan = applyTranslations(s, [
      { key: 'title', lang: 'fa', text: 'چطور بود؟' },
      { key: 'title', lang: 'ru', text: 'Как всё прошло?' }, // unchanged: not counted
      { key: 'thanks', lang: 'ru', text: ' Спасибо! ' }, // trimmed like any survey text
      { key: 'q.recommend.scale.max', lang: 'ru', text: 'Точно' },
      { key: 'q.why.why.detractor', lang: 'fa', text: 'چه مشکلی بود؟' },
      { key: 'q.visit.options.v.2', lang: 'fa', text: 'دوباره' },
      { key: 'q.visit.text', lang: 'ru', text: '' }, // empty: left as it is
    ]);
    expect(plan.updated).toBe(5);
    expect(plan.unknownKeys).toEqual([]);
    expect(plan.unknownLanguages).toEqual([]);
    expect(plan.survey.title).toEqual({ en: 'How was it?', ru: 'Как всё прошло?', fa: 'چطور بود؟' });
    expect(plan.survey.thanks).toEqual({ en: 'Thanks!', ru: 'Спасибо!' });
    expect(plan.survey.questions[0].scale?.labels?.max).toEqual({ en: 'Surely', ru: 'Точно' });
    expect(plan.survey.questions[1].whyTexts?.detractor).toEqual({ en: 'What went wrong?', fa: 'چه مشکلی بود؟' });
    expect(plan.survey.questions[2].options?.[1].label).toEqual({ en: 'Again', ru: 'Снова', fa: 'دوباره' });
    expect(plan.survey.questions[2].text).toEqual({ en: 'Visit type' });
    // The input is not changed.
    expect(s.title).toEqual({ en: 'How was it?', ru: 'Как всё прошло?' });
  });

  it('lists keys and languages the survey does not have, once each, archived questions included', () => {
    const plan = applyTranslations(survey(), [
      { key: 'q.nope.text', lang: 'ru', text: 'x' },
      { key: 'q.old.text', lang: 'ru', text: 'x' },
      { key: 'title', lang: 'de', text: 'Wie war es?' },
      { key: 'q.nope.text', lang: 'de', text: 'y' },
      { key: 'intro', lang: 'ru', text: 'no intro in this survey' },
    ]);
    expect(plan.unknownKeys).toEqual(['q.nope.text', 'q.old.text', 'intro']);
    expect(plan.unknownLanguages).toEqual(['de']);
    expect(plan.updated).toBe(0);
  });
});
