/**
 * The contact-frequency policy (issue 10): at most one survey per contact per N days, across all
 * surveys and channels. N is the survey's own `contact_gap_days` when set, else the organisation's;
 * 0 means no limit. Enforced at send time for every channel (src/server/invitations).
 */

const DAY_MS = 86_400_000;

/** Why an invitation is not sent. Shown in the dashboard (`inv.skip.<reason>`) and stored in `survey_invitations.skip_reason`. */
export const SKIP_REASONS = ['unsubscribed', 'erased', 'no_address', 'contact_gap', 'survey_closed', 'cancelled'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The gap that applies: the survey's override when set, else the organisation's. */
export function effectiveGapDays(orgGapDays: number, surveyGapDays: number | null | undefined): number {
  return surveyGapDays ?? orgGapDays;
}

export type GapDecision = { allowed: true } | { allowed: false; reason: 'contact_gap'; nextAllowedAt: Date };

/**
 * May the contact be surveyed at `now`, given when they were last surveyed (an invitation sent or an
 * answer given, any survey, any channel)? The gap is counted in whole days of 24 hours: surveyed at
 * 10:00 on day 1 with a gap of 30, the contact may be asked again from 10:00 on day 31.
 */
export function checkContactGap(gapDays: number, lastSurveyedAt: Date | null, now: Date): GapDecision {
  if (gapDays <= 0 || !lastSurveyedAt) return { allowed: true };
  const nextAllowedAt = new Date(lastSurveyedAt.getTime() + gapDays * DAY_MS);
  return now.getTime() >= nextAllowedAt.getTime() ? { allowed: true } : { allowed: false, reason: 'contact_gap', nextAllowedAt };
}

/** What the policy needs to know about a contact. */
export interface ContactForPolicy {
  unsubscribedAt: Date | null;
  erasedAt: Date | null;
  /** The address of the channel (e-mail, phone, chat), or null when the contact has none. */
  address: string | null;
  lastSurveyedAt: Date | null;
}

export type SendDecision = { send: true } | { send: false; reason: SkipReason; nextAllowedAt?: Date };

/**
 * The whole rule for a first message, in order: an erased or opted-out contact is never sent to, a
 * contact without an address for the channel cannot be, then the frequency gap.
 */
export function decideSend(contact: ContactForPolicy, gapDays: number, now: Date): SendDecision {
  if (contact.erasedAt) return { send: false, reason: 'erased' };
  if (contact.unsubscribedAt) return { send: false, reason: 'unsubscribed' };
  if (!contact.address) return { send: false, reason: 'no_address' };
  const gap = checkContactGap(gapDays, contact.lastSurveyedAt, now);
  return gap.allowed ? { send: true } : { send: false, reason: 'contact_gap', nextAllowedAt: gap.nextAllowedAt };
}

/** A reminder goes only to a contact who has not answered and can still be written to (no gap check: same survey). */
export function decideReminder(contact: Omit<ContactForPolicy, 'lastSurveyedAt'>, respondedAt: Date | null): SendDecision | { send: false; reason: 'responded' } {
  if (respondedAt) return { send: false, reason: 'responded' };
  if (contact.erasedAt) return { send: false, reason: 'erased' };
  if (contact.unsubscribedAt) return { send: false, reason: 'unsubscribed' };
  if (!contact.address) return { send: false, reason: 'no_address' };
  return { send: true };
}
