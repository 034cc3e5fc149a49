-- Analytics area: key drivers by location per day again, base rows only (src/db/rollups/levels.ts).
-- 134 dropped this level, so a region's drivers over a window read its edge days from raw answers,
-- computing each response's moments (10M answers: 67 ms for a region over 90 days, most of it those
-- few days). Without the dimension rows the level is about a sixth of its old size (one row per
-- store, day and answered set); drivers by location with a dimension still read the edge days raw.
create table rollup_drivers_location (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  location_id uuid not null,
  dim_key text not null default '' check (dim_key = ''),
  dim_value text not null default '' check (dim_value = ''),
  questions uuid[] not null,
  n bigint not null,
  sums bigint[] not null,
  products bigint[] not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, location_id, questions)
);
alter table rollup_drivers_location set (parallel_workers = 0);
