/**
 * @module One run of the feedback mailbox reader for an organisation (the `read-feedback-mailbox` job): opens
 * the mailbox with the stored settings, hands each new letter to {@link handleLetter}, keeps the position
 * (UIDVALIDITY, last UID) after every letter, and records the status: letters read and skipped, or the
 * problem and a retry pause that doubles per failure (1, 2, 4 ... 60 minutes). A database failure is not a
 * mailbox problem: it fails the job, which the queue retries.
 */
import type pg from 'pg';
import { mailboxRetryMinutes } from '../../../core/closedLoop/mailbox.ts';
import { getFeedbackMailbox, recordMailboxFailure, recordMailboxSuccess, saveMailboxPosition, withMailboxLock } from '../../../db/cases/feedbackMailbox.ts';
import { openSecret } from '../../auth/secretBox.ts';
import { loadAnalyser } from '../../text/analyseComments.ts';
import { handleLetter, type LetterOutcome } from './handleLetter.ts';
import { MailboxError, readNewLetters } from './imapReader.ts';

export interface MailboxRun {
  /** false: no enabled mailbox with a password. */
  ran: boolean;
  stored: number;
  replies: number;
  cases: number;
  skipped: number;
  duplicates: number;
  more: boolean;
  problem: string | null;
  /** Letters stored as feedback items (for the comment_match alert rules). */
  feedbackMessageIds: string[];
}

/** Reads the organisation's mailbox once (one reader at a time per organisation: a second call waits for the first). */
export async function readMailbox(pool: pg.Pool, orgId: string, opts: { now?: () => Date; stop?: () => boolean } = {}): Promise<MailboxRun> {
  return withMailboxLock(pool, orgId, () => readLocked(pool, orgId, opts));
}

async function readLocked(pool: pg.Pool, orgId: string, opts: { now?: () => Date; stop?: () => boolean }): Promise<MailboxRun> {
  const now = opts.now ?? (() => new Date());
  const run: MailboxRun = { ran: false, stored: 0, replies: 0, cases: 0, skipped: 0, duplicates: 0, more: false, problem: null, feedbackMessageIds: [] };
  const mailbox = await getFeedbackMailbox(pool, orgId);
  if (!mailbox || !mailbox.enabled || !mailbox.password) return run;
  run.ran = true;
  const count = (o: LetterOutcome) => {
    if (o.kind === 'feedback') {
      run.stored++;
      run.feedbackMessageIds.push(o.feedbackMessageId);
      if (o.caseId) run.cases++;
    } else if (o.kind === 'reply') run.replies++;
    else if (o.kind === 'skipped') run.skipped++;
    else run.duplicates++;
  };
  let password: string;
  try {
    password = openSecret(mailbox.password);
  } catch {
    run.problem = 'password_unreadable';
  }
  if (!run.problem) {
    try {
      const analyser = await loadAnalyser(pool, orgId);
      const result = await readNewLetters(
        { host: mailbox.host, port: mailbox.port, secure: mailbox.secure, username: mailbox.username, password: password!, folder: mailbox.folder },
        { uidValidity: mailbox.uidValidity, lastUid: mailbox.lastUid },
        async (letter) => count(await handleLetter(pool, mailbox, analyser, letter, now())),
        (p) => saveMailboxPosition(pool, orgId, p.uidValidity, p.lastUid),
        opts.stop,
      );
      run.more = result.more;
    } catch (err) {
      if (!(err instanceof MailboxError)) throw err;
      run.problem = err.problem;
    }
  }
  const counts = { read: run.stored + run.replies, skipped: run.skipped };
  if (run.problem === null) await recordMailboxSuccess(pool, orgId, now(), counts);
  else {
    const at = now();
    await recordMailboxFailure(pool, orgId, at, run.problem, new Date(at.getTime() + mailboxRetryMinutes(mailbox.failures + 1) * 60_000), counts);
  }
  return run;
}
