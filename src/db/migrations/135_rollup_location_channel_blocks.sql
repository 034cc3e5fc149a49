-- Analytics area: block levels with location, channel and language (src/db/rollups/levels.ts). Since
-- 134 no day level keeps a location and a channel together, so a window cut by months (a region and a
-- channel over the last 90 days) read the partial months at its edges (up to about 60 days) from raw
-- answers. These levels bound that to at most six days per side. They keep only the base rows
-- (dim_key = ''): with the dimension rows they would have been the largest levels; a request that
-- adds a dimension to a location and a channel reads its edge months raw, as before.
create table rollup_scores_block (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '' check (dim_key = ''),
  dim_value text not null default '' check (dim_value = ''),
  counts int[] not null check (cardinality(counts) = 11),
  primary key (org_id, question_id, dim_key, dim_value, block, location_id, channel, language)
);
alter table rollup_scores_block set (parallel_workers = 0);

create table rollup_responses_block (
  org_id uuid not null,
  survey_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '' check (dim_key = ''),
  dim_value text not null default '' check (dim_value = ''),
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, block, location_id, channel, language)
);
alter table rollup_responses_block set (parallel_workers = 0);

create table rollup_drivers_block (
  org_id uuid not null,
  survey_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '' check (dim_key = ''),
  dim_value text not null default '' check (dim_value = ''),
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, block, location_id, channel, language, questions)
);
alter table rollup_drivers_block set (parallel_workers = 0);

create table rollup_choices_block (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  channel text not null,
  language text not null,
  dim_key text not null default '' check (dim_key = ''),
  dim_value text not null default '' check (dim_value = ''),
  value text not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, block, location_id, channel, language, value)
);
alter table rollup_choices_block set (parallel_workers = 0);
