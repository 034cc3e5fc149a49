/**
 * @module The "was your problem solved?" follow-up (kind `case-recovery-survey`): sent when a case is
 * resolved with that option, to the customer of the case (its contact, else its e-mail, for which a
 * contact is found or made), through the invitation pipeline (inviteContact: opt-outs honoured, the
 * send job delivers it). The survey is the organisation's own recovery survey, made live from the
 * `case_recovery` template on first need, with no contact-frequency gap (the customer answered the
 * survey that opened the case a few days ago). The case gets `recovery_invitation_id` and a
 * `recovery_sent` event; the answer is recorded by `recordRecoveryResponse` (./commands/recordRecoveryResponse.ts) when it arrives.
 * Idempotent: a case that has its invitation is done; everything happens in one transaction.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { Principal } from '../../core/access/index.ts';
import { recoverySurveyInput } from '../../core/closedLoop/recoverySurvey.ts';
import { normalizeEmail } from '../../core/contacts/normalize.ts';
import { languageOr } from '../../core/i18n/languages.ts';
import type { Queryable } from '../../db/connection.ts';
import { wholeOrgAdminIds } from '../../db/cases/escalation.ts';
import { insertCaseEvent } from '../../db/cases/openCase.ts';
import {
  findRecoverySurvey, linkRecoveryInvitation, lockRecoveryCase, lockRecoverySurveyCreation,
  type RecoveryCase,
} from '../../db/cases/recovery.ts';
import { findContactsByIdentifiers, insertContact } from '../../db/contacts/saveContact.ts';
import { setSurveyContactGap } from '../../db/invitations/policy.ts';
import { setSurveyStatusRow } from '../../db/surveys/saveSurvey.ts';
import { withTransaction } from '../../db/tx.ts';
import { inviteContactInTransaction, queueDueInvitation, type InviteContactResult } from '../invitations/commands/inviteContact.ts';
import { defineJob, type JobQueue } from '../jobs/queue.ts';
import { createSurvey } from '../surveys/commands/createSurvey.ts';

/** The organisation's live recovery survey, made on first need (on behalf of its first owner, who the audit log names). */
async function ensureRecoverySurvey(tx: Queryable, orgId: string, actorId: string): Promise<string> {
  await lockRecoverySurveyCreation(tx, orgId);
  const found = await findRecoverySurvey(tx, orgId);
  if (found?.status === 'live') return found.id;
  const actor: Principal = { orgId, userId: actorId, role: 'owner', locationPaths: null };
  const id = found?.id ?? (await createSurvey(tx, actor, recoverySurveyInput()));
  await setSurveyContactGap(tx, orgId, id, 0);
  await setSurveyStatusRow(tx, orgId, id, 'live');
  return id;
}

/** The case's contact, else the contact with its e-mail, else a new one (at the case's location, in the language of the answer that opened it). */
async function contactOf(tx: Queryable, orgId: string, c: RecoveryCase): Promise<string | null> {
  if (c.contactId) return c.contactId;
  const email = c.customerEmail ? normalizeEmail(c.customerEmail) : null;
  if (!email) return null;
  const [existing] = await findContactsByIdentifiers(tx, orgId, { emails: [email], phones: [], externalIds: [] });
  if (existing) return existing.id;
  const contact = await insertContact(tx, orgId, {
    email, name: c.customerName, locationId: c.locationId, language: c.sourceLanguage ? languageOr(c.sourceLanguage) : null,
  }, {});
  return contact.id;
}

export type RecoveryOutcome = { sent: InviteContactResult } | { skipped: 'already_sent' | 'not_resolved' | 'no_case' | 'no_customer' | 'no_owner' };

/** Sends the case's recovery survey (see the module comment). */
export async function sendRecoverySurvey(pool: pg.Pool, jobs: JobQueue | undefined, orgId: string, caseId: string, now = new Date()): Promise<RecoveryOutcome> {
  const outcome = await withTransaction(pool, async (tx): Promise<RecoveryOutcome> => {
    const c = await lockRecoveryCase(tx, orgId, caseId);
    if (!c) return { skipped: 'no_case' };
    if (c.recoveryInvitationId) return { skipped: 'already_sent' };
    // Reopened before the job ran: the customer is not asked about a problem still being worked on.
    if (c.status !== 'resolved' && c.status !== 'closed') return { skipped: 'not_resolved' };
    const contactId = await contactOf(tx, orgId, c);
    if (!contactId) return { skipped: 'no_customer' };
    const [actorId] = await wholeOrgAdminIds(tx, orgId);
    if (!actorId) return { skipped: 'no_owner' };
    const surveyId = await ensureRecoverySurvey(tx, orgId, actorId);
    const sent = await inviteContactInTransaction(tx, { orgId, surveyId, contactId, channel: 'email' }, now);
    await linkRecoveryInvitation(tx, orgId, caseId, sent.invitationId);
    await insertCaseEvent(tx, {
      orgId, caseId, kind: 'recovery_sent', actorUserId: null, at: now,
      body: { invitationId: sent.invitationId, surveyId, contactId, status: sent.status, skipReason: sent.skipReason },
    });
    return { sent };
  });
  if ('sent' in outcome) await queueDueInvitation(jobs, outcome.sent, now);
  return outcome;
}

export const recoverySurveyJob = defineJob({
  name: 'case-recovery-survey',
  payload: z.object({ orgId: z.uuid(), caseId: z.uuid() }),
  schedule: 'when a case is resolved with "ask the customer whether the problem was solved"',
  policy: 'standard',
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  expireInSeconds: 300,
  async handler({ orgId, caseId }, ctx) {
    const outcome = await sendRecoverySurvey(ctx.pool, ctx.queue, orgId, caseId);
    return 'sent' in outcome ? { invitationId: outcome.sent.invitationId, status: outcome.sent.status } : outcome;
  },
});
