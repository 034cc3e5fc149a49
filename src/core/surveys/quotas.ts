/**
 * Response limits and quotas (docs/api.md "Limits and quotas"), pure: which counters a submission
 * takes a place in, and what a full counter means for it. The conditions reuse the show-if operators
 * (logic.ts) over an answer, a hidden field or the location. Counting itself is in the database
 * (src/db/responses/limits.ts), in the submission's transaction.
 */
import { evaluateShowIf } from './logic.ts';
import type { AnswerMap, LocalizedText, ShowIf } from './types.ts';

export const QUOTA_ACTIONS = ['end', 'close'] as const;
type QuotaAction = (typeof QUOTA_ACTIONS)[number];

/** A show-if condition on exactly one of: an answer (`question`), a hidden field (`hidden`) or the location (`location: true`, values are location ids or codes). */
interface QuotaCondition {
  question?: string;
  hidden?: string;
  location?: boolean;
  op: ShowIf['op'];
  value?: ShowIf['value'];
}

export interface Quota {
  key: string;
  limit: number;
  /** Absent: every response counts. */
  when?: QuotaCondition | null;
  /** One count per location ("at most 200 answers per store"); responses without a location share one. */
  perLocation?: boolean;
  /** end: a matching respondent is screened out with `message`; close: the survey closes when the quota is full. */
  action: QuotaAction;
  message?: LocalizedText;
}

interface SurveyLimits {
  responseLimit?: number | null;
  quotas?: Quota[];
}

/** What a submission is counted on. */
export interface QuotaSubject {
  answers: AnswerMap;
  hidden: Record<string, string>;
  location: { id: string; code: string | null } | null;
}

/** Counter of the survey's response limit. */
export const RESPONSE_LIMIT_COUNTER = 'responses';

export interface CounterClaim {
  counter: string;
  limit: number;
  /** null: the survey's response limit. */
  quota: Quota | null;
}

/** Whether a submission matches a quota's condition (no condition: every submission). */
export function quotaMatches(quota: Quota, subject: QuotaSubject): boolean {
  const when = quota.when;
  if (!when) return true;
  const cond = { question: 'x', op: when.op, value: when.value };
  if (when.question !== undefined) return evaluateShowIf({ ...cond, question: when.question }, subject.answers);
  if (when.hidden !== undefined) {
    const v = subject.hidden[when.hidden];
    return evaluateShowIf(cond, v === undefined ? {} : { x: { text: v } });
  }
  if (when.location && subject.location) {
    const { id, code } = subject.location;
    return evaluateShowIf(cond, { x: { text: id } }) || (code !== null && evaluateShowIf(cond, { x: { text: code } }));
  }
  return false;
}

/** True when the survey counts anything (otherwise submissions skip counting entirely). */
export function hasLimits(limits: SurveyLimits): boolean {
  return (limits.responseLimit ?? null) !== null || (limits.quotas?.length ?? 0) > 0;
}

/** The counters a submission takes a place in, sorted by counter (the lock order, so two submissions never deadlock). */
export function counterClaims(limits: SurveyLimits, subject: QuotaSubject): CounterClaim[] {
  const claims: CounterClaim[] = [];
  if (limits.responseLimit) claims.push({ counter: RESPONSE_LIMIT_COUNTER, limit: limits.responseLimit, quota: null });
  for (const quota of limits.quotas ?? []) {
    if (!quotaMatches(quota, subject)) continue;
    const counter = quota.perLocation ? `quota:${quota.key}@${subject.location?.id ?? '-'}` : `quota:${quota.key}`;
    claims.push({ counter, limit: quota.limit, quota });
  }
  return claims.sort((a, b) => (a.counter < b.counter ? -1 : a.counter > b.counter ? 1 : 0));
}

type FullOutcome = { kind: 'closed' } | { kind: 'end'; quota: Quota };

/**
 * What a submission gets when some of its counters are full: the closed page when the response
 * limit or a "close" quota is full (closing wins), else the first full "end" quota's message.
 */
export function fullOutcome(full: CounterClaim[]): FullOutcome | null {
  if (full.length === 0) return null;
  const end = full.find((c) => c.quota?.action === 'end');
  if (full.some((c) => c.quota === null || c.quota.action === 'close') || !end?.quota) return { kind: 'closed' };
  return { kind: 'end', quota: end.quota };
}
