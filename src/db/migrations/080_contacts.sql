-- Reaching customers (issue 10): the contact directory, the contact-frequency policy and the survey
-- invitations every channel (e-mail, SMS, Telegram, API trigger) sends. Later migrations of the same
-- issue add each channel's own tables (waves, webhooks, API keys, bots).

-- One person an organisation may ask. E-mail is stored lower-cased, phone as +digits; each of e-mail,
-- phone and external id identifies at most one contact (import de-duplicates on them).
create table contacts (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email text,
  phone text,
  name text,
  -- preferred language (en, ru, fa); null = the survey's default
  language text,
  external_id text,
  location_id uuid,
  segment text,
  -- IANA zone for send windows; null = the organisation's
  time_zone text,
  -- free attributes, typed by contact_attributes (text, number, ISO date or one of the choices)
  attributes jsonb not null default '{}',
  -- opt-out: set by the unsubscribe link (or an admin) and never cleared by a re-import
  unsubscribed_at timestamptz,
  -- GDPR erase: personal fields are nulled, the row stays so answers keep a (now anonymous) contact
  erased_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create unique index contacts_email on contacts(org_id, email) where email is not null;
create unique index contacts_phone on contacts(org_id, phone) where phone is not null;
create unique index contacts_external_id on contacts(org_id, external_id) where external_id is not null;
create index contacts_segment on contacts(org_id, segment) where segment is not null;

-- The typed free attributes an organisation keeps on contacts; marked ones are dashboard dimensions
-- (copied into a response's hidden fields when a contact answers through a personal link).
create table contact_attributes (
  org_id uuid not null references orgs(id) on delete cascade,
  key text not null,
  label text not null,
  type text not null check (type in ('text', 'number', 'date', 'choice')),
  choices text[] not null default '{}',
  primary key (org_id, key)
);

-- Contact-frequency policy: at most one survey per contact per N days across all surveys and
-- channels (0 = no limit); a survey may set its own N.
alter table orgs add column contact_gap_days integer not null default 30 check (contact_gap_days between 0 and 3650);
alter table surveys add column contact_gap_days integer check (contact_gap_days between 0 and 3650);

-- One invitation of one contact to one survey through one channel: a personal link (its token's
-- SHA-256 is stored), the send schedule and what became of it. wave_id is null for invitations
-- triggered through the API after an event.
create table survey_invitations (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  contact_id uuid not null,
  wave_id uuid,
  channel text not null check (channel in ('email', 'sms', 'telegram')),
  token_hash text not null unique,
  -- queued -> sent -> delivered | bounced | failed; skipped (with skip_reason) when the policy,
  -- an opt-out or a missing address stops it
  status text not null default 'queued' check (status in ('queued', 'skipped', 'sent', 'delivered', 'bounced', 'failed')),
  skip_reason text,
  send_after timestamptz not null default now(),
  sent_at timestamptz,
  delivered_at timestamptz,
  bounced_at timestamptz,
  opened_at timestamptz,
  responded_at timestamptz,
  response_id uuid,
  reminders_sent integer not null default 0,
  last_reminder_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, contact_id) references contacts(org_id, id) on delete cascade
);
create index survey_invitations_due on survey_invitations(send_after) where status = 'queued';
create index survey_invitations_contact on survey_invitations(org_id, contact_id, sent_at);
create index survey_invitations_wave on survey_invitations(org_id, wave_id) where wave_id is not null;

-- A response given by a known contact (personal link, Telegram, API) and through which invitation.
alter table responses add column contact_id uuid, add column invitation_id uuid;
create index responses_contact_id on responses(org_id, contact_id) where contact_id is not null;
