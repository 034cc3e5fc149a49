import { describe, expect, it } from 'vitest';
import type { QuestionDef, SurveyDef } from '../surveys/types.ts';
import {
  applyInput, callbackData, deepLink, firstQuestion, isStop, nextQuestion, openingText, parseCallbackData, parseStart, pickLanguage,
  questionKeyboard, questionMessage, rawAnswers, thanksText,
} from './conversation.ts';

const nps: QuestionDef = {
  key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'Recommend us?', ru: 'Порекомендуете?' },
  scale: { min: 0, max: 10, style: 'numbers', labels: { min: { en: 'No way' }, max: { en: 'Sure' } } },
};
const csat: QuestionDef = { key: 'csat', type: 'rating', metric: 'csat', required: true, text: { en: 'Satisfied?' }, scale: { min: 1, max: 5, style: 'stars' } };
const seven: QuestionDef = { key: 'seven', type: 'rating', metric: 'none', required: false, text: { en: 'Seven?' }, scale: { min: 1, max: 7, style: 'numbers' } };
const ten: QuestionDef = { key: 'ten', type: 'rating', metric: 'none', required: true, text: { en: 'Ten?' }, scale: { min: 1, max: 10, style: 'numbers' } };
const single: QuestionDef = {
  key: 'visit', type: 'single', metric: 'none', required: true, text: { en: 'Why?' },
  options: [{ value: 'buy', label: { en: 'To buy', fa: 'خرید' } }, { value: 'look', label: { en: 'To look' } }],
};
const multi: QuestionDef = {
  key: 'bad', type: 'multi', metric: 'none', required: false, text: { en: 'What went wrong?' }, showIf: { question: 'nps', op: 'lte', value: 6 },
  options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }, { value: 'c', label: { en: 'C' } }],
};
const comment: QuestionDef = { key: 'why', type: 'text', metric: 'none', required: false, text: { en: 'Tell us more' } };
const archived: QuestionDef = { ...comment, key: 'old', archivedInVersion: 2 };

const survey: Pick<SurveyDef, 'questions' | 'defaultLanguage' | 'title' | 'intro' | 'name' | 'thanks' | 'languages'> = {
  questions: [archived, nps, multi, comment], defaultLanguage: 'en', languages: ['en', 'ru'], title: { en: 'Visit', ru: 'Визит' }, intro: {}, name: 'n', thanks: {},
};

describe('links and commands', () => {
  it('builds the deep link for slugs Telegram accepts as start payloads', () => {
    expect(deepLink('my_bot', 'demo-nps')).toBe('https://t.me/my_bot?start=demo-nps');
    expect(deepLink('my_bot', 'a'.repeat(64))).toBe(`https://t.me/my_bot?start=${'a'.repeat(64)}`);
    expect(deepLink('my_bot', 'a'.repeat(65))).toBeNull();
    expect(deepLink('my_bot', 'with space')).toBeNull();
  });

  it('reads /start and its payload', () => {
    expect(parseStart('/start demo-nps')).toBe('demo-nps');
    expect(parseStart('  /start   demo-nps  ')).toBe('demo-nps');
    expect(parseStart('/start@my_bot demo')).toBe('demo');
    expect(parseStart('/start')).toBe('');
    expect(parseStart('/start bad/slug')).toBeNull();
    expect(parseStart('/start a b')).toBeNull();
    expect(parseStart('/startdemo')).toBeNull();
    expect(parseStart('hello /start x')).toBeNull();
  });

  it('knows /stop', () => {
    expect([isStop('/stop'), isStop(' /stop '), isStop('/stop@my_bot'), isStop('/stopp'), isStop('/stop now'), isStop('stop')]).toEqual([true, true, true, false, false, false]);
  });

  it('picks the language from Telegram when the survey has it, else the default', () => {
    expect(pickLanguage('ru', survey)).toBe('ru');
    expect(pickLanguage('ru-RU', survey)).toBe('ru');
    expect(pickLanguage('EN_us', survey)).toBe('en');
    expect(pickLanguage('fa', survey)).toBe('en'); // the survey is not written in Persian
    expect(pickLanguage('de', survey)).toBe('en');
    expect(pickLanguage(undefined, { languages: ['ru', 'fa'], defaultLanguage: 'ru' })).toBe('ru');
    expect(pickLanguage('fa', { languages: ['ru', 'fa'], defaultLanguage: 'ru' })).toBe('fa');
  });

  it('round-trips callback data and refuses anything else', () => {
    const data = callbackData({ tag: 'Ab12cd34', questionIndex: 3, value: '10' });
    expect(data).toBe('Ab12cd34:3:10');
    expect(parseCallbackData(data)).toEqual({ tag: 'Ab12cd34', questionIndex: 3, value: '10' });
    expect(parseCallbackData('Ab12cd34:0:s')).toEqual({ tag: 'Ab12cd34', questionIndex: 0, value: 's' });
    expect(parseCallbackData('Ab12cd34:0:d')).toEqual({ tag: 'Ab12cd34', questionIndex: 0, value: 'd' });
    for (const bad of ['', 'abc:0:1', 'Ab12cd34:x:1', 'Ab12cd34:0:zz', 'Ab12cd34:0:1:2', 'Ab-2cd34:0:1', 'Ab12cd34:1000:1']) expect(parseCallbackData(bad)).toBeNull();
  });
});

