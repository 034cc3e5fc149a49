-- Loyalty answers kept until the data changes (docs/store-economics.md "Loyalty economics"): every
-- transactions import (and the demo loader) bumps the organisation's loyalty data version and drops its
-- snapshots; an answer is computed once per (org, kind, normalised parameters, caller's location scope,
-- data version, time zone, NPS answers fingerprint) and read back while all of them still match.
alter table orgs add column loyalty_data_version bigint not null default 0;

create table loyalty_snapshots (
  org_id uuid not null references orgs(id) on delete cascade,
  -- 'summary' or 'nps-value' (the what-if reads 'nps-value')
  kind text not null,
  -- the request's normalised parameters (from, to, location, period)
  params text not null,
  -- the caller's location scope: '*' for the whole organisation, else its sorted location paths
  scope text not null,
  data_version bigint not null,
  time_zone text not null,
  -- the latest NPS answers of the customers the answer groups by ('' for the summary)
  nps_fingerprint text not null default '',
  answer jsonb not null,
  computed_at timestamptz not null default now(),
  primary key (org_id, kind, params, scope, data_version, time_zone, nps_fingerprint)
);
