-- Analytics area: key-driver and choice rollups (docs/analytics.md "Rollups", src/db/rollups/levels.ts).
--
-- rollup_drivers_*: per (survey, time, kept columns, dimension value, answered set) the sufficient
-- statistics of a correlation matrix over the responses that answered exactly that set of scored
-- questions: `questions` is the sorted array of scored question ids a response answered (its "answered
-- set"), `n` the number of responses, `sums[i]` = sum of the score of questions[i], and `products` the
-- upper triangle, column by column, of sum(score_i * score_j) for i <= j (index j*(j-1)/2 + i, 1-based:
-- (1,1), (1,2), (2,2), (1,3), ...; the diagonal holds the sums of squares). A key-driver request with
-- outcome o and attributes A sums every row whose answered set contains {o} + A (the listwise-complete
-- responses), picking the entries of those questions: the same matrix as the raw computation, for any
-- outcome, attribute list or survey version. Integers, so sums are exact.
--
-- rollup_choices_*: option counts of single- and multi-choice answers per (question, time, kept
-- columns, dimension value, option value).
--
-- Levels as for scores, but no day level with location and channel together: that rare combination
-- reads the month level plus raw answers for the partial months at the window's edges.

create table rollup_drivers_compact (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  dim_key text not null default '',
  dim_value text not null default '',
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, questions)
);
alter table rollup_drivers_compact set (parallel_workers = 0);

create table rollup_drivers_channel (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, channel, language, questions)
);
alter table rollup_drivers_channel set (parallel_workers = 0);

create table rollup_drivers_location (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, location_id, questions)
);
alter table rollup_drivers_location set (parallel_workers = 0);

create table rollup_drivers_location_block (
  org_id uuid not null,
  survey_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, block, location_id, questions)
);
alter table rollup_drivers_location_block set (parallel_workers = 0);

create table rollup_drivers_location_month (
  org_id uuid not null,
  survey_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, month, location_id, questions)
);
alter table rollup_drivers_location_month set (parallel_workers = 0);

create table rollup_drivers_month (
  org_id uuid not null,
  survey_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, month, location_id, channel, language, questions)
);
alter table rollup_drivers_month set (parallel_workers = 0);

create table rollup_choices_compact (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  dim_key text not null default '',
  dim_value text not null default '',
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, value)
);
alter table rollup_choices_compact set (parallel_workers = 0);

create table rollup_choices_channel (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, channel, language, value)
);
alter table rollup_choices_channel set (parallel_workers = 0);

create table rollup_choices_location (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, location_id, value)
);
alter table rollup_choices_location set (parallel_workers = 0);

create table rollup_choices_location_block (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, block, location_id, value)
);
alter table rollup_choices_location_block set (parallel_workers = 0);

create table rollup_choices_location_month (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, month, location_id, value)
);
alter table rollup_choices_location_month set (parallel_workers = 0);

create table rollup_choices_month (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  month date not null check (month = date_trunc('month', month)::date),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, month, location_id, channel, language, value)
);
alter table rollup_choices_month set (parallel_workers = 0);
