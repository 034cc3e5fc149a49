-- Analytics area: rollup levels for location, channel and language questions (docs/analytics.md
-- "Rollups"). rollup_scores (day x location x channel x language) has about one row per answer on
-- realistic data (200 stores x 3 channels x 3 languages x 11 scores per day), so every query that
-- needs a location, a channel or a language read as many rows as raw answers. Each level below drops
-- what a class of query does not need; src/db/rollups/levels.ts lists them all, and maintenance
-- (applyResponsesToRollups), rebuild and the bulk build derive their SQL from that list.
--
-- Primary keys follow the existing tables: (org_id, question_id | survey_id, dim_key, dim_value,
-- day | month, …): readers always give the question (survey), one dimension slice and a time range.
-- `month` is the first day of an org-local calendar month; a month row counts exactly the day rows of
-- that month, so whole months of a date window are read from the month level and the partial edge
-- months from the matching day level.

-- Per location, without channel and language, per day (edges of location queries, weekly trends of
-- restricted callers).
create table rollup_scores_location (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, location_id, score)
);

-- Per location, without channel and language, per month (location drill-down, worst-N stores, heat
-- table, restricted callers: ~11 rows per question, store and month).
create table rollup_scores_location_month (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, month, location_id, score)
);

-- Per channel and language, without location, per day (channel/language filters and breakdowns for
-- callers not limited to locations: at most channels x languages x scores rows per day).
create table rollup_scores_channel (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, channel, language, score)
);

-- Everything (location, channel, language) per month: a location and a channel/language together;
-- the partial edge months come from rollup_scores.
create table rollup_scores_month (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, month, location_id, channel, language, score)
);

-- Response counts ("responses" on summary and overview) at the same levels, by the same rules.
create table rollup_responses_location (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, location_id)
);

create table rollup_responses_location_month (
  org_id uuid not null,
  survey_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, month, location_id)
);

create table rollup_responses_channel (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, channel, language)
);

create table rollup_responses_month (
  org_id uuid not null,
  survey_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, month, location_id, channel, language)
);

-- Rebuild sums the derived levels from rollup_responses per survey and day range.
create index rollup_responses_survey on rollup_responses(org_id, survey_id, day);
