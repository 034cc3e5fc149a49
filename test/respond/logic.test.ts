import { describe, expect, it } from 'vitest';
import {
  activeQuestions, evaluateShowIf, isVisible, parseAnswers, questionText, scoreGroup, validationMessage, visibleQuestions,
  MAX_TEXT_LENGTH, type ValidationCode,
} from '../../src/core/surveys/logic.ts';
import type { AnswerMap, QuestionDef, ShowIf } from '../../src/core/surveys/types.ts';
import { npsQuestions } from './factory.ts';

const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'NPS' } };
const rating = (min: number, max: number, extra: Partial<QuestionDef> = {}): QuestionDef => ({
  key: 'r', type: 'rating', metric: 'csat', required: false, text: { en: 'R' }, scale: { min, max, style: 'numbers' }, ...extra,
});
const single: QuestionDef = {
  key: 'pick', type: 'single', metric: 'none', required: false, text: { en: 'Pick' },
  options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }],
};

describe('evaluateShowIf', () => {
  const cases: Array<[string, ShowIf, AnswerMap, boolean]> = [
    ['lte true at bound', { question: 'x', op: 'lte', value: 6 }, { x: { score: 6 } }, true],
    ['lte false above', { question: 'x', op: 'lte', value: 6 }, { x: { score: 7 } }, false],
    ['lte on a choice is false', { question: 'x', op: 'lte', value: 6 }, { x: { choice: '3' } }, false],
    ['gte true at bound', { question: 'x', op: 'gte', value: 9 }, { x: { score: 9 } }, true],
    ['gte false below', { question: 'x', op: 'gte', value: 9 }, { x: { score: 8 } }, false],
    ['gte with string value is false', { question: 'x', op: 'gte', value: '9' }, { x: { score: 10 } }, false],
    ['eq score', { question: 'x', op: 'eq', value: 10 }, { x: { score: 10 } }, true],
    ['eq score mismatch', { question: 'x', op: 'eq', value: 10 }, { x: { score: 0 } }, false],
    ['eq choice', { question: 'x', op: 'eq', value: 'a' }, { x: { choice: 'a' } }, true],
    ['eq choice mismatch', { question: 'x', op: 'eq', value: 'a' }, { x: { choice: 'b' } }, false],
    ['eq among multi choices', { question: 'x', op: 'eq', value: 'b' }, { x: { choices: ['a', 'b'] } }, true],
    ['eq text', { question: 'x', op: 'eq', value: 'yes' }, { x: { text: ' yes ' } }, true],
    ['eq with array value is false', { question: 'x', op: 'eq', value: ['a'] }, { x: { choice: 'a' } }, false],
    ['in scores', { question: 'x', op: 'in', value: [1, 2, 3] }, { x: { score: 2 } }, true],
    ['in scores miss', { question: 'x', op: 'in', value: [1, 2, 3] }, { x: { score: 4 } }, false],
    ['in choices', { question: 'x', op: 'in', value: ['b', 'c'] }, { x: { choice: 'c' } }, true],
    ['in multi any overlap', { question: 'x', op: 'in', value: ['c', 'd'] }, { x: { choices: ['a', 'd'] } }, true],
    ['in multi no overlap', { question: 'x', op: 'in', value: ['c'] }, { x: { choices: ['a', 'b'] } }, false],
    ['in with scalar value is false', { question: 'x', op: 'in', value: 'a' }, { x: { choice: 'a' } }, false],
    ['answered score 0', { question: 'x', op: 'answered' }, { x: { score: 0 } }, true],
    ['answered text', { question: 'x', op: 'answered' }, { x: { text: 'hi' } }, true],
    ['answered blank text', { question: 'x', op: 'answered' }, { x: { text: '  ' } }, false],
    ['answered empty multi', { question: 'x', op: 'answered' }, { x: { choices: [] } }, false],
    ['missing answer: answered', { question: 'x', op: 'answered' }, {}, false],
    ['missing answer: lte', { question: 'x', op: 'lte', value: 10 }, {}, false],
    ['missing answer: in', { question: 'x', op: 'in', value: [1] }, {}, false],
    ['unknown op', { question: 'x', op: 'bogus' as ShowIf['op'], value: 1 }, { x: { score: 1 } }, false],
  ];
  it.each(cases)('%s', (_name, cond, answers, expected) => {
    expect(evaluateShowIf(cond, answers)).toBe(expected);
  });
});

