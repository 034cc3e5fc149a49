-- E-mail invitations (issue 10): waves of invitations, the claim that keeps a message from being sent
-- twice, and the per-organisation key from which personal links are derived.

-- A wave: one survey sent to an audience through one channel, with reminders to non-responders and a
-- send window in each contact's time zone (else the organisation's).
create table invitation_waves (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  name text not null,
  channel text not null check (channel in ('email', 'sms', 'telegram')),
  -- {"contactIds": [...]} or {"segment": "...", "locationId": "..."} (either or both; {} = every contact)
  audience jsonb not null,
  -- days after the first message, e.g. {3,7}
  reminder_days integer[] not null default '{}',
  -- the send window, minutes after local midnight: [start, end); start > end crosses midnight
  window_start integer not null default 540 check (window_start between 0 and 1439),
  window_end integer not null default 1200 check (window_end between 1 and 1440),
  -- planning -> planned (invitation rows exist); cancelled stops what is still queued
  status text not null default 'planning' check (status in ('planning', 'planned', 'cancelled')),
  send_after timestamptz not null default now(),
  created_by uuid,
  created_at timestamptz not null default now(),
  planned_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);
create index invitation_waves_recent on invitation_waves(org_id, created_at desc);

-- The message in flight: claimed_at is set (with claim_seq: 0 the invitation, k the k-th reminder) in
-- its own committed transaction BEFORE the provider is called, and cleared when the outcome is
-- recorded. A claim older than the lease means the process died mid-send (src/server/invitations).
alter table survey_invitations
  add column claimed_at timestamptz,
  add column claim_seq integer,
  add column next_reminder_at timestamptz,
  add column provider_id text,
  add column language text;
alter table survey_invitations drop constraint survey_invitations_status_check;
alter table survey_invitations add constraint survey_invitations_status_check
  check (status in ('queued', 'sending', 'skipped', 'sent', 'delivered', 'bounced', 'failed'));
create index survey_invitations_claimed on survey_invitations(claimed_at) where claimed_at is not null;
create index survey_invitations_reminder on survey_invitations(next_reminder_at) where next_reminder_at is not null;
create index survey_invitations_response on survey_invitations(org_id, response_id) where response_id is not null;

-- Personal links are HMAC(key, invitation id): the link can be rebuilt for a reminder or a resend while
-- only its SHA-256 is stored in survey_invitations.token_hash.
alter table orgs add column invitation_key text;
