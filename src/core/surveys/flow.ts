/**
 * @module The one home of a survey's logic, pure (no I/O, no i18n catalogue): which questions a
 * respondent is asked (show-if conditions and AND/OR groups over earlier answers, hidden fields, the
 * channel and the language), where jumps lead (forward to a later question, or to the end with its own
 * thank-you text), piping (`{{key}}`, `{{hidden.NAME}}`, `{{contact.ATTR}}`, `{{key|fallback}}`),
 * score groups and the "why?" wording.
 *
 * The same code runs on the server (page rendering, parseAnswers of every submission) and in the
 * respondent page's enhancement script, which bundles this module (src/respond/assets.ts), so a page
 * with JavaScript and a submission without it are decided alike. Keep it small and free of heavy imports.
 */
import { surveyCsatBox } from '../stats/boxes.ts';
import { npsGroup } from '../stats/nps.ts';
import { localize } from './localize.ts';
import { thanksWithoutHeading } from './thanks.ts';
import type {
  AnswerMap, AnswerValue, Condition, ConditionGroup, LocalizedText, Logic, QuestionDef, ScoreGroup, ShowIf, SurveyDef,
} from './types.ts';

/** The `to` of a jump that ends the survey. */
export const END = '@end';
/** Deepest nesting of groups in a condition (the top group is level 1). */
export const MAX_LOGIC_DEPTH = 3;

/** What conditions and piping may read besides the answers: the respondent's request. */
export interface FlowContext {
  /** Hidden fields of the link (or a personal link's contact dimensions). */
  hidden?: Record<string, string>;
  /** The channel (link, email, qr, ...). */
  channel?: string;
  /** The respondent's language. */
  language?: string;
  /** A personal invitation link's contact: name, segment and attributes (empty otherwise). */
  contact?: Record<string, string>;
}

/** Questions a respondent can currently be asked: not archived, in display order. */
export function activeQuestions(survey: Pick<SurveyDef, 'questions'>): QuestionDef[] {
  return survey.questions.filter((q) => q.archivedInVersion == null);
}

function hasAnswer(a: AnswerValue | undefined): a is AnswerValue {
  if (!a) return false;
  return a.score !== undefined || a.number !== undefined || (a.choice !== undefined && a.choice !== '') || (a.choices?.length ?? 0) > 0 || (a.text ?? '').trim() !== '';
}

function sameValue(a: AnswerValue, v: number | string): boolean {
  if (a.score !== undefined) return a.score === Number(v);
  if (a.number !== undefined) return a.number === Number(v);
  if (a.choice !== undefined) return a.choice === String(v);
  if (a.choices) return a.choices.includes(String(v));
  return a.text !== undefined && a.text.trim() === String(v);
}

/**
 * Evaluates one show-if condition against the answers given so far.
 * lte/gte compare the score (or a number answer); eq/in match a score, a choice or any of several choices;
 * answered is true for any non-empty answer. A missing answer makes every operator false.
 */
export function evaluateShowIf(cond: ShowIf, answers: AnswerMap): boolean {
  const a = answers[cond.question];
  if (!hasAnswer(a)) return false;
  switch (cond.op) {
    case 'answered':
      return true;
    case 'lte':
      return (a.score ?? a.number) !== undefined && typeof cond.value === 'number' && (a.score ?? a.number)! <= cond.value;
    case 'gte':
      return (a.score ?? a.number) !== undefined && typeof cond.value === 'number' && (a.score ?? a.number)! >= cond.value;
    case 'eq':
      return cond.value !== undefined && !Array.isArray(cond.value) && sameValue(a, cond.value);
    case 'in':
      return Array.isArray(cond.value) && cond.value.some((v) => sameValue(a, v));
    default:
      return false;
  }
}

/** A group (all / any) rather than a single condition. */
export function isGroup(logic: Logic | Condition | ConditionGroup): logic is ConditionGroup {
  return Array.isArray((logic as ConditionGroup).all) || Array.isArray((logic as ConditionGroup).any);
}

/**
 * Whether a condition or group holds. A hidden field, the channel and the language are read as text
 * (eq / in / answered; lte and gte need a scored answer and are false on them). `all: []` holds, `any: []` does not.
 */
