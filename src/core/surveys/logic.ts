/**
 * Respondent-side survey logic, pure (no I/O): parsing plus validation of submitted answers with messages
 * in the respondent's language (en, ru, fa), over the flow of flow.ts (show-if groups, jumps, piping,
 * score groups and the "why?" wording live there and are re-exported here).
 * The same functions run on the server for every channel, so a condition or a range is decided once.
 */
import { createCatalogue } from '../i18n/catalogue.ts';
import { defineMessages } from '../i18n/messages.ts';
import { activeQuestions, runFlow, scoreRange, type FlowContext, type FlowEnd } from './flow.ts';
import type { AnswerMap, AnswerValue, QuestionDef, SurveyDef } from './types.ts';

// The evaluation (conditions, jumps, piping, score groups) has one home, flow.ts, shared with the page script.
export {
  activeQuestions, evaluateShowIf, isVisible, questionText, scoreGroup, scoreRange, visibleQuestions, type FlowContext,
} from './flow.ts';

/** Longest free-text answer accepted (the textarea carries the same maxlength). */
export const MAX_TEXT_LENGTH = 2000;

export type ValidationCode =
  | 'required' | 'not_a_number' | 'out_of_range' | 'unknown_choice' | 'too_long' | 'one_choice'
  | 'consent' | 'invalid_date' | 'invalid_number' | 'whole_number' | 'number_min' | 'number_max' | 'number_between'
  | 'invalid_email' | 'invalid_phone' | 'rank_each';

/** Answer validation messages; numbers without grouping ("under 2000 characters"), in the language's digits. */
export const validationCatalogue = createCatalogue('answer validation', defineMessages({
  en: {
    required: 'Please answer this question.',
    not_a_number: 'Choose one of the numbers.',
    out_of_range: 'Choose a number from {min, number} to {max, number}.',
    unknown_choice: 'Choose one of the listed options.',
    too_long: 'Please keep your answer under {max, plural, one {# character} other {# characters}}.',
    one_choice: 'Choose only one option.',
    consent: 'Please tick the box to continue.',
    invalid_date: 'Enter a real date as year-month-day, for example 2024-03-31.',
    invalid_number: 'Enter a number, for example 42.',
    whole_number: 'Enter a whole number, without decimals.',
    number_min: 'Enter a number of at least {min, number}.',
    number_max: 'Enter a number of at most {max, number}.',
    number_between: 'Enter a number from {min, number} to {max, number}.',
    invalid_email: 'Enter an e-mail address such as name@example.com.',
    invalid_phone: 'Enter a phone number with 7 to 15 digits (a leading +, spaces, dashes and brackets are fine).',
    rank_each: 'Give each option its own rank from 1 to {n, number}.',
  } satisfies Record<ValidationCode, string>,
  ru: {
    required: 'Пожалуйста, ответьте на этот вопрос.',
    not_a_number: 'Выберите одно из чисел.',
    out_of_range: 'Выберите число от {min, number} до {max, number}.',
    unknown_choice: 'Выберите один из предложенных вариантов.',
    too_long: 'Пожалуйста, уложитесь в {max, plural, one {# символ} few {# символа} many {# символов} other {# символа}}.',
    one_choice: 'Выберите только один вариант.',
    consent: 'Пожалуйста, отметьте галочку, чтобы продолжить.',
    invalid_date: 'Введите существующую дату в виде год-месяц-день, например 2024-03-31.',
    invalid_number: 'Введите число, например 42.',
    whole_number: 'Введите целое число, без дробной части.',
    number_min: 'Введите число не меньше {min, number}.',
    number_max: 'Введите число не больше {max, number}.',
    number_between: 'Введите число от {min, number} до {max, number}.',
    invalid_email: 'Введите адрес электронной почты, например name@example.com.',
    invalid_phone: 'Введите номер телефона из 7–15 цифр (можно с +, пробелами, дефисами и скобками).',
    rank_each: 'Присвойте каждому варианту своё место от 1 до {n, number}.',
  },
  fa: {
    required: 'لطفاً به این پرسش پاسخ دهید.',
    not_a_number: 'یکی از عددها را انتخاب کنید.',
    out_of_range: 'عددی از {min, number} تا {max, number} انتخاب کنید.',
    unknown_choice: 'یکی از گزینه‌های فهرست را انتخاب کنید.',
    too_long: 'لطفاً پاسخ خود را کمتر از {max, number} نویسه بنویسید.',
    one_choice: 'فقط یک گزینه را انتخاب کنید.',
    consent: 'لطفاً برای ادامه، کادر را علامت بزنید.',
    invalid_date: 'یک تاریخ واقعی به شکل سال-ماه-روز وارد کنید، مثلاً 2024-03-31.',
    invalid_number: 'یک عدد وارد کنید، مثلاً ۴۲.',
    whole_number: 'یک عدد صحیح و بدون اعشار وارد کنید.',
    number_min: 'عددی دست‌کم {min, number} وارد کنید.',
    number_max: 'عددی حداکثر {max, number} وارد کنید.',
    number_between: 'عددی از {min, number} تا {max, number} وارد کنید.',
    invalid_email: 'یک نشانی ایمیل مانند name@example.com وارد کنید.',
    invalid_phone: 'یک شماره تلفن با ۷ تا ۱۵ رقم وارد کنید (+، فاصله، خط تیره و پرانتز مجاز است).',
    rank_each: 'به هر گزینه رتبه‌ای جداگانه از ۱ تا {n, number} بدهید.',
  },
}), { numbers: { useGrouping: false } });

