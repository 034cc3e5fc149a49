/**
 * The survey builder's state and reducer. Pure (no React, no fetch), so every edit rule is unit-tested.
 * Rule that shapes it: on a live or closed survey, questions that already exist (they have an id) keep
 * their type and scale, and "delete" archives them so earlier answers stay valid; new ones are appended.
 */
import type { ChoiceOption, Condition, LocalizedText, Logic, QuestionDef, SurveyDef } from '../../../core/surveys/types.ts';
import { LONG_SURVEY_WARNING } from '../../../core/surveys/types.ts';
import { END, isGroup, logicQuestions } from '../../../core/surveys/flow.ts';
import { newQuestion, type AddableType } from './defaults.ts';

export type TextField = 'title' | 'intro' | 'thanks';
/** When and how often the survey takes answers (SurveyAvailability.tsx). */
export type AvailabilityField = 'opensAt' | 'closesAt' | 'closedRedirectSlug' | 'responseLimit' | 'quotas' | 'randomGroups';

export interface BuilderState {
  survey: SurveyDef;
  /** The language whose texts are being edited (one tab). */
  activeLang: string;
  dirty: boolean;
  /** Client-only identities parallel to survey.questions (React keys that survive renames and moves). */
  uids: number[];
  nextUid: number;
}

export type BuilderAction =
  | { type: 'load'; survey: SurveyDef }
  | { type: 'setMeta'; field: 'name' | 'slug'; value: string }
  | { type: 'setAvailability'; patch: Partial<Pick<SurveyDef, AvailabilityField>> }
  | { type: 'setText'; field: TextField; lang: string; value: string }
  | { type: 'toggleLanguage'; lang: string }
  | { type: 'setDefaultLanguage'; lang: string }
  | { type: 'setCountPartial'; value: boolean }
  | { type: 'setActiveLang'; lang: string }
  | { type: 'addQuestion'; kind: AddableType }
  /** A ready question (from the question library, src/core/surveys/library.ts fromLibrary), appended as is. */
  | { type: 'appendQuestion'; question: QuestionDef }
  | { type: 'updateQuestion'; index: number; patch: Partial<QuestionDef> }
  | { type: 'renameKey'; index: number; key: string }
  | { type: 'moveQuestion'; index: number; delta: -1 | 1 }
  | { type: 'removeQuestion'; index: number }
  | { type: 'restoreQuestion'; index: number };

/** True when the question existed on a published survey: its type and scale cannot change. */
export function isLocked(survey: SurveyDef, q: QuestionDef): boolean {
  return survey.status !== 'draft' && !!q.id;
}

export function isArchived(q: QuestionDef): boolean {
  return q.archivedInVersion !== undefined && q.archivedInVersion !== null;
}

/** Questions that respondents will see (archived ones excluded). */
export function activeQuestions(survey: SurveyDef): QuestionDef[] {
  return survey.questions.filter((q) => !isArchived(q));
}

export function isLong(survey: SurveyDef): boolean {
  return activeQuestions(survey).length > LONG_SURVEY_WARNING;
}

/** Sets one language of a localized text; an empty string removes it so fallbacks apply. */
export function setLocalized(text: LocalizedText | undefined, lang: string, value: string): LocalizedText {
  const out: LocalizedText = { ...(text ?? {}) };
  if (value === '') delete out[lang];
  else out[lang] = value;
  return out;
}

export function initialState(survey: SurveyDef, firstUid = 1): BuilderState {
  const uids = survey.questions.map((_, i) => firstUid + i);
  return { survey, activeLang: survey.defaultLanguage || survey.languages[0] || 'en', dirty: false, uids, nextUid: firstUid + uids.length };
}

function withQuestions(state: BuilderState, questions: QuestionDef[], uids = state.uids, nextUid = state.nextUid): BuilderState {
  return { ...state, dirty: true, uids, nextUid, survey: { ...state.survey, questions } };
}

/** The most recent active score question before `index` (what a new "why?" follows). */
export function lastScoreKey(questions: QuestionDef[], index = questions.length): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const q = questions[i];
    if ((q.type === 'nps' || q.type === 'rating') && !isArchived(q)) return q.key;
  }
  return undefined;
}

/** A condition or group with references to `from` renamed to `to`, or (to null) dropped; null when nothing is left. */
export function renameInLogic(logic: Logic, from: string, to: string | null): Logic | null {
  if (isGroup(logic)) {
    const name = logic.all ? 'all' : 'any';
    const items = (logic[name] ?? []).map((x) => renameInLogic(x, from, to)).filter((x): x is Logic => x !== null);
    return items.length ? { [name]: items } : null;
  }
  const c = logic as Condition;
  if (c.question !== from) return logic;
  return to ? { ...c, question: to } : null;
}

