-- Closing the loop (issue 13): alert rules and the alerts they fire, in-app notifications, follow-up
-- cases with their timeline, compensation and root causes, the feedback mailbox read over IMAP, and
-- action plans. The rules live in src/core/closedLoop (statuses, triggers, SLA, recovery); this file
-- only stores them.

-- Business hours of a location ("Mon-Fri 09:00-18:00", src/core/support/businessHours.ts); a location
-- without its own uses its nearest ancestor's, then the organisation's.
alter table locations add column business_hours text check (char_length(business_hours) <= 100);
alter table orgs add column business_hours text check (char_length(business_hours) <= 100);

-- What may settle a claim on the spot: the largest compensation one case may record per role, in the
-- organisation's currency (null: the role may not give compensation).
alter table orgs add column currency text not null default 'RUB' check (currency ~ '^[A-Z]{3}$');
create table compensation_limits (
  org_id uuid not null references orgs(id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'analyst', 'location_manager', 'viewer')),
  max_amount numeric(14, 2) not null check (max_amount >= 0),
  primary key (org_id, role)
);

-- The editable root-cause taxonomy. Names are localized ({"en": "...", "ru": "...", "fa": "..."}); a
-- cause in use is archived, not deleted, so old cases keep it.
create table root_causes (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  key text not null check (key ~ '^[a-z0-9_]{1,40}$'),
  name jsonb not null default '{}',
  position integer not null default 0,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, key)
);
alter table orgs add column root_causes_seeded_at timestamptz;

-- Teams that routing rules may give cases to (a hotline, the quality department).
create table case_teams (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 120),
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name)
);
create table case_team_members (
  org_id uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  primary key (org_id, team_id, user_id),
  foreign key (org_id, team_id) references case_teams(org_id, id) on delete cascade,
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade
);

-- Routing: the first matching rule (by position) decides who owns a new case; none matching, the
-- manager of the case's location (or of its nearest ancestor that has one) owns it.
create table case_routing_rules (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  position integer not null default 0,
  -- conditions (null: any): the case's location lies in this subtree, its channel, its priority
  location_id uuid,
  channel text check (char_length(channel) <= 40),
  priority text check (priority in ('low', 'normal', 'high', 'urgent')),
  -- exactly one target
  owner_user_id uuid,
  team_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  check ((owner_user_id is null) <> (team_id is null)),
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade,
  foreign key (org_id, owner_user_id) references users(org_id, id) on delete cascade,
  foreign key (org_id, team_id) references case_teams(org_id, id) on delete cascade
);

-- Alert rules. trigger: low_score (a detractor / low CSAT or CES answer), negative_review,
-- comment_match (themes or keywords in a comment, a review or a feedback letter), sla_breach (a support
-- contact past its SLA), metric_drop (a significant drop of a metric for a location or segment).
-- params holds the trigger's settings (src/core/closedLoop/alertRules.ts validates them); recipients
-- {userIds: [], locationRoles: [], emails: [], webhook: bool}. Scope columns null mean "any".
create table alert_rules (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 200),
  enabled boolean not null default true,
  trigger text not null check (trigger in ('low_score', 'negative_review', 'comment_match', 'sla_breach', 'metric_drop')),
  params jsonb not null default '{}',
  survey_id uuid,
  location_id uuid,
  channel text check (char_length(channel) <= 40),
  -- a hidden-field dimension "key:value" (the dashboards' dim filter)
  segment text check (char_length(segment) <= 300),
  recipients jsonb not null default '{}',
  -- no second alert of this rule for the same location within this many minutes (0: every event)
  quiet_minutes integer not null default 60 check (quiet_minutes between 0 and 43200),
  opens_case boolean not null default false,
  case_priority text not null default 'normal' check (case_priority in ('low', 'normal', 'high', 'urgent')),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);

