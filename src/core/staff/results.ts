/**
 * @module Staff survey results per anonymous group (docs/staff.md "Employee surveys and anonymity"):
 * the groups of anonymity.ts, each with its eNPS (nps.v1), the means and box shares of scored questions
 * and the option shares of choice questions. Never texts, never a question answered by fewer than
 * MIN_GROUP people of a group. Pure; no I/O.
 */
import { npsFromCounts, npsGroup } from '../stats/nps.ts';
import type { AnswerMap, QuestionDef, StaffRole } from '../surveys/types.ts';
import { MIN_GROUP, planGroups, type GroupNode } from './anonymity.ts';

export interface StaffRespondent {
  /** The reporting node: the respondent's team node, or else the location. */
  node: string;
  answers: AnswerMap;
}

export type StaffQuestionResult =
  | { key: string; type: 'nps' | 'rating' | 'single' | 'multi'; staffRole: StaffRole | null; hidden: true }
  | {
      key: string;
      type: 'nps' | 'rating' | 'single' | 'multi';
      staffRole: StaffRole | null;
      hidden: false;
      answered: number;
      /** scored questions: the mean score */
      mean?: number;
      /** scored questions with a box: percent of answers at or above boxMin */
      boxShare?: number;
      /** choice questions: percent of the question's respondents who chose each option, in option order */
      options?: { value: string; share: number }[];
    };

export interface StaffGroupResult {
  id: string;
  n: number;
  merged: string[];
  /** eNPS (nps.v1, -100..100) of the survey's own NPS question (not the expected_nps estimate); null without one */
  enps: { value: number; promoters: number; passives: number; detractors: number } | null;
  questions: StaffQuestionResult[];
}

export interface StaffResults {
  groups: StaffGroupResult[];
  /** Some respondents are hidden (fewer than MIN_GROUP under the top): never their number. */
  hidden: boolean;
  /** All respondents together, only when nothing is hidden (otherwise total minus the groups would show them). */
  overall: StaffGroupResult | null;
}

/** The question whose answers give the eNPS: the first active NPS question without a staff role. */
export function enpsQuestion(questions: readonly QuestionDef[]): QuestionDef | null {
  return questions.find((q) => q.type === 'nps' && !q.staffRole && !q.archivedInVersion) ?? null;
}

/** The questions reported per group: scored and choice questions, not texts and not the team itself. */
function reported(questions: readonly QuestionDef[]): QuestionDef[] {
  return questions.filter((q) => !q.archivedInVersion && q.type !== 'text' && q.staffRole !== 'team');
}

function questionResult(q: QuestionDef, people: readonly StaffRespondent[]): StaffQuestionResult {
  const type = q.type as 'nps' | 'rating' | 'single' | 'multi';
  const base = { key: q.key, type, staffRole: q.staffRole ?? null };
  if (type === 'nps' || type === 'rating') {
    const scores = people.map((p) => p.answers[q.key]?.score).filter((s): s is number => typeof s === 'number');
    if (scores.length < MIN_GROUP) return { ...base, hidden: true };
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const out: StaffQuestionResult = { ...base, hidden: false, answered: scores.length, mean };
    if (type === 'rating' && q.boxMin !== undefined) out.boxShare = (100 * scores.filter((s) => s >= q.boxMin!).length) / scores.length;
    return out;
  }
  const picks = people
    .map((p) => p.answers[q.key])
    .map((a) => (a?.choices?.length ? a.choices : a?.choice !== undefined ? [a.choice] : null))
    .filter((c): c is string[] => c !== null);
  if (picks.length < MIN_GROUP) return { ...base, hidden: true };
  const options = (q.options ?? []).map((o) => ({ value: o.value, share: (100 * picks.filter((c) => c.includes(o.value)).length) / picks.length }));
  return { ...base, hidden: false, answered: picks.length, options };
}

function groupResult(id: string, merged: string[], questions: readonly QuestionDef[], people: readonly StaffRespondent[]): StaffGroupResult {
  const enpsQ = enpsQuestion(questions);
  let enps: StaffGroupResult['enps'] = null;
  if (enpsQ) {
    const counts = { promoter: 0, passive: 0, detractor: 0 };
    for (const p of people) {
      const score = p.answers[enpsQ.key]?.score;
      if (typeof score === 'number') counts[npsGroup(score)]++;
    }
    const total = counts.promoter + counts.passive + counts.detractor;
    if (total >= MIN_GROUP) {
      const r = npsFromCounts(counts.detractor, counts.passive, counts.promoter);
      enps = { value: r.value!, promoters: counts.promoter, passives: counts.passive, detractors: counts.detractor };
    }
  }
  return { id, n: people.length, merged, enps, questions: reported(questions).map((q) => questionResult(q, people)) };
}

/**
 * The anonymous results of a staff survey over a tree of locations and teams.
 * @param nodes locations and team nodes (a team node's parent is its location)
 * @param respondents one per response, already limited to the period and the caller's locations
 */
export function staffResults(questions: readonly QuestionDef[], nodes: readonly GroupNode[], respondents: readonly StaffRespondent[]): StaffResults {
  const counts = new Map<string, number>();
  for (const r of respondents) counts.set(r.node, (counts.get(r.node) ?? 0) + 1);
  const plan = planGroups(nodes, counts);
  const members = new Map<string, StaffRespondent[]>();
  for (const r of respondents) {
    const group = plan.groupOf.get(r.node);
    if (!group) continue;
    const list = members.get(group);
    if (list) list.push(r);
    else members.set(group, [r]);
  }
  const groups = plan.shown.map((g) => groupResult(g.id, g.merged, questions, members.get(g.id) ?? []));
  const overall = !plan.hidden && respondents.length >= MIN_GROUP ? groupResult('overall', [], questions, respondents) : null;
  return { groups, hidden: plan.hidden, overall };
}
