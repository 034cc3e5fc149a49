-- "Send now" of a dashboard view (docs/reports.md "Send a dashboard view"): the view's definition is kept as an
-- ad-hoc report so that its deliveries follow the same log, at-most-once steps and retry as a saved report's.
-- Ad-hoc reports are not listed with the saved ones and take no schedules or links.
alter table reports add column ad_hoc boolean not null default false;