/** References to a key (show-if, jumps, "why?" follow-up) that must follow a rename or vanish with a deletion. */
function rewriteRefs(questions: QuestionDef[], from: string, to: string | null): QuestionDef[] {
  return questions.map((q) => {
    let next = q;
    if (q.showIf) next = { ...next, showIf: renameInLogic(q.showIf, from, to) };
    if (q.jumps?.length) {
      const jumps = q.jumps
        .filter((j) => to !== null || j.to !== from)
        .map((j) => ({ ...j, to: j.to === from && to ? to : j.to, ...(j.when ? { when: renameInLogic(j.when, from, to) } : {}) }));
      next = { ...next, jumps };
    }
    if (q.followsQuestionKey === from) next = { ...next, followsQuestionKey: to ?? undefined };
    return next;
  });
}

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  const { survey } = state;
  const qs = survey.questions;
  switch (action.type) {
    case 'load': {
      const fresh = initialState(action.survey, state.nextUid);
      // After a save the server echoes the same questions in the same order: keep their identities.
      if (action.survey.questions.length === state.uids.length) fresh.uids = state.uids;
      return { ...fresh, activeLang: action.survey.languages.includes(state.activeLang) ? state.activeLang : fresh.activeLang };
    }
    case 'setAvailability':
      return { ...state, dirty: true, survey: { ...state.survey, ...action.patch } };
    case 'setMeta':
      return { ...state, dirty: true, survey: { ...survey, [action.field]: action.value } };
    case 'setText':
      return { ...state, dirty: true, survey: { ...survey, [action.field]: setLocalized(survey[action.field], action.lang, action.value) } };
    case 'toggleLanguage': {
      const has = survey.languages.includes(action.lang);
      // The default language cannot be switched off: it is every text's fallback.
      if (has && (action.lang === survey.defaultLanguage || survey.languages.length === 1)) return state;
      const languages = has ? survey.languages.filter((l) => l !== action.lang) : [...survey.languages, action.lang];
      const activeLang = languages.includes(state.activeLang) ? state.activeLang : survey.defaultLanguage;
      return { ...state, dirty: true, activeLang, survey: { ...survey, languages } };
    }
    case 'setDefaultLanguage':
      if (!survey.languages.includes(action.lang)) return state;
      return { ...state, dirty: true, survey: { ...survey, defaultLanguage: action.lang } };
    case 'setCountPartial':
      return { ...state, dirty: true, survey: { ...survey, countPartial: action.value } };
    case 'setActiveLang':
      return survey.languages.includes(action.lang) ? { ...state, activeLang: action.lang } : state;
    case 'addQuestion': {
      const q = newQuestion(action.kind, survey.languages, qs.map((x) => x.key), lastScoreKey(qs));
      return withQuestions(state, [...qs, q], [...state.uids, state.nextUid], state.nextUid + 1);
    }
    case 'appendQuestion':
      if (qs.some((q) => q.key === action.question.key)) return state;
      return withQuestions(state, [...qs, action.question], [...state.uids, state.nextUid], state.nextUid + 1);
    case 'updateQuestion': {
      const current = qs[action.index];
      if (!current) return state;
      let patch = action.patch;
      if (isLocked(survey, current)) {
        // Answers already stored were given on this type and scale; keep them comparable.
        const { type: _t, scale, options, ...rest } = patch;
        patch = rest;
        if (scale && current.scale) patch.scale = { ...current.scale, labels: scale.labels, style: current.scale.style };
        if (options && current.options) patch.options = mergeLockedOptions(current.options, options);
      }
      return withQuestions(state, qs.map((q, i) => (i === action.index ? { ...q, ...patch } : q)));
    }
    case 'renameKey': {
      const current = qs[action.index];
      if (!current || isLocked(survey, current)) return state;
      const key = action.key.toLowerCase().replace(/[^a-z0-9_]/g, '_');
      const renamed = qs.map((q, i) => (i === action.index ? { ...q, key } : q));
      return withQuestions(state, rewriteRefs(renamed, current.key, key));
    }
    case 'moveQuestion': {
      const to = action.index + action.delta;
      if (to < 0 || to >= qs.length) return state;
      const next = [...qs];
      const uids = [...state.uids];
      [next[action.index], next[to]] = [next[to], next[action.index]];
      [uids[action.index], uids[to]] = [uids[to], uids[action.index]];
      return withQuestions(state, next, uids);
    }
    case 'removeQuestion': {
      const current = qs[action.index];
      if (!current) return state;
      if (isLocked(survey, current)) {
        return withQuestions(state, qs.map((q, i) => (i === action.index ? { ...q, archivedInVersion: survey.version } : q)));
      }
      const keep = (_: unknown, i: number) => i !== action.index;
      return withQuestions(state, rewriteRefs(qs.filter(keep), current.key, null), state.uids.filter(keep));
    }
    case 'restoreQuestion':
      return withQuestions(state, qs.map((q, i) => (i === action.index ? { ...q, archivedInVersion: null } : q)));
  }
}

