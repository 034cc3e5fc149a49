/**
 * One-time password reset links, for "forgot password" (1 hour), an owner's or admin's reset and
 * `sarafan users reset-password` (24 hours: the link may travel through a colleague). The SPA serves
 * /reset/<token>; using it sets the password and ends every session of the user.
 */
import type { Queryable } from '../../db/connection.ts';
import { insertPasswordReset } from '../../db/users/passwordResets.ts';
import { resetMail } from '../mail/messages.ts';
import { sendMail } from '../mail/sendMail.ts';
import { hashToken, newToken } from '../../http/session.ts';

export const RESET_MINUTES = { forgot: 60, byAdmin: 24 * 60, commandLine: 24 * 60 } as const;

export interface ResetTarget {
  orgId: string;
  userId: string;
}

/** Stores a new reset (earlier unused ones stop working) and returns its link. */
export async function issueResetLink(db: Queryable, target: ResetTarget, opts: { createdBy: string | null; minutes: number; baseUrl: string }) {
  const token = newToken();
  const { expiresAt } = await insertPasswordReset(db, {
    orgId: target.orgId, userId: target.userId, tokenHash: hashToken(token), createdBy: opts.createdBy, lifetimeMinutes: opts.minutes,
  });
  return { link: `${opts.baseUrl.replace(/\/+$/, '')}/reset/${token}`, expiresAt };
}

/** Mails the link in the user's language (through the outbox; SMTP when configured). @returns true when an SMTP server took it. */
export async function mailResetLink(
  db: Queryable, smtpUrl: string | undefined,
  m: { orgId: string; senderId: string | null; to: string; toOwner: boolean; locale: string; link: string; minutes: number; requestedBy: string | null },
): Promise<boolean> {
  const mail = resetMail(m.locale, { link: m.link, minutes: m.minutes, requestedBy: m.requestedBy });
  const sent = await sendMail(db, smtpUrl, { orgId: m.orgId, senderId: m.senderId, to: m.to, ownersOnly: m.toOwner, ...mail });
  return sent.emailed;
}
