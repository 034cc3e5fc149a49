-- Sarafan schema v1. Every tenant table carries org_id first in its primary key and in every
-- foreign key, so tables can later be distributed by org_id (Citus) without rewriting queries.

create extension if not exists pgcrypto;

create table orgs (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  timezone text not null default 'UTC',
  -- hidden-field keys the organisation marks as dashboard dimensions (rolled up per value)
  dimensions text[] not null default '{}',
  created_at timestamptz not null default now()
);

-- Location hierarchy: company -> regions -> stores / branches / call-center teams.
-- path is the chain of ids from the root, '/'-separated and ending in '/', so a subtree is
-- `path like '<ancestor path>%'` and stays an index range scan (text_pattern_ops).
create table locations (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  parent_id uuid,
  kind text not null check (kind in ('company','region','store','branch','call_center','team','other')),
  name text not null,
  code text,
  path text not null,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, parent_id) references locations(org_id, id) on delete restrict
);
create unique index locations_code on locations(org_id, code) where code is not null;
create index locations_path on locations(org_id, path text_pattern_ops);

create table users (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email text not null,
  name text not null default '',
  password_hash text not null,
  role text not null check (role in ('owner','admin','analyst','location_manager','viewer')),
  locale text not null default 'en',
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
-- one login namespace across organisations
create unique index users_email on users(lower(email));

-- Locations a user is limited to (location managers; optional for others). A grant covers the subtree.
create table user_locations (
  org_id uuid not null,
  user_id uuid not null,
  location_id uuid not null,
  primary key (org_id, user_id, location_id),
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);

create table sessions (
  token_hash text primary key,
  org_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade
);

create table invitations (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  email text not null,
  role text not null check (role in ('admin','analyst','location_manager','viewer')),
  location_ids uuid[] not null default '{}',
  token_hash text not null unique,
  invited_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz,
  primary key (org_id, id)
);

-- Outgoing mail when no SMTP is configured (and a record of what was sent when it is).
create table outbox (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  body text not null,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);

create table surveys (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- public address /s/<slug>; unique across organisations because the URL carries no org
  slug text not null unique,
  name text not null,
  -- localized texts: {"en": "...", "ru": "...", "fa": "..."}
  title jsonb not null default '{}',
  intro jsonb not null default '{}',
  thanks jsonb not null default '{}',
  languages text[] not null default '{en}',
  default_language text not null default 'en',
  status text not null default 'draft' check (status in ('draft','live','closed')),
  template text,
  -- bumped whenever questions change on a live survey; each answer records the version it saw
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);

-- Questions are versioned: a live survey only appends questions or archives them, so every
-- earlier answer keeps pointing at the question (and scale) it was given for.
create table questions (
  org_id uuid not null,
  survey_id uuid not null,
  id uuid not null default gen_random_uuid(),
  key text not null,
  position integer not null,
  type text not null check (type in ('nps','rating','single','multi','text')),
  -- which metric this question feeds: nps, csat, ces, csi_satisfaction, csi_importance, none
  metric text not null default 'none',
  required boolean not null default false,
  text jsonb not null default '{}',
  scale_min smallint,
  scale_max smallint,
  scale_style text check (scale_style in ('numbers','stars','smileys')),
  -- {"min": {"en": "..."}, "max": {"en": "..."}}
  scale_labels jsonb not null default '{}',
  -- lowest value counted as satisfied (CSAT box) / agreeing (CES)
  box_min smallint,
  -- CES direction: higher_is_easier (1..7 agree scale) or lower_is_easier (legacy effort scale)
  direction text check (direction in ('higher_is_easier','lower_is_easier')),
  -- CSI attribute this rating belongs to (speed, politeness, ...)
  attribute text,
  -- [{"value": "price", "label": {"en": "..."}}]
  options jsonb not null default '[]',
  -- "why?" follow-up: text varies with the score group of the question it follows
  follows_question_key text,
  why_texts jsonb not null default '{}',
  -- {"question": "<key>", "op": "lte"|"gte"|"eq"|"in"|"answered", "value": ...}
  show_if jsonb,
  added_in_version integer not null default 1,
  archived_in_version integer,
  primary key (org_id, id),
  unique (org_id, survey_id, key),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);

create table responses (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  location_id uuid,
  channel text not null default 'link',
  language text not null,
  hidden jsonb not null default '{}',
  -- client-generated; a retried POST finds the first response instead of creating a second one
  idempotency_key text not null,
  survey_version integer not null,
  contact_key text,
  started_at timestamptz,
  submitted_at timestamptz not null default now(),
  duration_ms integer,
  -- data validation: excluded responses are kept and marked, and left out of metrics (reversible)
  excluded boolean not null default false,
  exclusion_reason text,
  primary key (org_id, id),
  unique (org_id, survey_id, idempotency_key),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id)
);
create index responses_survey_time on responses(org_id, survey_id, submitted_at);

-- One row per (response, question), typed columns. survey, location, channel, language and time are
-- copied from the response so raw-answer queries filter without a join.
create table answers (
  org_id uuid not null,
  response_id uuid not null,
  question_id uuid not null,
  survey_id uuid not null,
  location_id uuid,
  channel text not null,
  language text not null,
  submitted_at timestamptz not null,
  score smallint,
  choice text,
  choices text[],
  text text,
  excluded boolean not null default false,
  primary key (org_id, response_id, question_id),
  foreign key (org_id, response_id) references responses(org_id, id) on delete cascade,
  foreign key (org_id, question_id) references questions(org_id, id)
);
create index answers_question_time on answers(org_id, question_id, submitted_at) include (score, location_id);
create index answers_text_time on answers(org_id, survey_id, submitted_at desc) where text is not null;

-- Rollup: counts per score value per day per (survey, question, location, channel, language).
-- dim_key/dim_value = '' is the base row; one extra row per marked dimension holds that
-- dimension's value, so a filter on one custom attribute is still answered from rollups.
-- Maintained in the same transaction as each answer (and by `sarafan rollups rebuild`).
create table rollup_scores (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  location_id uuid not null default '00000000-0000-0000-0000-000000000000',
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, location_id, channel, language, score)
);
create index rollup_scores_survey on rollup_scores(org_id, survey_id, day);

create table audit_log (
  org_id uuid not null,
  id bigint generated always as identity,
  actor_id uuid,
  action text not null,
  target_type text not null,
  target_id text,
  detail jsonb not null default '{}',
  created_at timestamptz not null default now(),
  primary key (org_id, id)
);