/** On a locked question, option labels may change and options may be appended, values may not change. */
function mergeLockedOptions(current: ChoiceOption[], proposed: ChoiceOption[]): ChoiceOption[] {
  const kept = current.map((o, i) => ({ ...o, label: proposed[i]?.label ?? o.label }));
  return [...kept, ...proposed.slice(current.length)];
}

/** A problem found before saving, addressed like the server does: `questions.2.text`. */
export interface Issue {
  field: string;
  code: 'required' | 'key_format' | 'key_duplicate' | 'show_if_order' | 'jump_forward' | 'no_options' | 'option_duplicate' | 'follows_missing';
}

/** Client-side checks that catch the common mistakes without a round trip (the server re-checks all). */
export function validateSurvey(survey: SurveyDef): Issue[] {
  const issues: Issue[] = [];
  const dl = survey.defaultLanguage;
  if (!survey.name.trim()) issues.push({ field: 'name', code: 'required' });
  if (!/^[a-z0-9][a-z0-9-]*$/.test(survey.slug)) issues.push({ field: 'slug', code: 'key_format' });
  if (!survey.title[dl]?.trim()) issues.push({ field: 'title', code: 'required' });
  const seen = new Map<string, number>();
  survey.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!/^[a-z0-9_]+$/.test(q.key)) issues.push({ field: `${at}.key`, code: 'key_format' });
    else if (seen.has(q.key)) issues.push({ field: `${at}.key`, code: 'key_duplicate' });
    seen.set(q.key, i);
    if (isArchived(q)) return;
    if (!q.text[dl]?.trim() && !q.followsQuestionKey) issues.push({ field: `${at}.text`, code: 'required' });
    const before = (key: string, self = false) => {
      const target = seen.get(key);
      return target !== undefined && (target < i || (self && target === i));
    };
    if (logicQuestions(q.showIf).some((k) => !before(k))) issues.push({ field: `${at}.showIf`, code: 'show_if_order' });
    q.jumps?.forEach((j, n) => {
      if (logicQuestions(j.when).some((k) => !before(k, true))) issues.push({ field: `${at}.jumps.${n}.when`, code: 'show_if_order' });
      const target = survey.questions.findIndex((x) => x.key === j.to && !isArchived(x));
      if (j.to !== END && target <= i) issues.push({ field: `${at}.jumps.${n}.to`, code: 'jump_forward' });
    });
    if (q.followsQuestionKey !== undefined) {
      const target = seen.get(q.followsQuestionKey);
      if (target === undefined || target >= i) issues.push({ field: `${at}.followsQuestionKey`, code: 'follows_missing' });
    }
    if (q.type === 'single' || q.type === 'multi' || q.type === 'ranking') {
      const opts = q.options ?? [];
      if (opts.length < 2) issues.push({ field: `${at}.options`, code: 'no_options' });
      if (new Set(opts.map((o) => o.value)).size !== opts.length) issues.push({ field: `${at}.options`, code: 'option_duplicate' });
      opts.forEach((o, j) => {
        if (!o.label[dl]?.trim()) issues.push({ field: `${at}.options.${j}`, code: 'required' });
      });
    }
  });
  return issues;
}

/** The body of PUT /surveys/:id: a SurveyInput is the SurveyDef without id, status and version. */
export function toSurveyInput(survey: SurveyDef): Omit<SurveyDef, 'id' | 'status' | 'version'> {
  const { id: _id, status: _status, version: _version, ...input } = survey;
  return input;
}

/**
 * Which field a server error names: `details.field` when given (with `details.question`, a question
 * key, as on 409 conflicts of live surveys), else a "field: message" prefix. Paths are normalised to
 * dots (`questions[2].text` → `questions.2.text`).
 */
export function errorField(message: string, details?: unknown, questionKeys: readonly string[] = []): string | null {
  const d = details && typeof details === 'object' ? (details as { field?: unknown; question?: unknown }) : {};
  let raw: string | null;
  if (typeof d.field === 'string') raw = d.field;
  else if (Array.isArray(d.field)) raw = d.field.join('.');
  else raw = /^([A-Za-z_][\w.[\]]*)\s*:/.exec(message)?.[1] ?? null;
  if (typeof d.question === 'string' && questionKeys.includes(d.question)) {
    const at = `questions.${questionKeys.indexOf(d.question)}`;
    raw = raw && !raw.startsWith('questions') ? `${at}.${raw}` : raw ?? at;
  }
  return raw ? raw.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '') : null;
}

/** True when an error path points at `field` or inside it. */
export function errorTargets(errorPath: string | null, field: string): boolean {
  return !!errorPath && (errorPath === field || errorPath.startsWith(`${field}.`));
}
