/**
 * A survey answered inside a Telegram chat, one question at a time. Pure: which language, which
 * question comes next (the survey's show-if rules, src/core/surveys/logic.ts), the inline keyboard of
 * a question, the callback data of its buttons and what a button press or a text message does to the
 * answers so far. The server keeps the state (src/server/telegram/handleUpdate.ts).
 */
import { isLanguage } from '../i18n/languages.ts';
import { localize } from '../surveys/localize.ts';
import { activeQuestions, checkAnswer, MAX_TEXT_LENGTH, questionText, scoreRange, visibleQuestions, type RawAnswer } from '../surveys/logic.ts';
import type { AnswerMap, AnswerValue, QuestionDef, SurveyDef } from '../surveys/types.ts';
import { botText } from './messages.ts';

/** What Telegram accepts after `?start=` (and in `/start <payload>`): 1-64 of A-Z a-z 0-9 _ -. */
export const START_PAYLOAD_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** The deep link that opens the bot and sends `/start <payload>`; null when the slug cannot be a payload. */
export function deepLink(botUsername: string, slug: string): string | null {
  if (!START_PAYLOAD_RE.test(slug)) return null;
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${slug}`;
}

/**
 * The payload of a `/start` command (`/start demo-nps`, `/start@my_bot demo-nps`); '' for a bare
 * `/start`; null when the text is not a /start command or its payload is not a valid one.
 */
export function parseStart(text: string): string | null {
  const m = /^\/start(?:@[A-Za-z0-9_]+)?(?:\s+(\S*))?\s*$/.exec(text.trim());
  if (!m) return null;
  const payload = m[1] ?? '';
  return payload === '' || START_PAYLOAD_RE.test(payload) ? payload : null;
}

/** Whether the text is the /stop command (opt out of invitations). */
export function isStop(text: string): boolean {
  return /^\/stop(?:@[A-Za-z0-9_]+)?\s*$/.test(text.trim());
}

/**
 * The conversation's language: Telegram's `language_code` ("ru", "fa", "en-US", "pt-br") when its
 * base language is an interface language the survey is written in, else the survey's default.
 */
export function pickLanguage(languageCode: string | null | undefined, survey: Pick<SurveyDef, 'languages' | 'defaultLanguage'>): string {
  const base = (languageCode ?? '').toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) && survey.languages.includes(base) ? base : survey.defaultLanguage;
}

export interface InlineButton {
  text: string;
  callback_data: string;
}
export type InlineKeyboard = InlineButton[][];

/** A button press: the conversation's tag, the question (index among active questions) and the value. */
export interface ButtonPress {
  tag: string;
  questionIndex: number;
  /** A score, an option's index, `s` (skip) or `d` (done, multiple choice). */
  value: string;
}

/** Types answered by typing a message (checked as the web form checks them). */
const TYPED = new Set(['text', 'date', 'number', 'email', 'phone']);

/** Callback data is at most 64 bytes: `<tag>:<question index>:<value>` stays far below. */
export function callbackData(p: ButtonPress): string {
  return `${p.tag}:${p.questionIndex}:${p.value}`;
}

export function parseCallbackData(data: string): ButtonPress | null {
  const m = /^([A-Za-z0-9]{4,16}):(\d{1,3}):(s|d|-?\d{1,3})$/.exec(data);
  return m ? { tag: m[1], questionIndex: Number(m[2]), value: m[3] } : null;
}

/** Rows of score buttons: NPS 0-10 as 0-5 and 6-10; scales of up to 7 points in one row, longer ones in two. */
function scoreRows(min: number, max: number): number[][] {
  const all = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  if (all.length <= 7) return [all];
  const first = Math.ceil(all.length / 2);
  return [all.slice(0, first), all.slice(first)];
}

function formatScore(n: number, lang: string): string {
  return new Intl.NumberFormat(lang, { useGrouping: false }).format(n);
}

/** The inline keyboard of a question (none for a required text question: the answer is a message). */
export function questionKeyboard(q: QuestionDef, questionIndex: number, tag: string, lang: string, fallback: string, draft?: AnswerValue): InlineKeyboard {
  const button = (text: string, value: string | number): InlineButton => ({ text, callback_data: callbackData({ tag, questionIndex, value: String(value) }) });
  const rows: InlineKeyboard = [];
  const range = scoreRange(q);
  if (range) {
    for (const row of scoreRows(range.min, range.max)) rows.push(row.map((n) => button(formatScore(n, lang), n)));
  } else if (q.type === 'single' || q.type === 'multi') {
    const chosen = new Set(draft?.choices ?? []);
    (q.options ?? []).forEach((o, i) => {
      const label = localize(o.label, lang, fallback, o.value);
      rows.push([button(q.type === 'multi' && chosen.has(o.value) ? `✓ ${label}` : label, i)]);
    });
    if (q.type === 'multi') rows.push([button(botText(lang, 'done'), 'd')]);
  } else if (q.type === 'yesno') {
    rows.push([button(botText(lang, 'yes'), 0), button(botText(lang, 'no'), 1)]);
  } else if (q.type === 'consent') {
    rows.push([button(botText(lang, 'agree'), 0)]);
  } else if (q.type === 'ranking') {
    // Pressed in order: a ranked option shows its rank.
    const ranked = draft?.choices ?? [];
    (q.options ?? []).forEach((o, i) => {
      const label = localize(o.label, lang, fallback, o.value);
      const rank = ranked.indexOf(o.value);
      rows.push([button(rank >= 0 ? `${formatScore(rank + 1, lang)}. ${label}` : label, i)]);
    });
  }
  if (!q.required) rows.push([button(botText(lang, 'skip'), 's')]);
  return rows;
}

/** The message that asks a question: its wording (the "why?" text for the score given), scale ends and a hint. */
export function questionMessage(survey: Pick<SurveyDef, 'questions' | 'defaultLanguage'>, q: QuestionDef, answers: AnswerMap, lang: string): string {
  const fallback = survey.defaultLanguage;
  // A matrix row (a rating question, src/core/surveys/matrix.ts) is asked under its grid's wording.
  const lines = [...(q.matrix ? [localize(q.matrix.text, lang, fallback)] : []), questionText(q, answers, survey, lang, fallback)];
  const range = scoreRange(q);
  const minLabel = localize(q.scale?.labels?.min, lang, fallback);
  const maxLabel = localize(q.scale?.labels?.max, lang, fallback);
  if (range && minLabel && maxLabel) lines.push(botText(lang, 'scaleEnds', { min: range.min, max: range.max, minLabel, maxLabel }));
  if (TYPED.has(q.type)) lines.push(botText(lang, q.required ? 'typeAnswer' : 'typeOrSkip'));
  if (q.type === 'multi') lines.push(botText(lang, 'chooseMany'));
  if (q.type === 'ranking') lines.push(botText(lang, 'rankInOrder'));
  return lines.join('\n\n');
}

/** The first message of a survey: title and intro above the first question. */
export function openingText(survey: Pick<SurveyDef, 'title' | 'intro' | 'name' | 'defaultLanguage'>, lang: string): string {
  return [localize(survey.title, lang, survey.defaultLanguage, survey.name), localize(survey.intro, lang, survey.defaultLanguage)].filter((t) => t).join('\n\n');
}

/** The thanks at the end: the survey's own text, else "Thank you!". */
export function thanksText(survey: Pick<SurveyDef, 'thanks' | 'defaultLanguage'>, lang: string): string {
  return localize(survey.thanks, lang, survey.defaultLanguage) || botText(lang, 'thanks');
}

/** The first question to ask with no answers yet; null for a survey without active questions. */
export function firstQuestion(survey: Pick<SurveyDef, 'questions'>): QuestionDef | null {
  return visibleQuestions(survey, {})[0] ?? null;
}

/** Index of a question among the active ones (the number in its buttons' callback data). */
export function questionIndexOf(survey: Pick<SurveyDef, 'questions'>, key: string): number {
  return activeQuestions(survey).findIndex((q) => q.key === key);
}

/** The question after `currentKey` that is visible for these answers; null when the survey is done. */
export function nextQuestion(survey: Pick<SurveyDef, 'questions'>, answers: AnswerMap, currentKey: string): QuestionDef | null {
  const order = activeQuestions(survey).map((q) => q.key);
  const at = order.indexOf(currentKey);
  return visibleQuestions(survey, answers).find((q) => order.indexOf(q.key) > at) ?? null;
}

/** What one input does to the conversation. */
export type Step =
  /** The input does not fit the question asked now: say `notice` (a button of another question, a text where a button is expected...). */
  | { kind: 'refused'; notice: string }
  /** A multiple-choice option toggled: the same question, its keyboard redrawn with these answers. */
  | { kind: 'toggled'; answers: AnswerMap }
  /** Answered (or skipped): ask `next`, or the survey is done when it is null. */
  | { kind: 'answered'; answers: AnswerMap; next: QuestionDef | null };

export type StepInput = { kind: 'button'; questionIndex: number; value: string } | { kind: 'text'; text: string };

/**
 * Applies a button press or a text message to the question asked now (`currentKey`). Values are
 * checked against the question (a score in its range, an existing option); the survey's full
 * validation runs again when the answers are submitted.
 */
export function applyInput(survey: Pick<SurveyDef, 'questions'>, answers: AnswerMap, currentKey: string, input: StepInput, lang: string): Step {
  const questions = activeQuestions(survey);
  const index = questions.findIndex((q) => q.key === currentKey);
  const q = questions[index];
  if (!q) return { kind: 'refused', notice: botText(lang, 'stale') };
  const answered = (value: AnswerValue | null): Step => {
    const next: AnswerMap = { ...answers };
    if (value) next[q.key] = value;
    else delete next[q.key];
    return { kind: 'answered', answers: next, next: nextQuestion(survey, next, q.key) };
  };
  if (input.kind === 'text' && q.type !== 'text' && TYPED.has(q.type)) {
    const checked = checkAnswer(q, input.text, lang);
    if (checked === null) return { kind: 'refused', notice: botText(lang, q.required ? 'typeAnswer' : 'typeOrSkip') };
    return 'value' in checked ? answered(checked.value) : { kind: 'refused', notice: checked.message };
  }
  if (input.kind === 'text') {
    if (q.type !== 'text') return { kind: 'refused', notice: botText(lang, q.type === 'multi' ? 'chooseMany' : 'chooseAbove') };
    const text = input.text.replace(/\r\n?/g, '\n').trim();
    if (text === '') return { kind: 'refused', notice: botText(lang, q.required ? 'typeAnswer' : 'typeOrSkip') };
    if (text.length > MAX_TEXT_LENGTH) return { kind: 'refused', notice: botText(lang, 'tooLong', { max: MAX_TEXT_LENGTH }) };
    return answered({ text });
  }
  if (input.questionIndex !== index) return { kind: 'refused', notice: botText(lang, 'stale') };
  if (input.value === 's') {
    if (q.required) return { kind: 'refused', notice: botText(lang, 'chooseAbove') };
    return answered(null);
  }
  const range = scoreRange(q);
  if (range) {
    const score = Number(input.value);
    if (input.value === 'd' || score < range.min || score > range.max) return { kind: 'refused', notice: botText(lang, 'chooseAbove') };
    return answered({ score });
  }
  const options = q.options ?? [];
  if (q.type === 'yesno' || q.type === 'consent') {
    const choice = q.type === 'yesno' ? ['yes', 'no'][Number(input.value)] : input.value === '0' ? 'yes' : undefined;
    return choice ? answered({ choice }) : { kind: 'refused', notice: botText(lang, 'chooseAbove') };
  }
  if (q.type === 'ranking') {
    const option = options[Number(input.value)];
    if (!option) return { kind: 'refused', notice: botText(lang, 'rankInOrder') };
    const ranked = answers[q.key]?.choices ?? [];
    const order = ranked.includes(option.value) ? ranked.filter((c) => c !== option.value) : [...ranked, option.value];
    if (order.length === options.length) return answered({ choices: order });
    const next: AnswerMap = { ...answers };
    if (order.length) next[q.key] = { choices: order };
    else delete next[q.key];
    return { kind: 'toggled', answers: next };
  }
  if (q.type === 'single') {
    const option = options[Number(input.value)];
    return option ? answered({ choice: option.value }) : { kind: 'refused', notice: botText(lang, 'chooseAbove') };
  }
  if (q.type === 'multi') {
    const chosen = answers[q.key]?.choices ?? [];
    if (input.value === 'd') {
      if (chosen.length === 0 && q.required) return { kind: 'refused', notice: botText(lang, 'chooseMany') };
      return answered(chosen.length ? { choices: chosen } : null);
    }
    const option = options[Number(input.value)];
    if (!option) return { kind: 'refused', notice: botText(lang, 'chooseMany') };
    const toggled = chosen.includes(option.value) ? chosen.filter((c) => c !== option.value) : [...chosen, option.value];
    const next: AnswerMap = { ...answers };
    if (toggled.length) next[q.key] = { choices: options.map((o) => o.value).filter((v) => toggled.includes(v)) };
    else delete next[q.key];
    return { kind: 'toggled', answers: next };
  }
  return { kind: 'refused', notice: botText(lang, 'typeAnswer') };
}

/** The answers as the submit command takes them (form-like raw values, validated there again). */
export function rawAnswers(answers: AnswerMap): Record<string, RawAnswer> {
  const raw: Record<string, RawAnswer> = {};
  for (const [key, a] of Object.entries(answers)) {
    raw[key] = a.score !== undefined ? a.score : a.number !== undefined ? a.number : a.choice !== undefined ? a.choice : a.choices ? a.choices : a.text;
  }
  return raw;
}
