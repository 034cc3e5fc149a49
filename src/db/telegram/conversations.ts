/** Surveys being answered in Telegram chats (table telegram_conversations, migration 086). */
import type { Queryable } from '../connection.ts';
import type { AnswerMap } from '../../core/surveys/types.ts';

export interface ConversationRow {
  id: string;
  chatId: string;
  surveyId: string;
  invitationId: string | null;
  tag: string;
  language: string;
  answers: AnswerMap;
  questionKey: string | null;
  startedAt: Date;
}

function toConversation(r: Record<string, any> | undefined): ConversationRow | null {
  if (!r) return null;
  return {
    id: r.id, chatId: r.chat_id, surveyId: r.survey_id, invitationId: r.invitation_id, tag: r.tag, language: r.language,
    answers: r.answers ?? {}, questionKey: r.question_key, startedAt: r.started_at,
  };
}

const COLUMNS = `id, chat_id::text, survey_id, invitation_id, tag, language, answers, question_key, started_at`;

/** The chat's open conversation, locked until the transaction ends (updates of one chat apply one at a time). */
export async function lockOpenConversation(tx: Queryable, orgId: string, chatId: string): Promise<ConversationRow | null> {
  const { rows } = await tx.query(
    `/* lockOpenTelegramConversation */ select ${COLUMNS} from telegram_conversations where org_id = $1 and chat_id = $2::bigint and status = 'open' for update`,
    [orgId, chatId],
  );
  return toConversation(rows[0]);
}

export interface NewConversation {
  chatId: string;
  surveyId: string;
  invitationId: string | null;
  tag: string;
  language: string;
  questionKey: string;
}

/** Starts a conversation; the chat's open one, if any, is abandoned first. */
export async function startConversation(tx: Queryable, orgId: string, c: NewConversation): Promise<ConversationRow> {
  await tx.query(
    `/* abandonTelegramConversation */ update telegram_conversations set status = 'abandoned', updated_at = now() where org_id = $1 and chat_id = $2::bigint and status = 'open'`,
    [orgId, c.chatId],
  );
  const { rows } = await tx.query(
    `/* startTelegramConversation */ insert into telegram_conversations(org_id, chat_id, survey_id, invitation_id, tag, language, question_key)
     values ($1, $2::bigint, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
    [orgId, c.chatId, c.surveyId, c.invitationId, c.tag, c.language, c.questionKey],
  );
  return toConversation(rows[0])!;
}

/** Saves the answers so far and the question asked now. */
export async function saveConversationStep(tx: Queryable, orgId: string, id: string, answers: AnswerMap, questionKey: string): Promise<void> {
  await tx.query(
    `/* saveTelegramConversationStep */ update telegram_conversations set answers = $3::jsonb, question_key = $4, updated_at = now() where org_id = $1 and id = $2`,
    [orgId, id, JSON.stringify(answers), questionKey],
  );
}

/** Ends a conversation: done with its response, or abandoned (the survey closed meanwhile). */
export async function finishConversation(tx: Queryable, orgId: string, id: string, answers: AnswerMap, responseId: string | null): Promise<void> {
  await tx.query(
    `/* finishTelegramConversation */ update telegram_conversations
        set status = case when $4::uuid is null then 'abandoned' else 'done' end, answers = $3::jsonb, question_key = null, response_id = $4, updated_at = now()
      where org_id = $1 and id = $2`,
    [orgId, id, JSON.stringify(answers), responseId],
  );
}

/**
 * Links a stored response to the contact who gave it and the invitation it answers (if any), and
 * marks that invitation answered.
 */
export async function linkResponseToContact(tx: Queryable, orgId: string, responseId: string, contactId: string, invitationId: string | null): Promise<void> {
  await tx.query(
    `/* linkTelegramResponse */ update responses set contact_id = $3, invitation_id = coalesce(invitation_id, $4::uuid) where org_id = $1 and id = $2`,
    [orgId, responseId, contactId, invitationId],
  );
  if (invitationId) {
    await tx.query(
      `/* markTelegramInvitationAnswered */ update survey_invitations set responded_at = coalesce(responded_at, now()), response_id = coalesce(response_id, $3)
        where org_id = $1 and id = $2`,
      [orgId, invitationId, responseId],
    );
  }
}

/** The survey an invitation is for (the Telegram sender starts its conversation). */
export async function getInvitationSurveyId(db: Queryable, orgId: string, invitationId: string): Promise<string | null> {
  const { rows } = await db.query(`/* getInvitationSurvey */ select survey_id from survey_invitations where org_id = $1 and id = $2`, [orgId, invitationId]);
  return rows[0]?.survey_id ?? null;
}
