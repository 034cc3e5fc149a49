-- The integration API (issue 10, "Transactional surveys, API, webhooks"): API keys, outgoing webhook
-- endpoints and their delivery log (docs/api.md "API keys", "Webhooks").

-- An organisation's API key. Only the SHA-256 of the key is stored (keys are 32 random bytes, so a
-- plain hash is enough); `prefix` (the first characters) lets people tell keys apart. scope: `ingest`
-- (contacts, survey triggers, responses) or `read` (metrics, responses); location_id limits the key
-- to that location's subtree (null: the whole organisation).
create table api_keys (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null,
  prefix text not null,
  key_hash text not null unique,
  scope text not null check (scope in ('ingest', 'read')),
  location_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  -- written at most once a minute per key (src/db/integrations/apiKeys.ts)
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);

-- Where an organisation's events are POSTed, signed with the Standard Webhooks scheme. The secret is
-- `whsec_` + base64 of 32 random bytes, shown to admins once at creation; it is needed to sign, so it is
-- stored sealed (AES-GCM under SARAFAN_SECRET, `v1:…`) or, without that variable, as `plain:whsec_…`,
-- like TOTP secrets (src/server/auth/secretBox.ts).
create table webhook_endpoints (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  url text not null,
  description text not null default '',
  event_types text[] not null,
  secret text not null,
  disabled_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);

-- One message for one endpoint (webhook-id = id, kept across retries and resends so receivers can
-- de-duplicate) and what became of its attempts. The payload is frozen when the event happens.
create table webhook_deliveries (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  endpoint_id uuid not null,
  event_type text not null,
  -- what the event is about (a response id), so one event makes one delivery per endpoint
  subject_id text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  last_status_code integer,
  last_error text,
  last_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, endpoint_id, event_type, subject_id),
  foreign key (org_id, endpoint_id) references webhook_endpoints(org_id, id) on delete cascade
);
create index webhook_deliveries_recent on webhook_deliveries(org_id, endpoint_id, created_at desc);

-- Every attempt of a delivery: the log the admin page shows.
create table webhook_attempts (
  org_id uuid not null,
  delivery_id uuid not null,
  attempt integer not null,
  at timestamptz not null default now(),
  status_code integer,
  error text,
  duration_ms integer,
  primary key (org_id, delivery_id, attempt),
  foreign key (org_id, delivery_id) references webhook_deliveries(org_id, id) on delete cascade
);
