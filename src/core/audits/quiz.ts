/**
 * @module Staff knowledge quizzes (docs/audits.md "Knowledge quizzes"): the quiz definition stored in
 * quizzes.definition, its validation, the scoring of one attempt, and the roll-ups of the results page
 * (progress per employee, most-missed questions, scores per topic and per location). Pure; no I/O.
 *
 * The definition is `{"questions":[{"key","text":{en,ru,fa},"topic"?,"options":[{"key","text":{..}}],
 * "correct":["<option key>", ...]}]}`. A question with one correct key is single choice (radio buttons),
 * with several multiple choice (checkboxes). An answer is correct only when the chosen set of options equals
 * the correct set exactly; an unanswered question is wrong. Score = correct / total questions, in percent.
 */
import { percentScore } from './scoring.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

/** A quiz's life: a draft is edited, a live quiz takes attempts, a closed one shows its results only. */
export const QUIZ_STATUSES = ['draft', 'live', 'closed'] as const;
export type QuizStatus = (typeof QUIZ_STATUSES)[number];

export interface QuizOption {
  key: string;
  text: Partial<Record<Language, string>>;
}

export interface QuizQuestion {
  key: string;
  text: Partial<Record<Language, string>>;
  topic: string | null;
  options: QuizOption[];
  /** Keys of the correct options, in the options' order; more than one: multiple choice. */
  correct: string[];
}

export interface QuizDefinition {
  questions: QuizQuestion[];
}

export const QUIZ_LIMITS = { questions: 100, options: 20, textLength: 1000, topicLength: 100 } as const;
const KEY_PATTERN = /^[A-Za-z0-9_.-]{1,60}$/;

/** A problem with quiz JSON or with an attempt's answers: `path` says where (e.g. `questions[2].correct[0]`). */
export class QuizError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'QuizError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function texts(value: unknown, path: string): Partial<Record<Language, string>> {
  if (typeof value === 'string') value = { en: value };
  if (!isObject(value)) throw new QuizError(path, 'must be an object of texts per language ({"en": "...", "ru": "...", "fa": "..."})');
  const out: Partial<Record<Language, string>> = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new QuizError(`${path}.${lang}`, `unknown language (one of ${LANGUAGES.join(', ')})`);
    if (typeof text !== 'string') throw new QuizError(`${path}.${lang}`, 'must be a string');
    if (text.length > QUIZ_LIMITS.textLength) throw new QuizError(`${path}.${lang}`, `at most ${QUIZ_LIMITS.textLength} characters`);
    if (text.trim() !== '') out[lang as Language] = text.trim();
  }
  if (Object.keys(out).length === 0) throw new QuizError(path, 'needs a text in at least one language');
  return out;
}

function key(value: unknown, path: string): string {
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) throw new QuizError(path, 'must be 1-60 letters, digits, "_", "-" or "."');
  return value;
}

function question(value: unknown, path: string): QuizQuestion {
  if (!isObject(value)) throw new QuizError(path, 'must be an object with "key", "text", "options" and "correct"');
  const questionKey = key(value.key, `${path}.key`);
  const text = texts(value.text, `${path}.text`);
  let topic: string | null = null;
  if (value.topic !== undefined && value.topic !== null) {
    if (typeof value.topic !== 'string' || value.topic.length > QUIZ_LIMITS.topicLength) throw new QuizError(`${path}.topic`, `must be a text of at most ${QUIZ_LIMITS.topicLength} characters`);
    topic = value.topic.trim() || null;
  }
  if (!Array.isArray(value.options) || value.options.length < 2) throw new QuizError(`${path}.options`, 'must list at least 2 options');
  if (value.options.length > QUIZ_LIMITS.options) throw new QuizError(`${path}.options`, `at most ${QUIZ_LIMITS.options}`);
  const optionKeys = new Set<string>();
  const options = value.options.map((raw, j): QuizOption => {
    const at = `${path}.options[${j}]`;
    if (!isObject(raw)) throw new QuizError(at, 'must be an object with "key" and "text"');
    const optionKey = key(raw.key, `${at}.key`);
    if (optionKeys.has(optionKey)) throw new QuizError(`${at}.key`, `"${optionKey}" is used twice in this question`);
    optionKeys.add(optionKey);
    return { key: optionKey, text: texts(raw.text, `${at}.text`) };
  });
  if (!Array.isArray(value.correct) || value.correct.length === 0) throw new QuizError(`${path}.correct`, 'mark at least one option as correct');
  const correct = new Set<string>();
  value.correct.forEach((c, j) => {
    if (typeof c !== 'string' || !optionKeys.has(c)) throw new QuizError(`${path}.correct[${j}]`, `must be the key of one of this question's options (${[...optionKeys].join(', ')})`);
    if (correct.has(c)) throw new QuizError(`${path}.correct[${j}]`, `"${c}" is listed twice`);
    correct.add(c);
  });
  return { key: questionKey, text, topic, options, correct: options.map((o) => o.key).filter((k) => correct.has(k)) };
}