describe('keyboards', () => {
  const labels = (k: ReturnType<typeof questionKeyboard>) => k.map((r) => r.map((b) => b.text));
  it('NPS is two rows, 0-5 and 6-10; CSAT one row; seven points one row plus Skip; ten points 1-5 and 6-10', () => {
    expect(labels(questionKeyboard(nps, 1, 'T4g0', 'en', 'en'))).toEqual([['0', '1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10']]);
    expect(questionKeyboard(nps, 1, 'T4g0', 'en', 'en')[1][4].callback_data).toBe('T4g0:1:10');
    expect(labels(questionKeyboard(csat, 0, 'T4g0', 'en', 'en'))).toEqual([['1', '2', '3', '4', '5']]);
    expect(labels(questionKeyboard(seven, 0, 'T4g0', 'ru', 'en'))).toEqual([['1', '2', '3', '4', '5', '6', '7'], ['Пропустить']]);
    expect(labels(questionKeyboard(ten, 0, 'T4g0', 'en', 'en'))).toEqual([['1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10']]);
  });

  it('writes Persian digits in Persian, values stay Latin', () => {
    const k = questionKeyboard(csat, 2, 'T4g0', 'fa', 'en');
    expect(labels(k)).toEqual([['۱', '۲', '۳', '۴', '۵']]);
    expect(k[0].map((b) => b.callback_data)).toEqual(['T4g0:2:1', 'T4g0:2:2', 'T4g0:2:3', 'T4g0:2:4', 'T4g0:2:5']);
  });

  it('choices one per row, in the language with fallback; multiple choice marks the chosen and ends with Done', () => {
    expect(labels(questionKeyboard(single, 0, 'T4g0', 'fa', 'en'))).toEqual([['خرید'], ['To look']]);
    expect(questionKeyboard(single, 0, 'T4g0', 'en', 'en').map((r) => r[0].callback_data)).toEqual(['T4g0:0:0', 'T4g0:0:1']);
    expect(labels(questionKeyboard(multi, 1, 'T4g0', 'en', 'en', { choices: ['c'] }))).toEqual([['A'], ['B'], ['✓ C'], ['Done'], ['Skip']]);
  });

  it('a comment has only Skip (when optional), nothing when required', () => {
    expect(labels(questionKeyboard(comment, 2, 'T4g0', 'en', 'en'))).toEqual([['Skip']]);
    expect(questionKeyboard({ ...comment, required: true }, 2, 'T4g0', 'en', 'en')).toEqual([]);
  });
});

describe('texts', () => {
  it('question text with scale ends and hints', () => {
    expect(questionMessage(survey, nps, {}, 'en')).toBe('Recommend us?\n\n0: No way · 10: Sure');
    expect(questionMessage(survey, nps, {}, 'ru')).toBe('Порекомендуете?\n\n0: No way · 10: Sure');
    expect(questionMessage(survey, csat, {}, 'en')).toBe('Satisfied?');
    expect(questionMessage(survey, comment, {}, 'en')).toBe('Tell us more\n\nType your answer as a message, or press Skip.');
    expect(questionMessage(survey, { ...comment, required: true }, {}, 'fa')).toBe('Tell us more\n\nپاسخ خود را به صورت پیام بنویسید.');
    expect(questionMessage(survey, multi, {}, 'en')).toBe('What went wrong?\n\nChoose one or more, then press Done.');
  });

  it('opening and thanks', () => {
    expect(openingText(survey, 'ru')).toBe('Визит');
    expect(openingText({ ...survey, title: {}, intro: { en: 'Two minutes' } }, 'en')).toBe('n\n\nTwo minutes');
    expect(thanksText(survey, 'ru')).toBe('Спасибо!');
    expect(thanksText({ ...survey, thanks: { en: 'Cheers' } }, 'ru')).toBe('Cheers');
  });
});

