/**
 * The invitations pipeline's sender for channel `telegram`: the invitation text followed by the
 * survey's first question with its buttons, in the chat of a contact who started the bot. The
 * conversation starts at once (linked to the invitation), so the contact answers right there; the
 * answers are stored like those of a /start link.
 */
import { surveyWindow } from '../../core/surveys/schedule.ts';
import type { Queryable } from '../../db/connection.ts';
import { withTransaction } from '../../db/tx.ts';
import type pg from 'pg';
import { getBot } from '../../db/telegram/bots.ts';
import { getChatOfContact, markChatBlocked } from '../../db/telegram/chats.ts';
import { getInvitationSurveyId } from '../../db/telegram/conversations.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { openSecret } from '../auth/secretBox.ts';
import type { ChannelSender } from '../messengers/channelSender.ts';
import { PermanentSendError } from '../invitations/sender.ts';
import { botApi, callBot, describeTelegramError, telegramErrorCode } from './botApi.ts';
import { beginConversation } from './handleUpdate.ts';
import { botText } from '../../core/telegram/messages.ts';

/** Why a Telegram invitation cannot be sent: permanent ones are not retried by the pipeline (bounced). */
function sendError(message: string, permanent: boolean): Error {
  return permanent ? new PermanentSendError(message) : new Error(message);
}

export function createTelegramSender(pool: pg.Pool): ChannelSender {
  return {
    channel: 'telegram',
    readyFor: async (orgId) => Boolean((await getBot(pool, orgId))?.token),
    async send(msg) {
      const bot = await getBot(pool, msg.orgId);
      if (!bot?.token) throw sendError('no Telegram bot is connected', true);
      const chat = await getChatOfContact(pool, msg.orgId, msg.contact.id);
      if (!chat) throw sendError('the contact has not started the bot', true);
      if (chat.optedOut) throw sendError('the contact opted out of messages', true);
      if (chat.blocked) throw sendError('the contact blocked the bot', true);
      const token = openSecret(bot.token);
      // The conversation commits only once Telegram took the message: a failed send leaves the chat as it was.
      return withTransaction(pool, async (tx: Queryable) => {
        const surveyId = await getInvitationSurveyId(tx, msg.orgId, msg.invitationId);
        const survey = surveyId ? await loadSurvey(tx, msg.orgId, surveyId) : null;
        if (!survey || survey.status !== 'live') throw sendError('the survey is not live', true);
        // Before opensAt the invitation waits (a later attempt may send it); past closesAt it never will.
        const window = surveyWindow(survey, new Date());
        if (window.state !== 'open') throw sendError(`the survey is ${window.state === 'not_yet' ? 'not open yet' : 'closed'}`, window.state === 'closed');
        const lead = botText(msg.language, msg.seq === 0 ? 'invite' : 'reminder', { org: msg.orgName });
        const started = await beginConversation(tx, msg.orgId, survey, chat, msg.invitationId, lead);
        if (!started) throw sendError('the survey has no question to ask', true);
        // Every invitation says how to opt out (the unsubscribe link of the other channels).
        started.call.payload.text = `${String(started.call.payload.text)}\n\n${botText(started.conversation.language, 'stopHint')}`;
        try {
          const sent = (await callBot(botApi(token), started.call.method, started.call.payload)) as { message_id?: number };
          return sent?.message_id !== undefined ? { providerId: String(sent.message_id) } : {};
        } catch (err) {
          if (telegramErrorCode(err) === 403) await markChatBlocked(pool, msg.orgId, chat.chatId);
          throw sendError(`Telegram refused the message: ${describeTelegramError(err, token)}`, [400, 403].includes(telegramErrorCode(err) ?? 0));
        }
      });
    },
  };
}