describe('visibility', () => {
  const qs = npsQuestions();
  it('shows the detractor-only question for 0..6 and hides it for 7..10', () => {
    for (let s = 0; s <= 10; s++) {
      const keys = visibleQuestions({ questions: qs }, { nps: { score: s } }).map((q) => q.key);
      expect(keys.includes('reasons')).toBe(s <= 6);
    }
  });
  it('chains: a question depending on a hidden one is hidden too', () => {
    const chain: QuestionDef[] = [
      nps,
      { ...single, showIf: { question: 'nps', op: 'lte', value: 6 } },
      { key: 'more', type: 'text', metric: 'none', required: false, text: {}, showIf: { question: 'pick', op: 'answered' } },
    ];
    const keys = visibleQuestions({ questions: chain }, { nps: { score: 9 }, pick: { choice: 'a' } }).map((q) => q.key);
    expect(keys).toEqual(['nps']);
  });
  it('shows a question whose condition names a question not in the survey', () => {
    const q: QuestionDef = { ...single, showIf: { question: 'gone', op: 'answered' } };
    expect(isVisible(q, {}, [q])).toBe(true);
  });
  it('leaves archived questions out', () => {
    const archived: QuestionDef = { ...single, archivedInVersion: 2 };
    expect(activeQuestions({ questions: [nps, archived] }).map((q) => q.key)).toEqual(['nps']);
  });
});

describe('scoreGroup', () => {
  it('follows nps.v1: 0-6 detractor, 7-8 passive, 9-10 promoter', () => {
    const groups = Array.from({ length: 11 }, (_, s) => scoreGroup(nps, s));
    expect(groups).toEqual([...Array(7).fill('detractor'), 'passive', 'passive', 'promoter', 'promoter']);
  });
  it('returns null outside the scale, for fractions and for unscored questions', () => {
    expect(scoreGroup(nps, -1)).toBeNull();
    expect(scoreGroup(nps, 11)).toBeNull();
    expect(scoreGroup(nps, 6.5)).toBeNull();
    expect(scoreGroup(single, 1)).toBeNull();
  });
  const ratingCases: Array<[string, QuestionDef, string]> = [
    ['1..5 default box (top-2)', rating(1, 5), 'ddprr'],
    ['1..3 default box (top-1)', rating(1, 3), 'dpr'],
    ['1..7 default box (top-2)', rating(1, 7), 'dddpprr'],
    ['1..10 default box (top-3)', rating(1, 10), 'dddddpprrr'],
    ['1..5 with box 5', rating(1, 5, { boxMin: 5 }), 'ddppr'],
    ['1..5 lower is easier, box 2', rating(1, 5, { direction: 'lower_is_easier', boxMin: 2 }), 'rrpdd'],
  ];
  it.each(ratingCases)('rating %s', (_name, q, expected) => {
    const { min, max } = q.scale!;
    let got = '';
    for (let s = min; s <= max; s++) got += { detractor: 'd', passive: 'p', promoter: 'r' }[scoreGroup(q, s)!];
    expect(got).toBe(expected);
  });
});

describe('questionText', () => {
  const qs = npsQuestions();
  const why = qs.find((q) => q.key === 'why')!;
  const survey = { questions: qs };
  it.each([
    [3, 'What disappointed you?'],
    [7, 'What would make it a 10?'],
    [10, 'What did you like most?'],
  ])('score %i selects the group wording', (score, text) => {
    expect(questionText(why, { nps: { score } }, survey, 'en', 'en')).toBe(text);
  });
  it('uses the generic text before the score is known and the language fallback', () => {
    expect(questionText(why, {}, survey, 'en', 'en')).toBe('What is the main reason for your score?');
    expect(questionText(why, { nps: { score: 0 } }, survey, 'ru', 'en')).toBe('Что вас разочаровало?');
    expect(questionText(why, { nps: { score: 0 } }, survey, 'de', 'en')).toBe('What disappointed you?');
  });
});