export function evaluateLogic(logic: Logic | Condition | ConditionGroup, answers: AnswerMap, ctx: FlowContext = {}): boolean {
  if (isGroup(logic)) {
    return logic.all ? logic.all.every((x) => evaluateLogic(x, answers, ctx)) : (logic.any ?? []).some((x) => evaluateLogic(x, answers, ctx));
  }
  const c = logic as Condition;
  if (c.question !== undefined) return evaluateShowIf({ question: c.question, op: c.op, value: c.value }, answers);
  const subject = c.hidden !== undefined ? ctx.hidden?.[c.hidden] : c.channel ? ctx.channel : c.language ? ctx.language : undefined;
  return evaluateShowIf({ question: 'x', op: c.op, value: c.value }, subject ? { x: { text: subject } } : {});
}

/** The question keys a condition or group reads, in order (repeats included). */
export function logicQuestions(logic: Logic | Condition | ConditionGroup | null | undefined): string[] {
  if (!logic) return [];
  if (isGroup(logic)) return [...(logic.all ?? []), ...(logic.any ?? [])].flatMap((x) => logicQuestions(x));
  const c = logic as Condition;
  return c.question !== undefined ? [c.question] : [];
}

/** True when the logic reads a question that is not among `keys` (e.g. archived): it cannot be decided. */
function undecidable(logic: Logic, keys: ReadonlySet<string>): boolean {
  return logicQuestions(logic).some((k) => !keys.has(k));
}

/**
 * Whether a question's show-if holds given the answers so far. A condition on a question that is not in
 * the survey (e.g. archived) cannot be decided, so the question is shown rather than lost forever.
 */
export function isVisible(q: QuestionDef, answers: AnswerMap, questions: readonly QuestionDef[], ctx: FlowContext = {}): boolean {
  if (!q.showIf) return true;
  if (undecidable(q.showIf, new Set(questions.filter((o) => o.key !== q.key).map((o) => o.key)))) return true;
  return evaluateLogic(q.showIf, answers, ctx);
}

/** How the survey ends early: the question whose jump ended it and that jump's thank-you text (absent: the survey's own). */
export interface FlowEnd {
  at: string;
  /** The index of the jump among the question's jumps. */
  jump: number;
  thanks?: LocalizedText;
}

export interface Flow {
  /** The questions the respondent is asked, in order: visible and not skipped by a jump. */
  shown: QuestionDef[];
  /** The answers that count: those of shown questions (conditions and piping read only these). */
  answers: AnswerMap;
  /** Set when a jump ended the survey. */
  end: FlowEnd | null;
}

/** The first jump of a question that holds and leads to a later question (or the end); jumps reading unknown questions are not taken. */
function takenJump(q: QuestionDef, answers: AnswerMap, later: ReadonlySet<string>, all: ReadonlySet<string>, ctx: FlowContext): number {
  return (q.jumps ?? []).findIndex(
    (jump) => (jump.to === END || later.has(jump.to)) && (!jump.when || (!undecidable(jump.when, all) && evaluateLogic(jump.when, answers, ctx))),
  );
}

/**
 * Walks the survey in order: a question is asked when its show-if holds on the answers of the questions
 * asked before it; after it (answered, or left empty when optional), the first of its jumps that holds
 * goes forward to its target (the questions in between are not asked: not required, answers dropped)
 * or ends the survey. Answers of questions not asked are ignored.
 */
export function runFlow(survey: Pick<SurveyDef, 'questions'>, answers: AnswerMap, ctx: FlowContext = {}): Flow {
  const questions = activeQuestions(survey);
  const all = new Set(questions.map((q) => q.key));
  const seen: AnswerMap = {};
  const shown: QuestionDef[] = [];
  let skipTo: string | null = null;
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i];
    if (skipTo !== null) {
      // A jump to a matrix lands on its first row (a matrix is stored as its rows: matrix.ts).
      if (q.key !== skipTo && q.matrix?.key !== skipTo) continue;
      skipTo = null;
    }
    if (!isVisible(q, seen, questions, ctx)) continue;
    shown.push(q);
    if (hasAnswer(answers[q.key])) seen[q.key] = answers[q.key];
    const taken = takenJump(q, seen, new Set(questions.slice(i + 1).flatMap((o) => (o.matrix ? [o.key, o.matrix.key] : [o.key]))), all, ctx);
    if (taken < 0) continue;
    const jump = q.jumps![taken];
    if (jump.to === END) return { shown, answers: seen, end: { at: q.key, jump: taken, ...(jump.thanks ? { thanks: jump.thanks } : {}) } };
    skipTo = jump.to;
  }
  return { shown, answers: seen, end: null };
}

