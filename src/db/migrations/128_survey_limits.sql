-- Exact response limits and quotas (docs/api.md "Limits and quotas"): the survey's settings, and one counter row per
-- limit (the response limit, a quota, a quota's store) that a submission increments in its own transaction, so
-- concurrent submissions never store more than the limit. Rows are created on first use.
alter table surveys add column response_limit integer check (response_limit > 0),
                    add column quotas jsonb not null default '[]';
create table survey_counters (
  org_id uuid not null,
  survey_id uuid not null,
  counter text not null,
  n integer not null default 0,
  primary key (org_id, survey_id, counter),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);
