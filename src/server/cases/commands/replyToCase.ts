/**
 * @module Replying to the customer from a case (docs/closed-loop.md "Cases", "Threading"): the reply is
 * a `reply_sent` event with its own Message-ID `<case-{caseId}-{eventId}@{host}>`, its subject carries
 * `[#number]`, and Reply-To is the feedback mailbox when one is set, so the customer's answer comes back
 * to the mailbox and threads to this case (src/db/cases/updateCase.ts caseByMessageId). The event is
 * committed first; then the mail goes through SMTP (or lands in the outbox) and the event records how.
 */
import type pg from 'pg';
import type { Principal } from '../../../core/access/index.ts';
import { caseMessageId, replySubject } from '../../../core/closedLoop/cases.ts';
import { withTransaction } from '../../../db/tx.ts';
import { insertCaseEvent } from '../../../db/cases/openCase.ts';
import { getCaseMailSettings, setReplyDelivery, updateCase } from '../../../db/cases/updateCase.ts';
import { invalid } from '../../../http/errors.ts';
import { sendMail } from '../../mail/sendMail.ts';
import { lockCase } from './changeCase.ts';

export interface ReplyInput {
  subject?: string | null;
  text: string;
}

export interface ReplyResult {
  eventId: string;
  messageId: string;
  emailed: boolean;
}

/**
 * @param host the host part of Message-IDs (the public address's host name)
 * @throws validation when the customer has no e-mail address
 */
export async function replyToCase(
  deps: { pool: pg.Pool; smtpUrl?: string }, actor: Principal, caseId: string, input: ReplyInput, host: string, now: Date,
): Promise<ReplyResult> {
  const prepared = await withTransaction(deps.pool, async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    if (!c.customerEmail) throw invalid('The customer left no e-mail address: a reply cannot be sent', { field: 'customerEmail' });
    const subject = replySubject(input.subject, c.title, c.number);
    const eventId = await insertCaseEvent(tx, {
      orgId: actor.orgId, caseId: c.id, kind: 'reply_sent', actorUserId: actor.userId, at: now,
      body: { to: c.customerEmail, subject, text: input.text },
    });
    const messageId = caseMessageId(c.id, eventId, host);
    await setReplyDelivery(tx, actor.orgId, eventId, { messageId });
    await updateCase(tx, actor.orgId, c.id, {}, now, true);
    const mail = await getCaseMailSettings(tx, actor.orgId);
    return { eventId, messageId, to: c.customerEmail, subject, replyTo: mail.replyTo };
  });
  const sent = await sendMail(deps.pool, deps.smtpUrl, {
    orgId: actor.orgId, senderId: actor.userId, to: prepared.to, subject: prepared.subject, body: input.text,
    messageId: prepared.messageId, ...(prepared.replyTo ? { replyTo: prepared.replyTo } : {}),
  });
  await setReplyDelivery(deps.pool, actor.orgId, prepared.eventId, { outboxId: sent.outboxId, emailed: sent.emailed });
  return { eventId: prepared.eventId, messageId: prepared.messageId, emailed: sent.emailed };
}