/** Active questions asked for these answers, in order (runFlow's `shown`). */
export function visibleQuestions(survey: Pick<SurveyDef, 'questions'>, answers: AnswerMap, ctx: FlowContext = {}): QuestionDef[] {
  return runFlow(survey, answers, ctx).shown;
}

/** The score range of a scored question (nps is always 0..10), or null for other types. */
export function scoreRange(q: QuestionDef): { min: number; max: number } | null {
  if (q.type === 'nps') return { min: 0, max: 10 };
  if (q.type === 'rating') return { min: q.scale?.min ?? 1, max: q.scale?.max ?? 5 };
  return null;
}

/**
 * Score group of an answer (METRICS.md nps.v1 for NPS: 0-6 / 7-8 / 9-10). Rating scales: promoter
 * from the question's box (default top-1 on 3 points, top-2 on 4-7, top-3 on 8+ points, as in csat.v1),
 * detractor below the scale's midpoint, passive in between. A lower_is_easier scale is mirrored first.
 * Returns null for unscored questions or scores outside the scale.
 */
export function scoreGroup(q: QuestionDef, score: number): ScoreGroup | null {
  const range = scoreRange(q);
  if (!range || !Number.isInteger(score) || score < range.min || score > range.max) return null;
  if (q.type === 'nps') return npsGroup(score);
  const { min, max } = range;
  const lowerIsBetter = q.direction === 'lower_is_easier';
  const s = lowerIsBetter ? max + min - score : score;
  const box = q.boxMin === undefined ? surveyCsatBox(min, max) : lowerIsBetter ? max + min - q.boxMin : q.boxMin;
  if (s >= box) return 'promoter';
  if (s < (min + max) / 2) return 'detractor';
  return 'passive';
}

/** `{{key}}`, `{{hidden.NAME}}`, `{{contact.ATTR}}`, each optionally `|fallback text`. */
const PIPE = /\{\{\s*((?:hidden\.|contact\.)?[A-Za-z0-9_.-]+)\s*(?:\|([^{}]*))?\}\}/g;

/** What piping reads: the answers that count, the survey's questions (for option labels), the language, the request. */
export interface PipeEnv {
  answers: AnswerMap;
  questions: readonly QuestionDef[];
  lang: string;
  fallback: string;
  ctx?: FlowContext;
}

/** An answer as the respondent would read it: option labels, scores in the language's digits, the text itself. */
export function answerText(q: QuestionDef | undefined, a: AnswerValue | undefined, lang: string, fallback: string): string {
  if (!hasAnswer(a)) return '';
  const label = (v: string) => localize(q?.options?.find((o) => o.value === v)?.label, lang, fallback, v);
  if (a.score !== undefined) return new Intl.NumberFormat(lang, { useGrouping: false }).format(a.score);
  if (a.choice !== undefined) return label(a.choice);
  if (a.choices) return new Intl.ListFormat(lang, { type: 'conjunction' }).format(a.choices.map(label));
  return (a.text ?? '').trim();
}

/**
 * Fills the placeholders of a text: `{{key}}` an earlier answer, `{{hidden.NAME}}` a hidden field,
 * `{{contact.ATTR}}` a personal link's contact attribute; `{{...|fallback}}` when the value is empty
 * (otherwise nothing). Returns plain text: the page escapes it like any other text.
 */
export function pipe(template: string, env: PipeEnv): string {
  if (!template.includes('{{')) return template;
  return template.replace(PIPE, (_all, name: string, orElse: string | undefined) => {
    const value = name.startsWith('hidden.')
      ? (env.ctx?.hidden?.[name.slice(7)] ?? '')
      : name.startsWith('contact.')
        ? (env.ctx?.contact?.[name.slice(8)] ?? '')
        : answerText(env.questions.find((q) => q.key === name), env.answers[name], env.lang, env.fallback);
    return value.trim() || (orElse ?? '').trim();
  });
}

/** The question keys a text pipes in (`{{key}}`, not hidden fields or contact attributes). */
export function pipedQuestions(text: string): string[] {
  return [...text.matchAll(PIPE)].map((m) => m[1]).filter((n) => !n.startsWith('hidden.') && !n.startsWith('contact.'));
}

/**
 * Wording of a question, piped: for a "why?" follow-up, the text for the score group of the question it
 * follows (when that one is answered and a text exists for the group); otherwise its generic text.
 */
