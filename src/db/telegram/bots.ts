/** An organisation's Telegram bot (table telegram_bots, migration 086): settings, webhook lookup, the long-poll lease. */
import type { Queryable } from '../connection.ts';

export interface BotRow {
  orgId: string;
  /** Telegram's id of the bot; null for a placeholder without a token (the demo's). */
  botId: string | null;
  username: string;
  /** The sealed token (src/server/auth/secretBox.ts); null: no token. */
  token: string | null;
  mode: 'webhook' | 'polling';
  webhookKey: string;
  webhookSecretHash: string | null;
  pollOffset: string;
  lastError: string | null;
  lastErrorAt: Date | null;
  connectedAt: Date;
}

const COLUMNS = `org_id, bot_id::text, username, token, mode, webhook_key, webhook_secret_hash, poll_offset::text, last_error, last_error_at, connected_at`;

function toBot(r: Record<string, any> | undefined): BotRow | null {
  if (!r) return null;
  return {
    orgId: r.org_id, botId: r.bot_id, username: r.username, token: r.token, mode: r.mode, webhookKey: r.webhook_key,
    webhookSecretHash: r.webhook_secret_hash, pollOffset: r.poll_offset, lastError: r.last_error, lastErrorAt: r.last_error_at, connectedAt: r.connected_at,
  };
}

export async function getBot(db: Queryable, orgId: string): Promise<BotRow | null> {
  const { rows } = await db.query(`/* getTelegramBot */ select ${COLUMNS} from telegram_bots where org_id = $1`, [orgId]);
  return toBot(rows[0]);
}

/** The bot whose webhook path carries `key` (a random hex string). */
export async function getBotByWebhookKey(db: Queryable, key: string): Promise<BotRow | null> {
  const { rows } = await db.query(`/* getTelegramBotByWebhookKey */ select ${COLUMNS} from telegram_bots where webhook_key = $1`, [key]);
  return toBot(rows[0]);
}

export interface SaveBotInput {
  botId: string | null;
  username: string;
  token: string | null;
  mode: 'webhook' | 'polling';
  webhookSecretHash: string | null;
}

/** Connects (or replaces) the organisation's bot; a new bot starts polling from the beginning and gets a new webhook path. */
export async function saveBot(db: Queryable, orgId: string, b: SaveBotInput): Promise<BotRow> {
  const { rows } = await db.query(
    `/* saveTelegramBot */ insert into telegram_bots(org_id, bot_id, username, token, mode, webhook_secret_hash)
     values ($1, $2::bigint, $3, $4, $5, $6)
     on conflict (org_id) do update set bot_id = excluded.bot_id, username = excluded.username, token = excluded.token,
       mode = excluded.mode, webhook_secret_hash = excluded.webhook_secret_hash, webhook_key = replace(gen_random_uuid()::text, '-', ''),
       poll_offset = case when telegram_bots.bot_id is not distinct from excluded.bot_id then telegram_bots.poll_offset else 0 end,
       poll_owner = null, poll_lease_until = null, last_error = null, last_error_at = null, connected_at = now(), updated_at = now()
     returning ${COLUMNS}`,
    [orgId, b.botId, b.username, b.token, b.mode, b.webhookSecretHash],
  );
  return toBot(rows[0])!;
}

export async function deleteBot(db: Queryable, orgId: string): Promise<boolean> {
  const { rowCount } = await db.query(`/* deleteTelegramBot */ delete from telegram_bots where org_id = $1`, [orgId]);
  return (rowCount ?? 0) > 0;
}

/** Records the last error talking to Telegram (null clears it). */
export async function setBotError(db: Queryable, orgId: string, error: string | null): Promise<void> {
  await db.query(
    `/* setTelegramBotError */ update telegram_bots set last_error = $2::text, last_error_at = case when $2::text is null then null else now() end where org_id = $1`,
    [orgId, error === null ? null : error.slice(0, 500)],
  );
}

/** Organisations whose bot is in long-polling mode (with a token). */
export async function listPollingBots(db: Queryable): Promise<string[]> {
  const { rows } = await db.query(`/* listPollingTelegramBots */ select org_id from telegram_bots where mode = 'polling' and token is not null`);
  return rows.map((r) => r.org_id as string);
}

/**
 * Takes or renews the long-poll lease of a bot for `owner` (one process polls a bot at a time:
 * Telegram refuses two concurrent getUpdates). Returns the bot when the lease is this owner's.
 */
export async function claimPollLease(db: Queryable, orgId: string, owner: string, seconds: number): Promise<BotRow | null> {
  const { rows } = await db.query(
    `/* claimTelegramPollLease */ update telegram_bots set poll_owner = $2, poll_lease_until = now() + make_interval(secs => $3)
      where org_id = $1 and mode = 'polling' and token is not null
        and (poll_owner is null or poll_owner = $2 or poll_lease_until < now())
      returning ${COLUMNS}`,
    [orgId, owner, seconds],
  );
  return toBot(rows[0]);
}

export async function releasePollLease(db: Queryable, orgId: string, owner: string): Promise<void> {
  await db.query(`/* releaseTelegramPollLease */ update telegram_bots set poll_owner = null, poll_lease_until = null where org_id = $1 and poll_owner = $2`, [orgId, owner]);
}

/** Moves the getUpdates offset forward (never back) for the bot `botId`, if it is still the organisation's bot. */
export async function advancePollOffset(db: Queryable, orgId: string, botId: string, offset: number): Promise<void> {
  await db.query(
    `/* advanceTelegramPollOffset */ update telegram_bots set poll_offset = greatest(poll_offset, $3::bigint) where org_id = $1 and bot_id = $2::bigint`,
    [orgId, botId, offset],
  );
}
