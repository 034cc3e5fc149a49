-- Checking the standards (issue 14, docs/audits.md): checklists of service standards and their versions,
-- audit waves and their assignments to auditors, visits (mystery shopping, mystery calls and chats, internal
-- checks, and QA reviews of support contacts) with item answers, evidence files, review corrections and
-- appeals, calibration sessions, coaching notes, the staff directory, and staff knowledge quizzes.
-- The rules (answer types, scoring, agreement, quiz scoring) live in src/core/audits; this file only stores.

-- Competitor stores are locations of their own kind: they can be audited and benchmarked, never scored
-- as part of the own tree.
alter table locations drop constraint locations_kind_check;
alter table locations add constraint locations_kind_check
  check (kind in ('company','region','store','branch','call_center','team','other','competitor'));

-- A mystery shopper or internal auditor: sees only their assignments, submits visits, sees no dashboards.
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check
  check (role in ('owner','admin','analyst','location_manager','viewer','auditor'));
alter table invitations drop constraint invitations_role_check;
alter table invitations add constraint invitations_role_check
  check (role in ('admin','analyst','location_manager','viewer','auditor'));

-- Staff: the people visits, QA reviews, coaching and quizzes are about. agent_name is how the helpdesk
-- names the employee (support_contacts.agent), so QA scores meet their customers' CSAT / CES.
create table employees (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  code text check (char_length(code) between 1 and 100),
  location_id uuid,
  agent_name text check (char_length(agent_name) between 1 and 200),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create unique index employees_code on employees(org_id, code) where code is not null;
create unique index employees_agent on employees(org_id, agent_name) where agent_name is not null;

-- A checklist (a set of service standards) and its versions. The definition (sections, items, points,
-- answer types, critical flags, standards; src/core/audits/checklist.ts) is stored whole per version:
-- a visit keeps pointing at the version it was scored against. channel: what is checked (a store visit,
-- a phone call, a chat, a QA review of a support contact, a staff self-check).
create table checklists (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  channel text not null default 'store' check (channel in ('store', 'phone', 'chat', 'contact', 'other')),
  version integer not null default 1,
  archived boolean not null default false,
  -- the starter checklist this one was made from (null: written by the organisation)
  starter text check (char_length(starter) <= 60),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create table checklist_versions (
  org_id uuid not null,
  checklist_id uuid not null,
  version integer not null,
  definition jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, checklist_id, version),
  foreign key (org_id, checklist_id) references checklists(org_id, id) on delete cascade
);

-- A wave: one checklist over chosen locations (own and competitor) in a period, with so many visits per
-- location; each planned visit is an assignment to an auditor.
create table audit_waves (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  checklist_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  visits_per_location integer not null default 1 check (visits_per_location between 1 and 100),
  status text not null default 'open' check (status in ('planned', 'open', 'closed')),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  check (ends_on >= starts_on),
  foreign key (org_id, checklist_id) references checklists(org_id, id) on delete restrict
);
create table audit_assignments (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  wave_id uuid not null,
  location_id uuid not null,
  auditor_id uuid,
  due_on date,
  status text not null default 'assigned' check (status in ('assigned', 'submitted', 'cancelled')),
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, wave_id) references audit_waves(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade,
  foreign key (org_id, auditor_id) references users(org_id, id) on delete set null (auditor_id)
);
create index audit_assignments_auditor on audit_assignments(org_id, auditor_id, status);

-- A calibration session: several reviewers score the same contact (or visit recording) on one checklist,
-- and the agreement between them is reported (src/core/audits/agreement.ts).
create table audit_calibrations (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  checklist_id uuid not null,
  support_contact_id uuid,
  -- what is being scored when it is not an imported contact (a recording's address, a transcript)
  subject text check (char_length(subject) <= 20000),
  reviewer_ids uuid[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, checklist_id) references checklists(org_id, id) on delete restrict,
  foreign key (org_id, support_contact_id) references support_contacts(org_id, id) on delete set null (support_contact_id)
);

-- A visit: one filled-in checklist. kind: a store visit, a mystery call, a mystery chat, an internal
-- check, or a QA review of a support contact (then support_contact_id, and the employee is the agent).
-- answers: {"<item key>": {"value": "yes"|"no"|"na"|<points>|<measured number>, "comment"?, "evidence"?: [ids]}}.
-- score / earned / possible / autofail are written by the one scoring rule (src/core/audits/scoring.ts)
-- each time the answers change; audit_visit_items holds the per-item outcome for the results' roll-ups.
create table audit_visits (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  kind text not null default 'visit' check (kind in ('visit', 'call', 'chat', 'internal', 'qa')),
  checklist_id uuid not null,
  checklist_version integer not null,
  wave_id uuid,
  assignment_id uuid,
  calibration_id uuid,
  location_id uuid,
  employee_id uuid,
  -- free-text employee description when not in the directory ("the cashier at till 2")
  employee_label text check (char_length(employee_label) <= 200),
  support_contact_id uuid,
  auditor_id uuid,
  -- the submitting device's key: the same submission sent twice is stored once
  client_key text check (char_length(client_key) between 8 and 100),
  visited_at timestamptz not null,
  -- with the auditor's consent only
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  position_accuracy_m double precision check (position_accuracy_m >= 0),
  answers jsonb not null default '{}',
  notes text check (char_length(notes) <= 20000),
  score double precision check (score between 0 and 100),
  earned double precision not null default 0,
  possible double precision not null default 0,
  autofail boolean not null default false,
  status text not null default 'submitted' check (status in ('submitted', 'reviewed', 'published')),
  submitted_at timestamptz not null default now(),
  reviewed_at timestamptz,
  reviewed_by uuid,
  published_at timestamptz,
  published_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, checklist_id, checklist_version) references checklist_versions(org_id, checklist_id, version) on delete restrict,
  foreign key (org_id, wave_id) references audit_waves(org_id, id) on delete set null (wave_id),
  foreign key (org_id, assignment_id) references audit_assignments(org_id, id) on delete set null (assignment_id),
  foreign key (org_id, calibration_id) references audit_calibrations(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade,
  foreign key (org_id, employee_id) references employees(org_id, id) on delete set null (employee_id),
  foreign key (org_id, support_contact_id) references support_contacts(org_id, id) on delete set null (support_contact_id),
  foreign key (org_id, auditor_id) references users(org_id, id) on delete set null (auditor_id)
);
create unique index audit_visits_client_key on audit_visits(org_id, client_key) where client_key is not null;
create unique index audit_visits_assignment on audit_visits(org_id, assignment_id) where assignment_id is not null;
create index audit_visits_location on audit_visits(org_id, location_id, visited_at);
create index audit_visits_status on audit_visits(org_id, status, visited_at);
create index audit_visits_employee on audit_visits(org_id, employee_id, visited_at) where employee_id is not null;

-- One row per item of a visit: the scoring's outcome, so results roll up by item, standard and section in SQL.
-- applicable false: N/A or unanswered (removed from earned and possible); failed: earned below the points.
create table audit_visit_items (
  org_id uuid not null,
  visit_id uuid not null,
  item_key text not null,
  section_key text not null,
  standard text,
  critical boolean not null default false,
  applicable boolean not null,
  earned double precision not null default 0,
  possible double precision not null default 0,
  failed boolean not null default false,
  primary key (org_id, visit_id, item_key),
  foreign key (org_id, visit_id) references audit_visits(org_id, id) on delete cascade
);
create index audit_visit_items_item on audit_visit_items(org_id, item_key) where failed;

-- Photo and audio evidence. Uploaded before the visit is submitted (the phone may be offline), then linked
-- to a visit item; unlinked uploads older than a day are removed. storage: 'disk' (under the data
-- directory) or 's3' (an S3-compatible store); the bytes are never in the database.
create table audit_evidence (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  visit_id uuid,
  item_key text check (char_length(item_key) <= 60),
  kind text not null check (kind in ('photo', 'audio')),
  content_type text not null check (char_length(content_type) <= 100),
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  storage text not null check (storage in ('disk', 's3')),
  storage_key text not null check (char_length(storage_key) <= 500),
  -- the photo's EXIF position was kept on purpose (stripped by default)
  kept_location boolean not null default false,
  uploaded_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, visit_id) references audit_visits(org_id, id) on delete cascade
);
create index audit_evidence_visit on audit_evidence(org_id, visit_id);

-- A reviewer's correction of an answer, with the reason (the review log).
create table audit_corrections (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  visit_id uuid not null,
  item_key text not null,
  old_answer jsonb,
  new_answer jsonb,
  reason text not null check (char_length(reason) between 1 and 2000),
  corrected_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, visit_id) references audit_visits(org_id, id) on delete cascade
);

