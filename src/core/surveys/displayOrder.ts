/**
 * @module Randomised order (docs/api.md "Random order"): options of questions with `randomizeOptions` and
 * the questions of each of the survey's `randomGroups` are shown in an order of their own per respondent.
 * The order is a pure function of a seed (the form's idempotency key), so a page re-rendered after a
 * validation error shows the same order, and the order the page showed is stored with the response.
 *
 * The generator is mulberry32 (Tommy Ettinger's 32-bit generator), seeded with the 32-bit FNV-1a hash of the
 * seed's UTF-16 code units; the shuffle is Fisher-Yates from the last position down.
 */
import { activeQuestions } from './logic.ts';
import type { QuestionDef, SurveyDef } from './types.ts';

/** Question types whose options may be shown in random order. */
export const RANDOMIZABLE_TYPES: ReadonlySet<string> = new Set(['single', 'multi', 'ranking']);

/** Key of the question order in a DisplayOrder (option orders are under their question's key). */
export const QUESTION_ORDER_KEY = '@questions';

/** The order shown: `{questionKey: [option values], "@questions": [question keys]}`, only for what was randomised. */
export type DisplayOrder = Record<string, string[]>;

/** 32-bit FNV-1a of the string's UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a generator of numbers in [0, 1) from a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in Fisher-Yates order drawn from `random` (i from the end: j = floor(random() * (i + 1))). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The shuffle of one list under a seed and a name (each list draws from its own generator, so adding one leaves the others alone). */
function seededShuffle<T>(items: readonly T[], seed: string, name: string): T[] {
  return shuffled(items, mulberry32(fnv1a(`${seed}|${name}`)));
}

/**
 * The order a respondent with `seed` sees: each randomised question's option values, and the question keys
 * in page order when the survey has random groups (each group's questions shuffled among the places the
 * group takes). Null when nothing is randomised. `questions` are the questions on the page, in definition order.
 */
export function displayOrder(survey: Pick<SurveyDef, 'randomGroups'>, questions: readonly QuestionDef[], seed: string): DisplayOrder | null {
  const out: DisplayOrder = {};
  for (const q of questions) {
    if (q.randomizeOptions && RANDOMIZABLE_TYPES.has(q.type) && q.options?.length) {
      out[q.key] = seededShuffle(q.options.map((o) => o.value), seed, q.key);
    }
  }
  const groups = (survey.randomGroups ?? []).filter((g) => g.length > 1);
  if (groups.length) {
    const keys = questions.map((q) => q.key);
    groups.forEach((group, i) => {
      const places = keys.map((k, at) => (group.includes(k) ? at : -1)).filter((at) => at >= 0);
      const order = seededShuffle(places.map((at) => keys[at]), seed, `${QUESTION_ORDER_KEY}${i}`);
      places.forEach((at, n) => (keys[at] = order[n]));
    });
    out[QUESTION_ORDER_KEY] = keys;
  }
  return Object.keys(out).length ? out : null;
}

/** The questions (and their options) in the order of `order`; anything `order` does not name keeps its place. */
export function applyDisplayOrder(questions: readonly QuestionDef[], order: DisplayOrder | null): QuestionDef[] {
  if (!order) return questions.slice();
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const keys = order[QUESTION_ORDER_KEY]?.filter((k) => byKey.has(k));
  const list = keys && keys.length === questions.length ? keys.map((k) => byKey.get(k)!) : questions.slice();
  return list.map((q) => {
    const values = order[q.key];
    if (!values || !q.options) return q;
    const byValue = new Map(q.options.map((o) => [o.value, o]));
    const options = values.flatMap((v) => byValue.get(v) ?? []);
    return options.length === q.options.length ? { ...q, options } : q;
  });
}

/** The order of the survey's form page for the respondent whose form carries the idempotency key `seed`. */
export function surveyDisplayOrder(survey: Pick<SurveyDef, 'randomGroups' | 'questions'>, seed: string): DisplayOrder | null {
  return displayOrder(survey, activeQuestions(survey), seed);
}
