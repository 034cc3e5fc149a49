-- Analytics area: compact rollup levels (split from 030 so databases that already applied 030 get them).

-- Compact score rollup: the same counts without location, channel and language. Measured on 250k
-- responses over a year in 200 stores (docs/analytics.md), rollup_scores had about as many rows as
-- there were answers (a store sees each (channel, language, score) about once a day), so an
-- unfiltered summary still read ~1.5M rows. Dashboards without a location/channel/language filter
-- or grouping, for callers not limited to locations, read this table instead: ~11 rows per
-- question, day and dimension value.
create table rollup_scores_compact (
  org_id uuid not null,
  survey_id uuid not null,
  question_id uuid not null,
  day date not null,
  dim_key text not null default '',
  dim_value text not null default '',
  score smallint not null,
  n bigint not null,
  primary key (org_id, question_id, dim_key, dim_value, day, score)
);

-- Compact response counts (no location, channel, language), for the same reason and by the same
-- rules as rollup_scores_compact.
create table rollup_responses_compact (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, day)
);
