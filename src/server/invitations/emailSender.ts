/**
 * The e-mail channel: through SMTP (nodemailer) when SMTP_URL is set, else into the outbox (shown in
 * the dashboard; nothing leaves the server, so the invitation counts as sent, not delivered).
 * SMTP's answer decides the outcome: 250 delivered, 5xx bounced (PermanentSendError), anything else
 * (4xx, a dropped connection, a timeout) is retried by the pipeline.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Queryable } from '../../db/connection.ts';
import { insertOutbox } from '../../db/mail/outbox.ts';
import { invitationEmail } from './emailContent.ts';
import { PermanentSendError, type InvitationMessage, type InvitationSender, type SendResult } from './sender.ts';

const DEFAULT_FROM = 'Sarafan <no-reply@sarafan.invalid>';

/**
 * Upper bounds of one SMTP attempt. Their sum stays far below the pipeline's claim lease (10 minutes,
 * sendDue.ts), so an attempt has always given up before its message is taken as lost and sent again.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function createEmailSender(db: Queryable, smtpUrl: string | undefined, from = process.env.SARAFAN_MAIL_FROM ?? DEFAULT_FROM): InvitationSender {
  let transport: Transporter | null = null;
  return {
    channel: 'email',
    async send(msg: InvitationMessage): Promise<SendResult> {
      const to = msg.contact.email;
      if (!to) throw new PermanentSendError('the contact has no e-mail address');
      const mail = invitationEmail(msg);
      if (!smtpUrl) {
        const outboxId = await insertOutbox(db, { orgId: msg.orgId, senderId: null, to, subject: mail.subject, body: mail.text, ownersOnly: false });
        return { providerId: outboxId, delivered: false };
      }
      transport ??= nodemailer.createTransport(smtpUrl, SMTP_TIMEOUTS);
      try {
        const info = await transport.sendMail({
          from, to, subject: mail.subject, text: mail.text, html: mail.html,
          messageId: `<${msg.messageKey}@sarafan.invalid>`,
          headers: { 'List-Unsubscribe': `<${msg.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
        });
        if (info.rejected.length > 0) throw new PermanentSendError(`rejected: ${String(info.response ?? '')}`.slice(0, 300));
        return { providerId: info.messageId };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentSendError(`SMTP ${code}`, code);
        throw err;
      }
    },
  };
}
