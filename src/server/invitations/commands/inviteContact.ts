/**
 * One invitation of one contact, outside any wave: what the API's "after an event" trigger calls
 * (e.g. 30 minutes after a ticket is solved). The policy is applied now and again at send time; the
 * invitation is sent at `sendAfter` (no send window: the caller chose the moment) by `send-invitations`.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { effectiveGapDays, type SkipReason } from '../../../core/contacts/frequency.ts';
import { planInvitations } from '../../../core/invitations/plan.ts';
import { DomainError } from '../../../core/errors.ts';
import { isTimeZone } from '../../../core/time/timeZone.ts';
import { ensureInvitationKey, insertInvitations, loadPolicySettings, selectAudience, type InvitationChannel } from '../../../db/invitations/waves.ts';
import { withTransaction } from '../../../db/tx.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { sendInvitationsJob } from '../../jobs/sendInvitationsJob.ts';
import { invitationToken, newInvitationKey, tokenHash } from './links.ts';

export interface InviteContactInput {
  orgId: string;
  surveyId: string;
  contactId: string;
  channel: InvitationChannel;
  /** Not before this instant (default: now). */
  sendAfter?: Date;
}

export interface InviteContactResult {
  invitationId: string;
  status: 'queued' | 'skipped';
  skipReason: SkipReason | null;
  sendAfter: Date;
}

/**
 * @throws DomainError not_found (no such survey or contact in the organisation), validation (survey not live)
 * @param jobs when given and the invitation is due now, the send job is queued at once (else the minute cron sends it)
 */
export async function inviteContact(pool: pg.Pool, jobs: JobQueue | undefined, input: InviteContactInput, now = new Date()): Promise<InviteContactResult> {
  const result = await withTransaction(pool, (tx) => inviteContactInTransaction(tx, input, now));
  await queueDueInvitation(jobs, result, now);
  return result;
}

/**
 * The invitation row, inside the caller's transaction (the API's trigger also upserts the contact in
 * it); after the commit the caller hands the result to `queueDueInvitation`.
 */
export async function inviteContactInTransaction(tx: pg.PoolClient, input: InviteContactInput, now = new Date()): Promise<InviteContactResult> {
  const settings = await loadPolicySettings(tx, input.orgId, input.surveyId);
  if (!settings) throw new DomainError('not_found', 'Survey not found');
  if (settings.surveyStatus !== 'live') throw new DomainError('validation', 'Only a live survey can be sent', { field: 'surveyId' });
  const [contact] = await selectAudience(tx, input.orgId, { contactIds: [input.contactId] }, 1);
  if (!contact) throw new DomainError('not_found', 'Contact not found');
  const startAt = input.sendAfter && input.sendAfter > now ? input.sendAfter : now;
  const [plan] = planInvitations([contact], {
    channel: input.channel, gapDays: effectiveGapDays(settings.orgGapDays, settings.surveyGapDays),
    window: { startMinute: 0, endMinute: 1440 }, orgTimeZone: settings.orgTimeZone, startAt, isTimeZone,
  });
  const key = await ensureInvitationKey(tx, input.orgId, newInvitationKey());
  const id = crypto.randomUUID();
  await insertInvitations(tx, input.orgId, input.surveyId, null, input.channel, [
    { id, contactId: contact.id, tokenHash: tokenHash(invitationToken(key, id)), status: plan.status, skipReason: plan.skipReason, sendAfter: plan.sendAfter },
  ]);
  return { invitationId: id, status: plan.status, skipReason: plan.skipReason, sendAfter: plan.sendAfter };
}

/** After the commit: an invitation due now is sent at once (when a queue is given). */
export async function queueDueInvitation(jobs: JobQueue | undefined, result: InviteContactResult, now = new Date()): Promise<void> {
  // A later one is sent by the minute cron: a delayed job would be the one waiting job of the kind
  // ('short' policy) and hold back everything else until its time.
  if (jobs && result.status === 'queued' && result.sendAfter <= now) await jobs.send(sendInvitationsJob, {});
}
