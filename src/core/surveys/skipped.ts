/**
 * @module Respondents who skipped a question (METRICS.md nps.v1: "not in the denominator, counted
 * separately as skipped"). Pure; no I/O.
 *
 * Skipped = responses in the filters − answers to the question in the same filters. That difference
 * means "skipped" only when every one of those responses was shown the question; a response that
 * never saw it (hidden by show-if, answered before the question was added, or after it was archived)
 * is not a skip. The counts cannot tell those apart, so the count is given only when the question
 * was certainly shown to everyone, and is null ("unknown") otherwise.
 */
import type { QuestionDef } from './types.ts';

export interface SkippedInput {
  /** Responses in the filters (excluded ones left out unless asked). */
  responses: number;
  /** Answers to the question in the same filters (the metric's n). */
  answered: number;
  /** Survey version of the survey's first response (any filter), null when there is none. */
  firstResponseVersion: number | null;
}

/**
 * Whether every response of the survey was shown `q`: no show-if condition, not archived, and
 * already part of the survey when its first response came in (versions only grow, so every later
 * response had it too).
 */
export function shownToEveryRespondent(q: Pick<QuestionDef, 'showIf' | 'addedInVersion' | 'archivedInVersion'>, firstResponseVersion: number | null): boolean {
  if (q.showIf) return false;
  if (q.archivedInVersion != null) return false;
  return firstResponseVersion === null || (q.addedInVersion ?? 1) <= firstResponseVersion;
}

/**
 * Whether shownToEveryRespondent needs the first response's version: only for a question added
 * after version 1 (every response answers version 1 or later).
 */
export function needsFirstResponseVersion(q: Pick<QuestionDef, 'addedInVersion'>): boolean {
  return (q.addedInVersion ?? 1) > 1;
}

/**
 * Number of responses that skipped `q`, or null when some responses may never have seen it.
 * Example: 5 responses, 3 NPS answers, question always shown -> 2.
 */
export function skippedCount(q: Pick<QuestionDef, 'showIf' | 'addedInVersion' | 'archivedInVersion'>, input: SkippedInput): number | null {
  if (!shownToEveryRespondent(q, input.firstResponseVersion)) return null;
  // One answer per (response, question), so answered <= responses; the clamp guards a count read
  // from a different source mid-change.
  return Math.max(0, input.responses - input.answered);
}
