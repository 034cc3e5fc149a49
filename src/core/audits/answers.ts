/**
 * @module A visit's stored answers (audit_visits.answers): per item the auditor's value, a measured number,
 * a comment and evidence ids. This is the one reader of that form (the API's submit and correction bodies,
 * the offline drafts the auditor's page sends, the demo) and the one mapping to scoring answers. Pure.
 *
 * Form: {"<item key>": {"value"?: "yes" | "no" | "na" | <points earned>, "measured"?: <number>,
 * "comment"?: string, "evidence"?: [<evidence id>]}}. A number item (waiting minutes) gives `measured`
 * and scores by its pass rule; other scored items give `value`; photo and comment items only carry
 * evidence or a comment.
 */
import { checklistItems, type ChecklistDefinition, type ChecklistItem } from './checklist.ts';
import { measuredAnswer, VisitAnswerError, type ScoringAnswer } from './scoring.ts';

export interface StoredItemAnswer {
  value?: 'yes' | 'no' | 'na' | number;
  measured?: number;
  comment?: string;
  evidence?: string[];
}
export type StoredAnswers = Record<string, StoredItemAnswer>;

export const ANSWER_LIMITS = { comment: 2000, evidencePerItem: 10 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readItemAnswer(item: ChecklistItem, raw: unknown): StoredItemAnswer {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new VisitAnswerError(item.key, 'must be an object {"value", "measured", "comment", "evidence"}');
  const r = raw as Record<string, unknown>;
  const out: StoredItemAnswer = {};
  if (r.value !== undefined && r.value !== null) {
    if (item.answerType === 'photo' || item.answerType === 'comment') throw new VisitAnswerError(item.key, `a ${item.answerType} item takes no value`);
    if (r.value === 'na' && item.answerType === 'yes_no') throw new VisitAnswerError(item.key, 'this item cannot be N/A');
    if (r.value === 'yes' || r.value === 'no' || r.value === 'na') out.value = r.value;
    else if (typeof r.value === 'number' && Number.isFinite(r.value) && r.value >= 0 && r.value <= item.points) out.value = r.value;
    else throw new VisitAnswerError(item.key, `value must be "yes", "no", "na" or points from 0 to ${item.points}`);
  }
  if (r.measured !== undefined && r.measured !== null) {
    if (item.answerType !== 'number') throw new VisitAnswerError(item.key, 'only a number item takes a measured value');
    if (typeof r.measured !== 'number' || !Number.isFinite(r.measured)) throw new VisitAnswerError(item.key, 'measured must be a number');
    out.measured = r.measured;
  }
  if (r.comment !== undefined && r.comment !== null && r.comment !== '') {
    if (typeof r.comment !== 'string' || r.comment.length > ANSWER_LIMITS.comment) throw new VisitAnswerError(item.key, `comment must be text of at most ${ANSWER_LIMITS.comment} characters`);
    out.comment = r.comment;
  }
  if (r.evidence !== undefined && r.evidence !== null) {
    if (!Array.isArray(r.evidence) || r.evidence.length > ANSWER_LIMITS.evidencePerItem || !r.evidence.every((id) => typeof id === 'string' && UUID.test(id))) {
      throw new VisitAnswerError(item.key, `evidence must be a list of at most ${ANSWER_LIMITS.evidencePerItem} evidence ids`);
    }
    if (r.evidence.length > 0) out.evidence = [...new Set(r.evidence as string[])];
  }
  return out;
}

/** Reads stored answers against a checklist; throws VisitAnswerError naming the first bad item. */
export function parseStoredAnswers(definition: ChecklistDefinition, raw: unknown): StoredAnswers {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new VisitAnswerError('', 'answers must be an object of item key -> answer');
  const items = new Map(checklistItems(definition).map((i) => [i.key, i]));
  const out: StoredAnswers = {};
  for (const [key, value] of Object.entries(raw)) {
    const item = items.get(key);
    if (!item) throw new VisitAnswerError(key, 'no item of the checklist has this key');
    const answer = readItemAnswer(item, value);
    if (Object.keys(answer).length > 0) out[key] = answer;
  }
  return out;
}

/** The scoring answer of each item: `value`, or for a number item its `measured` value judged by the pass rule. */
export function scoringAnswers(definition: ChecklistDefinition, answers: StoredAnswers): Record<string, ScoringAnswer> {
  const out: Record<string, ScoringAnswer> = {};
  for (const item of checklistItems(definition)) {
    const a = answers[item.key];
    if (!a) continue;
    if (a.value === 'na') out[item.key] = 'na';
    else if (item.answerType === 'number' && a.measured !== undefined) out[item.key] = measuredAnswer(item, a.measured);
    else if (a.value !== undefined) out[item.key] = a.value;
  }
  return out;
}

/** Scored items still without an answer: a visit is submitted only when this is empty. */
export function missingAnswers(definition: ChecklistDefinition, answers: StoredAnswers): string[] {
  const scoring = scoringAnswers(definition, answers);
  return checklistItems(definition)
    .filter((i) => i.answerType !== 'photo' && i.answerType !== 'comment' && scoring[i.key] === undefined)
    .map((i) => i.key);
}
