/**
 * Outgoing mail. Every message is written to the outbox first (the record of what was sent, and the
 * only delivery when no SMTP is configured); with `smtpUrl`, it is then sent through nodemailer.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Queryable } from '../../db/connection.ts';
import { insertOutbox, markOutboxSent } from '../../db/mail/outbox.ts';

export interface MailMessage {
  orgId: string;
  senderId: string | null;
  to: string;
  subject: string;
  body: string;
  /** Only owners see it in the outbox (a password reset link of an owner). */
  ownersOnly?: boolean;
  /** The Message-ID header to send (`<...@host>`), so answers can be threaded back (case replies). */
  messageId?: string;
  /** Where the recipient's answer should go (the feedback mailbox for case replies). */
  replyTo?: string;
  /** An HTML alternative to `body` (report e-mails: charts inline as SVG). The outbox keeps the text. */
  html?: string;
  /** Files attached to the message (a report's PDF). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface MailResult {
  outboxId: string;
  /** True when an SMTP server accepted the message. */
  emailed: boolean;
}

const DEFAULT_FROM = 'Sarafan <no-reply@sarafan.invalid>';
const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, t);
  }
  return t;
}

/**
 * Records the message in the outbox and, when SMTP is configured, sends it. A failed delivery is not
 * an error for the caller: the message stays unsent in the outbox and `emailed` is false.
 */
export async function sendMail(db: Queryable, smtpUrl: string | undefined, msg: MailMessage): Promise<MailResult> {
  const outboxId = await insertOutbox(db, { orgId: msg.orgId, senderId: msg.senderId, to: msg.to, subject: msg.subject, body: msg.body, ownersOnly: msg.ownersOnly ?? false });
  if (!smtpUrl) return { outboxId, emailed: false };
  try {
    await transportFor(smtpUrl).sendMail({
      from: process.env.SARAFAN_MAIL_FROM ?? DEFAULT_FROM, to: msg.to, subject: msg.subject, text: msg.body,
      ...(msg.messageId ? { messageId: msg.messageId } : {}),
      ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
      ...(msg.html ? { html: msg.html } : {}),
      ...(msg.attachments ? { attachments: msg.attachments } : {}),
    });
  } catch {
    // Deliberately not logged with the address or body (user data); the unsent outbox row shows it.
    return { outboxId, emailed: false };
  }
  await markOutboxSent(db, msg.orgId, outboxId);
  return { outboxId, emailed: true };
}
