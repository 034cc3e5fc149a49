/** Chats that started an organisation's bot, each linked to a contact (table telegram_chats, migration 086). */
import type { Queryable } from '../connection.ts';

export interface TelegramPerson {
  chatId: number;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Telegram's language_code ("ru", "en-US"); stored as given. */
  languageCode: string | null;
  /** An interface language to keep on a new contact, or null. */
  contactLanguage: string | null;
}

export interface ChatRow {
  chatId: string;
  contactId: string;
  languageCode: string | null;
  blocked: boolean;
}

/** A contact's chat, with whether the contact opted out of messages (or was erased). */
export interface ContactChat extends ChatRow {
  optedOut: boolean;
}

/**
 * The chat's row, creating it (and a contact named as in Telegram) on first contact; refreshes the
 * names and language shown by Telegram and clears a block (the person wrote again).
 */
export async function upsertChat(tx: Queryable, orgId: string, p: TelegramPerson): Promise<ChatRow> {
  const name = [p.firstName, p.lastName].filter((s) => s).join(' ').slice(0, 200) || (p.username ? `@${p.username}` : null);
  const { rows } = await tx.query(
    `/* upsertTelegramChat */ with existing as (
       select contact_id from telegram_chats where org_id = $1 and chat_id = $2::bigint
     ), contact as (
       insert into contacts(org_id, name, language) select $1, $6, $7 where not exists (select 1 from existing) returning id
     )
     insert into telegram_chats(org_id, chat_id, contact_id, username, first_name, last_name, language_code)
     select $1, $2::bigint, coalesce((select contact_id from existing), (select id from contact)), $3, $4, $5, $8
     on conflict (org_id, chat_id) do update set username = excluded.username, first_name = excluded.first_name,
       last_name = excluded.last_name, language_code = excluded.language_code, last_seen_at = now(), blocked_at = null
     returning chat_id::text, contact_id, language_code, blocked_at is not null as blocked`,
    [orgId, p.chatId, p.username, p.firstName, p.lastName, name, p.contactLanguage, p.languageCode],
  );
  const r = rows[0];
  return { chatId: r.chat_id, contactId: r.contact_id, languageCode: r.language_code, blocked: r.blocked };
}

/** The chat of a contact who started the bot, or null. */
export async function getChatOfContact(db: Queryable, orgId: string, contactId: string): Promise<ContactChat | null> {
  const { rows } = await db.query(
    `/* getTelegramChatOfContact */ select t.chat_id::text, t.contact_id, t.language_code, t.blocked_at is not null as blocked,
            (c.unsubscribed_at is not null or c.erased_at is not null) as opted_out
       from telegram_chats t join contacts c on c.org_id = t.org_id and c.id = t.contact_id where t.org_id = $1 and t.contact_id = $2`,
    [orgId, contactId],
  );
  const r = rows[0];
  return r ? { chatId: r.chat_id, contactId: r.contact_id, languageCode: r.language_code, blocked: r.blocked, optedOut: r.opted_out } : null;
}

/** The person blocked the bot (Telegram answered 403): no more invitations until they write again. */
export async function markChatBlocked(db: Queryable, orgId: string, chatId: string): Promise<void> {
  await db.query(`/* markTelegramChatBlocked */ update telegram_chats set blocked_at = now() where org_id = $1 and chat_id = $2::bigint`, [orgId, chatId]);
}
