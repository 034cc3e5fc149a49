/**
 * POST /events: a survey invitation for a contact after an event ("ticket solved"), in one transaction:
 * the contact is created or updated, then the invitation pipeline's `inviteContactInTransaction`
 * queues the invitation for now + delay (the contact-frequency policy and opt-outs are applied now and
 * again when it is sent). The event's name goes to the audit log with the invitation.
 */
import type pg from 'pg';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import type { ContactInput } from '../../../core/contacts/contact.ts';
import { linkInvitationToTicket } from '../../../db/support/links.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { inviteContactInTransaction, type InviteContactResult } from '../../invitations/commands/inviteContact.ts';
import { upsertApiContact } from './upsertApiContact.ts';

export interface TriggerInput {
  event: string;
  contact: ContactInput;
  surveyId: string;
  delaySeconds: number;
  channel: 'email' | 'sms' | 'telegram';
  ticketId?: string;
}

export async function triggerSurvey(
  tx: pg.PoolClient, actor: Principal, input: TriggerInput,
  now: Date,
): Promise<{ invitation: InviteContactResult; contactId: string; contactCreated: boolean }> {
  const { contact, created } = await upsertApiContact(tx, actor, input.contact, 'contact');
  const invitation = await inviteContactInTransaction(tx, {
    orgId: actor.orgId, surveyId: input.surveyId, contactId: contact.id, channel: input.channel,
    sendAfter: new Date(now.getTime() + input.delaySeconds * 1000),
  }, now);
  if (input.ticketId) await linkInvitationToTicket(tx, scopeOf(actor), invitation.invitationId, input.ticketId);
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'invitation.trigger', targetType: 'survey_invitation', targetId: invitation.invitationId,
    detail: { event: input.event, surveyId: input.surveyId, channel: input.channel, delaySeconds: input.delaySeconds, ...(input.ticketId ? { ticketId: input.ticketId } : {}) },
  });
  return { invitation, contactId: contact.id, contactCreated: created };
}