-- An appeal of a published item by the location's manager: once per item, decided once.
create table audit_appeals (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  visit_id uuid not null,
  item_key text not null,
  reason text not null check (char_length(reason) between 1 and 2000),
  appealed_by uuid,
  created_at timestamptz not null default now(),
  decision text check (decision in ('upheld', 'rejected')),
  decision_note text check (char_length(decision_note) <= 2000),
  decided_by uuid,
  decided_at timestamptz,
  primary key (org_id, id),
  unique (org_id, visit_id, item_key),
  foreign key (org_id, visit_id) references audit_visits(org_id, id) on delete cascade
);

-- Coaching notes on an employee (a call-center agent, a seller), with a follow-up date.
create table coaching_notes (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  employee_id uuid not null,
  visit_id uuid,
  note text not null check (char_length(note) between 1 and 5000),
  follow_up_on date,
  done_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, employee_id) references employees(org_id, id) on delete cascade,
  foreign key (org_id, visit_id) references audit_visits(org_id, id) on delete set null (visit_id)
);
create index coaching_notes_employee on coaching_notes(org_id, employee_id, created_at);

-- Staff knowledge checks: a quiz (questions with the correct answers, src/core/audits/quiz.ts) taken by
-- link like a survey; each attempt is scored when it is stored. Attempts of the same employee over time
-- show progress.
create table quizzes (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- public address /quiz/<slug>; unique across organisations because the URL carries no org
  slug text not null unique check (slug ~ '^[a-z0-9-]{6,64}$'),
  name jsonb not null default '{}',
  topic text check (char_length(topic) <= 100),
  languages text[] not null default '{en}',
  default_language text not null default 'en',
  -- {"questions":[{"key","text":{..},"topic"?,"options":[{"key","text":{..}}],"correct":["<option key>"]}]}
  definition jsonb not null,
  version integer not null default 1,
  status text not null default 'draft' check (status in ('draft', 'live', 'closed')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);
create table quiz_attempts (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  quiz_id uuid not null,
  quiz_version integer not null,
  employee_id uuid,
  location_id uuid,
  client_key text check (char_length(client_key) between 8 and 100),
  language text not null default 'en',
  answers jsonb not null default '{}',
  correct integer not null check (correct >= 0),
  total integer not null check (total >= 0),
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, quiz_id) references quizzes(org_id, id) on delete cascade,
  foreign key (org_id, employee_id) references employees(org_id, id) on delete set null (employee_id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create unique index quiz_attempts_client_key on quiz_attempts(org_id, quiz_id, client_key) where client_key is not null;
create index quiz_attempts_quiz on quiz_attempts(org_id, quiz_id, created_at);
-- Per question of an attempt: which questions most people miss, and by topic.
create table quiz_attempt_answers (
  org_id uuid not null,
  attempt_id uuid not null,
  question_key text not null,
  topic text,
  correct boolean not null,
  primary key (org_id, attempt_id, question_key),
  foreign key (org_id, attempt_id) references quiz_attempts(org_id, id) on delete cascade
);
