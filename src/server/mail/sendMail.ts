/**
 * Outgoing mail. Every message is written to the outbox first (the record of what was sent, and the
 * only delivery when no SMTP is configured); with `smtpUrl`, it is then sent through nodemailer.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Queryable } from '../../db/connection.ts';

export interface MailMessage {
  orgId: string;
  senderId: string | null;
  to: string;
  subject: string;
  body: string;
  /** Only owners see it in the outbox (a password reset link of an owner). */
  ownersOnly?: boolean;
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
  const { rows } = await db.query(
    `/* insertOutbox */ insert into outbox(org_id, sender_id, to_address, subject, body, owners_only) values ($1, $2, $3, $4, $5, $6) returning id`,
    [msg.orgId, msg.senderId, msg.to, msg.subject, msg.body, msg.ownersOnly ?? false],
  );
  const outboxId = rows[0].id as string;
  if (!smtpUrl) return { outboxId, emailed: false };
  try {
    await transportFor(smtpUrl).sendMail({ from: process.env.SARAFAN_MAIL_FROM ?? DEFAULT_FROM, to: msg.to, subject: msg.subject, text: msg.body });
  } catch {
    // Deliberately not logged with the address or body (user data); the unsent outbox row shows it.
    return { outboxId, emailed: false };
  }
  await db.query(`/* markOutboxSent */ update outbox set sent_at = now() where org_id = $1 and id = $2`, [msg.orgId, outboxId]);
  return { outboxId, emailed: true };
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * Recent outbox messages (at most 200); `senderId` limits them to one sender's messages, and
 * owners-only messages are left out unless `owner`.
 */
export async function listOutbox(db: Queryable, orgId: string, senderId: string | null, owner: boolean): Promise<OutboxMessage[]> {
  const { rows } = await db.query(
    `/* listOutbox */ select id, to_address, subject, body, created_at, sent_at from outbox
      where org_id = $1 and ($2::uuid is null or sender_id = $2) and ($3 or not owners_only) order by created_at desc, id limit 200`,
    [orgId, senderId, owner],
  );
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, createdAt: r.created_at, sentAt: r.sent_at }));
}
