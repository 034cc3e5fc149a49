-- In-store kiosks (issue 10, "In-store kiosk"; docs/kiosk.md): a tablet at a store's exit that asks one
-- survey's first question for one location. The kiosk URL carries a random token; only its SHA-256 is
-- stored. The exit PIN is kept as SHA-256(salt || ':' || pin): it guards leaving the kiosk screen on the
-- tablet (checked on the tablet, offline too), not access to anything on the server.
create table kiosks (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  survey_id uuid not null,
  location_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  token_hash text not null unique,
  pin_salt text not null,
  pin_hash text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  -- the last time the tablet sent answers (null: never)
  last_seen_at timestamptz,
  -- revoked kiosks refuse their page and their answers; the row stays for the record
  revoked_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id) on delete cascade
);
create index kiosks_survey on kiosks(org_id, survey_id, created_at);
