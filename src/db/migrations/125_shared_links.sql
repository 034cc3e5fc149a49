-- Shared links (docs/sharing.md): a read-only view of a survey's report (a ReportDefinition) behind an
-- unguessable, revocable link, with an optional expiry and password, and an iframe-embeddable variant.
-- The token is shown once; only its sha-256 is kept. The link shows what its creator could see when making
-- it: their role and location subtrees are kept with it (null: the whole organisation).
create table shared_links (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- 'view': a dashboard state with its own definition; 'report': a saved report template (report_id)
  kind text not null default 'view' check (kind in ('view', 'report')),
  report_id uuid,
  survey_id uuid not null,
  definition jsonb not null,
  title text not null check (length(title) between 1 and 200),
  lang text not null default 'en' check (lang in ('en', 'ru', 'fa')),
  -- sha-256 (hex) of the token in the address
  token_hash text not null unique,
  created_by uuid not null,
  creator_role text not null,
  location_paths text[],
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  -- argon2id, as users' passwords; null: no password
  password_hash text,
  include_comments boolean not null default false,
  -- origins allowed to frame /p/:token/embed; empty: any https site (docs/sharing.md "Embedding")
  embed_origins text[] not null default '{}',
  revoked_at timestamptz,
  revoked_by uuid,
  last_viewed_at timestamptz,
  view_count integer not null default 0,
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, created_by) references users(org_id, id) on delete cascade,
  check ((kind = 'report') = (report_id is not null))
);
create index shared_links_org_created on shared_links(org_id, created_at desc);
