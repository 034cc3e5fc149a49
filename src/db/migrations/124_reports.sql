-- Report templates, their schedules and the delivery log (docs/reports.md).
create table reports (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  -- src/core/api/reports.ts ReportDefinitionSchema
  definition jsonb not null,
  -- the location the definition's filters name (null: the whole organisation); scope checks read it
  location_path text,
  owner_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, owner_id) references users(org_id, id) on delete set null (owner_id)
);

create table report_schedules (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  report_id uuid not null,
  frequency text not null check (frequency in ('daily', 'weekly', 'monthly')),
  -- ISO day of week (1 = Monday) for weekly schedules, day of month (1-31; a shorter month runs on its last day) for monthly
  day_of_week smallint check (day_of_week between 1 and 7),
  day_of_month smallint check (day_of_month between 1 and 31),
  -- hour in the organisation's time zone
  hour smallint not null check (hour between 0 and 23),
  -- [{kind:'user', userId, lang?} | {kind:'role', role, lang?} | {kind:'email', email, lang}] (src/core/reports/schedule.ts)
  recipients jsonb not null,
  enabled boolean not null default true,
  next_run_at timestamptz not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, report_id) references reports(org_id, id) on delete cascade,
  check ((frequency = 'weekly') = (day_of_week is not null)),
  check ((frequency = 'monthly') = (day_of_month is not null))
);
create index report_schedules_due on report_schedules(next_run_at) where enabled;

create table report_deliveries (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  report_id uuid not null,
  -- null for "send now"
  schedule_id uuid,
  -- stable per recipient: user:<id>, user:<id>@<locationId> (a role's user, their own location), email:<address>
  recipient_key text not null,
  email text not null,
  user_id uuid,
  -- the location the recipient's report is filtered to (a role's user)
  location_id uuid,
  lang text not null check (lang in ('en', 'ru', 'fa')),
  -- daily: 2026-03-08, weekly: 2026-W10, monthly: 2026-03; send now: now:<uuid>
  period_key text not null,
  -- the organisation's day the report is built for (its period rule reads the window from it)
  report_day date not null,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'unknown')),
  attempts int not null default 0,
  error text,
  message_id text,
  requested_by uuid,
  created_at timestamptz not null default now(),
  -- when it was (last) queued: at creation, and by a manual retry
  queued_at timestamptz not null default now(),
  sending_at timestamptz,
  finished_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, report_id) references reports(org_id, id) on delete cascade,
  foreign key (org_id, schedule_id) references report_schedules(org_id, id) on delete set null (schedule_id)
);
-- One period is never sent twice to one recipient of a schedule.
create unique index report_deliveries_once on report_deliveries(org_id, schedule_id, recipient_key, period_key) where schedule_id is not null;
create index report_deliveries_by_report on report_deliveries(org_id, report_id, created_at desc);
create index report_deliveries_sending on report_deliveries(status) where status in ('queued', 'sending');
