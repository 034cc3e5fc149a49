/**
 * @module A question library entry as it comes back into a survey (docs/api.md "Question library"). Apart from
 * library.ts (which checks questions with the survey schema) so the builder can use it without zod. Pure; no I/O.
 */
import type { QuestionDef } from './types.ts';

/** A question as the library stores it (migration 131 question_library.definition). */
export type LibraryQuestion = Omit<QuestionDef, 'id' | 'addedInVersion' | 'archivedInVersion' | 'showIf' | 'followsQuestionKey' | 'whyTexts'>;

/**
 * The library question as a new question of a survey, or 'key_taken' when the survey already has a question with
 * that key (archived ones included: their key stays reserved). Key and metric are kept as saved.
 */
export function fromLibrary(entry: LibraryQuestion, surveyKeys: readonly string[]): QuestionDef | 'key_taken' {
  if (surveyKeys.includes(entry.key)) return 'key_taken';
  return { ...structuredClone(entry), showIf: null };
}
