-- Partial responses (docs/api.md "Partial responses"): the progress a respondent's page saves after each screen on
-- phones, under the submission's idempotency key, so that a respondent who leaves and comes back continues; the
-- drop-off view (GET /api/v1/surveys/:id/dropoff) reads it. A submission marks its progress finished in the same
-- statement; with the survey's count_partial on, progress abandoned for a day becomes a response marked partial
-- (src/server/jobs/closePartialResponsesJob.ts).
alter table surveys add column count_partial boolean not null default false;
alter table responses add column partial boolean not null default false;
create table response_progress (
  org_id uuid not null,
  survey_id uuid not null,
  idempotency_key text not null,
  location_id uuid,
  -- as sent (`_loc`): a location id or code, for the response the progress may become
  loc_ref text,
  channel text not null,
  language text not null,
  hidden jsonb not null default '{}',
  -- the valid answers so far, typed like answers rows: {"<question key>": {"score": 9}, ...}
  answers jsonb not null default '{}',
  -- the question on the respondent's screen when the progress was last saved
  at_key text,
  -- milliseconds spent on each question's screen: {"<question key>": 5300, ...}
  times jsonb not null default '{}',
  started_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished boolean not null default false,
  -- the response it became (submitted, or kept as partial)
  response_id uuid,
  primary key (org_id, survey_id, idempotency_key),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade,
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id)
);
create index response_progress_abandoned on response_progress(updated_at) where not finished and response_id is null;
