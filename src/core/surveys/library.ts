/**
 * @module The organisation's question library (docs/api.md "Question library"): what a saved question keeps and
 * how it comes back into a survey. A library question keeps its key and metric, so its answers stay comparable
 * across the surveys that use it; what only makes sense in one survey (ids, versions, show-if, "why?" links) is
 * not kept. Pure; no I/O.
 */
import { normalizeQuestion, questionIssues, type QuestionInput, type StructuralIssue } from './definition.ts';
import type { LibraryQuestion } from './libraryEntry.ts';

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
