/**
 * @module What happens to one letter of the feedback mailbox (docs/closed-loop.md "Feedback mailbox"):
 * parsed with mailparser (the text part, else the HTML part turned into text), skipped when no person wrote it,
 * stored once per Message-ID with its language, sentiment and themes, matched to a store by its code; then
 * either threaded to a case as `reply_received` (the case goes back to in progress, its owner is notified),
 * or kept as a feedback item that opens a case when the mailbox's policy says so.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import {
  caseNumberInSubject, caseTitleOfLetter, cleanLetterText, isAutomaticLetter, letterOpensCase, locationCodeOfLetter,
  referencedMessageIds, stripQuotedReply, syntheticMessageId,
} from '../../../core/closedLoop/mailbox.ts';
import type { FeedbackMailboxRow } from '../../../db/cases/feedbackMailbox.ts';
import {
  caseByNumberAndCustomer, caseByReplyMessageIds, feedbackMessageExists, insertFeedbackMessage, locationIdByCode, resumeCaseAfterReply,
  setFeedbackMessageCase, type NewFeedbackMessage, type ThreadedCase,
} from '../../../db/cases/feedbackMessages.ts';
import { insertCaseEvent } from '../../../db/cases/openCase.ts';
import { insertNotifications } from '../../../db/cases/notifications.ts';
import { teamMemberIds } from '../../../db/cases/teams.ts';
import { withTransaction } from '../../../db/tx.ts';
import { analyseText, type Analyser } from '../../text/analyseComments.ts';
import { openCaseInTransaction } from '../commands/openCase.ts';
import type { RawLetter } from './imapReader.ts';

export type LetterOutcome =
  | { kind: 'feedback'; messageId: string; feedbackMessageId: string; caseId: string | null }
  | { kind: 'reply'; feedbackMessageId: string; caseId: string }
  | { kind: 'duplicate' }
  | { kind: 'skipped' };

const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value);

function headerText(parsed: ParsedMail | null) {
  return (name: string): string | undefined => {
    const v = parsed?.headers.get(name);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'object' && 'value' in v && typeof v.value === 'string') return v.value;
    return String(v);
  };
}

/** What the reader needs of a letter, whether its source was downloaded or only its envelope was (too large). */
interface Letter {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  subject: string | null;
  to: string[];
  date: Date;
  text: string;
  attachments: number;
  note: 'too_large' | 'truncated' | null;
  automatic: boolean;
}

async function readLetter(raw: RawLetter, now: Date): Promise<Letter> {
  const parsed = raw.source ? await simpleParser(raw.source, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 2_000_000 }) : null;
  const env = raw.envelope;
  const from = parsed ? addresses(parsed.from)[0] : env?.from?.[0];
  const fromAddress = (from?.address ?? '').trim().slice(0, 320);
  const fromName = from?.name?.trim().slice(0, 300) || null;
  const subject = ((parsed ? parsed.subject : env?.subject) ?? '').slice(0, 1000) || null;
  const given = parsed?.date ?? env?.date ?? raw.internalDate;
  const date = given ? new Date(given) : now;
  const cleaned = cleanLetterText(parsed?.text ?? '');
  const to = [
    ...addresses(parsed?.to).map((a) => a.address ?? ''),
    ...addresses(parsed?.cc).map((a) => a.address ?? ''),
    ...[headerText(parsed)('delivered-to'), headerText(parsed)('x-original-to')].filter((x): x is string => !!x),
    ...(env?.to ?? []).map((a) => a.address ?? ''),
  ].filter(Boolean);
  const inReplyTo = (parsed ? parsed.inReplyTo : env?.inReplyTo) ?? null;
  const references = parsed?.references ? (Array.isArray(parsed.references) ? parsed.references : [parsed.references]) : [];
  const declaredId = (parsed ? parsed.messageId : env?.messageId)?.trim();
  const digest = crypto.createHash('sha256').update([fromAddress, given && !Number.isNaN(date.getTime()) ? date.toISOString() : '', subject ?? '', cleaned.text].join('\n')).digest('hex');
  return {
    messageId: declaredId && declaredId.length <= 1000 ? declaredId : syntheticMessageId(digest),
    inReplyTo: inReplyTo && inReplyTo.length <= 1000 ? inReplyTo : null,
    references,
    fromAddress,
    fromName,
    subject,
    to,
    date: Number.isNaN(date.getTime()) || date.getTime() > now.getTime() + 86_400_000 ? now : date,
    text: cleaned.text,
    attachments: parsed?.attachments.length ?? 0,
    note: raw.source === null ? 'too_large' : cleaned.truncated ? 'truncated' : null,
    automatic: isAutomaticLetter(headerText(parsed), fromAddress),
  };
}

