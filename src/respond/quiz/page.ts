/**
 * The public quiz page's HTML (docs/audits.md "Knowledge quizzes"): the form (radio buttons for a single
 * choice, checkboxes for several, the employee code when the link is not personal) and the result page
 * (score, and per question right or wrong with the correct answer). Server-rendered, no script; the
 * respondent pages' document, escaping and styles (src/respond/render/layout.ts, html.ts).
 */
import { createCatalogue } from '../../core/i18n/catalogue.ts';
import { defineMessages, type KeyOf } from '../../core/i18n/messages.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { textIn } from '../../core/audits/checklist.ts';
import { isMultipleChoice, type AttemptScore, type QuizDefinition } from '../../core/audits/quiz.ts';
import { html, type Html } from '../html.ts';
import { renderDocument } from '../render/layout.ts';

const quizMessages = defineMessages({
  en: {
    hello: 'Hello, {name}!',
    intro: '{count, plural, one {# question} other {# questions}}. Choose the answers you think are right; you see the correct ones after you submit.',
    codeLabel: 'Your employee code',
    codeHint: 'Ask your manager if you do not know it.',
    codeMissing: 'Enter your employee code.',
    codeUnknown: 'No employee has the code "{code}". Check it and try again.',
    badLink: 'This personal link is not valid any more: enter your employee code instead.',
    unanswered: '{count, plural, one {# question is} other {# questions are}} not answered yet.',
    notAnswered: 'Not answered yet.',
    chooseOne: 'Choose one answer.',
    chooseAll: 'Choose all the correct answers.',
    submit: 'Submit answers',
    resultTitle: 'Your result',
    score: '{correct} of {total} correct ({percent}%)',
    right: 'Right',
    wrong: 'Wrong',
    yourAnswer: 'Your answer: {answer}',
    noAnswer: 'Your answer: none',
    correctAnswer: '{count, plural, one {Correct answer} other {Correct answers}}: {answer}',
    again: 'Take the quiz again',
    closedTitle: 'This quiz is closed',
    closedText: 'It does not accept answers any more. Ask your manager for the current quiz.',
    invalidAnswer: 'An answer did not fit the quiz (it may have just changed). Please answer again.',
  },
  ru: {
    hello: 'Здравствуйте, {name}!',
    intro: '{count, plural, one {# вопрос} few {# вопроса} many {# вопросов} other {# вопроса}}. Выберите ответы, которые считаете верными; правильные ответы вы увидите после отправки.',
    codeLabel: 'Ваш код сотрудника',
    codeHint: 'Если не знаете его, спросите у руководителя.',
    codeMissing: 'Введите код сотрудника.',
    codeUnknown: 'Сотрудника с кодом «{code}» нет. Проверьте код и попробуйте ещё раз.',
    badLink: 'Эта личная ссылка больше не действует: введите код сотрудника.',
    unanswered: '{count, plural, one {# вопрос остался} few {# вопроса остались} many {# вопросов остались} other {# вопроса остались}} без ответа.',
    notAnswered: 'Нет ответа.',
    chooseOne: 'Выберите один ответ.',
    chooseAll: 'Выберите все верные ответы.',
    submit: 'Отправить ответы',
    resultTitle: 'Ваш результат',
    score: 'Верно {correct} из {total} ({percent}%)',
    right: 'Верно',
    wrong: 'Неверно',
    yourAnswer: 'Ваш ответ: {answer}',
    noAnswer: 'Ваш ответ: нет',
    correctAnswer: '{count, plural, one {Правильный ответ} few {Правильные ответы} many {Правильные ответы} other {Правильные ответы}}: {answer}',
    again: 'Пройти тест ещё раз',
    closedTitle: 'Тест закрыт',
    closedText: 'Он больше не принимает ответы. Спросите у руководителя актуальный тест.',
    invalidAnswer: 'Ответ не подошёл к тесту (возможно, тест только что изменили). Ответьте, пожалуйста, ещё раз.',
  },
  fa: {
    hello: 'سلام {name}!',
    intro: '{count, plural, one {# پرسش} other {# پرسش}}. پاسخ‌هایی را که درست می‌دانید برگزینید؛ پس از ارسال، پاسخ‌های درست را می‌بینید.',
    codeLabel: 'کد کارمندی شما',
    codeHint: 'اگر آن را نمی‌دانید، از مدیر خود بپرسید.',
    codeMissing: 'کد کارمندی خود را وارد کنید.',
    codeUnknown: 'هیچ کارمندی کد «{code}» را ندارد. آن را بررسی کنید و دوباره تلاش کنید.',
    badLink: 'این پیوند شخصی دیگر معتبر نیست: به جای آن کد کارمندی خود را وارد کنید.',
    unanswered: '{count, plural, one {# پرسش} other {# پرسش}} هنوز بی‌پاسخ است.',
    notAnswered: 'هنوز پاسخ داده نشده است.',
    chooseOne: 'یک پاسخ را برگزینید.',
    chooseAll: 'همهٔ پاسخ‌های درست را برگزینید.',
    submit: 'ارسال پاسخ‌ها',
    resultTitle: 'نتیجهٔ شما',
    score: '{correct} از {total} درست ({percent}٪)',
    right: 'درست',
    wrong: 'نادرست',
    yourAnswer: 'پاسخ شما: {answer}',
    noAnswer: 'پاسخ شما: هیچ',
    correctAnswer: '{count, plural, one {پاسخ درست} other {پاسخ‌های درست}}: {answer}',
    again: 'دوباره در آزمون شرکت کنید',
    closedTitle: 'این آزمون بسته است',
    closedText: 'دیگر پاسخی نمی‌پذیرد. آزمون کنونی را از مدیر خود بپرسید.',
    invalidAnswer: 'یکی از پاسخ‌ها با آزمون جور نبود (شاید آزمون همین حالا تغییر کرده باشد). لطفاً دوباره پاسخ دهید.',
  },
});

