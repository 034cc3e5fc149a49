/** Parsing and validation of the question types of issue 17, and the matrix's storage form; hand-written cases. */
import { describe, expect, it } from 'vitest';
import { checkAnswer, isCalendarDate, parseAnswers } from './logic.ts';
import { expandMatrices, groupMatrices, standaloneText } from './matrix.ts';
import { SurveyInputSchema, normalizeQuestion } from './definition.ts';
import type { QuestionDef } from './types.ts';
import { kioskQuestions } from '../kiosk/kiosk.ts';
import { widgetQuestions } from './widget.ts';
import { translationUnits } from './translationUnits.ts';
import { applyInput, questionKeyboard, rawAnswers } from '../telegram/conversation.ts';

const en = (text: string) => ({ en: text });
const q = (type: QuestionDef['type'], extra: Partial<QuestionDef> = {}): QuestionDef => ({ key: 'x', type, metric: 'none', required: false, text: en('?'), ...extra });
const options = [{ value: 'a', label: en('A') }, { value: 'b', label: en('B') }, { value: 'c', label: en('C') }];
/** The stored value or the error code of one answer. */
function one(question: QuestionDef, raw: Parameters<typeof checkAnswer>[1]) {
  const { answers, errors } = parseAnswers({ questions: [question] }, { x: raw }, 'en');
  return errors.x ? errors.x.code : answers.x;
}

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-12-31')).toBe(true);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('24-01-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });
});

describe('parsing the new types', () => {
  it('yes / no and consent', () => {
    expect(one(q('yesno'), 'no')).toEqual({ choice: 'no' });
    expect(one(q('yesno'), 'maybe')).toBe('unknown_choice');
    expect(one(q('yesno'), ['yes', 'no'])).toBe('one_choice');
    expect(one(q('consent'), 'yes')).toEqual({ choice: 'yes' });
    expect(one(q('consent'), 'no')).toBe('unknown_choice');
    expect(one(q('consent', { required: true }), undefined)).toBe('consent');
    expect(one(q('consent'), undefined)).toBeUndefined();
  });

  it('dates, also in Persian digits', () => {
    expect(one(q('date'), '2024-02-29')).toEqual({ text: '2024-02-29' });
    expect(one(q('date'), '۱۴۰۳-۰۱-۰۱')).toEqual({ text: '1403-01-01' });
    expect(one(q('date'), '2023-02-29')).toBe('invalid_date');
    expect(one(q('date'), '31.03.2024')).toBe('invalid_date');
  });

  it('numbers: whole or decimal, range ends included, local digits and decimal commas', () => {
    const people = q('number', { range: { min: 1, max: 20 } });
    expect(one(people, '1')).toEqual({ number: 1 });
    expect(one(people, 20)).toEqual({ number: 20 });
    expect(one(people, '۱۲')).toEqual({ number: 12 });
    expect(one(people, '0')).toBe('number_between');
    expect(one(people, '21')).toBe('number_between');
    expect(one(people, '2.5')).toBe('whole_number');
    expect(one(people, 'two')).toBe('invalid_number');
    expect(one(people, '1e3')).toBe('invalid_number');
    const weight = q('number', { range: { min: 0.5, decimals: true } });
    expect(one(weight, '2,25')).toEqual({ number: 2.25 });
    expect(one(weight, '-1')).toBe('number_min');
    expect(one(q('number', { range: { max: 10 } }), '11')).toBe('number_max');
    expect(one(q('number'), '-40')).toEqual({ number: -40 });
  });

  it('messages name the range in the respondent\'s language and digits', () => {
    const people = q('number', { range: { min: 1, max: 20 } });
    expect(checkAnswer(people, '30', 'en')).toEqual({ message: 'Enter a number from 1 to 20.' });
    expect(checkAnswer(people, '30', 'ru')).toEqual({ message: 'Введите число от 1 до 20.' });
    expect(checkAnswer(people, '30', 'fa')).toEqual({ message: 'عددی از ۱ تا ۲۰ وارد کنید.' });
    expect(checkAnswer(q('ranking', { options }), ['a'], 'ru')).toEqual({ message: 'Присвойте каждому варианту своё место от 1 до 3.' });
  });

  it('e-mail addresses and phone numbers', () => {
    expect(one(q('email'), ' ann.lee+shop@mail.example.com ')).toEqual({ text: 'ann.lee+shop@mail.example.com' });
    for (const bad of ['ann@', '@example.com', 'ann@example', 'ann lee@example.com', 'ann@@example.com']) expect(one(q('email'), bad), bad).toBe('invalid_email');
    expect(one(q('phone'), '+7 (912) 345-67-89')).toEqual({ text: '+7 (912) 345-67-89' });
    expect(one(q('phone'), '1234567')).toEqual({ text: '1234567' });
    expect(one(q('phone'), '123456')).toBe('invalid_phone');
    expect(one(q('phone'), '+1234567890123456')).toBe('invalid_phone');
    expect(one(q('phone'), '12345678 ext 9')).toBe('invalid_phone');
    expect(one(q('phone'), '۰۹۱۲ ۳۴۵ ۶۷۸۹')).toEqual({ text: '0912 345 6789' });
  });

  it('rankings: every option once, from the form\'s rank:option pairs or an ordered list', () => {
    const r = q('ranking', { options });
    expect(one(r, ['2:a', '3:b', '1:c'])).toEqual({ choices: ['c', 'a', 'b'] });
    expect(one(r, ['b', 'c', 'a'])).toEqual({ choices: ['b', 'c', 'a'] });
    expect(one(r, ['1:a', '1:b', '3:c'])).toBe('rank_each');
    expect(one(r, ['1:a', '2:b'])).toBe('rank_each');
    expect(one(r, ['1:a', '2:b', '4:c'])).toBe('rank_each');
    expect(one(r, ['a', 'a', 'b'])).toBe('rank_each');
    expect(one(r, ['a', 'b', 'z'])).toBe('unknown_choice');
    expect(one(r, ['', '', ''])).toBeUndefined();
  });
});