/** Reads quiz JSON (already parsed) into a definition, or throws a QuizError naming the first problem. */
export function parseQuiz(value: unknown): QuizDefinition {
  if (!isObject(value)) throw new QuizError('definition', 'must be a JSON object with "questions"');
  if (!Array.isArray(value.questions) || value.questions.length === 0) throw new QuizError('questions', 'must be a non-empty array');
  if (value.questions.length > QUIZ_LIMITS.questions) throw new QuizError('questions', `at most ${QUIZ_LIMITS.questions}`);
  const keys = new Set<string>();
  const questions = value.questions.map((raw, i) => {
    const parsed = question(raw, `questions[${i}]`);
    if (keys.has(parsed.key)) throw new QuizError(`questions[${i}].key`, `"${parsed.key}" is used twice in the quiz`);
    keys.add(parsed.key);
    return parsed;
  });
  return { questions };
}

/** The languages the quiz lacks a text in: `[{path, language}]`, so an editor can say what is missing. */
export function missingTexts(definition: QuizDefinition, languages: readonly Language[]): { path: string; language: Language }[] {
  const out: { path: string; language: Language }[] = [];
  definition.questions.forEach((q, i) => {
    for (const lang of languages) {
      if (!q.text[lang]) out.push({ path: `questions[${i}].text`, language: lang });
      q.options.forEach((o, j) => {
        if (!o.text[lang]) out.push({ path: `questions[${i}].options[${j}].text`, language: lang });
      });
    }
  });
  return out;
}

export const isMultipleChoice = (q: QuizQuestion) => q.correct.length > 1;

/** What one attempt answered: option keys chosen per question key (a single choice is a one-element list). */
export type QuizAnswers = Record<string, string[]>;

export interface QuestionOutcome {
  key: string;
  topic: string | null;
  chosen: string[];
  correctKeys: string[];
  correct: boolean;
}

export interface AttemptScore {
  correct: number;
  total: number;
  /** 100 x correct / total (full precision). */
  percent: number;
  questions: QuestionOutcome[];
  /** Questions left unanswered (counted as wrong). */
  unanswered: string[];
}

/**
 * Checks an attempt's answers against the definition: unknown questions or options, several options on a
 * single-choice question. Empty lists mean unanswered. Throws a QuizError naming `answers.<question key>`.
 */
export function checkAnswers(definition: QuizDefinition, answers: Record<string, unknown>): QuizAnswers {
  const byKey = new Map(definition.questions.map((q) => [q.key, q]));
  const out: QuizAnswers = {};
  for (const [questionKey, raw] of Object.entries(answers)) {
    const q = byKey.get(questionKey);
    if (!q) throw new QuizError(`answers.${questionKey}`, 'no such question in this quiz');
    const list = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw : [raw];
    const chosen = new Set<string>();
    for (const option of list) {
      if (typeof option !== 'string' || !q.options.some((o) => o.key === option)) throw new QuizError(`answers.${questionKey}`, `"${String(option)}" is not an option of this question`);
      chosen.add(option);
    }
    if (!isMultipleChoice(q) && chosen.size > 1) throw new QuizError(`answers.${questionKey}`, 'choose one option');
    out[questionKey] = q.options.map((o) => o.key).filter((k) => chosen.has(k));
  }
  return out;
}

/**
 * Scores an attempt (answers already checked): a question is right only when the chosen set equals the
 * correct set; unanswered questions are wrong. `fallbackTopic` (the quiz's topic) stands for questions without one.
 */
