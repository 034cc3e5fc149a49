/** Small shared formatting of the QA pages. */
import type { StoredAnswers } from '../../core/audits/answers.ts';

/** Messages of a failed API call. */
export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Stored answers with nothing unanswered removed (what the API accepts). */
export const cleanAnswers = (a: StoredAnswers): StoredAnswers => Object.fromEntries(Object.entries(a).filter(([, v]) => v.value !== undefined || v.measured !== undefined));
