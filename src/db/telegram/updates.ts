/**
 * Telegram updates already handled (table telegram_updates, migration 086): the idempotency of the
 * channel. An update is claimed in the transaction that applies it, with the replies it produced; a
 * re-delivered update finds its row and changes nothing.
 */
import type { Queryable } from '../connection.ts';

/** A Bot API call to make after the commit (sendMessage, answerCallbackQuery, editMessageReplyMarkup). */
export interface OutgoingCall {
  method: string;
  payload: Record<string, unknown>;
}

export type UpdateClaim = { fresh: true } | { fresh: false; replies: OutgoingCall[]; sent: boolean };

/** Claims an update id for the bot: fresh the first time; afterwards the replies stored for it. */
export async function claimUpdate(tx: Queryable, orgId: string, botId: string, updateId: number): Promise<UpdateClaim> {
  const inserted = await tx.query(
    `/* claimTelegramUpdate */ insert into telegram_updates(org_id, bot_id, update_id) values ($1, $2::bigint, $3::bigint) on conflict do nothing returning 1`,
    [orgId, botId, updateId],
  );
  if (inserted.rows.length) return { fresh: true };
  const { rows } = await tx.query(
    `/* getTelegramUpdate */ select replies, sent_at is not null as sent from telegram_updates where org_id = $1 and bot_id = $2::bigint and update_id = $3::bigint`,
    [orgId, botId, updateId],
  );
  return { fresh: false, replies: rows[0]?.replies ?? [], sent: rows[0]?.sent ?? true };
}

export async function saveUpdateReplies(tx: Queryable, orgId: string, botId: string, updateId: number, replies: OutgoingCall[]): Promise<void> {
  await tx.query(
    `/* saveTelegramUpdateReplies */ update telegram_updates set replies = $4::jsonb where org_id = $1 and bot_id = $2::bigint and update_id = $3::bigint`,
    [orgId, botId, updateId, JSON.stringify(replies)],
  );
}

export async function markUpdateSent(db: Queryable, orgId: string, botId: string, updateId: number): Promise<void> {
  await db.query(
    `/* markTelegramUpdateSent */ update telegram_updates set sent_at = now() where org_id = $1 and bot_id = $2::bigint and update_id = $3::bigint`,
    [orgId, botId, updateId],
  );
}

/**
 * Telegram re-delivers an update for at most 24 hours, so the record of a handled update is needed only
 * that long; a week covers a server that was down for days.
 */
export const TELEGRAM_UPDATE_RETENTION_DAYS = 7;

/** Deletes the records of updates received before the retention; how many went. */
export async function pruneTelegramUpdates(db: Queryable, retentionDays = TELEGRAM_UPDATE_RETENTION_DAYS): Promise<number> {
  const res = await db.query(`/* pruneTelegramUpdates */ delete from telegram_updates where received_at < now() - make_interval(days => $1)`, [retentionDays]);
  return res.rowCount ?? 0;
}