export function scoreAttempt(definition: QuizDefinition, answers: QuizAnswers, fallbackTopic: string | null = null): AttemptScore {
  const questions = definition.questions.map((q): QuestionOutcome => {
    const chosen = answers[q.key] ?? [];
    const right = chosen.length === q.correct.length && q.correct.every((k) => chosen.includes(k));
    return { key: q.key, topic: q.topic ?? fallbackTopic, chosen, correctKeys: q.correct, correct: right };
  });
  const correct = questions.filter((q) => q.correct).length;
  const total = questions.length;
  return {
    correct,
    total,
    percent: percentScore(correct, total) ?? 0,
    questions,
    unanswered: questions.filter((q) => q.chosen.length === 0).map((q) => q.key),
  };
}

/** One stored attempt as the roll-ups read it. */
export interface AttemptRow {
  id: string;
  employeeId: string | null;
  locationId: string | null;
  correct: number;
  total: number;
  at: Date;
}

export interface EmployeeProgress {
  employeeId: string;
  attempts: number;
  /** Percent of the first, latest and best attempt. */
  first: number;
  latest: number;
  best: number;
  /** latest - first, in percentage points (0 after one attempt). */
  change: number;
}

const attemptPercent = (a: Pick<AttemptRow, 'correct' | 'total'>) => percentScore(a.correct, a.total) ?? 0;
const byTime = (a: AttemptRow, b: AttemptRow) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The mean of the attempts' percents (each attempt counts once); null without attempts. */
export function meanAttemptScore(attempts: readonly Pick<AttemptRow, 'correct' | 'total'>[]): number | null {
  if (attempts.length === 0) return null;
  return attempts.reduce((sum, a) => sum + attemptPercent(a), 0) / attempts.length;
}

/** Per employee (attempts without an employee are left out): first vs latest attempt by time, best, and the change. */
export function employeeProgress(attempts: readonly AttemptRow[]): EmployeeProgress[] {
  const groups = new Map<string, AttemptRow[]>();
  for (const a of attempts) {
    if (!a.employeeId) continue;
    const list = groups.get(a.employeeId) ?? [];
    list.push(a);
    groups.set(a.employeeId, list);
  }
  return [...groups].map(([employeeId, list]) => {
    const sorted = [...list].sort(byTime);
    const first = attemptPercent(sorted[0]);
    const latest = attemptPercent(sorted[sorted.length - 1]);
    return { employeeId, attempts: sorted.length, first, latest, best: Math.max(...sorted.map(attemptPercent)), change: latest - first };
  });
}

/** Mean score and attempts per location (attempts without a location are left out). */
export function locationScores(attempts: readonly AttemptRow[]): { locationId: string; attempts: number; mean: number }[] {
  const groups = new Map<string, AttemptRow[]>();
  for (const a of attempts) {
    if (!a.locationId) continue;
    groups.set(a.locationId, [...(groups.get(a.locationId) ?? []), a]);
  }
  return [...groups].map(([locationId, list]) => ({ locationId, attempts: list.length, mean: meanAttemptScore(list)! }));
}

/** Per question: how many attempts answered it (n) and how many got it wrong. */
export interface QuestionCount {
  key: string;
  n: number;
  missed: number;
}

/** Questions by miss rate (missed / n), highest first; ties: more answers first, then by key. */
export function mostMissed(counts: readonly QuestionCount[]): (QuestionCount & { missRate: number })[] {
  return counts
    .filter((c) => c.n > 0)
    .map((c) => ({ ...c, missRate: c.missed / c.n }))
    .sort((a, b) => b.missRate - a.missRate || b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Per topic: the answers pooled (correct / answered, in percent); questions without a topic under null. */
export function topicScores(counts: readonly { topic: string | null; n: number; correct: number }[]): { topic: string | null; n: number; correct: number; percent: number | null }[] {
  const pooled = new Map<string | null, { n: number; correct: number }>();
  for (const c of counts) {
    const p = pooled.get(c.topic) ?? { n: 0, correct: 0 };
    pooled.set(c.topic, { n: p.n + c.n, correct: p.correct + c.correct });
  }
  return [...pooled]
    .map(([topic, p]) => ({ topic, n: p.n, correct: p.correct, percent: percentScore(p.correct, p.n) }))
    .sort((a, b) => (a.topic === null ? 1 : b.topic === null ? -1 : a.topic.localeCompare(b.topic)));
}

/** The employee's first name for the greeting: the first word of the name. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
