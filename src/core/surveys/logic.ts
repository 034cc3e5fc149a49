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

export type ValidationCode = 'required' | 'not_a_number' | 'out_of_range' | 'unknown_choice' | 'too_long' | 'one_choice';

/** Answer validation messages; numbers without grouping ("under 2000 characters"), in the language's digits. */
export const validationCatalogue = createCatalogue('answer validation', defineMessages({
  en: {
    required: 'Please answer this question.',
    not_a_number: 'Choose one of the numbers.',
    out_of_range: 'Choose a number from {min, number} to {max, number}.',
    unknown_choice: 'Choose one of the listed options.',
    too_long: 'Please keep your answer under {max, plural, one {# character} other {# characters}}.',
    one_choice: 'Choose only one option.',
  } satisfies Record<ValidationCode, string>,
  ru: {
    required: 'Пожалуйста, ответьте на этот вопрос.',
    not_a_number: 'Выберите одно из чисел.',
    out_of_range: 'Выберите число от {min, number} до {max, number}.',
    unknown_choice: 'Выберите один из предложенных вариантов.',
    too_long: 'Пожалуйста, уложитесь в {max, plural, one {# символ} few {# символа} many {# символов} other {# символа}}.',
    one_choice: 'Выберите только один вариант.',
  },
  fa: {
    required: 'لطفاً به این پرسش پاسخ دهید.',
    not_a_number: 'یکی از عددها را انتخاب کنید.',
    out_of_range: 'عددی از {min, number} تا {max, number} انتخاب کنید.',
    unknown_choice: 'یکی از گزینه‌های فهرست را انتخاب کنید.',
    too_long: 'لطفاً پاسخ خود را کمتر از {max, number} نویسه بنویسید.',
    one_choice: 'فقط یک گزینه را انتخاب کنید.',
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
      if (q.required) errors[q.key] = { code: 'required', message: validationMessage('required', lang) };
    } else if ('value' in result) {
      answers[q.key] = result.value;
    } else {
      errors[q.key] = { code: result.code, message: validationMessage(result.code, lang, result.params) };
    }
  }
  return { answers, errors, end: flow.end };
}