/** A validation message in the language (English when the language has no messages), numbers in local digits. */
export function validationMessage(code: ValidationCode, lang: string, params: Record<string, number> = {}): string {
  return validationCatalogue.formatMessage(lang, code, params);
}

export interface AnswerError {
  code: ValidationCode;
  message: string;
}

export interface ParsedAnswers {
  /** Valid answers of visible questions; hidden questions' answers are dropped, not errors. */
  answers: AnswerMap;
  /** Per question key, in display order. Empty when everything is valid. */
  errors: Record<string, AnswerError>;
  /** Set when a jump ended the survey (its thank-you text is shown). */
  end: FlowEnd | null;
}

/** Raw submitted value: form fields are strings (repeated for multi-choice); JSON may send numbers. */
export type RawAnswer = string | number | Array<string | number> | null | undefined;

function asList(raw: RawAnswer): string[] {
  if (raw === null || raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

type Check = { value: AnswerValue } | { code: ValidationCode; params?: Record<string, number> } | null;

/** Persian and Arabic-Indic digits as ASCII digits, so a respondent may type in their own script. */
function asciiDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** YYYY-MM-DD that names a day of the calendar (no 2023-02-29). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A pragmatic e-mail check: something@domain.tld without spaces, at most 254 characters. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Digits with an optional leading +, spaces, dashes and brackets; 7 to 15 digits in all. */
const PHONE = /^\+?[\d\s().-]+$/;

function parseNumber(q: QuestionDef, s: string): Check {
  const normalized = asciiDigits(s).replace(/[\s\u00A0\u202F]/g, '').replace(/[,\u066B]/, '.').replace(/^\u2212/, '-');
  if (!/^[+-]?\d{1,15}(\.\d{1,10})?$/.test(normalized)) return { code: 'invalid_number' };
  const n = Number(normalized);
  const { min, max, decimals } = q.range ?? {};
  if (!decimals && !Number.isInteger(n)) return { code: 'whole_number' };
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    if (min !== undefined && max !== undefined) return { code: 'number_between', params: { min, max } };
    return min !== undefined ? { code: 'number_min', params: { min } } : { code: 'number_max', params: { max: max! } };
  }
  return { value: { number: n } };
}

/**
 * A ranking: every option once, in rank order. Form fields send `<rank>:<option>` per option (one select
 * each); JSON may instead send the option values in rank order.
 */
function parseRanking(q: QuestionDef, list: string[]): Check {
  const values = (q.options ?? []).map((o) => o.value);
  const n = values.length;
  let order: string[];
  if (list.every((v) => /^\d{1,3}:/.test(v))) {
    const byRank = new Map<number, string>();
    for (const v of list) {
      const rank = Number(v.slice(0, v.indexOf(':')));
      if (byRank.has(rank)) return { code: 'rank_each', params: { n } };
      byRank.set(rank, v.slice(v.indexOf(':') + 1));
    }
    order = [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    if ([...byRank.keys()].some((r) => r < 1 || r > n)) return { code: 'rank_each', params: { n } };
  } else order = list;
  if (order.some((v) => !values.includes(v))) return { code: 'unknown_choice' };
  if (order.length !== n || new Set(order).size !== n) return { code: 'rank_each', params: { n } };
  return { value: { choices: order } };
}

function parseOne(q: QuestionDef, raw: RawAnswer): Check {
  if (q.type === 'text') {
    // Line breaks are normalised so the limit counts what the textarea shows.
    const text = (Array.isArray(raw) ? raw.join('\n') : String(raw ?? '')).replace(/\r\n?/g, '\n').trim();
    if (text === '') return null;
    if (text.length > MAX_TEXT_LENGTH) return { code: 'too_long', params: { max: MAX_TEXT_LENGTH } };
    return { value: { text } };
  }
  const list = asList(raw);
  if (list.length === 0) return null;
  if (q.type === 'ranking') return parseRanking(q, list);
  if (q.type === 'multi' || q.type === 'single' || q.type === 'nps' || q.type === 'rating') return parseChoiceOrScore(q, list);
  if (list.length > 1) return { code: 'one_choice' };
  const one = list[0];
  switch (q.type) {
    case 'yesno':
      return one === 'yes' || one === 'no' ? { value: { choice: one } } : { code: 'unknown_choice' };
    case 'consent':
      return one === 'yes' ? { value: { choice: one } } : { code: 'unknown_choice' };
    case 'date': {
      const date = asciiDigits(one);
      return isCalendarDate(date) ? { value: { text: date } } : { code: 'invalid_date' };
    }
    case 'number':
      return parseNumber(q, one);
    case 'email':
      return one.length <= 254 && EMAIL.test(one) ? { value: { text: one } } : { code: 'invalid_email' };
    case 'phone': {
      const phone = asciiDigits(one).replace(/\s+/g, ' ');
      const digits = phone.replace(/\D/g, '').length;
      return PHONE.test(phone) && digits >= 7 && digits <= 15 ? { value: { text: phone } } : { code: 'invalid_phone' };
    }
    default:
      // A matrix is stored as its rows (rating questions, matrix.ts): nothing is answered under its own key.
      return null;
  }
}

function parseChoiceOrScore(q: QuestionDef, list: string[]): Check {
  const values = new Set((q.options ?? []).map((o) => o.value));
  if (q.type === 'multi') {
    const unique = [...new Set(list)];
    if (unique.some((v) => !values.has(v))) return { code: 'unknown_choice' };
    return { value: { choices: unique } };
  }
  if (list.length > 1) return { code: 'one_choice' };
  if (q.type === 'single') return values.has(list[0]) ? { value: { choice: list[0] } } : { code: 'unknown_choice' };
  const range = scoreRange(q)!;
  if (!/^-?\d{1,3}$/.test(list[0])) return { code: 'not_a_number' };
  const score = Number(list[0]);
  if (score < range.min || score > range.max) return { code: 'out_of_range', params: range };
  return { value: { score } };
}

/**
 * One answer on its own (a chat channel checks each answer as it comes): its value, its message in the
 * language, or null when nothing was given. The submission is validated again as a whole by parseAnswers.
 */
export function checkAnswer(q: QuestionDef, raw: RawAnswer, lang: string): { value: AnswerValue } | { message: string } | null {
  const result = parseOne(q, raw);
  if (result === null || 'value' in result) return result;
  return { message: validationMessage(result.code, lang, result.params) };
}

/**
 * Parses and validates a submission against the survey. `raw` is keyed by question key. Each value is
 * checked on its own, then the flow (flow.ts runFlow) decides on the valid answers which questions were
 * asked, exactly as the page shows them: answers of questions hidden or skipped by a jump are dropped,
 * not errors, and only asked questions can be required. `ctx` (hidden fields, channel, language) feeds
 * the conditions; unknown keys are ignored.
 */
export function parseAnswers(
  survey: Pick<SurveyDef, 'questions'>, raw: Record<string, RawAnswer>, lang: string, ctx: FlowContext = { language: lang },
): ParsedAnswers {
  const checks = new Map<string, Check>();
  const valid: AnswerMap = {};
  for (const q of activeQuestions(survey)) {
    const result = parseOne(q, Object.hasOwn(raw, q.key) ? raw[q.key] : undefined);
    checks.set(q.key, result);
    if (result && 'value' in result) valid[q.key] = result.value;
  }
  const flow = runFlow(survey, valid, { language: lang, ...ctx });
  const answers: AnswerMap = {};
  const errors: Record<string, AnswerError> = {};
  for (const q of flow.shown) {
    const result = checks.get(q.key) ?? null;
    if (result === null) {
      const code = q.type === 'consent' ? 'consent' : 'required';
      if (q.required) errors[q.key] = { code, message: validationMessage(code, lang) };
    } else if ('value' in result) {
      answers[q.key] = result.value;
    } else {
      errors[q.key] = { code: result.code, message: validationMessage(result.code, lang, result.params) };
    }
  }
  return { answers, errors, end: flow.end };
}
