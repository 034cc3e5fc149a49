/**
 * The demo's feedback letters (src/core/demo/letters.ts), written in the demo's transaction as the mailbox reader
 * would have stored them: each letter, the case a negative one opened (owned by routing: the store's manager),
 * and for some the reply sent from the case and the customer's answer threaded back to it.
 */
import type { PoolClient } from '../connection.ts';
import { generateDemoLetters, rootCauseOfLetter } from '../../core/demo/letters.ts';
import { caseTitleOfLetter } from '../../core/closedLoop/mailbox.ts';
import { caseDueAt } from '../../core/closedLoop/sla.ts';
import { insertFeedbackMessage, setFeedbackMessageCase } from '../cases/feedbackMessages.ts';
import { insertCase, insertCaseEvent } from '../cases/openCase.ts';
import { businessHoursAt, routeCase } from '../cases/routing.ts';
import { listRootCauses } from '../cases/rootCauses.ts';
import type { DemoIds } from './insertDemoStructure.ts';

const DAY_MS = 86_400_000;

/** @returns how many letters were written (answers included) */
export async function insertDemoLetters(tx: PoolClient, ids: DemoIds, opts: { now: Date }): Promise<number> {
  let written = 0;
  const causes = new Map((await listRootCauses(tx, ids.orgId)).map((c) => [c.key, c.id]));
  for (const l of generateDemoLetters(opts.now)) {
    const orgId = ids.orgId;
    const locationId = l.store ? (ids.locations.get(l.store) ?? null) : null;
    const common = { orgId, inReplyTo: null, fromAddress: l.fromAddress, fromName: l.fromName, language: l.language, locationId, attachments: 0, note: null };
    const id = await insertFeedbackMessage(tx, {
      ...common, kind: 'feedback', messageId: l.messageId, subject: l.subject, body: l.body, receivedAt: l.receivedAt,
      sentiment: l.sentiment, themes: l.themes, caseId: null,
    });
    if (!id) continue;
    written++;
    if (!l.opensCase) continue;
    const owner = await routeCase(tx, orgId, { locationId, channel: 'email', priority: 'normal' });
    const hours = await businessHoursAt(tx, orgId, locationId);
    const opened = await insertCase(tx, {
      orgId, title: caseTitleOfLetter(l.subject, l.body, 'E-mail'), description: l.body, priority: 'normal', channel: 'email',
      source: { kind: 'feedback_message', id }, alertRuleId: null, contactId: null, customerName: l.fromName, customerEmail: l.fromAddress,
      customerPhone: null, locationId, ownerUserId: owner.ownerUserId, teamId: owner.teamId, triggerScore: null, triggerMetric: null,
      dueAt: caseDueAt(l.receivedAt, 'normal', hours.hours, hours.timeZone), createdBy: null, createdAt: l.receivedAt,
    });
    await setFeedbackMessageCase(tx, orgId, id, opened.id);
    if (l.answer) {
      const sentAt = new Date(l.receivedAt.getTime() + 3 * 3_600_000);
      const sentId = `<case-${opened.id}-demo@sarafan.local>`;
      await insertCaseEvent(tx, { orgId, caseId: opened.id, kind: 'reply_sent', actorUserId: owner.ownerUserId, messageId: sentId, at: sentAt, body: { to: l.fromAddress, subject: `Re: [#${opened.number}] ${l.subject}`, text: '…' } });
      const answerId = await insertFeedbackMessage(tx, {
        ...common, kind: 'reply', messageId: l.answer.messageId, inReplyTo: sentId, subject: `Re: [#${opened.number}] ${l.subject}`, body: l.answer.body,
        receivedAt: l.answer.receivedAt, sentiment: l.answer.sentiment, themes: l.answer.themes, caseId: opened.id,
      });
      await insertCaseEvent(tx, {
        orgId, caseId: opened.id, kind: 'reply_received', actorUserId: null, messageId: l.answer.messageId, at: l.answer.receivedAt,
        body: { text: l.answer.body, from: l.fromAddress, fromName: l.fromName, subject: `Re: [#${opened.number}] ${l.subject}`, feedbackMessageId: answerId },
      });
      await tx.query(`/* demoLetterCaseInProgress */ update cases set status = 'in_progress', first_action_at = $3 where org_id = $1 and id = $2`, [orgId, opened.id, sentAt]);
      written++;
    } else if (opts.now.getTime() - l.receivedAt.getTime() > 30 * DAY_MS) {
      // Worked and closed two days later, with the root cause its themes point to (so the Pareto counts it).
      const causeKey = rootCauseOfLetter(l.themes);
      const resolvedAt = new Date(l.receivedAt.getTime() + 2 * DAY_MS);
      const causeId = causes.get(causeKey) ?? null;
      await tx.query(
        `/* demoLetterCaseClosed */ update cases set status = 'closed', first_action_at = $3, resolved_at = $3, closed_at = $3, root_cause_id = $4,
           controllable = true, resolution = 'Answered by phone; the store was told.' where org_id = $1 and id = $2`,
        [orgId, opened.id, resolvedAt, causeId],
      );
      await insertCaseEvent(tx, { orgId, caseId: opened.id, kind: 'root_cause', actorUserId: owner.ownerUserId, at: resolvedAt, body: { rootCauseId: causeId, controllable: true, resolution: 'Answered by phone; the store was told.', askCustomer: false } });
      await insertCaseEvent(tx, { orgId, caseId: opened.id, kind: 'status', actorUserId: owner.ownerUserId, at: resolvedAt, body: { from: 'new', to: 'resolved' } });
      await insertCaseEvent(tx, { orgId, caseId: opened.id, kind: 'status', actorUserId: owner.ownerUserId, at: resolvedAt, body: { from: 'resolved', to: 'closed' } });
    }
  }
  return written;
}