export function questionText(
  q: QuestionDef, answers: AnswerMap, survey: Pick<SurveyDef, 'questions'>, lang: string, fallback: string, ctx: FlowContext = {},
): string {
  const env = { answers, questions: survey.questions, lang, fallback, ctx };
  if (q.followsQuestionKey && q.whyTexts) {
    const followed = survey.questions.find((o) => o.key === q.followsQuestionKey);
    const score = answers[q.followsQuestionKey]?.score;
    const group = followed && score !== undefined ? scoreGroup(followed, score) : null;
    const why = group ? localize(q.whyTexts[group], lang, fallback) : '';
    if (why) return pipe(why, env);
  }
  return pipe(localize(q.text, lang, fallback), env);
}

/** A question whose texts in `lang` are piped (option and scale labels), for rendering with the usual controls. */
export function pipedQuestion(q: QuestionDef, env: PipeEnv): QuestionDef {
  const one = (t: LocalizedText | undefined) => (t ? { [env.lang]: pipe(localize(t, env.lang, env.fallback), env) } : t);
  const out: QuestionDef = { ...q };
  if (q.options) out.options = q.options.map((o) => ({ ...o, label: one(o.label) ?? {} }));
  if (q.scale?.labels) out.scale = { ...q.scale, labels: { min: one(q.scale.labels.min), max: one(q.scale.labels.max) } };
  return out;
}

/**
 * The thank-you text of a finished submission in `lang` (a jump's own, else the survey's), piped, without a
 * first sentence repeating the page's `heading` (thanks.ts); '' when there is none (the page's generic text).
 */
export function thanksText(
  survey: Pick<SurveyDef, 'questions' | 'thanks'>, flow: Pick<Flow, 'answers' | 'end'>, env: Omit<PipeEnv, 'answers' | 'questions'>, heading: string,
): string {
  const own = localize(flow.end?.thanks, env.lang, env.fallback) || localize(survey.thanks, env.lang, env.fallback);
  return thanksWithoutHeading(pipe(own, { ...env, answers: flow.answers, questions: survey.questions }), heading);
}

/**
 * A form's values as answers, leniently (no validation: parseAnswers does that on the server): a score
 * for scored questions, a choice or choices for option questions, otherwise the text. For the page script.
 */
export function answerFromValues(q: QuestionDef, values: readonly string[]): AnswerValue | undefined {
  const list = values.map((v) => v.trim()).filter((v) => v !== '');
  if (!list.length) return undefined;
  if (scoreRange(q) && /^-?\d+$/.test(list[0])) return { score: Number(list[0]) };
  if (q.type === 'multi') return { choices: list };
  if (q.type === 'single') return { choice: list[0] };
  return { text: list.join('\n') };
}

/**
 * What the respondent page's script needs (src/respond/render/surveyPage.ts writes it, localized to the
 * page's language): the active questions with their logic and the texts that change, the thanks, the request.
 */
export interface PageModel {
  lang: string;
  questions: QuestionDef[];
  thanks: LocalizedText;
  /** The thank-you page's heading (its text must not repeat it). */
  heading: string;
  ctx: FlowContext;
}

/** The page for the form's current values: the keys asked, question texts and option labels (piped), the thank-you text. */
export interface PageState {
  shown: string[];
  texts: Record<string, string>;
  labels: Record<string, Record<string, string>>;
  thanks: string;
  ended: boolean;
}

/** The state of the respondent page for the form's values (keyed by question key): the script's one call. */
export function pageState(m: PageModel, values: Record<string, string[]>): PageState {
  const answers: AnswerMap = {};
  for (const q of m.questions) {
    const a = answerFromValues(q, values[q.key] ?? []);
    if (a) answers[q.key] = a;
  }
  const flow = runFlow(m, answers, m.ctx);
  const env = { answers: flow.answers, questions: m.questions, lang: m.lang, fallback: m.lang, ctx: m.ctx };
  const texts: Record<string, string> = {};
  const labels: Record<string, Record<string, string>> = {};
  for (const q of m.questions) {
    if (q.text[m.lang] !== undefined) texts[q.key] = questionText(q, flow.answers, m, m.lang, m.lang, m.ctx);
    if (q.options?.some((o) => o.label[m.lang]?.includes('{{'))) {
      labels[q.key] = Object.fromEntries(q.options.map((o) => [o.value, pipe(localize(o.label, m.lang, m.lang, o.value), env)]));
    }
  }
  return { shown: flow.shown.map((q) => q.key), texts, labels, thanks: thanksText(m, flow, env, m.heading), ended: flow.end !== null };
}
