-- Saved views of the survey dashboard (docs/analytics.md "Saved views"): a name, the survey and the
-- dashboard's query string (filters, period, compare panel state), personal or shared with the
-- organisation; pins are per user (a user pins their own views and shared ones to the home page).
create table saved_views (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  owner_user_id uuid not null,
  survey_id uuid not null,
  name text not null,
  -- the dashboard URL's query string without the leading '?', e.g. 'range=30d&location=…&cmp=periods&aFrom=…'
  query text not null default '',
  shared boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, owner_user_id) references users(org_id, id) on delete cascade,
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);
create index saved_views_org_shared on saved_views(org_id, shared, survey_id);
create index saved_views_owner on saved_views(org_id, owner_user_id);

create table saved_view_pins (
  org_id uuid not null,
  user_id uuid not null,
  view_id uuid not null,
  pinned_at timestamptz not null default now(),
  primary key (org_id, user_id, view_id),
  foreign key (org_id, user_id) references users(org_id, id) on delete cascade,
  foreign key (org_id, view_id) references saved_views(org_id, id) on delete cascade
);
