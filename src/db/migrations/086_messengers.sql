-- Messengers and SMS (issue 10): an organisation's Telegram bot, the chats that started it (each a
-- contact), the survey conversation a chat is in, the updates already handled (idempotency on the
-- update id), and the SMS gateway settings with a log of what was sent through it.

-- One bot per organisation. The token is sealed like TOTP secrets (src/server/auth/secretBox.ts);
-- a bot without a token (the demo's placeholder) shows its links but receives nothing.
create table telegram_bots (
  org_id uuid primary key references orgs(id) on delete cascade,
  -- Telegram's id of the bot (getMe); update ids are counted per bot
  bot_id bigint,
  username text not null,
  token text,
  mode text not null default 'polling' check (mode in ('webhook', 'polling')),
  -- the webhook's path (/telegram/webhook/<key>) and the SHA-256 of its secret_token
  webhook_key text not null unique default replace(gen_random_uuid()::text, '-', ''),
  webhook_secret_hash text,
  -- long polling: the next getUpdates offset and which process holds the poll (a lease, renewed)
  poll_offset bigint not null default 0,
  poll_owner text,
  poll_lease_until timestamptz,
  last_error text,
  last_error_at timestamptz,
  connected_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A chat that started the bot: a private chat is one person, linked to one contact.
create table telegram_chats (
  org_id uuid not null references orgs(id) on delete cascade,
  chat_id bigint not null,
  contact_id uuid not null,
  username text,
  first_name text,
  last_name text,
  language_code text,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- the person blocked the bot (403 from sendMessage): no invitations until they write again
  blocked_at timestamptz,
  primary key (org_id, chat_id),
  foreign key (org_id, contact_id) references contacts(org_id, id) on delete cascade
);
create unique index telegram_chats_contact on telegram_chats(org_id, contact_id);

-- A survey being answered in a chat: the answers so far and the question asked now. At most one
-- open conversation per chat; a new /start or invitation ends the open one (abandoned).
create table telegram_conversations (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  chat_id bigint not null,
  survey_id uuid not null,
  invitation_id uuid,
  -- short random tag carried in the buttons' callback data: buttons of another conversation are stale
  tag text not null,
  language text not null,
  answers jsonb not null default '{}',
  question_key text,
  status text not null default 'open' check (status in ('open', 'done', 'abandoned')),
  response_id uuid,
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, chat_id) references telegram_chats(org_id, chat_id) on delete cascade,
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);
create unique index telegram_conversations_open on telegram_conversations(org_id, chat_id) where status = 'open';

-- Updates handled, with the replies they produced: a re-delivered update changes nothing and only
-- sends its replies again if they were not sent yet.
create table telegram_updates (
  org_id uuid not null references orgs(id) on delete cascade,
  bot_id bigint not null,
  update_id bigint not null,
  replies jsonb not null default '[]',
  sent_at timestamptz,
  received_at timestamptz not null default now(),
  primary key (org_id, bot_id, update_id)
);
create index telegram_updates_received on telegram_updates(received_at);

-- The SMS gateway of an organisation: where to POST, the Authorization header (sealed), the sender
-- name and an optional JSON body template with {to}, {text} and {from} placeholders.
create table sms_settings (
  org_id uuid primary key references orgs(id) on delete cascade,
  url text not null,
  auth_header text,
  sender text,
  body_template text,
  updated_at timestamptz not null default now()
);

-- Every message handed to the SMS gateway and what it answered.
create table sms_messages (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  invitation_id uuid,
  contact_id uuid,
  -- null once the contact is erased
  to_phone text,
  status text not null check (status in ('sent', 'failed')),
  http_status integer,
  provider_id text,
  error text,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
create index sms_messages_invitation on sms_messages(org_id, invitation_id) where invitation_id is not null;

-- GDPR erase of a contact (contacts.erased_at set, src/db/contacts/contactPrivacy.ts) also forgets the
-- channel data kept here: the Telegram chat (names, username; its conversations with their draft
-- answers go with it) and the phone number in the SMS log. A later /start makes a new contact.
create function forget_erased_contact_channels() returns trigger language plpgsql as $$
begin
  delete from telegram_chats where org_id = new.org_id and contact_id = new.id;
  update sms_messages set to_phone = null where org_id = new.org_id and contact_id = new.id;
  return new;
end
$$;
create trigger contacts_erased_forget_channels after update of erased_at on contacts
  for each row when (new.erased_at is not null and old.erased_at is null) execute function forget_erased_contact_channels();
