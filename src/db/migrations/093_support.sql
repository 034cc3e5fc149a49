-- Support operations (issue 12): contact events imported from helpdesks (files, API), one summary row
-- per contact (ticket, call, chat) derived from its events by src/core/support (the single home of the
-- per-contact rules: first response, first/last solve, reopens, agent replies), SLA targets per
-- priority, and the import log that makes re-importing the same file a no-op.

-- One row per import (a file, or an API batch). A file is identified by the SHA-256 of its bytes and the
-- preset/mapping used: importing it again finds the finished row and changes nothing.
create table support_imports (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('file', 'api')),
  file_name text check (char_length(file_name) <= 300),
  file_sha256 text,
  preset text check (char_length(preset) <= 40),
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  rows_read integer not null default 0,
  events_added integer not null default 0,
  contacts_touched integer not null default 0,
  -- [{line, reason}] of refused rows (at most 100 kept), or the failure message
  problems jsonb not null default '[]',
  created_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (org_id, id)
);
create unique index support_imports_file on support_imports(org_id, file_sha256, preset) where file_sha256 is not null and status <> 'failed';

-- One row per contact. external_id is the helpdesk's ticket id; customer_key the helpdesk's customer id
-- (a caller, an e-mail address): repeat contacts are counted per customer_key. contact_id links the
-- customer to Sarafan's contact directory when the key matches a contact's external id or e-mail.
create table support_contacts (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  external_id text not null check (char_length(external_id) between 1 and 200),
  customer_key text check (char_length(customer_key) <= 200),
  contact_id uuid,
  channel text check (char_length(channel) <= 60),
  agent text check (char_length(agent) <= 200),
  team text check (char_length(team) <= 200),
  -- the location as the source named it, and the Sarafan location it matched (by code, then name)
  location_label text check (char_length(location_label) <= 200),
  location_id uuid,
  priority text check (char_length(priority) <= 60),
  category text check (char_length(category) <= 200),
  subject text check (char_length(subject) <= 1000),
  is_complaint boolean not null default false,
  created_at timestamptz not null,
  first_response_at timestamptz,
  first_solved_at timestamptz,
  last_solved_at timestamptz,
  closed_at timestamptz,
  agent_replies integer not null default 0,
  reopens integer not null default 0,
  -- the agent credited with the resolution (the one who solved it last, by default)
  solved_by text check (char_length(solved_by) <= 200),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create unique index support_contacts_external on support_contacts(org_id, external_id);
create index support_contacts_created on support_contacts(org_id, created_at);
create index support_contacts_customer on support_contacts(org_id, customer_key, created_at) where customer_key is not null;
create index support_contacts_location on support_contacts(org_id, location_id, created_at) where location_id is not null;

-- The events themselves (canonical kinds, docs/import-formats.md). event_key is a hash of the
-- normalised event (ticket, kind, time, agent): the same event imported twice is stored once.
create table support_events (
  org_id uuid not null,
  support_contact_id uuid not null,
  event_key text not null,
  kind text not null check (kind in ('created', 'agent_reply', 'customer_reply', 'auto_reply', 'solved', 'reopened', 'closed', 'assigned')),
  at timestamptz not null,
  agent text check (char_length(agent) <= 200),
  import_id uuid,
  primary key (org_id, event_key),
  foreign key (org_id, support_contact_id) references support_contacts(org_id, id) on delete cascade
);
create index support_events_contact on support_events(org_id, support_contact_id, at);

-- SLA targets per priority (seconds); a contact meets its SLA when both given targets are met.
create table support_sla_targets (
  org_id uuid not null references orgs(id) on delete cascade,
  priority text not null check (char_length(priority) between 1 and 60),
  first_response_s integer check (first_response_s > 0),
  resolution_s integer check (resolution_s > 0),
  primary key (org_id, priority)
);