-- Feedback letters read from the organisation's feedback mailbox (IMAP), and the mailbox settings.
create table feedback_mailboxes (
  org_id uuid primary key references orgs(id) on delete cascade,
  -- the published address customers write to (shown on pages, used as Reply-To of case replies)
  address text not null check (char_length(address) between 3 and 320),
  host text not null check (char_length(host) between 1 and 255),
  port integer not null check (port between 1 and 65535),
  secure boolean not null default true,
  username text not null check (char_length(username) between 1 and 320),
  password text not null,
  folder text not null default 'INBOX' check (char_length(folder) between 1 and 200),
  enabled boolean not null default true,
  -- where reading stopped: IMAP UIDVALIDITY and the last UID read
  uid_validity bigint,
  last_uid bigint not null default 0,
  last_checked_at timestamptz,
  last_error text,
  updated_at timestamptz not null default now()
);
create table feedback_messages (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- the Message-ID header: reading the same letter twice stores it once
  message_id text not null check (char_length(message_id) <= 1000),
  in_reply_to text check (char_length(in_reply_to) <= 1000),
  from_address text not null check (char_length(from_address) <= 320),
  from_name text check (char_length(from_name) <= 300),
  subject text check (char_length(subject) <= 1000),
  body text not null default '',
  received_at timestamptz not null,
  language text,
  sentiment text check (sentiment in ('negative', 'neutral', 'positive')),
  themes text[] not null default '{}',
  location_id uuid,
  case_id uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, message_id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);

-- Follow-up cases. number: the organisation's running case number (shown as #123). The source is the
-- answer, review, support contact or feedback letter that opened it (none for a case made by hand).
create table cases (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  number integer not null,
  title text not null check (char_length(title) between 1 and 300),
  status text not null default 'new' check (status in ('new', 'in_progress', 'waiting_customer', 'resolved', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  -- how the claim came: survey, review, support, email (the feedback mailbox), phone, letter, in_person, other
  channel text not null check (channel in ('survey', 'review', 'support', 'email', 'phone', 'letter', 'in_person', 'other')),
  source_kind text check (source_kind in ('response', 'review', 'support_contact', 'feedback_message')),
  response_id uuid,
  review_id uuid,
  support_contact_id uuid,
  feedback_message_id uuid,
  alert_rule_id uuid,
  -- the customer: a directory contact and/or what is known of them
  contact_id uuid,
  customer_name text check (char_length(customer_name) <= 300),
  customer_email text check (char_length(customer_email) <= 320),
  customer_phone text check (char_length(customer_phone) <= 40),
  description text not null default '' check (char_length(description) <= 20000),
  location_id uuid,
  owner_user_id uuid,
  team_id uuid,
  -- the score that opened it (0-10 NPS, 1-5 CSAT...) and its question's metric, for recovery
  trigger_score smallint,
  trigger_metric text,
  due_at timestamptz,
  first_action_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  -- how many levels up the location hierarchy the case was escalated after its SLA was breached
  escalation_level integer not null default 0,
  root_cause_id uuid,
  controllable boolean,
  resolution text check (char_length(resolution) <= 5000),
  -- the "was your problem solved?" follow-up survey invitation sent on resolution, and its answer
  recovery_invitation_id uuid,
  recovery_response_id uuid,
  recovery_score smallint,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id),
  foreign key (org_id, owner_user_id) references users(org_id, id) on delete set null (owner_user_id),
  foreign key (org_id, team_id) references case_teams(org_id, id) on delete set null (team_id),
  foreign key (org_id, root_cause_id) references root_causes(org_id, id),
  foreign key (org_id, alert_rule_id) references alert_rules(org_id, id) on delete set null (alert_rule_id)
);
-- one open case per source: a rule firing twice on the same answer does not make two cases
create unique index cases_source_response on cases(org_id, response_id) where response_id is not null;
create unique index cases_source_review on cases(org_id, review_id) where review_id is not null;
create unique index cases_source_support on cases(org_id, support_contact_id) where support_contact_id is not null;
create unique index cases_source_feedback on cases(org_id, feedback_message_id) where feedback_message_id is not null;
create index cases_inbox on cases(org_id, status, due_at);
create index cases_owner on cases(org_id, owner_user_id, status);
create index cases_created on cases(org_id, created_at);
alter table orgs add column case_counter integer not null default 0;
alter table feedback_messages add foreign key (org_id, case_id) references cases(org_id, id) on delete set null (case_id);

-- The case timeline: every change, note, reply and compensation. kind: created, status, assigned,
-- priority, note, reply_sent, reply_received, escalated, root_cause, compensation, recovery_sent,
-- recovery_answered. body holds the kind's details (a note's text, the old and new status...).
create table case_events (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  kind text not null check (kind in ('created', 'status', 'assigned', 'priority', 'note', 'reply_sent', 'reply_received',
    'escalated', 'root_cause', 'compensation', 'recovery_sent', 'recovery_answered')),
  actor_user_id uuid,
  body jsonb not null default '{}',
  -- users @mentioned in a note
  mentions uuid[] not null default '{}',
  -- e-mail replies: the Message-ID sent or received, so answers thread back to the case
  message_id text,
  at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, case_id) references cases(org_id, id) on delete cascade
);
create index case_events_case on case_events(org_id, case_id, at);
create index case_events_message on case_events(org_id, message_id) where message_id is not null;