export const quizPageCatalogue = createCatalogue('quiz page', quizMessages, { numbers: { useGrouping: false } });
export type QuizMessageKey = KeyOf<typeof quizMessages>;
export const quizText = (lang: string, key: QuizMessageKey, vars?: Record<string, string | number>) => quizPageCatalogue.formatMessage(lang, key, vars);
// Names and codes are isolated (FSI…PDI) so a Latin or Cyrillic word keeps its order inside a Persian sentence.
const isolate = (s: string) => `\u2068${s}\u2069`;

/** The page's own styles (right / wrong marks), allowed by their hash like the organisation's accent. */
export const QUIZ_CSS = '.res{list-style:none;padding:0}.res li{border-inline-start:4px solid #b3261e;padding:.25rem .75rem;margin:0 0 1rem}.res li.ok{border-color:#1e7b34}.mk{font-weight:700}.code input{display:block;font:inherit;padding:.5rem;margin:.25rem 0;min-height:2.75rem;max-width:20rem;width:100%}';

export interface QuizPageQuiz {
  slug: string;
  name: Record<string, string>;
  definition: QuizDefinition;
}

export interface QuizFormView {
  quiz: QuizPageQuiz;
  lang: Language;
  clientKey: string;
  /** The personal token, carried through the form. */
  token: string | null;
  /** The employee's first name (a valid personal link); null: the form asks for the code. */
  firstName: string | null;
  code?: string;
  /** Chosen options per question key (a re-shown form keeps them). */
  values?: Record<string, string[]>;
  /** Problems: the code field (`code`), per question key, and one for the whole form. */
  errors?: { code?: string; questions?: Record<string, string>; form?: string };
}

const title = (quiz: QuizPageQuiz, lang: Language) => textIn(quiz.name, lang) || quiz.slug;

