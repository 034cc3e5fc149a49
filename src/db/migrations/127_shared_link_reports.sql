-- A shared link to a saved report (docs/sharing.md "Links to a saved report"): it shows the report's current
-- definition, and goes with the report when the report is deleted.
alter table shared_links add foreign key (org_id, report_id) references reports(org_id, id) on delete cascade;
