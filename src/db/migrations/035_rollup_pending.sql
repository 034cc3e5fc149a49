-- Non-blocking rollup rebuilds (src/db/rollups/rebuildRollups.ts, docs/analytics.md "Rebuild").
-- While an organisation's rollups are rebuilt, submissions and exclusions do not touch its rollup
-- tables: they queue (response, ±1) here, in their own transaction, and the rebuild applies the queue
-- when it ends (src/db/rollups/rollupQueue.ts). `rebuilding` is read by every writer under a
-- shared advisory lock that the rebuild takes exclusively to switch it.
create table rollup_state (
  org_id uuid primary key references orgs(id) on delete cascade,
  rebuilding boolean not null default false,
  changed_at timestamptz not null default now()
);

create table rollup_pending (
  org_id uuid not null references orgs(id) on delete cascade,
  seq bigint generated always as identity,
  response_id uuid not null,
  sign smallint not null check (sign in (-1, 1)),
  created_at timestamptz not null default now(),
  primary key (org_id, seq)
);
