/**
 * @module The one audit scoring rule (../shared/METRICS.md "Audits", docs/audits.md "Scoring"). Pure; no I/O.
 *
 * - An item answered "yes" earns its points, "no" earns 0, a number earns that many points (0..points);
 *   "na" and an unanswered item are not applicable: removed from both earned and possible.
 * - Score = 100 x earned / possible (percent, full precision: 100 x earned is divided last, so 2 of 3 is
 *   66.66666666666667, the nearest double); nothing applicable: null.
 * - An item fails when it is answered "no" or earns less than its points. A failed critical item sets the
 *   visit's score to 0 (autofail) and is listed in `failedCritical`; earned and possible stay as counted.
 * - Section and standard scores are computed the same way, without the autofail.
 * - Roll-ups over several visits (a location, an employee, a period): the mean of the visits' scores, each
 *   visit counting once and an autofailed visit as 0; items, sections and standards pool earned / possible
 *   over the visits (`pooledScore`).
 */
import { checklistItems, type ChecklistDefinition, type ChecklistItem, type PassRule } from './checklist.ts';

/** What scoring reads for one item: the VISIT.json form. */
export type ScoringAnswer = 'yes' | 'no' | 'na' | number;

export interface ScoreParts {
  /** Percent 0..100; null when nothing was applicable. */
  score: number | null;
  earned: number;
  possible: number;
}

export interface ItemOutcome {
  key: string;
  sectionKey: string;
  standard: string | null;
  critical: boolean;
  applicable: boolean;
  earned: number;
  possible: number;
  failed: boolean;
}

export interface VisitScore extends ScoreParts {
  autofail: boolean;
  /** Keys of the failed critical items, in checklist order. */
  failedCritical: string[];
  sections: ({ key: string } & ScoreParts)[];
  standards: ({ key: string } & ScoreParts)[];
  items: ItemOutcome[];
  /** Scored items without an answer (counted as not applicable). */
  unanswered: string[];
}

/** An answer that does not fit its item: unknown key, a word other than yes/no/na, points out of range. */
export class VisitAnswerError extends Error {
  constructor(readonly itemKey: string, readonly problem: string) {
    super(`answers.${itemKey}: ${problem}`);
    this.name = 'VisitAnswerError';
  }
}

const isScored = (item: ChecklistItem) => item.answerType !== 'photo' && item.answerType !== 'comment';

/** Score = earned / possible in percent, or null when nothing was possible. */
export function percentScore(earned: number, possible: number): number | null {
  return possible > 0 ? (100 * earned) / possible : null;
}

/** Pools earned and possible over items or visits (a section, a standard, an item across visits). */
export function pooledScore(parts: readonly { earned: number; possible: number }[]): ScoreParts {
  let earned = 0;
  let possible = 0;
  for (const p of parts) {
    earned += p.earned;
    possible += p.possible;
  }
  return { score: percentScore(earned, possible), earned, possible };
}

/** The mean of visit scores (a location's, an employee's, a period's); visits without a score are left out. */
export function meanVisitScore(scores: readonly (number | null)[]): number | null {
  const given = scores.filter((s): s is number => s !== null);
  return given.length === 0 ? null : given.reduce((a, b) => a + b, 0) / given.length;
}

/** Whether a measured value (waiting minutes, rings) meets a number item's pass rule. */
export function passes(rule: PassRule, value: number): boolean {
  switch (rule.op) {
    case 'lte': return value <= rule.value;
    case 'lt': return value < rule.value;
    case 'gte': return value >= rule.value;
    case 'gt': return value > rule.value;
    case 'eq': return value === rule.value;
  }
}

/** A measured number item's scoring answer: "yes" when its value passes the rule. */
export function measuredAnswer(item: ChecklistItem, measured: number): 'yes' | 'no' {
  if (!item.passRule) throw new VisitAnswerError(item.key, 'this item is not a measured number');
  return passes(item.passRule, measured) ? 'yes' : 'no';
}

function checkAnswer(item: ChecklistItem, answer: unknown): ScoringAnswer {
  if (answer === 'yes' || answer === 'no' || answer === 'na') return answer;
  if (typeof answer === 'number') {
    if (!Number.isFinite(answer) || answer < 0 || answer > item.points) {
      throw new VisitAnswerError(item.key, `points earned must be from 0 to ${item.points}`);
    }
    return answer;
  }
  throw new VisitAnswerError(item.key, 'must be "yes", "no", "na" or the number of points earned');
}

/**
 * Reads VISIT.json's `answers` against a checklist: each key must be an item of the checklist, each value
 * "yes", "no", "na" or points earned (0..points); null is no answer (like a missing key). Answers to photo
 * and comment items are ignored.
 */
export function parseVisitAnswers(definition: ChecklistDefinition, value: unknown): Record<string, ScoringAnswer> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new VisitAnswerError('', 'the visit needs "answers": an object of item key -> "yes" | "no" | "na" | points');
  }
  const items = new Map(checklistItems(definition).map((i) => [i.key, i]));
  const out: Record<string, ScoringAnswer> = {};
  for (const [key, answer] of Object.entries(value)) {
    const item = items.get(key);
    if (!item) throw new VisitAnswerError(key, 'no item of the checklist has this key');
    if (!isScored(item) || answer === null) continue;
    out[key] = checkAnswer(item, answer);
  }
  return out;
}

function outcome(item: ChecklistItem & { sectionKey: string }, answer: ScoringAnswer | undefined): ItemOutcome {
  const base = { key: item.key, sectionKey: item.sectionKey, standard: item.standard, critical: item.critical };
  if (answer === undefined || answer === 'na') return { ...base, applicable: false, earned: 0, possible: 0, failed: false };
  const earned = answer === 'yes' ? item.points : answer === 'no' ? 0 : answer;
  return { ...base, applicable: true, earned, possible: item.points, failed: answer === 'no' || earned < item.points };
}

/** Scores one visit (see the module's rules). Answers must already be checked (`parseVisitAnswers`). */
export function scoreVisit(definition: ChecklistDefinition, answers: Readonly<Record<string, ScoringAnswer | undefined>>): VisitScore {
  const items = checklistItems(definition).filter(isScored).map((item) => outcome(item, answers[item.key]));
  const total = pooledScore(items);
  const failedCritical = items.filter((i) => i.critical && i.failed).map((i) => i.key);
  const autofail = failedCritical.length > 0;
  const sections = definition.sections.map((s) => ({ key: s.key, ...pooledScore(items.filter((i) => i.sectionKey === s.key)) }));
  const standardKeys = [...new Set(items.map((i) => i.standard).filter((k): k is string => k !== null))];
  const standards = standardKeys.map((k) => ({ key: k, ...pooledScore(items.filter((i) => i.standard === k)) }));
  const unanswered = items.filter((i) => answers[i.key] === undefined).map((i) => i.key);
  return { score: autofail ? 0 : total.score, earned: total.earned, possible: total.possible, autofail, failedCritical, sections, standards, items, unanswered };
}

/** The `audit score --json` object: exactly these keys (docs/audits.md "Command line"). */
export function scoreSummary(score: VisitScore): { score: number | null; earned: number; possible: number; autofail: boolean; sections: ({ key: string } & ScoreParts)[] } {
  return {
    score: score.score,
    earned: score.earned,
    possible: score.possible,
    autofail: score.autofail,
    sections: score.sections.map((s) => ({ key: s.key, score: s.score, earned: s.earned, possible: s.possible })),
  };
}
