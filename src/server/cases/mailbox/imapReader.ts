/**
 * @module The IMAP side of the feedback mailbox (imapflow): connect, open the folder, notice a new
 * UIDVALIDITY, and hand the letters after the last UID read to a callback one by one, in UID order, in
 * bounded runs. Letters over {@link MAX_LETTER_BYTES} are not downloaded (their envelope only). Nothing of a
 * letter is logged; imapflow's own logger is off.
 */
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import { LETTERS_PER_RUN, MAX_LETTER_BYTES } from '../../../core/closedLoop/mailbox.ts';
import type { MailboxProblem } from '../../../core/api/feedbackMailbox.ts';
import type { FeedbackMailboxRow } from '../../../db/cases/feedbackMailbox.ts';

/** Where to read: the mailbox's connection settings with its password opened. */
export type ImapSettings = Pick<FeedbackMailboxRow, 'host' | 'port' | 'secure' | 'username' | 'folder'> & { password: string };

/** One letter as the server gave it: its raw source, or only its envelope when it is too large. */
export interface RawLetter {
  uid: number;
  size: number;
  /** The RFC 822 source; null for a letter over the size limit. */
  source: Buffer | null;
  envelope: FetchMessageObject['envelope'];
  internalDate: Date | null;
}

/** A failure with its kind, for the status line and the test button. */
export class MailboxError extends Error {
  constructor(readonly problem: MailboxProblem, message: string) {
    super(message);
  }
}

const PROBLEM_TEXT: Record<MailboxProblem, string> = {
  auth_failed: 'The server refused the user name or password',
  cannot_connect: 'Cannot connect to the server (check the host, the port and the TLS setting)',
  folder_missing: 'The folder does not exist on the server',
  tls_failed: 'The secure connection failed (certificate or TLS setting)',
  other: 'The server answered with an error',
};

/** What went wrong, from an imapflow or socket error (only codes are read, never server text into logs). */
export function classifyMailboxError(err: unknown): MailboxError {
  if (err instanceof MailboxError) return err;
  const e = (err ?? {}) as { code?: string; authenticationFailed?: boolean; serverResponseCode?: string; responseText?: string };
  let problem: MailboxProblem = 'other';
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') problem = 'auth_failed';
  else if (e.serverResponseCode === 'NONEXISTENT' || /doesn't exist|does not exist|not found|unknown mailbox/i.test(e.responseText ?? '')) problem = 'folder_missing';
  else if (/CERT|SSL|TLS|EPROTO/i.test(e.code ?? '')) problem = 'tls_failed';
  else if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'NoConnection', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS', 'EConnectionClosed'].includes(e.code ?? '')) problem = 'cannot_connect';
  return new MailboxError(problem, PROBLEM_TEXT[problem]);
}

function client(s: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: { user: s.username, pass: s.password },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    disableAutoIdle: true,
  });
}

/** An error of the caller's callback (a database failure): passed through as it is, not taken for a mailbox problem. */
class CallbackFailure {
  constructor(readonly cause: unknown) {}
}

async function withFolder<T>(s: ImapSettings, work: (c: ImapFlow, info: { uidValidity: bigint; exists: number }) => Promise<T>): Promise<T> {
  const c = client(s);
  // A socket error after connect would otherwise be an unhandled 'error' event; the awaited command fails instead.
  c.on('error', () => {});
  let failed = false;
  try {
    await c.connect();
    const lock = await c.getMailboxLock(s.folder, { readOnly: true });
    try {
      const box = c.mailbox;
      if (!box) throw new MailboxError('folder_missing', PROBLEM_TEXT.folder_missing);
      return await work(c, { uidValidity: box.uidValidity, exists: box.exists });
    } finally {
      lock.release();
    }
  } catch (err) {
    failed = true;
    if (err instanceof CallbackFailure) throw err.cause;
    throw classifyMailboxError(err);
  } finally {
    // After a failure the session may be half open: drop the socket rather than wait for a LOGOUT answer.
    if (failed) c.close();
    else await c.logout().catch(() => c.close());
  }
}

/** Connects and opens the folder (the settings' test button). @returns the letters in it. @throws MailboxError */
export async function probeMailbox(s: ImapSettings): Promise<{ messages: number }> {
  return withFolder(s, async (_c, info) => ({ messages: info.exists }));
}

async function guard(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    throw new CallbackFailure(err);
  }
}

export interface ReadPosition {
  uidValidity: string | null;
  lastUid: number;
}

/**
 * Reads the letters after `position`, at most {@link LETTERS_PER_RUN}, calling `onLetter` for each in UID order;
 * `onPosition` is called with the new position after each letter (and once when UIDVALIDITY changed: reading
 * then starts again from the first UID). `stop()` ends the run early.
 * @returns how many letters were handed over and whether more wait
 * @throws MailboxError
 */
export async function readNewLetters(
  s: ImapSettings,
  position: ReadPosition,
  onLetter: (letter: RawLetter) => Promise<void>,
  onPosition: (p: { uidValidity: string; lastUid: number }) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<{ letters: number; more: boolean }> {
  return withFolder(s, async (c, info) => {
    const validity = info.uidValidity.toString();
    let lastUid = position.lastUid;
    if (position.uidValidity !== validity) {
      // Another folder, or the server renumbered it: every UID is new. Letters already stored are found by Message-ID.
      lastUid = 0;
      await guard(() => onPosition({ uidValidity: validity, lastUid }));
    }
    if (info.exists === 0) return { letters: 0, more: false };
    const found = (await c.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    // `n:*` always matches the highest UID, even below n.
    const uids = found.filter((u) => u > lastUid).sort((a, b) => a - b);
    const batch = uids.slice(0, LETTERS_PER_RUN);
    let letters = 0;
    for (const uid of batch) {
      if (stop()) return { letters, more: true };
      const head = await c.fetchOne(String(uid), { uid: true, size: true, envelope: true, internalDate: true }, { uid: true });
      if (head) {
        const size = head.size ?? 0;
        const full = size > MAX_LETTER_BYTES ? null : await c.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        const internalDate = head.internalDate ? new Date(head.internalDate) : null;
        await guard(() => onLetter({ uid, size, source: full ? (full.source ?? null) : null, envelope: head.envelope, internalDate }));
        letters++;
      }
      await guard(() => onPosition({ uidValidity: validity, lastUid: uid }));
    }
    return { letters, more: uids.length > batch.length };
  });
}
