import { describe, expect, it } from 'vitest';
import { computeCes, computeCsat, metricsCsatBox } from '../stats/index.ts';
import { defaultCesBox, defaultCsatBox, normalizeQuestion, slugFromName, SurveyInputSchema, surveyWarnings, type QuestionInput } from './definition.ts';

const en = (text: string) => ({ en: text });
const nps: QuestionInput = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: en('Recommend?') };
const base = { name: 'Test', title: en('Title'), languages: ['en'], defaultLanguage: 'en' };

/** "path: message" of every issue, or [] when the survey is valid. */
function issues(input: Record<string, unknown>): string[] {
  const result = SurveyInputSchema.safeParse({ ...base, ...input });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
const withQuestions = (...questions: Array<Partial<QuestionInput>>) => issues({ questions });
const rating = (scale: Record<string, unknown>, extra: Partial<QuestionInput> = {}) =>
  ({ key: 'r', type: 'rating', metric: 'csat', text: en('Rate'), scale, ...extra }) as Partial<QuestionInput>;

describe('SurveyInputSchema', () => {
  it('accepts a minimal survey and fills defaults', () => {
    const parsed = SurveyInputSchema.parse({ name: 'X', title: en('X'), questions: [nps] });
    expect(parsed).toMatchObject({ languages: ['en'], defaultLanguage: 'en', intro: {}, thanks: {} });
    expect(parsed.questions[0].required).toBe(true);
  });

  it('names the field of key errors', () => {
    expect(withQuestions({ ...nps, key: 'Bad Key' })[0]).toMatch(/^questions\.0\.key: /);
    expect(withQuestions({ ...nps, key: 'x'.repeat(41) })[0]).toMatch(/^questions\.0\.key: /);
    expect(withQuestions(nps, { ...nps })).toEqual(['questions.1.key: duplicate key "nps"']);
  });

  it('keeps NPS on 0..10', () => {
    expect(withQuestions({ ...nps, scale: { min: 1, max: 10, style: 'numbers', labels: {} } })).toEqual(['questions.0.scale: an NPS question is always 0..10']);
    expect(withQuestions({ ...nps, scale: { min: 0, max: 10, style: 'numbers', labels: {} } })).toEqual([]);
  });

  it('checks rating scales', () => {
    expect(withQuestions(rating({ min: 1, max: 5 }))).toEqual([]);
    expect(withQuestions(rating({ min: 0, max: 10 }, { metric: 'none' }))).toEqual([]);
    expect(withQuestions(rating({ min: 2, max: 5 }))).toContain('questions.0.scale.min: must be 0 or 1');
    expect(withQuestions(rating({ min: 1, max: 11 }))).toContain('questions.0.scale.max: must be between 3 and 10');
    expect(withQuestions(rating({ min: 1, max: 2 }))).toContain('questions.0.scale.max: must be between 3 and 10');
    expect(withQuestions(rating({ min: 1, max: 7, style: 'stars' }))).toContain('questions.0.scale.style: stars work only on scales within 1..5');
    expect(withQuestions(rating({ min: 1, max: 5, style: 'smileys' }))).toEqual([]);
    expect(withQuestions(rating({ min: 1, max: 5 }, { boxMin: 6 }))).toContain('questions.0.boxMin: must lie in 2..5');
    expect(withQuestions({ key: 'r', type: 'rating', metric: 'csat', text: en('Rate') })).toContain('questions.0.scale: required for a rating question');
  });

  it('ties metrics to question types', () => {
    expect(withQuestions(rating({ min: 0, max: 10 }, { metric: 'nps' }))).toContain('questions.0.metric: the nps metric needs an NPS (0..10) question');
    expect(withQuestions({ key: 't', type: 'text', metric: 'csat', text: en('Why') })).toContain('questions.0.metric: a text question cannot feed a metric');
    expect(withQuestions(rating({ min: 1, max: 10 }, { metric: 'csi_satisfaction' }))).toContain('questions.0.attribute: required for CSI questions');
    expect(withQuestions(rating({ min: 1, max: 5 }, { metric: 'csi_importance', attribute: 'speed' }))).toContain('questions.0.scale: CSI ratings use a 1..10 scale');
    expect(withQuestions(rating({ min: 1, max: 5 }, { direction: 'lower_is_easier' }))).toContain('questions.0.direction: only CES questions have a direction');
  });

  it('requires unique option values on choice questions', () => {
    const options = [
      { value: 'a', label: en('A') },
      { value: 'a', label: en('A again') },
    ];
    expect(withQuestions({ key: 'c', type: 'single', text: en('Pick'), options })).toEqual(['questions.0.options.1.value: duplicate option value "a"']);
    expect(withQuestions({ key: 'c', type: 'multi', text: en('Pick'), options: [options[0]] })).toEqual(['questions.0.options: give at least two options']);
    expect(withQuestions({ key: 'c', type: 'single', text: en('Pick') })).toEqual(['questions.0.options: give at least two options']);
  });

  it('lets show-if refer only to an earlier question', () => {
    const later = { key: 'later', type: 'text', text: en('More?') } as const;
    expect(withQuestions(nps, { ...later, showIf: { question: 'nps', op: 'lte', value: 6 } })).toEqual([]);
    expect(withQuestions({ ...later, showIf: { question: 'nps', op: 'lte', value: 6 } }, nps)).toEqual([
      'questions.0.showIf.question: must be the key of an earlier question',
    ]);
    expect(withQuestions(nps, { ...later, showIf: { question: 'nps', op: 'gte', value: 'x' } })).toEqual([
      'questions.1.showIf.value: gte needs a number and a scored question',
    ]);
    expect(withQuestions(nps, { ...later, showIf: { question: 'nps', op: 'in', value: 3 } })).toEqual(['questions.1.showIf.value: in needs a list of values']);
    expect(withQuestions(nps, { ...later, showIf: { question: 'nps', op: 'answered' } })).toEqual([]);
  });

  it('checks AND/OR groups: subjects, one of all/any, depth, earlier questions, with paths', () => {
    const later = { key: 'later', type: 'text', text: en('More?') } as const;
    const showIf = (logic: unknown) => withQuestions(nps, { ...later, showIf: logic as QuestionInput['showIf'] });
    expect(showIf({ all: [{ question: 'nps', op: 'lte', value: 6 }, { any: [{ hidden: 'tier', op: 'eq', value: 'gold' }, { channel: true, op: 'eq', value: 'email' }] }] })).toEqual([]);
    expect(showIf({ language: true, op: 'in', value: ['ru', 'fa'] })).toEqual([]);
    expect(showIf({ all: [{ question: 'nps', op: 'answered' }], any: [{ question: 'nps', op: 'answered' }] })).toEqual([
      'questions.1.showIf: give exactly one of all (AND) or any (OR)',
    ]);
    expect(showIf({ any: [] })).toEqual(['questions.1.showIf.any: add at least one condition']);
    expect(showIf({ all: [{ question: 'nps', hidden: 'x', op: 'answered' }] })).toEqual([
      'questions.1.showIf.all.0: give exactly one of question, hidden, channel or language',
    ]);
    expect(showIf({ any: [{ question: 'nps', op: 'answered' }, { all: [{ question: 'later', op: 'answered' }] }] })).toEqual([
      'questions.1.showIf.any.1.all.0.question: must be the key of an earlier question',
    ]);
    expect(showIf({ all: [{ hidden: 'tier', op: 'gte', value: 3 }] })).toEqual(['questions.1.showIf.all.0.value: gte needs a number and a scored question']);
    const deep = { all: [{ any: [{ all: [{ any: [{ question: 'nps', op: 'answered' }] }] }] }] };
    expect(showIf(deep)).toEqual(['questions.1.showIf.all.0.any.0.all.0: groups nest at most 3 levels deep']);
    expect(showIf({ all: [{ any: [{ all: [{ question: 'nps', op: 'answered' }] }] }] })).toEqual([]);
  });

  it('lets a jump only go forward (or end with its own thanks)', () => {
    const t = (key: string, extra: Partial<QuestionInput> = {}) => ({ key, type: 'text', text: en(key), ...extra }) as Partial<QuestionInput>;
    const when = { question: 'nps', op: 'gte', value: 9 } as const;
    expect(withQuestions({ ...nps, jumps: [{ when, to: '@end', thanks: en('Bye') }, { to: 'c' }] }, t('b'), t('c'))).toEqual([]);
    expect(withQuestions(t('a'), t('b', { jumps: [{ to: 'a' }] }))).toEqual([
      'questions.1.jumps.0.to: a jump may only go forward: give the key of a later question or @end',
    ]);
    expect(withQuestions(t('a', { jumps: [{ to: 'a' }] }))).toEqual(['questions.0.jumps.0.to: a jump may only go forward: give the key of a later question or @end']);
    expect(withQuestions(t('a', { jumps: [{ to: 'b', thanks: en('x') }] }), t('b'))).toEqual(['questions.0.jumps.0.thanks: only a jump to @end has a thank-you text']);
    expect(withQuestions(nps, t('a', { jumps: [{ when: { question: 'b', op: 'answered' }, to: '@end' }] }), t('b'))).toEqual([
      'questions.1.jumps.0.when.question: must be the key of an earlier question',
    ]);
    expect(withQuestions({ ...nps, jumps: [{ to: '@end', thanks: { ru: 'Спасибо' } }] })).toEqual(['questions.0.jumps.0.thanks.en: required in the default language (en)']);
    expect(withQuestions({ ...nps, jumps: [{ to: 'Bad!' }] })[0]).toMatch(/^questions\.0\.jumps\.0\.to: /);
  });

  it('lets piping name only earlier questions', () => {
    const t = (key: string, text: string) => ({ key, type: 'text', text: en(text) }) as Partial<QuestionInput>;
    expect(withQuestions(nps, t('b', 'You gave {{nps}}, {{hidden.name|friend}} {{contact.city}}'))).toEqual([]);
    expect(withQuestions(t('a', 'About {{b}}?'), t('b', 'B'))).toEqual(['questions.0.text.en: {{b}} must name an earlier question']);
    expect(issues({ questions: [nps], thanks: en('Thanks for {{nps}} and {{nope|x}}') })).toEqual(['thanks.en: {{nope}} must name an earlier question']);
  });

  it('lets a "why?" follow-up follow only an earlier scored question', () => {
    const why = { key: 'why', type: 'text', text: en('Why?'), followsQuestionKey: 'nps', whyTexts: { detractor: en('What went wrong?') } } as const;
    expect(withQuestions(nps, why)).toEqual([]);
    expect(withQuestions(why, nps)).toEqual(['questions.0.followsQuestionKey: must be the key of an earlier NPS or rating question']);
    const text = { key: 'txt', type: 'text', text: en('Say') } as const;
    expect(withQuestions(text, { ...why, followsQuestionKey: 'txt' })).toEqual(['questions.1.followsQuestionKey: must be the key of an earlier NPS or rating question']);
    expect(withQuestions(nps, { ...why, type: 'single', options: [{ value: 'a', label: en('A') }, { value: 'b', label: en('B') }] })).toContain(
      'questions.1.followsQuestionKey: only an open-text question can be a "why?" follow-up',
    );
  });

  it('requires texts in the default language', () => {
    expect(issues({ languages: ['en', 'ru'], defaultLanguage: 'ru', questions: [nps] })).toEqual([
      'title.ru: required in the default language (ru)',
      'questions.0.text.ru: required in the default language (ru)',
    ]);
    expect(withQuestions({ ...nps, whyTexts: undefined }, { key: 'w', type: 'text', text: en('Why'), followsQuestionKey: 'nps', whyTexts: { promoter: { ru: 'Почему?' } } })).toEqual([
      'questions.1.whyTexts.promoter.en: required in the default language (en)',
    ]);
  });

  it('checks languages: ISO 639-1 codes, no repeats, default among them', () => {
    expect(issues({ languages: ['en', 'de'], questions: [nps] })).toEqual([]);
    expect(issues({ languages: ['english'] })[0]).toMatch(/^languages\.0: must be a two-letter ISO 639-1 code/);
    expect(issues({ languages: ['en', 'en'] })).toEqual(['languages: languages repeat']);
    expect(issues({ languages: ['ru'], title: { ru: 'Опрос' } })).toEqual(['defaultLanguage: must be one of languages', 'title.en: required in the default language (en)']);
  });

  it('checks the slug format', () => {
    expect(issues({ slug: 'good-slug-1' })).toEqual([]);
    expect(issues({ slug: 'ab' })[0]).toMatch(/^slug: /);
    expect(issues({ slug: 'Bad_Slug' })[0]).toMatch(/^slug: /);
  });
});

describe('normalizeQuestion', () => {
  it('fills the NPS scale and METRICS.md boxes', () => {
    expect(normalizeQuestion({ ...nps, metric: 'none' })).toMatchObject({ metric: 'nps', scale: { min: 0, max: 10, style: 'numbers' } });
    const q = (max: number) => normalizeQuestion({ key: 'r', type: 'rating', metric: 'csat', required: false, text: en('R'), scale: { min: 1, max, style: 'numbers', labels: {} } });
    expect([3, 5, 7, 10].map((m) => q(m).boxMin)).toEqual([3, 4, 6, 8]);
    expect(defaultCsatBox(1, 4)).toBe(3);
    expect(defaultCsatBox(0, 3)).toBe(2);
    expect(defaultCsatBox(0, 10)).toBe(8);
    // 1..10: 6-10 are above the midpoint 5.5, the range the CES metric reports as "% agree".
    expect([defaultCesBox(1, 7), defaultCesBox(1, 5), defaultCesBox(1, 10)]).toEqual([5, 4, 6]);
    const ces = normalizeQuestion({ key: 'e', type: 'rating', metric: 'ces', required: false, text: en('E'), scale: { min: 1, max: 7, style: 'numbers', labels: {} } });
    expect(ces).toMatchObject({ direction: 'higher_is_easier', boxMin: 5 });
  });

  it('stores the boxes the metrics count: CSAT satisfied box and CES agree range on every allowed scale', () => {
    for (const min of [0, 1]) {
      for (let max = 3; max <= 10; max++) {
        const ces = computeCes({ [max]: 1 }, { min, max, direction: 'higher_is_easier' });
        expect(defaultCesBox(min, max), `${min}..${max}`).toBe(ces.details?.agreeFrom);
        const metricsBox = metricsCsatBox(min, max);
        if (metricsBox !== null) expect(defaultCsatBox(min, max), `${min}..${max}`).toBe(computeCsat({ [max]: 1 }, { min, max }).details?.box);
      }
    }
  });
});

describe('surveyWarnings', () => {
  const questions = (n: number) => Array.from({ length: n }, (_, i) => normalizeQuestion({ ...nps, key: `q${i}` }));
  it('warns above seven active questions', () => {
    expect(surveyWarnings({ languages: ['en'], title: en('T'), questions: questions(7) })).toEqual([]);
    expect(surveyWarnings({ languages: ['en'], title: en('T'), questions: questions(8) })).toEqual(['long_survey']);
    const withArchived = [...questions(7), { ...questions(1)[0], key: 'old', archivedInVersion: 2 }];
    expect(surveyWarnings({ languages: ['en'], title: en('T'), questions: withArchived })).toEqual([]);
  });
  it('names languages with missing translations', () => {
    expect(surveyWarnings({ languages: ['en', 'fa'], title: { en: 'T', fa: 'ت' }, questions: questions(1) })).toEqual(['missing_translation:fa']);
  });
});

describe('slugFromName', () => {
  it('makes a URL-safe slug with a suffix', () => {
    expect(slugFromName('Store Visit — Q3 2026!', () => 'abc123')).toBe('store-visit-q3-2026-abc123');
    expect(slugFromName('Опрос', () => 'abc123')).toBe('survey-abc123');
    expect(slugFromName('x'.repeat(100), () => 'abc123')).toMatch(/^[a-z0-9-]{3,60}$/);
  });
});

describe('archived entries in the input', () => {
  it('only reserve their key: they are not checked again and cannot be referred to', () => {
    const archived = { key: 'old', type: 'rating', metric: 'csat', text: { ru: 'Старый' }, scale: { min: 1, max: 5, style: 'numbers', labels: {} }, archivedInVersion: 2 } as Partial<QuestionInput>;
    expect(withQuestions(nps, archived)).toEqual([]);
    expect(withQuestions(nps, archived, { ...archived, archivedInVersion: null, text: en('Again') })).toEqual(['questions.2.key: duplicate key "old"']);
    expect(withQuestions(archived, { key: 't', type: 'text', text: en('More'), showIf: { question: 'old', op: 'answered' } })).toEqual([
      'questions.1.showIf.question: must be the key of an earlier question',
    ]);
  });
});
