/**
 * Applies one Telegram update to an organisation's bot: `/start <survey>` starts a conversation, a
 * button press or a text message answers the question asked now, the last answer stores the
 * response through the submit command (channel `telegram`). Webhook and long polling both end here.
 *
 * Idempotent on the update id: the update is claimed in the transaction that applies it, together
 * with the replies it produced (telegram_updates). The replies are sent after the commit; a
 * re-delivered update changes nothing and only sends its replies if they were not sent yet.
 */
import crypto from 'node:crypto';
import type { Api } from 'grammy';
import type { CallbackQuery, Message, Update, User } from 'grammy/types';
import type { Queryable } from '../../db/connection.ts';
import type { AppDeps } from '../../http/deps.ts';
import { withTransaction } from '../../db/tx.ts';
import { DomainError } from '../../core/errors.ts';
import { isLanguage } from '../../core/i18n/languages.ts';
import { loadSurvey, loadSurveyBySlug, type LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { currentSlugFor } from '../../db/surveys/slugHistory.ts';
import type { AnswerMap } from '../../core/surveys/types.ts';
import {
  applyInput, firstQuestion, isStop, openingText, parseCallbackData, parseStart, pickLanguage, questionIndexOf, questionKeyboard,
  questionMessage, rawAnswers, thanksText, type InlineKeyboard, type StepInput,
} from '../../core/telegram/conversation.ts';
import { botText } from '../../core/telegram/messages.ts';
import { claimUpdate, markUpdateSent, saveUpdateReplies, type OutgoingCall } from '../../db/telegram/updates.ts';
import { markChatBlocked, upsertChat, type ChatRow } from '../../db/telegram/chats.ts';
import {
  finishConversation, linkResponseToContact, lockOpenConversation, saveConversationStep, startConversation, type ConversationRow,
} from '../../db/telegram/conversations.ts';
import type { BotRow } from '../../db/telegram/bots.ts';
import { unsubscribeContact } from '../../db/contacts/saveContact.ts';
import { quotaEndOf, submitResponse } from '../responses/commands/submitResponse.ts';
import { isOpenAt } from '../../core/surveys/schedule.ts';
import { callBot, telegramErrorCode } from './botApi.ts';

/** What handling needs: the database, the rollup kick after a new response, the clock. */
export type TelegramDeps = Pick<AppDeps, 'pool' | 'rollupFolder' | 'now'>;

/** A short random tag for a conversation's buttons (callback data). */
export function newConversationTag(): string {
  return crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x');
}

const send = (chatId: number | string, text: string, keyboard?: InlineKeyboard): OutgoingCall => ({
  method: 'sendMessage',
  payload: { chat_id: Number(chatId), text, ...(keyboard && keyboard.length ? { reply_markup: { inline_keyboard: keyboard } } : {}) },
});

/** The message asking `questionKey` of a conversation, with its buttons (`intro`: the survey's title and intro above it). */
export function askQuestion(survey: LoadedSurvey, conv: Pick<ConversationRow, 'chatId' | 'tag' | 'language'>, answers: AnswerMap, questionKey: string, intro = false): OutgoingCall {
  const index = questionIndexOf(survey, questionKey);
  const q = survey.questions.filter((x) => x.archivedInVersion == null)[index];
  const text = questionMessage(survey, q, answers, conv.language);
  const keyboard = questionKeyboard(q, index, conv.tag, conv.language, survey.defaultLanguage, answers[q.key]);
  return send(conv.chatId, intro ? [openingText(survey, conv.language), text].filter((t) => t).join('\n\n') : text, keyboard);
}

function personOf(from: User | undefined, chatId: number) {
  const base = (from?.language_code ?? '').toLowerCase().split('-')[0];
  return {
    chatId,
    username: from?.username ?? null,
    firstName: from?.first_name ?? null,
    lastName: from?.last_name ?? null,
    languageCode: from?.language_code ?? null,
    contactLanguage: isLanguage(base) ? base : null,
  };
}

interface Applied {
  calls: OutgoingCall[];
  /** A new response was stored (the rollup fold is kicked after the commit). */
  created: boolean;
}

/** The live survey of the organisation that `payload` names (its slug, or an earlier slug of it). */
async function surveyForPayload(tx: Queryable, orgId: string, payload: string): Promise<LoadedSurvey | null> {
  let survey = await loadSurveyBySlug(tx, payload);
  if (!survey) {
    const current = await currentSlugFor(tx, payload);
    survey = current ? await loadSurveyBySlug(tx, current) : null;
  }
  return survey && survey.orgId === orgId && survey.status !== 'draft' ? survey : null;
}

/**
 * Starts `survey` in a chat (a /start link or an invitation): abandons the chat's open conversation
 * and returns the first question's message. Null when the survey has no question to ask.
 */
export async function beginConversation(
  tx: Queryable, orgId: string, survey: LoadedSurvey, chat: Pick<ChatRow, 'chatId' | 'languageCode'>, invitationId: string | null, lead?: string,
): Promise<{ conversation: ConversationRow; call: OutgoingCall } | null> {
  const first = firstQuestion(survey);
  if (!first) return null;
  const conversation = await startConversation(tx, orgId, {
    chatId: chat.chatId, surveyId: survey.id, invitationId, tag: newConversationTag(), language: pickLanguage(chat.languageCode, survey), questionKey: first.key,
  });
  const call = askQuestion(survey, conversation, {}, first.key, true);
  if (lead) call.payload.text = `${lead}\n\n${String(call.payload.text)}`;
  return { conversation, call };
}

async function onStart(tx: Queryable, deps: TelegramDeps, orgId: string, chat: ChatRow, payload: string, lang: string): Promise<Applied> {
  if (payload === '') return { calls: [send(chat.chatId, botText(lang, 'hello'))], created: false };
  const survey = await surveyForPayload(tx, orgId, payload);
  if (!survey) return { calls: [send(chat.chatId, botText(lang, 'unknownSurvey'))], created: false };
  // Closed, or outside its schedule (src/core/surveys/schedule.ts): nothing to ask.
  if (!isOpenAt(survey, deps.now?.() ?? new Date())) return { calls: [send(chat.chatId, botText(pickLanguage(chat.languageCode, survey), 'closed'))], created: false };
  const started = await beginConversation(tx, orgId, survey, chat, null);
  return { calls: started ? [started.call] : [send(chat.chatId, thanksText(survey, pickLanguage(chat.languageCode, survey)))], created: false };
}

/** Applies a text or a button press to the chat's open conversation. */
async function onInput(
  tx: Queryable, deps: TelegramDeps, orgId: string, chat: ChatRow, input: StepInput, lang: string, query: CallbackQuery | null,
): Promise<Applied> {
  const conv = await lockOpenConversation(tx, orgId, chat.chatId);
  const press = query ? parseCallbackData(query.data ?? '') : null;
  const answerQuery = (text?: string): OutgoingCall[] => (query ? [{ method: 'answerCallbackQuery', payload: { callback_query_id: query.id, ...(text ? { text } : {}) } }] : []);
  if (!conv || !conv.questionKey || (query && (!press || press.tag !== conv.tag))) {
    return { calls: query ? answerQuery(botText(conv?.language ?? lang, 'stale')) : [send(chat.chatId, botText(lang, 'hello'))], created: false };
  }
  const survey = await loadSurvey(tx, orgId, conv.surveyId);
  if (!survey) return { calls: [...answerQuery(), send(chat.chatId, botText(conv.language, 'stale'))], created: false };
  const step = applyInput(survey, conv.answers, conv.questionKey, input, conv.language);
  if (step.kind === 'refused') return { calls: query ? answerQuery(step.notice) : [send(chat.chatId, step.notice)], created: false };
  const message = query?.message as Message | undefined;
  if (step.kind === 'toggled') {
    await saveConversationStep(tx, orgId, conv.id, step.answers, conv.questionKey);
    const index = questionIndexOf(survey, conv.questionKey);
    const q = survey.questions.filter((x) => x.archivedInVersion == null)[index];
    const keyboard = questionKeyboard(q, index, conv.tag, conv.language, survey.defaultLanguage, step.answers[q.key]);
    const edit: OutgoingCall[] = message ? [{ method: 'editMessageReplyMarkup', payload: { chat_id: Number(chat.chatId), message_id: message.message_id, reply_markup: { inline_keyboard: keyboard } } }] : [];
    return { calls: [...answerQuery(), ...edit], created: false };
  }
  // Answered: the old buttons go (a second press cannot answer twice), then the next question or the end.
  const calls: OutgoingCall[] = [...answerQuery()];
  if (message) calls.push({ method: 'editMessageReplyMarkup', payload: { chat_id: Number(chat.chatId), message_id: message.message_id, reply_markup: { inline_keyboard: [] } } });
  if (step.next) {
    await saveConversationStep(tx, orgId, conv.id, step.answers, step.next.key);
    calls.push(askQuestion(survey, conv, step.answers, step.next.key));
    return { calls, created: false };
  }
  try {
    const result = await submitResponse(tx, {
      survey, answers: rawAnswers(step.answers), language: conv.language, idempotencyKey: `telegram-${conv.id}`, locationId: null,
      channel: 'telegram', hidden: {}, startedAt: conv.startedAt, submittedAt: deps.now?.() ?? new Date(), contactKey: null,
    });
    await linkResponseToContact(tx, orgId, result.responseId, chat.contactId, conv.invitationId);
    await finishConversation(tx, orgId, conv.id, step.answers, result.responseId);
    calls.push(send(chat.chatId, thanksText(survey, conv.language)));
    return { calls, created: result.created };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    // Closed meanwhile, or changed so that the answers no longer fit: nothing is stored.
    await finishConversation(tx, orgId, conv.id, step.answers, null);
    // A full "end" quota ends the conversation with its own message, not with "closed".
    const ended = quotaEndOf(err, survey, conv.language);
    calls.push(send(chat.chatId, ended ? ended.message : botText(conv.language, err.code === 'survey_closed' || err.code === 'not_found' ? 'closed' : 'changed')));
    return { calls, created: false };
  }
}

/** What an update does, inside the transaction that claimed it. */
async function applyUpdate(tx: Queryable, deps: TelegramDeps, orgId: string, update: Update): Promise<Applied> {
  const message = update.message;
  const query = update.callback_query;
  if (message && message.chat.type === 'private' && typeof message.text === 'string') {
    const chat = await upsertChat(tx, orgId, personOf(message.from, message.chat.id));
    const lang = personOf(message.from, message.chat.id).contactLanguage ?? 'en';
    const payload = parseStart(message.text);
    if (payload !== null) return onStart(tx, deps, orgId, chat, payload, lang);
    if (isStop(message.text)) {
      // Opt-out, as the unsubscribe link of other channels: kept by the contact, honoured by every sender.
      await unsubscribeContact(tx, orgId, chat.contactId);
      return { calls: [send(chat.chatId, botText(lang, 'stopped'))], created: false };
    }
    return onInput(tx, deps, orgId, chat, { kind: 'text', text: message.text }, lang, null);
  }
  if (query && query.message && query.message.chat.type === 'private') {
    const chat = await upsertChat(tx, orgId, personOf(query.from, query.message.chat.id));
    const lang = personOf(query.from, query.message.chat.id).contactLanguage ?? 'en';
    const press = parseCallbackData(query.data ?? '');
    return onInput(tx, deps, orgId, chat, { kind: 'button', questionIndex: press?.questionIndex ?? -1, value: press?.value ?? '' }, lang, query);
  }
  // Groups, channels, edited messages, stickers...: acknowledged, nothing to do.
  return { calls: [], created: false };
}

/**
 * Sends the replies of an update in order. A call Telegram refuses (blocked bot, message too old to
 * edit) is skipped, and a 403 marks the chat blocked; a network failure throws (the update is then
 * delivered again and its replies replayed).
 */
export async function sendCalls(pool: Queryable, api: Api, orgId: string, calls: OutgoingCall[], log: (msg: string, err: unknown) => void): Promise<void> {
  for (const call of calls) {
    try {
      await callBot(api, call.method, call.payload);
    } catch (err) {
      const code = telegramErrorCode(err);
      if (code === null) throw err;
      if (code === 403 && call.payload.chat_id !== undefined) await markChatBlocked(pool, orgId, String(call.payload.chat_id));
      log(`Telegram refused ${call.method}`, err);
    }
  }
}

/** Handles one update for `bot` (webhook or long polling); resolves once its replies are sent. */
export async function handleUpdate(deps: TelegramDeps, bot: BotRow, api: Api, update: Update, log: (msg: string, err: unknown) => void): Promise<void> {
  if (!bot.botId || !Number.isSafeInteger(update.update_id)) return;
  const botId = bot.botId;
  const { calls, created } = await withTransaction(deps.pool, async (tx): Promise<Applied> => {
    const claim = await claimUpdate(tx, bot.orgId, botId, update.update_id);
    if (!claim.fresh) return { calls: claim.sent ? [] : claim.replies, created: false };
    const applied = await applyUpdate(tx, deps, bot.orgId, update);
    await saveUpdateReplies(tx, bot.orgId, botId, update.update_id, applied.calls);
    return applied;
  });
  if (created) deps.rollupFolder?.kick(bot.orgId);
  if (calls.length === 0) return;
  await sendCalls(deps.pool, api, bot.orgId, calls, log);
  await markUpdateSent(deps.pool, bot.orgId, botId, update.update_id);
}
