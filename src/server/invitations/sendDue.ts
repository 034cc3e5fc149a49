/**
 * The send pipeline, the same for every channel. For each due message (an invitation or a reminder):
 *
 * 1. one short transaction: lock the contact (sends to one contact are serialised), lock the row, check
 *    it is still due, apply the policy (opt-out, erasure, address, frequency gap, closed survey: skip
 *    with the reason) and the send window (outside it: postpone to the next opening), then CLAIM it
 *    (claimed_at, claim_seq) and commit;
 * 2. call the channel's sender (outside any transaction);
 * 3. record the outcome (delivered / sent, bounced, or a retry with backoff) and release the claim.
 *
 * Nothing is sent twice after a crash: a crash before step 1 commits leaves the row due as before;
 * between 1 and 3 the claim stays, and the message is sent again only once the claim is older than
 * the lease, which is longer than any attempt may last (the old attempt is dead by then). The one
 * window left is a provider that accepted the message (SMTP 250) in the moment before step 3 committed:
 * then the resend is a duplicate, with the same message key (e-mail: Message-ID). See docs/invitations.md.
 */
import type pg from 'pg';
import { retryDelayMs } from '../../core/backoff.ts';
import { decideReminder, decideSend, effectiveGapDays } from '../../core/contacts/frequency.ts';
import { embeddedQuestion, messageLanguage } from '../../core/invitations/message.ts';
import { channelAddress, contactZone } from '../../core/invitations/plan.ts';
import { nextSendTime, reminderTime } from '../../core/invitations/sendWindow.ts';
import { localize } from '../../core/surveys/localize.ts';
import { questionText } from '../../core/surveys/logic.ts';
import { isTimeZone } from '../../core/time/timeZone.ts';
import { ensureInvitationKey } from '../../db/invitations/waves.ts';
import {
  claimMessage, invitationContactId, listDueMessages, loadInvitationForSend, lockContactForSend, postponeInvitation, recordFailure,
  recordSent, skipInvitation, stopReminders, type DueMessage, type InvitationForSend,
} from '../../db/invitations/sending.ts';
import { loadSurvey, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { withTransaction } from '../../db/tx.ts';
import { invitationToken, newInvitationKey, personalLink } from './commands/links.ts';
import { unsubscribeUrl } from '../../core/contacts/unsubscribe.ts';
import type { InvitationRuntime } from './runtime.ts';
import { PermanentSendError, type InvitationMessage } from './sender.ts';

/** Attempts at one message before it is given up (failed). */
export const MAX_ATTEMPTS = 5;
/** Pause before the next attempt after a transient failure: 1, 2, 4, 8 minutes... at most an hour. */
export const retryDelay = (attempts: number) => retryDelayMs(attempts, 60_000, 3_600_000);

export interface BatchOutcome {
  /** Messages looked at (due when listed). */
  due: number;
  sent: number;
  skipped: number;
  postponed: number;
  failed: number;
}

type Prepared = { inv: InvitationForSend; language: string; key: string };

function address(inv: InvitationForSend): string | null {
  const chat = inv.contact.attributes.telegram_chat_id;
  return channelAddress(inv.channel, { ...inv.contact, telegramChatId: typeof chat === 'string' || typeof chat === 'number' ? String(chat) : null });
}

function isStale(claimedAt: Date | null, now: Date, leaseSeconds: number): boolean {
  return claimedAt !== null && now.getTime() - claimedAt.getTime() >= leaseSeconds * 1000;
}

/** Still due at `now` (another worker may have taken or finished it since it was listed)? */
function stillDue(inv: InvitationForSend, seq: number, now: Date, leaseSeconds: number): boolean {
  if (inv.claimedAt) return inv.claimSeq === seq && isStale(inv.claimedAt, now, leaseSeconds);
  if (seq === 0) return inv.status === 'queued' && inv.sendAfter <= now;
  return (inv.status === 'sent' || inv.status === 'delivered') && inv.remindersSent === seq - 1 && inv.nextReminderAt !== null && inv.nextReminderAt <= now;
}

/** Step 1: decide and claim, in one transaction. Null when nothing is to be sent now. */
async function prepare(pool: pg.Pool, rt: InvitationRuntime, due: DueMessage, now: Date, surveys: Map<string, LoadedSurvey | null>, outcome: BatchOutcome): Promise<Prepared | null> {
  return withTransaction(pool, async (tx) => {
    const contactId = await invitationContactId(tx, due.orgId, due.id);
    if (!contactId) return null;
    await lockContactForSend(tx, due.orgId, contactId);
    const inv = await loadInvitationForSend(tx, due.orgId, due.id);
    if (!inv || !stillDue(inv, due.seq, now, rt.leaseSeconds)) return null;
    const seq = due.seq;
    const stop = async (reason: string) => {
      if (seq === 0) await skipInvitation(tx, inv.orgId, inv.id, reason);
      else await stopReminders(tx, inv.orgId, inv.id);
      outcome.skipped++;
      return null;
    };
    if (inv.waveStatus === 'cancelled') return stop('cancelled');
    if (inv.surveyStatus !== 'live') return stop('survey_closed');
    const contact = { ...inv.contact, address: address(inv) };
    const decision = seq === 0
      ? decideSend({ ...contact, lastSurveyedAt: inv.lastSurveyedAt }, effectiveGapDays(inv.orgGapDays, inv.surveyGapDays), now)
      : decideReminder(contact, inv.respondedAt);
    if (!decision.send) return stop(decision.reason);
    const zone = contactZone(inv.contact.timeZone, inv.orgTimeZone, isTimeZone);
    const opening = nextSendTime(now, { startMinute: inv.windowStart, endMinute: inv.windowEnd }, zone);
    if (opening.getTime() > now.getTime()) {
      await postponeInvitation(tx, inv.orgId, inv.id, seq, opening);
      outcome.postponed++;
      return null;
    }
    let survey = surveys.get(inv.surveyId);
    if (survey === undefined) {
      survey = await loadSurvey(tx, inv.orgId, inv.surveyId);
      surveys.set(inv.surveyId, survey);
    }
    if (!survey) return stop('survey_closed');
    const language = inv.language ?? messageLanguage(inv.contact.language, survey);
    const key = inv.invitationKey ?? (await ensureInvitationKey(tx, inv.orgId, newInvitationKey()));
    await claimMessage(tx, inv.orgId, inv.id, seq, now, language);
    return { inv: { ...inv, language }, language, key };
  });
}

/** The neutral message of a claimed invitation. */
export function buildMessage(rt: InvitationRuntime, p: Prepared, survey: LoadedSurvey, seq: number): InvitationMessage {
  const { inv, language } = p;
  const token = invitationToken(p.key, inv.id);
  const embedded = embeddedQuestion(survey);
  const digits = new Intl.NumberFormat(language, { useGrouping: false });
  return {
    orgId: inv.orgId, orgName: inv.orgName, invitationId: inv.id, channel: inv.channel, seq, language,
    messageKey: `${inv.id}.${seq}`,
    contact: { id: inv.contactId, email: inv.contact.email, phone: inv.contact.phone, name: inv.contact.name, attributes: inv.contact.attributes },
    survey: { id: survey.id, title: localize(survey.title, language, survey.defaultLanguage, survey.name) },
    link: personalLink(rt.publicUrl, token),
    firstQuestion: embedded
      ? {
          text: questionText(embedded.question, {}, survey, language, survey.defaultLanguage),
          scores: embedded.scores.map((value) => ({ value, label: digits.format(value), url: personalLink(rt.publicUrl, token, value) })),
        }
      : null,
    unsubscribeUrl: unsubscribeUrl(rt.publicUrl, inv.contact.unsubscribeToken, language),
  };
}

/** Steps 2 and 3 for one claimed message. */
async function deliver(pool: pg.Pool, rt: InvitationRuntime, p: Prepared, survey: LoadedSurvey, seq: number, outcome: BatchOutcome): Promise<void> {
  const { inv } = p;
  const sender = rt.senders.get(inv.channel);
  const at = () => rt.now();
  try {
    if (!sender) throw new Error(`no sender for the channel ${inv.channel}`);
    const result = await sender.send(buildMessage(rt, p, survey, seq));
    const sentAt = at();
    const firstSentAt = seq === 0 ? sentAt : (inv.sentAt ?? sentAt);
    const zone = contactZone(inv.contact.timeZone, inv.orgTimeZone, isTimeZone);
    const nextReminderAt = reminderTime(firstSentAt, inv.reminderDays, seq + 1, { startMinute: inv.windowStart, endMinute: inv.windowEnd }, zone);
    await recordSent(pool, inv.orgId, inv.id, seq, { at: sentAt, delivered: result.delivered !== false, providerId: result.providerId ?? null, nextReminderAt });
    outcome.sent++;
  } catch (err) {
    const permanent = err instanceof PermanentSendError;
    const attempts = inv.attempts + 1;
    const retryAt = !permanent && attempts < MAX_ATTEMPTS ? new Date(at().getTime() + retryDelay(attempts)) : null;
    const error = err instanceof Error ? err.message : String(err);
    await recordFailure(pool, inv.orgId, inv.id, seq, { at: at(), permanent, error, retryAt });
    outcome.failed++;
  }
}

/**
 * Sends one batch of due messages (at most `rt.batchSize`), one after another. Returns what it did;
 * `due < batchSize` means nothing else was due when the batch was listed.
 */
export async function sendDueBatch(pool: pg.Pool, rt: InvitationRuntime): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { due: 0, sent: 0, skipped: 0, postponed: 0, failed: 0 };
  const due = await listDueMessages(pool, rt.now(), rt.leaseSeconds, rt.batchSize);
  outcome.due = due.length;
  const surveys = new Map<string, LoadedSurvey | null>();
  for (const d of due) {
    const p = await prepare(pool, rt, d, rt.now(), surveys, outcome);
    if (!p) continue;
    await deliver(pool, rt, p, surveys.get(p.inv.surveyId)!, d.seq, outcome);
  }
  return outcome;
}
