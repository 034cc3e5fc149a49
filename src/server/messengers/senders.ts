/** The invitation senders of the SMS gateway and the Telegram bot, for the invitations pipeline's registry (app.ts). */
import type pg from 'pg';
import type { InvitationSender } from '../invitations/sender.ts';
import { createSmsSender } from '../sms/smsSender.ts';
import { createTelegramSender } from '../telegram/telegramSender.ts';

export function messengerSenders(pool: pg.Pool): InvitationSender[] {
  return [createSmsSender(pool), createTelegramSender(pool)];
}
