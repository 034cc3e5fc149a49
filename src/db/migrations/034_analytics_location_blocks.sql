-- Analytics area: per-location block levels (src/db/rollups/levels.ts). A window such as "last 90
-- days" has partial months at both ends; 032 read them from per-location day rows (up to ~60 days x
-- stores x scores). A block is days 1-7, 8-14, 15-21, 22-28 or 29-end of an org-local month, keyed by
-- its first day (`block`); blocks never cross a month, so an edge month is read as whole blocks plus
-- at most six single days on each side.
create table rollup_scores_location_block (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, block, location_id, score)
);
create index rollup_scores_location_block_by_location
  on rollup_scores_location_block(org_id, question_id, dim_key, dim_value, location_id, block) include (score, n);

create table rollup_responses_location_block (
  org_id uuid not null,
  survey_id uuid not null,
  block date not null check (extract(day from block)::int in (1, 8, 15, 22, 29)),
  location_id uuid not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, block, location_id)
);
create index rollup_responses_location_block_by_location
  on rollup_responses_location_block(org_id, survey_id, dim_key, dim_value, location_id, block) include (n);

-- Dashboard reads of rollups are short index ranges (a few thousand rows); on a small shared machine
-- starting parallel workers for them costs more than it saves (heat table over 90 days at 1M answers:
-- 40 ms with workers, 24 ms without). parallel_workers = 0 keeps rollup tables out of parallel
-- (partial) scans; raw-answer queries still use workers. (A union of several levels can still get a
-- Parallel Append: querySource in src/db/queries/analyticsSource.ts turns that off per read.)
alter table rollup_scores set (parallel_workers = 0);
alter table rollup_scores_compact set (parallel_workers = 0);
alter table rollup_scores_location set (parallel_workers = 0);
alter table rollup_scores_location_block set (parallel_workers = 0);
alter table rollup_scores_location_month set (parallel_workers = 0);
alter table rollup_scores_channel set (parallel_workers = 0);
alter table rollup_scores_month set (parallel_workers = 0);
alter table rollup_responses set (parallel_workers = 0);
alter table rollup_responses_compact set (parallel_workers = 0);
alter table rollup_responses_location set (parallel_workers = 0);
alter table rollup_responses_location_block set (parallel_workers = 0);
alter table rollup_responses_location_month set (parallel_workers = 0);
alter table rollup_responses_channel set (parallel_workers = 0);
alter table rollup_responses_month set (parallel_workers = 0);