/** The quiz form. */
export function renderQuizForm(v: QuizFormView): string {
  const { quiz, lang } = v;
  const t = (key: QuizMessageKey, vars?: Record<string, string | number>) => quizText(lang, key, vars);
  const errs = v.errors ?? {};
  const questionErrors = errs.questions ?? {};
  const links = [
    ...(errs.code ? [html`<li><a href="#code">${errs.code}</a></li>`] : []),
    ...quiz.definition.questions.filter((q) => questionErrors[q.key]).map((q) => html`<li><a href="#q-${q.key}">${textIn(q.text, lang)}</a></li>`),
  ];
  const summary = errs.form || links.length
    ? html`<div class="alert" role="alert" id="errs"><p>${errs.form ?? ''}</p>${links.length ? html`<ul>${links}</ul>` : ''}</div>`
    : '';
  const who = v.firstName
    ? html`<p class="intro">${t('hello', { name: isolate(v.firstName) })}</p>`
    : html`<div class="q code${errs.code ? ' bad' : ''}"><label for="code">${t('codeLabel')}</label><input id="code" name="code" autocomplete="off" required maxlength="100" value="${v.code ?? ''}" aria-describedby="code-h code-e"${errs.code ? html` aria-invalid="true"` : ''}><p id="code-h">${t('codeHint')}</p><p class="err" id="code-e">${errs.code ?? ''}</p></div>`;
  const questions = quiz.definition.questions.map((q, i) => {
    const multiple = isMultipleChoice(q);
    const chosen = v.values?.[q.key] ?? [];
    const error = questionErrors[q.key];
    return html`<fieldset class="q${error ? ' bad' : ''}" id="q-${q.key}" aria-describedby="h-${q.key} e-${q.key}"><legend id="l-${q.key}"><span class="qt">${i + 1}. ${textIn(q.text, lang)}</span></legend>
<p id="h-${q.key}" class="intro">${t(multiple ? 'chooseAll' : 'chooseOne')}</p>
<div class="opts">${q.options.map(
      (o) => html`<label><input type="${multiple ? 'checkbox' : 'radio'}" name="q_${q.key}" value="${o.key}"${chosen.includes(o.key) ? html` checked` : ''}>${textIn(o.text, lang)}</label>`,
    )}</div><p class="err" id="e-${q.key}">${error ?? ''}</p></fieldset>`;
  });
  const body = html`<h1>${title(quiz, lang)}</h1>${summary}${who}
<p class="intro">${t('intro', { count: quiz.definition.questions.length })}</p>
<form method="post" action="/quiz/${quiz.slug}?lang=${lang}">
<input type="hidden" name="_ck" value="${v.clientKey}"><input type="hidden" name="_lang" value="${lang}">${v.token ? html`<input type="hidden" name="e" value="${v.token}">` : ''}
${questions}
<div class="bar"><button type="submit">${t('submit')}</button></div></form>`;
  return renderDocument({ lang, title: title(quiz, lang), body, style: QUIZ_CSS });
}

/** The result: the score, then each question right or wrong with the answer given and the correct one. */
export function renderQuizResult(quiz: QuizPageQuiz, lang: Language, score: AttemptScore, againHref: string): string {
  const t = (key: QuizMessageKey, vars?: Record<string, string | number>) => quizText(lang, key, vars);
  const byKey = new Map(quiz.definition.questions.map((q) => [q.key, q]));
  const optionText = (questionKey: string, keys: string[]) => {
    const q = byKey.get(questionKey);
    return keys.map((k) => textIn(q?.options.find((o) => o.key === k)?.text ?? k, lang)).join('; ');
  };
  const items: Html[] = score.questions.map((o) => {
    const q = byKey.get(o.key);
    return html`<li class="${o.correct ? 'ok' : 'no'}"><h2>${q ? textIn(q.text, lang) : o.key}</h2>
<p class="mk">${o.correct ? `✓ ${t('right')}` : `✗ ${t('wrong')}`}</p>
<p>${o.chosen.length ? t('yourAnswer', { answer: optionText(o.key, o.chosen) }) : t('noAnswer')}</p>${
      o.correct ? '' : html`<p>${t('correctAnswer', { count: o.correctKeys.length, answer: optionText(o.key, o.correctKeys) })}</p>`
    }</li>`;
  });
  const body = html`<h1 tabindex="-1">${t('resultTitle')}: ${title(quiz, lang)}</h1>
<p role="status" class="intro" id="score">${t('score', { correct: score.correct, total: score.total, percent: Math.round(score.percent) })}</p>
<ol class="res">${items}</ol>
<p><a href="${againHref}">${t('again')}</a></p>`;
  return renderDocument({ lang, title: t('resultTitle'), body, style: QUIZ_CSS });
}

/** "This quiz is closed" (410). */
export function renderQuizClosed(lang: string): string {
  return renderDocument({ lang, title: quizText(lang, 'closedTitle'), body: html`<h1 tabindex="-1">${quizText(lang, 'closedTitle')}</h1><p>${quizText(lang, 'closedText')}</p>` });
}