describe('steps', () => {
  it('the first question skips archived ones; the next follows show-if', () => {
    expect(firstQuestion(survey)?.key).toBe('nps');
    expect(firstQuestion({ questions: [archived] })).toBeNull();
    expect(nextQuestion(survey, { nps: { score: 6 } }, 'nps')?.key).toBe('bad');
    expect(nextQuestion(survey, { nps: { score: 7 } }, 'nps')?.key).toBe('why');
    expect(nextQuestion(survey, { nps: { score: 7 } }, 'why')).toBeNull();
  });

  it('a score in range answers; out of range, a stale question index or a text is refused', () => {
    expect(applyInput(survey, {}, 'nps', { kind: 'button', questionIndex: 0, value: '4' }, 'en')).toEqual({ kind: 'answered', answers: { nps: { score: 4 } }, next: multi });
    expect(applyInput(survey, {}, 'nps', { kind: 'button', questionIndex: 0, value: '11' }, 'en')).toEqual({ kind: 'refused', notice: 'Please choose one of the buttons above.' });
    expect(applyInput(survey, {}, 'nps', { kind: 'button', questionIndex: 0, value: '-1' }, 'en').kind).toBe('refused');
    expect(applyInput(survey, {}, 'nps', { kind: 'button', questionIndex: 0, value: 'd' }, 'en').kind).toBe('refused');
    expect(applyInput(survey, {}, 'nps', { kind: 'button', questionIndex: 2, value: '4' }, 'en')).toEqual({ kind: 'refused', notice: 'This survey has ended.' });
    expect(applyInput(survey, {}, 'nps', { kind: 'text', text: '9' }, 'ru')).toEqual({ kind: 'refused', notice: 'Пожалуйста, выберите одну из кнопок выше.' });
    expect(applyInput(survey, {}, 'nps', { kind: 'button', questionIndex: 0, value: 's' }, 'en').kind).toBe('refused'); // required
  });

  it('multiple choice toggles in option order, Done moves on, Done with nothing skips the optional question', () => {
    const base = { nps: { score: 2 } };
    const t1 = applyInput(survey, base, 'bad', { kind: 'button', questionIndex: 1, value: '2' }, 'en');
    expect(t1).toEqual({ kind: 'toggled', answers: { nps: { score: 2 }, bad: { choices: ['c'] } } });
    const t2 = applyInput(survey, (t1 as any).answers, 'bad', { kind: 'button', questionIndex: 1, value: '0' }, 'en');
    expect(t2).toEqual({ kind: 'toggled', answers: { nps: { score: 2 }, bad: { choices: ['a', 'c'] } } });
    const t3 = applyInput(survey, (t2 as any).answers, 'bad', { kind: 'button', questionIndex: 1, value: '2' }, 'en');
    expect(t3).toEqual({ kind: 'toggled', answers: { nps: { score: 2 }, bad: { choices: ['a'] } } });
    expect(applyInput(survey, (t3 as any).answers, 'bad', { kind: 'button', questionIndex: 1, value: 'd' }, 'en'))
      .toEqual({ kind: 'answered', answers: { nps: { score: 2 }, bad: { choices: ['a'] } }, next: comment });
    expect(applyInput(survey, base, 'bad', { kind: 'button', questionIndex: 1, value: 'd' }, 'en')).toEqual({ kind: 'answered', answers: base, next: comment });
    expect(applyInput(survey, base, 'bad', { kind: 'button', questionIndex: 1, value: '3' }, 'en').kind).toBe('refused');
    expect(applyInput(survey, base, 'bad', { kind: 'text', text: 'a' }, 'en')).toEqual({ kind: 'refused', notice: 'Choose one or more, then press Done.' });
  });

  it('text answers are trimmed, empty and too long ones refused; Skip drops the answer', () => {
    const base = { nps: { score: 9 } };
    expect(applyInput(survey, base, 'why', { kind: 'text', text: '  Good\r\nservice ' }, 'en')).toEqual({ kind: 'answered', answers: { ...base, why: { text: 'Good\nservice' } }, next: null });
    expect(applyInput(survey, base, 'why', { kind: 'text', text: '   ' }, 'en')).toEqual({ kind: 'refused', notice: 'Type your answer as a message, or press Skip.' });
    expect(applyInput(survey, base, 'why', { kind: 'text', text: 'x'.repeat(2001) }, 'en')).toEqual({ kind: 'refused', notice: 'Please keep your answer under 2000 characters.' });
    expect(applyInput(survey, base, 'why', { kind: 'text', text: 'x'.repeat(2000) }, 'en').kind).toBe('answered');
    expect(applyInput(survey, { ...base, why: { text: 'old' } }, 'why', { kind: 'button', questionIndex: 2, value: 's' }, 'en')).toEqual({ kind: 'answered', answers: base, next: null });
  });

  it('single choice by option index', () => {
    const s = { questions: [single] };
    expect(applyInput(s, {}, 'visit', { kind: 'button', questionIndex: 0, value: '1' }, 'en')).toEqual({ kind: 'answered', answers: { visit: { choice: 'look' } }, next: null });
    expect(applyInput(s, {}, 'visit', { kind: 'button', questionIndex: 0, value: '2' }, 'en').kind).toBe('refused');
  });

  it('a question key no longer in the survey is stale', () => {
    expect(applyInput(survey, {}, 'gone', { kind: 'text', text: 'x' }, 'en')).toEqual({ kind: 'refused', notice: 'This survey has ended.' });
  });

  it('raw answers for the submit command', () => {
    expect(rawAnswers({ a: { score: 0 }, b: { choice: 'x' }, c: { choices: ['p', 'q'] }, d: { text: 't' } })).toEqual({ a: 0, b: 'x', c: ['p', 'q'], d: 't' });
  });
});
