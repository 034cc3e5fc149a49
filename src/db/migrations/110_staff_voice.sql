-- Staff voice (issue 15, docs/staff.md): employee surveys with enforced anonymity, the perception gap
-- (staff estimate the customers' answers), focus groups and key-client debriefs, and the staff-facing
-- results page per location.

-- 'staff' surveys are answered by employees: never shown per person, groups under the anonymity
-- threshold (src/core/staff/anonymity.ts) merged upward or hidden; no hidden fields, contacts or invitations.
alter table surveys add column audience text not null default 'customers' check (audience in ('customers', 'staff'));

-- What a staff survey question stands for (src/core/staff/perception.ts):
--   expected_nps: the staff's estimate of a typical customer's 0-10 recommendation (an nps question);
--   expected_csat: the staff's estimate of customer satisfaction (a rating question with a box);
--   expected_complaints: what customers complain about most (a multi question whose options are theme ids);
--   team: the respondent's team (a single question), a reporting group like the location.
alter table questions add column staff_role text check (staff_role in ('expected_nps', 'expected_csat', 'expected_complaints', 'team'));

-- A staff-facing results page of one location (and its sub-locations): /staff-results/<token>, no sign-in.
create table staff_result_links (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- sha-256 (hex) of the token in the address; the token itself is shown once
  token_hash text not null unique,
  location_id uuid not null,
  survey_id uuid not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade,
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);

-- Focus groups and key-client debriefs: participants by role (names only where asked), the moderator,
-- the questions asked and the notes, which the text pipeline analyses (themes, sentiment).
create table focus_sessions (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('focus_group', 'debrief')),
  title text not null check (char_length(title) between 1 and 300),
  held_on date not null,
  location_id uuid,
  moderator text not null default '' check (char_length(moderator) <= 200),
  -- [{"role": "cashier", "count": 3, "name": null}]
  participants jsonb not null default '[]',
  questions jsonb not null default '[]',
  notes text not null default '' check (char_length(notes) <= 100000),
  language text not null default 'en',
  -- {"sentiment": "negative", "p": 0.8, "themes": [{"id": "queue", "count": 3}], "sentences": [...]}
  analysis jsonb,
  analysed_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create index focus_sessions_held on focus_sessions(org_id, held_on desc);

-- A finding of a session, optionally linked to the action plan that deals with it.
create table focus_findings (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  session_id uuid not null,
  text text not null check (char_length(text) between 1 and 2000),
  theme text,
  action_plan_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, session_id) references focus_sessions(org_id, id) on delete cascade,
  foreign key (org_id, action_plan_id) references action_plans(org_id, id) on delete set null (action_plan_id)
);
create index focus_findings_session on focus_findings(org_id, session_id);