-- Compensation given to settle a claim: how much, by whom (limited per role by compensation_limits).
create table case_compensations (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  amount numeric(14, 2) not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  kind text not null default 'refund' check (kind in ('refund', 'discount', 'gift', 'other')),
  note text check (char_length(note) <= 1000),
  given_by uuid not null,
  given_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, case_id) references cases(org_id, id) on delete cascade
);

-- Alerts fired: one per rule and source (an answer, a review, a contact, a letter, or for metric_drop
-- "location|segment|period"), so re-evaluating the same event fires nothing new.
create table alerts (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  rule_id uuid not null,
  source_kind text not null check (source_kind in ('response', 'review', 'support_contact', 'feedback_message', 'metric')),
  source_id text not null check (char_length(source_id) <= 300),
  location_id uuid,
  -- what the alert says (the score, the comment's excerpt, the metric before and after), for messages
  summary jsonb not null default '{}',
  case_id uuid,
  -- false when the rule's quiet period held it back (recorded, not delivered)
  delivered boolean not null default true,
  fired_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, rule_id, source_kind, source_id),
  foreign key (org_id, rule_id) references alert_rules(org_id, id) on delete cascade,
  foreign key (org_id, case_id) references cases(org_id, id) on delete set null (case_id)
);
create index alerts_quiet on alerts(org_id, rule_id, location_id, fired_at desc) where delivered;

-- In-app notifications (the bell): alerts, case assignments, @mentions, escalations.
create table notifications (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  kind text not null check (kind in ('alert', 'case_assigned', 'mention', 'escalated', 'reply_received', 'digest')),
  alert_id uuid,
  case_id uuid,
  body jsonb not null default '{}',
  read_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade,
  foreign key (org_id, alert_id) references alerts(org_id, id) on delete cascade,
  foreign key (org_id, case_id) references cases(org_id, id) on delete cascade
);
create index notifications_unread on notifications(org_id, user_id, created_at desc) where read_at is null;
create index notifications_user on notifications(org_id, user_id, created_at desc);

-- Action plans: an improvement initiative with an owner, a due date, a target metric (a survey's
-- question) and its locations; the dashboard compares the metric before and after start_date.
create table action_plans (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  title text not null check (char_length(title) between 1 and 300),
  description text not null default '' check (char_length(description) <= 5000),
  status text not null default 'active' check (status in ('planned', 'active', 'done', 'dropped')),
  owner_user_id uuid,
  survey_id uuid,
  question_id uuid,
  -- the target: e.g. NPS from 20 to 35 (in the metric's own units)
  target_value numeric(8, 2),
  location_ids uuid[] not null default '{}',
  root_cause_id uuid,
  start_date date not null,
  due_date date,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, owner_user_id) references users(org_id, id) on delete set null (owner_user_id),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, root_cause_id) references root_causes(org_id, id)
);

-- API keys of the `cases` scope: the closed loop's REST API (cases, alert rules, action plans).
alter table api_keys drop constraint api_keys_scope_check;
alter table api_keys add constraint api_keys_scope_check check (scope in ('ingest', 'read', 'cases'));