describe('matrix questions', () => {
  const grid: QuestionDef = {
    key: 'rate', type: 'matrix', metric: 'csat', required: true, text: { en: 'Rate us', ru: 'Оцените' }, boxMin: 4, showIf: null,
    scale: { min: 1, max: 5, style: 'numbers', labels: {} },
    rows: [{ key: 'staff', label: { en: 'Staff', ru: 'Персонал' } }, { key: 'clean', label: { en: 'Cleanliness' } }],
  };

  it('are stored as one rating question per row and grouped back', () => {
    const stored = expandMatrices([grid]);
    expect(stored).toEqual([
      { key: 'rate__staff', type: 'rating', metric: 'csat', required: true, text: { en: 'Staff', ru: 'Персонал' }, boxMin: 4, showIf: null,
        scale: grid.scale, matrix: { key: 'rate', text: grid.text } },
      { key: 'rate__clean', type: 'rating', metric: 'csat', required: true, text: { en: 'Cleanliness' }, boxMin: 4, showIf: null,
        scale: grid.scale, matrix: { key: 'rate', text: grid.text } },
    ]);
    expect(groupMatrices(stored)).toEqual([grid]);
  });

  it('gather a row appended after later questions into its grid; archived rows stay apart', () => {
    const [staff, clean] = expandMatrices([grid]);
    const other = q('yesno', { key: 'again' });
    const grouped = groupMatrices([staff, other, { ...clean, archivedInVersion: 2 }, { ...clean, key: 'rate__wait', text: en('Waiting') }]);
    expect(grouped.map((x) => x.key)).toEqual(['rate', 'again', 'rate__clean']);
    expect(grouped[0].rows).toEqual([{ key: 'staff', label: staff.text }, { key: 'wait', label: en('Waiting') }]);
  });

  it('rows are answered and validated like ratings', () => {
    const { answers, errors } = parseAnswers({ questions: expandMatrices([grid]) }, { rate__staff: '5', rate__clean: '6' }, 'en');
    expect(answers).toEqual({ rate__staff: { score: 5 } });
    expect(errors.rate__clean.code).toBe('out_of_range');
  });

  it('a row is titled with its grid where it stands alone', () => {
    expect(standaloneText(expandMatrices([grid])[0])).toEqual({ en: 'Rate us – Staff', ru: 'Оцените – Персонал' });
    expect(standaloneText(expandMatrices([grid])[1])).toEqual({ en: 'Rate us – Cleanliness', ru: 'Оцените' });
  });

  it('input: rows required, keys unique with the rows\' storage keys, texts in the default language', () => {
    const base = { name: 'T', title: en('T'), languages: ['en'], defaultLanguage: 'en' };
    const issues = (questions: unknown[]) => {
      const r = SurveyInputSchema.safeParse({ ...base, questions });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const input = { key: 'rate', type: 'matrix', metric: 'csat', text: en('Rate'), scale: { min: 1, max: 5 }, rows: [{ key: 'a', label: en('A') }] };
    expect(issues([input])).toEqual([]);
    expect(issues([{ ...input, rows: [] }])).toEqual(['questions.0.rows: give at least one row']);
    expect(issues([{ ...input, scale: undefined }])).toEqual(['questions.0.scale: required for a matrix question']);
    expect(issues([{ ...input, rows: [{ key: 'a', label: en('A') }, { key: 'a', label: en('B') }] }])).toEqual(['questions.0.rows.1.key: duplicate row key "a"']);
    expect(issues([{ ...input, rows: [{ key: 'a', label: {} }] }])).toEqual(['questions.0.rows.0.label.en: required in the default language (en)']);
    expect(issues([input, { key: 'rate__a', type: 'yesno', text: en('?') }])).toEqual(['questions.1.key: duplicate key "rate__a"']);
    // A condition may test a row as the rating it is stored as.
    expect(issues([input, { key: 'why', type: 'text', text: en('?'), showIf: { question: 'rate__a', op: 'lte', value: 2 } }])).toEqual([]);
    expect(issues([{ key: 'n', type: 'number', text: en('?'), range: { min: 5, max: 1 } }])).toEqual(['questions.0.range: min must not be above max']);
    expect(issues([{ key: 'n', type: 'number', text: en('?'), range: { min: 0.5 } }])).toEqual(['questions.0.range: whole-number ranges need whole-number ends']);
    expect(issues([{ key: 'n', type: 'yesno', text: en('?'), range: { min: 1 } }])).toEqual(['questions.0.range: a yesno question has no range']);
    expect(issues([{ key: 'r', type: 'ranking', text: en('?'), options: [{ value: 'a', label: en('A') }] }])).toEqual(['questions.0.options: give at least two options']);
    expect(issues([{ key: 'r', type: 'email', text: en('?'), metric: 'csat' }])).toEqual(['questions.0.metric: a email question cannot feed a metric']);
  });

  it('normalizing keeps a number\'s range and a matrix\'s rows', () => {
    const parsed = SurveyInputSchema.parse({
      name: 'T', title: en('T'), questions: [
        { key: 'n', type: 'number', text: en('?'), range: { max: 9 } },
        { key: 'm', type: 'matrix', metric: 'csat', text: en('?'), scale: { min: 1, max: 5 }, rows: [{ key: 'a', label: en('A') }] },
      ],
    });
    expect(normalizeQuestion(parsed.questions[0]).range).toEqual({ max: 9 });
    // csat on 1..5: top-2 box (4 and 5) as on any rating.
    expect(normalizeQuestion(parsed.questions[1])).toMatchObject({ rows: [{ key: 'a', label: en('A') }], boxMin: 4 });
  });
});

describe('the new types in other channels', () => {
  const grid: QuestionDef = {
    key: 'rate', type: 'matrix', metric: 'csat', required: true, text: en('Rate us'), boxMin: 4, showIf: null,
    scale: { min: 1, max: 5, style: 'numbers', labels: {} }, rows: [{ key: 'staff', label: en('Staff') }],
  };
  const nps: QuestionDef = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: en('Recommend?'), scale: { min: 0, max: 10, style: 'numbers' } };

  it('a kiosk and the widget never ask a matrix row alone', () => {
    expect(kioskQuestions({ questions: expandMatrices([grid]) })).toBeNull();
    expect(kioskQuestions({ questions: expandMatrices([grid, nps]) })?.score.key).toBe('nps');
    expect(widgetQuestions({ status: 'live', questions: expandMatrices([grid]) })).toEqual({ problem: 'first_question' });
  });

  it('translation files carry a matrix\'s rows', () => {
    const input = SurveyInputSchema.parse({ name: 'T', title: en('T'), questions: [{ ...grid, rows: [{ key: 'staff', label: en('Staff') }] }] });
    expect(translationUnits(input).map((u) => u.key)).toEqual(['title', 'q.rate.text', 'q.rate.rows.staff']);
  });

  it('Telegram: yes / no and consent buttons, a ranking pressed in order, typed answers checked like the web form', () => {
    const yesno = q('yesno', { key: 'again', required: true });
    const ranking = q('ranking', { key: 'order', options: options.slice(0, 2) });
    const people = q('number', { key: 'people', range: { min: 1, max: 20 } });
    const survey = { questions: [yesno, ranking, people] };
    expect(questionKeyboard(yesno, 0, 'tag1', 'ru', 'en').map((row) => row.map((b) => `${b.text}=${b.callback_data}`))).toEqual([['Да=tag1:0:0', 'Нет=tag1:0:1']]);
    expect(applyInput(survey, {}, 'again', { kind: 'button', questionIndex: 0, value: '1' }, 'en')).toMatchObject({ kind: 'answered', answers: { again: { choice: 'no' } } });
    const first = applyInput(survey, {}, 'order', { kind: 'button', questionIndex: 1, value: '1' }, 'en');
    expect(first).toEqual({ kind: 'toggled', answers: { order: { choices: ['b'] } } });
    expect(questionKeyboard(ranking, 1, 'tag1', 'en', 'en', { choices: ['b'] }).map((row) => row[0].text)).toEqual(['A', '1. B', 'Skip']);
    const done = applyInput(survey, { order: { choices: ['b'] } }, 'order', { kind: 'button', questionIndex: 1, value: '0' }, 'en');
    expect(done).toMatchObject({ kind: 'answered', answers: { order: { choices: ['b', 'a'] } } });
    expect(applyInput(survey, {}, 'people', { kind: 'text', text: '25' }, 'en')).toEqual({ kind: 'refused', notice: 'Enter a number from 1 to 20.' });
    expect(applyInput(survey, {}, 'people', { kind: 'text', text: '4' }, 'en')).toMatchObject({ kind: 'answered', answers: { people: { number: 4 } } });
    expect(rawAnswers({ people: { number: 4 }, order: { choices: ['b', 'a'] } })).toEqual({ people: 4, order: ['b', 'a'] });
  });
});
