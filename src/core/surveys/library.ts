/**
 * @module The organisation's question library (docs/api.md "Question library"): what a saved question keeps and
 * how it comes back into a survey. A library question keeps its key and metric, so its answers stay comparable
 * across the surveys that use it; what only makes sense in one survey (ids, versions, show-if, "why?" links) is
 * not kept. Pure; no I/O.
 */
import { normalizeQuestion, questionIssues, type QuestionInput, type StructuralIssue } from './definition.ts';
import type { QuestionDef } from './types.ts';

/** A question as the library stores it (migration 131 question_library.definition). */
export type LibraryQuestion = Omit<QuestionDef, 'id' | 'addedInVersion' | 'archivedInVersion' | 'showIf' | 'followsQuestionKey' | 'whyTexts'>;

/**
 * The library form of a question sent by the builder, or the first reason it cannot be saved: a "why?" follow-up
 * depends on its survey's score question, a question needs a text, and the single-question rules of a survey apply.
 */
export function toLibraryQuestion(q: QuestionInput): { question: LibraryQuestion } | { issue: StructuralIssue } {
  if (q.followsQuestionKey) return { issue: { path: ['followsQuestionKey'], message: 'a "why?" follow-up belongs to its survey\'s score question and cannot be saved alone' } };
  if (!Object.values(q.text).some((t) => t.trim() !== '')) return { issue: { path: ['text'], message: 'give the question\'s text in at least one language' } };
  const [issue] = questionIssues(q, []);
  if (issue) return { issue };
  const { showIf: _showIf, ...question } = normalizeQuestion(q);
  return { question };
}

/**
 * The library question as a new question of a survey, or 'key_taken' when the survey already has a question with
 * that key (archived ones included: their key stays reserved). Key and metric are kept as saved.
 */
export function fromLibrary(entry: LibraryQuestion, surveyKeys: readonly string[]): QuestionDef | 'key_taken' {
  if (surveyKeys.includes(entry.key)) return 'key_taken';
  return { ...structuredClone(entry), showIf: null };
}
