-- Analytics area: rollups no larger than half of the raw answers (docs/analytics.md "Rollups",
-- src/db/rollups/levels.ts). At 10M answers the rollups took 239% of the answers table: the day levels
-- that keep a location held about one row per answer, and every score level one row per score value.
--
-- 1. A score row is now the histogram of its slice: `counts[k]` = answers scored k - 1 (scores are
--    0..10, checked below), one row per (question, time, kept columns, dimension value) instead of up
--    to eleven.
-- 2. No day level keeps location and channel together any more (rollup_scores, rollup_responses), and
--    drivers and choices keep no day level with a location (rollup_drivers_location,
--    rollup_choices_location): the days such a level served (a location and a channel together, the
--    edges of a window for drivers and choices by location) are read from raw answers.
--
-- The tables are emptied: every organisation's rollups are rebuilt by `sarafan start` (a level without
-- rows where there are answers marks them stale; dashboards read raw answers until then).
drop table rollup_scores;
drop table rollup_responses;
drop table rollup_drivers_location;
drop table rollup_choices_location;

-- Existing rows are not checked (NOT VALID); every new answer is. Submissions already validate scores
-- against the question's scale, whose bounds lie in 0..10.
alter table answers add constraint answers_score_range check (score between 0 and 10) not valid;

truncate rollup_scores_compact, rollup_scores_location, rollup_scores_location_block, rollup_scores_location_month,
         rollup_scores_channel, rollup_scores_month;
-- Dropping score also drops the indexes that included it (the *_by_location indexes of 033/034).
alter table rollup_scores_compact drop column score cascade, drop column n,
  add column counts int[] not null check (cardinality(counts) = 11);
alter table rollup_scores_compact add primary key (org_id, question_id, dim_key, dim_value, day);
alter table rollup_scores_location drop column score cascade, drop column n,
  add column counts int[] not null check (cardinality(counts) = 11);
alter table rollup_scores_location add primary key (org_id, question_id, dim_key, dim_value, day, location_id);
alter table rollup_scores_location_block drop column score cascade, drop column n,
  add column counts int[] not null check (cardinality(counts) = 11);
alter table rollup_scores_location_block add primary key (org_id, question_id, dim_key, dim_value, block, location_id);
alter table rollup_scores_location_month drop column score cascade, drop column n,
  add column counts int[] not null check (cardinality(counts) = 11);
alter table rollup_scores_location_month add primary key (org_id, question_id, dim_key, dim_value, month, location_id);
alter table rollup_scores_channel drop column score cascade, drop column n,
  add column counts int[] not null check (cardinality(counts) = 11);
alter table rollup_scores_channel add primary key (org_id, question_id, dim_key, dim_value, day, channel, language);
alter table rollup_scores_month drop column score cascade, drop column n,
  add column counts int[] not null check (cardinality(counts) = 11);
alter table rollup_scores_month add primary key (org_id, question_id, dim_key, dim_value, month, location_id, channel, language);

-- Reads limited to some locations: one index range per location (033's reasoning), now without
-- included columns (a histogram row is one heap fetch for up to eleven former rows).
create index if not exists rollup_scores_location_by_location
  on rollup_scores_location(org_id, question_id, dim_key, dim_value, location_id, day);
create index if not exists rollup_scores_location_block_by_location
  on rollup_scores_location_block(org_id, question_id, dim_key, dim_value, location_id, block);
create index if not exists rollup_scores_location_month_by_location
  on rollup_scores_location_month(org_id, question_id, dim_key, dim_value, location_id, month);
