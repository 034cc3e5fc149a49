-- Analytics area: raw reads limited to some locations (docs/analytics.md "Which source answers a
-- request"). Since 134 the days no rollup level keeps with a location (the edge days of drivers and
-- choices by location, the edges of a location with a channel) are read from raw answers and
-- responses; through answers_question_time / responses_survey_time that scanned every store's rows of
-- those days to keep a region's tenth (10M answers: 70-85 ms for a region over 90 days). With the
-- location first, each location in scope is one index range of its own rows.
create index if not exists answers_location_time on answers(org_id, location_id, submitted_at);
create index if not exists responses_location_time on responses(org_id, location_id, submitted_at);
