/**
 * @module The feedback mailbox's rules (docs/closed-loop.md "Feedback mailbox"): which letters are skipped
 * (auto-replies, bounces), how a letter finds its store (`[CODE]` in the subject or `+CODE` in the address it
 * was sent to), how an answer threads back to a case (In-Reply-To / References, or `[#number]` in the subject
 * from the case's customer), which letters open a case, and how a body is cleaned. Pure; the reader
 * (src/server/cases/mailbox) applies them.
 */

/** Letters larger than this are stored without their body (a note says why). */
export const MAX_LETTER_BYTES = 5 * 1024 * 1024;
/** The stored text of a letter is cut at this many characters. */
export const MAX_LETTER_TEXT = 20_000;
/** Letters one run of the reader handles at most; the rest wait for the next run. */
export const LETTERS_PER_RUN = 200;

export const MAILBOX_CASE_POLICIES = ['all', 'negative', 'none'] as const;
export type MailboxCasePolicy = (typeof MAILBOX_CASE_POLICIES)[number];

export type LetterSentiment = 'negative' | 'neutral' | 'positive';

/** Whether a (non-reply) letter opens a case under the mailbox's policy. */
export function letterOpensCase(policy: MailboxCasePolicy, sentiment: LetterSentiment | null): boolean {
  if (policy === 'all') return true;
  if (policy === 'negative') return sentiment === 'negative';
  return false;
}

/** Header values as mailparser gives them: lower-case names, strings (or structured values, ignored here). */
export type HeaderLookup = (name: string) => string | undefined;

const AUTO_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?@/i;

/**
 * True for letters no person wrote: auto-replies (Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
 * Precedence bulk/junk/auto_reply, X-Auto-Response-Suppress from Exchange's out-of-office), delivery reports
 * (Content-Type multipart/report) and bounces (from MAILER-DAEMON, postmaster, noreply).
 */
export function isAutomaticLetter(header: HeaderLookup, fromAddress: string): boolean {
  const auto = header('auto-submitted')?.trim().toLowerCase();
  if (auto && auto !== 'no') return true;
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined || header('x-autoresponder') !== undefined) return true;
  const precedence = header('precedence')?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'auto_reply' || precedence === 'list') return true;
  if (/multipart\/report/i.test(header('content-type') ?? '')) return true;
  return AUTO_SENDER.test(fromAddress.trim());
}

/** Every `<...>` Message-ID in In-Reply-To and References, in order, without duplicates. */
export function referencedMessageIds(inReplyTo: string | null | undefined, references: string | readonly string[] | null | undefined): string[] {
  const text = [inReplyTo ?? '', ...(Array.isArray(references) ? references : [references ?? ''])].join(' ');
  return [...new Set(text.match(/<[^<>\s]{1,998}>/g) ?? [])];
}

/** The case number a subject carries as `[#123]` (the reply subjects the case desk writes), or null. */
export function caseNumberInSubject(subject: string | null | undefined): number | null {
  const m = /\[#(\d{1,9})\]/.exec(subject ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * The store a letter names, by its location code: `[M-01]` in the subject (the first bracketed token that is
 * not a case number), else the tag of the address it was sent to (`feedback+M-01@shop.example`). Codes are
 * compared case-insensitively by the caller; null when the letter names none.
 */
export function locationCodeOfLetter(subject: string | null | undefined, toAddresses: readonly string[]): string | null {
  for (const m of (subject ?? '').matchAll(/\[([^\]\s#][^\]\s]{0,39})\]/g)) return m[1];
  for (const to of toAddresses) {
    const tag = /^[^@+\s]+\+([^@\s]{1,40})@/.exec(to.trim());
    if (tag) return tag[1];
  }
  return null;
}

/** The subject without reply prefixes (Re:, Fwd:, Отв:, پاسخ:) and without the `[#n]` / `[CODE]` markers. */
export function cleanSubject(subject: string | null | undefined): string {
  let s = (subject ?? '').replace(/\[[^\]\s]{1,40}\]/g, ' ');
  for (;;) {
    const next = s.replace(/^\s*(re|fwd?|aw|wg|sv|отв|ответ|пересл|پاسخ|هدایت)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** Control characters other than tab and newline, and the Unicode replacement character of bad encodings. */
const JUNK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/**
 * A letter's text as stored: line ends unified, control characters and replacement characters of bad
 * encodings dropped, runs of blank lines squeezed, cut at {@link MAX_LETTER_TEXT} characters.
 */
export function cleanLetterText(text: string): { text: string; truncated: boolean } {
  const t = text.replace(/\r\n?/g, '\n').replace(JUNK, '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  if (t.length <= MAX_LETTER_TEXT) return { text: t, truncated: false };
  return { text: t.slice(0, MAX_LETTER_TEXT), truncated: true };
}

/**
 * The new part of an answer: the quoted letter below it is cut (lines starting with `>`, and everything
 * after an attribution line such as "On Mon, ... wrote:", "... написал(а):", "-----Original Message-----").
 * A reply that is only a quote keeps its whole text.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (/^\s*(-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение)\s*-{2,})/i.test(line)) break;
    if (/^(on\s.{4,200}\swrote:|.{4,200}\s(написал|написала|написал\(а\)):|.{4,200}\sنوشت:)\s*$/i.test(line.trim())) break;
    if (/^\s*>/.test(line)) continue;
    out.push(line);
  }
  const result = out.join('\n').trim();
  return result || text.trim();
}

/** A case title for a letter: its cleaned subject, else the start of its text, else a fixed word. */
export function caseTitleOfLetter(subject: string | null | undefined, text: string, fallback: string): string {
  const s = cleanSubject(subject);
  const source = s || text.replace(/\s+/g, ' ').trim();
  if (!source) return fallback;
  return source.length > 120 ? `${source.slice(0, 119)}…` : source;
}

/**
 * A stand-in Message-ID for a letter without one, from what identifies it (sender, date, subject, text
 * digest): reading the same letter again gives the same id, so it is still stored once.
 */
export function syntheticMessageId(digestHex: string): string {
  return `<sarafan-${digestHex.slice(0, 40)}@feedback.invalid>`;
}

/** Pause before the next attempt after `failures` failed reads in a row: 1, 2, 4 ... minutes, at most 60. */
export function mailboxRetryMinutes(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(60, 2 ** Math.min(failures - 1, 6));
}

/** Whether a settings change points at another mailbox (then UID tracking starts again). */
export function mailboxIdentityChanged(before: { host: string; port: number; username: string; folder: string }, after: { host: string; port: number; username: string; folder: string }): boolean {
  return before.host.toLowerCase() !== after.host.toLowerCase() || before.port !== after.port || before.username !== after.username || before.folder !== after.folder;
}

