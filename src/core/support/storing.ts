/**
 * @module The rules of storing support contact events (docs/support.md "Importing contact events"):
 * the field limits every importer and the API apply before anything is written, whom the satisfaction
 * of a contact's follow-up answers is credited to, how an answer finds the contact it follows, and the
 * resolution-time buckets satisfaction is shown by. Pure.
 */
import { computeCsat, CSAT_DEFINITION, type CsatScale } from '../stats/csat.ts';
import type { Histogram } from '../stats/histogram.ts';
import type { MetricResult } from '../stats/result.ts';
import { computeShare } from '../stats/share.ts';
import type { SupportEvent } from './contactEvents.ts';

/** Longest value of each text field, in characters (the columns of support_contacts / support_events). */
export const SUPPORT_FIELD_LIMITS = {
  ticketId: 200,
  customerId: 200,
  channel: 60,
  agent: 200,
  team: 200,
  location: 200,
  priority: 60,
  category: 200,
  subject: 1000,
} as const;

type LimitedField = keyof typeof SUPPORT_FIELD_LIMITS;

/** Why an event cannot be stored as it is, or null. `at` must be a valid instant; the ticket id non-empty. */
export function supportEventProblem(event: SupportEvent): string | null {
  if (!event.ticketId || event.ticketId.trim() === '') return 'ticket_id: missing';
  if (!(event.at instanceof Date) || Number.isNaN(event.at.getTime())) return 'at: not a valid time';
  for (const field of Object.keys(SUPPORT_FIELD_LIMITS) as LimitedField[]) {
    const value = event[field];
    if (typeof value === 'string' && value.length > SUPPORT_FIELD_LIMITS[field]) {
      return `${field}: longer than ${SUPPORT_FIELD_LIMITS[field]} characters`;
    }
  }
  return null;
}

/** Problems kept per import (the rest are counted, not listed). */
export const MAX_KEPT_PROBLEMS = 100;

/** Whom an organisation credits with the answers that follow a contact (orgs.support_credit). */
export const SUPPORT_CREDITS = ['solved_by', 'last_agent'] as const;
export type SupportCredit = (typeof SUPPORT_CREDITS)[number];

/**
 * The agent credited with a contact: the one who solved it ('solved_by', the default; the last agent
 * named on it when nobody solved it), or the last agent named on it ('last_agent').
 */
export function creditedAgent(credit: SupportCredit, contact: { solvedBy: string | null; agent: string | null }): string | null {
  return credit === 'last_agent' ? contact.agent : (contact.solvedBy ?? contact.agent);
}

/** An answer of imported history follows the same customer's contact solved at most this long before it. */
export const FOLLOW_UP_WINDOW_DAYS = 7;

/** Resolution-time buckets (upper bounds in seconds, exclusive), then "longer" and "unresolved" (src/db/support/satisfaction.ts makes them SQL). */
export const RESOLUTION_BUCKETS = [
  { key: 'under_1h', maxSeconds: 3600 },
  { key: 'under_4h', maxSeconds: 4 * 3600 },
  { key: 'under_1d', maxSeconds: 86_400 },
  { key: 'under_3d', maxSeconds: 3 * 86_400 },
] as const;
export type ResolutionBucket = (typeof RESOLUTION_BUCKETS)[number]['key'] | 'over_3d' | 'unresolved';
export const RESOLUTION_BUCKET_ORDER: readonly ResolutionBucket[] = [...RESOLUTION_BUCKETS.map((b) => b.key), 'over_3d', 'unresolved'];


/** CSAT answers of one scale (a question's min, max and satisfied box). */
export interface CsatPart {
  histogram: Histogram;
  scale: CsatScale;
}

/**
 * csat.v1 over answers of one or more scales: each answer is satisfied by its own question's box, and
 * the shares pool (a 1..5 and a 1..10 question together). @throws DomainError as computeCsat
 */
export function pooledCsat(parts: readonly CsatPart[]): MetricResult {
  if (parts.length === 1) return computeCsat(parts[0].histogram, parts[0].scale);
  let satisfied = 0;
  let n = 0;
  for (const p of parts) {
    const r = computeCsat(p.histogram, p.scale);
    satisfied += Number(r.details?.satisfied ?? 0);
    n += r.n;
  }
  const share = computeShare(satisfied, n);
  return { ...share, metric: 'csat', definition: CSAT_DEFINITION, details: { satisfied } };
}
