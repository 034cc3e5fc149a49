-- Analytics area. Response counts per day as a rollup, so "responses" on the overview and the
-- summary never counts raw rows; plus indexes for the raw-answer fallbacks and data validation.

-- Counts of non-excluded responses per day per (survey, location, channel, language) and per marked
-- dimension value, maintained in the same transaction as rollup_scores (applyResponsesToRollups).
-- dim_key = '' is the base row, as in rollup_scores. The primary key starts with (org_id, survey_id,
-- dim_key, dim_value, day) because every reader filters on survey and one dimension slice, then a
-- day range.
create table rollup_responses (
  org_id uuid not null,
  survey_id uuid not null,
  day date not null,
  location_id uuid not null default '00000000-0000-0000-0000-000000000000',
  channel text not null,
  language text not null,
  dim_key text not null default '',
  dim_value text not null default '',
  n bigint not null,
  primary key (org_id, survey_id, dim_key, dim_value, day, location_id, channel, language)
);

-- Rollup rows with a location: the drill-down joins rollups to locations by location_id; the
-- primary key of rollup_scores has location_id in sixth place, so a breakdown by location of one
-- question reads the (org_id, question_id, '' , '') prefix and groups; no extra index is needed there.

-- Data validation: "duplicate contact" looks for an earlier response of the same contact in the
-- survey. Partial, because most responses carry no contact key.
create index responses_contact on responses(org_id, survey_id, contact_key, submitted_at) where contact_key is not null;
