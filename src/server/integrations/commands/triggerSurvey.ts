/**
 * POST /events: a survey invitation for a contact after an event ("ticket solved"), in one transaction:
 * the contact is created or updated, then a survey_invitations row is queued with send_after = now +
 * delay. Sending is the invitation pipeline's work (issue 10, "E-mail invitations"): it picks queued
 * rows whose time has come and applies the contact-frequency policy and opt-outs when it sends. The
 * event's name goes to the audit log with the invitation.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { Principal } from '../../../core/access/index.ts';
import type { ContactInput } from '../../../core/contacts/contact.ts';
import { insertTriggeredInvitation, type TriggeredInvitationRow } from '../../../db/integrations/apiContacts.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { upsertApiContact } from './upsertApiContact.ts';

export interface TriggerInput {
  event: string;
  contact: ContactInput;
  surveyId: string;
  delaySeconds: number;
  channel: 'email' | 'sms' | 'telegram';
}

export async function triggerSurvey(
  tx: pg.PoolClient, actor: Principal, input: TriggerInput,
): Promise<{ invitation: TriggeredInvitationRow; contactId: string; contactCreated: boolean }> {
  const { contact, created } = await upsertApiContact(tx, actor, input.contact, 'contact');
  // The personal link's token: only its hash is kept; the sending pipeline issues the link it mails.
  const tokenHash = crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex');
  const invitation = await insertTriggeredInvitation(tx, {
    orgId: actor.orgId, surveyId: input.surveyId, contactId: contact.id, channel: input.channel, tokenHash, delaySeconds: input.delaySeconds,
  });
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'invitation.trigger', targetType: 'survey_invitation', targetId: invitation.id,
    detail: { event: input.event, surveyId: input.surveyId, channel: input.channel, delaySeconds: input.delaySeconds },
  });
  return { invitation, contactId: contact.id, contactCreated: created };
}
