-- Analytics area: reads limited to some locations (a location filter, a region's compare side, a
-- location manager's scope) on the per-location levels of 032. Their primary keys lead with the time
-- column, so a region's weekly trend scanned every store's rows of the year and kept one in ten
-- (250 ms at 1M answers); with location_id before the time column, each location in scope is one
-- index range (15 ms; docs/analytics.md). Day levels include score and n (index-only scans: old days
-- no longer change); month levels do not, so updates of n stay HOT (fillfactor below).
create index rollup_scores_location_by_location
  on rollup_scores_location(org_id, question_id, dim_key, dim_value, location_id, day) include (score, n);
create index rollup_scores_location_month_by_location
  on rollup_scores_location_month(org_id, question_id, dim_key, dim_value, location_id, month);
create index rollup_responses_location_by_location
  on rollup_responses_location(org_id, survey_id, dim_key, dim_value, location_id, day) include (n);
create index rollup_responses_location_month_by_location
  on rollup_responses_location_month(org_id, survey_id, dim_key, dim_value, location_id, month);

-- Month rows are updated by every answer of their month: leave room on each page for HOT updates
-- (n is in no index of these tables).
alter table rollup_scores_location_month set (fillfactor = 90);
alter table rollup_scores_month set (fillfactor = 90);
alter table rollup_responses_location_month set (fillfactor = 90);
alter table rollup_responses_month set (fillfactor = 90);