/** The case an answer belongs to: by the Message-IDs it references, else by `[#n]` in its subject from that case's customer. */
async function threadOf(pool: pg.Pool, orgId: string, letter: Letter): Promise<ThreadedCase | null> {
  const byHeader = await caseByReplyMessageIds(pool, orgId, referencedMessageIds(letter.inReplyTo, letter.references));
  if (byHeader) return byHeader;
  const number = caseNumberInSubject(letter.subject);
  return number !== null && letter.fromAddress ? caseByNumberAndCustomer(pool, orgId, number, letter.fromAddress) : null;
}

/**
 * Handles one letter. Idempotent: a letter whose Message-ID is stored is a duplicate and changes nothing (the
 * reader may see a letter again after a crash or a new UIDVALIDITY).
 */
export async function handleLetter(pool: pg.Pool, mailbox: FeedbackMailboxRow, analyser: Analyser, raw: RawLetter, now = new Date()): Promise<LetterOutcome> {
  const orgId = mailbox.orgId;
  const letter = await readLetter(raw, now);
  if (letter.automatic || !letter.fromAddress) return { kind: 'skipped' };
  if (await feedbackMessageExists(pool, orgId, letter.messageId)) return { kind: 'duplicate' };

  const thread = await threadOf(pool, orgId, letter);
  const text = thread ? stripQuotedReply(letter.text) : letter.text;
  const analysis = text ? analyseText(analyser, text) : null;
  const code = locationCodeOfLetter(letter.subject, letter.to);
  const row: NewFeedbackMessage = {
    orgId,
    kind: thread ? 'reply' : 'feedback',
    messageId: letter.messageId,
    inReplyTo: letter.inReplyTo,
    fromAddress: letter.fromAddress,
    fromName: letter.fromName,
    subject: letter.subject,
    body: text,
    receivedAt: letter.date,
    language: analysis?.lang ?? null,
    sentiment: analysis?.sentiment ?? null,
    themes: analysis?.themes ?? [],
    locationId: code ? await locationIdByCode(pool, orgId, code) : null,
    caseId: thread?.id ?? null,
    attachments: letter.attachments,
    note: letter.note,
  };

  if (thread) {
    // The letter, the timeline event, the status and the notification together: a crash leaves none of them.
    const stored = await withTransaction(pool, async (tx) => {
      const id = await insertFeedbackMessage(tx, row);
      if (!id) return null;
      await insertCaseEvent(tx, {
        orgId, caseId: thread.id, kind: 'reply_received', actorUserId: null, messageId: letter.messageId, at: now,
        body: { text, from: letter.fromAddress, fromName: letter.fromName, subject: letter.subject, feedbackMessageId: id },
      });
      if (await resumeCaseAfterReply(tx, orgId, thread.id, now)) {
        await insertCaseEvent(tx, { orgId, caseId: thread.id, kind: 'status', actorUserId: null, at: now, body: { from: 'waiting_customer', to: 'in_progress', reason: 'reply_received' } });
      }
      const notify = thread.ownerUserId ? [thread.ownerUserId] : thread.teamId ? await teamMemberIds(tx, orgId, thread.teamId) : [];
      await insertNotifications(tx, orgId, notify, { kind: 'reply_received', caseId: thread.id, body: { number: thread.number, from: letter.fromName ?? letter.fromAddress } });
      return id;
    });
    return stored ? { kind: 'reply', feedbackMessageId: stored, caseId: thread.id } : { kind: 'duplicate' };
  }

  // The letter and the case it opens together: a crash leaves neither, and the letter is read again.
  const stored = await withTransaction(pool, async (tx) => {
    const id = await insertFeedbackMessage(tx, row);
    if (!id || !letterOpensCase(mailbox.openCases, row.sentiment)) return id ? { id, caseId: null } : null;
    const opened = await openCaseInTransaction(tx, {
      orgId,
      title: caseTitleOfLetter(letter.subject, text, 'E-mail'),
      description: text.slice(0, 20_000),
      priority: mailbox.casePriority,
      channel: 'email',
      source: { kind: 'feedback_message', id },
      customerName: letter.fromName,
      customerEmail: letter.fromAddress,
      locationId: row.locationId,
      now,
    });
    await setFeedbackMessageCase(tx, orgId, id, opened.id);
    return { id, caseId: opened.id };
  });
  if (!stored) return { kind: 'duplicate' };
  return { kind: 'feedback', messageId: letter.messageId, feedbackMessageId: stored.id, caseId: stored.caseId };
}