describe('validationMessage', () => {
  const codes: ValidationCode[] = ['required', 'not_a_number', 'out_of_range', 'unknown_choice', 'too_long', 'one_choice'];
  it.each(['en', 'ru', 'fa'])('has every message in %s, distinct from the others', (lang) => {
    for (const code of codes) {
      const msg = validationMessage(code, lang, { min: 0, max: 10 });
      expect(msg.length).toBeGreaterThan(5);
      expect(msg).not.toMatch(/[{}]/);
      if (lang !== 'en') expect(msg).not.toBe(validationMessage(code, 'en', { min: 0, max: 10 }));
    }
  });
  it('writes numbers in the language digits', () => {
    expect(validationMessage('out_of_range', 'en', { min: 0, max: 10 })).toContain('0 to 10');
    expect(validationMessage('out_of_range', 'ru', { min: 0, max: 10 })).toContain('от 0 до 10');
    expect(validationMessage('out_of_range', 'fa', { min: 0, max: 10 })).toContain('۰ تا ۱۰');
    expect(validationMessage('too_long', 'fa', { max: 2000 })).toContain('۲۰۰۰');
  });
  it('falls back to English for other languages', () => {
    expect(validationMessage('required', 'de')).toBe(validationMessage('required', 'en'));
  });
});

describe('parseAnswers', () => {
  const survey = { questions: npsQuestions() };
  it('parses typed values from form strings', () => {
    const r = parseAnswers(survey, { nps: '3', why: ' slow\r\nservice ', service: '2', reasons: ['wait', 'price', 'wait'] }, 'en');
    expect(r.errors).toEqual({});
    expect(r.answers).toEqual({ nps: { score: 3 }, why: { text: 'slow\nservice' }, service: { score: 2 }, reasons: { choices: ['wait', 'price'] } });
  });
  it('accepts numbers from JSON', () => {
    expect(parseAnswers(survey, { nps: 10 }, 'en').answers.nps).toEqual({ score: 10 });
  });
  it('drops answers to hidden questions instead of failing', () => {
    const r = parseAnswers(survey, { nps: '9', reasons: ['bogus'] }, 'en');
    expect(r.errors).toEqual({});
    expect(r.answers.reasons).toBeUndefined();
  });
  it.each([
    ['en', 'Please answer this question.'],
    ['ru', 'Пожалуйста, ответьте на этот вопрос.'],
    ['fa', 'لطفاً به این پرسش پاسخ دهید.'],
  ])('reports a missing required answer in %s', (lang, message) => {
    const r = parseAnswers(survey, { why: 'x' }, lang);
    expect(r.errors).toEqual({ nps: { code: 'required', message } });
  });
  it.each<[Record<string, unknown>, string, ValidationCode]>([
    [{ nps: '11' }, 'nps', 'out_of_range'],
    [{ nps: '-1' }, 'nps', 'out_of_range'],
    [{ nps: '7.5' }, 'nps', 'not_a_number'],
    [{ nps: 'ten' }, 'nps', 'not_a_number'],
    [{ nps: ['1', '2'] }, 'nps', 'one_choice'],
    [{ nps: '5', service: '0' }, 'service', 'out_of_range'],
    [{ nps: '5', service: '6' }, 'service', 'out_of_range'],
    [{ nps: '5', reasons: ['price', 'nope'] }, 'reasons', 'unknown_choice'],
    [{ nps: '5', why: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, 'why', 'too_long'],
  ])('rejects %j', (raw, key, code) => {
    const r = parseAnswers(survey, raw as never, 'en');
    expect(r.errors[key]?.code).toBe(code);
    expect(r.answers[key]).toBeUndefined();
  });
  it('accepts a text of exactly the maximum length and treats blank text as unanswered', () => {
    expect(parseAnswers(survey, { nps: '5', why: 'x'.repeat(MAX_TEXT_LENGTH) }, 'en').errors).toEqual({});
    expect(parseAnswers(survey, { nps: '5', why: '   ' }, 'en').answers.why).toBeUndefined();
  });
  it('validates single choices against the options', () => {
    expect(parseAnswers({ questions: [single] }, { pick: 'b' }, 'en').answers).toEqual({ pick: { choice: 'b' } });
    expect(parseAnswers({ questions: [single] }, { pick: 'z' }, 'ru').errors.pick.message).toBe('Выберите один из предложенных вариантов.');
  });
  it('ignores keys that are not questions', () => {
    expect(parseAnswers(survey, { nps: '8', __proto__: '1', other: 'x' } as never, 'en').answers).toEqual({ nps: { score: 8 } });
  });
});
