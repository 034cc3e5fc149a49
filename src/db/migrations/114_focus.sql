-- Focus groups and key-client debriefs (docs/staff.md "Focus groups and key-client debriefs"): participants
-- are recorded by role and count; a participant's name only where the session asks for it (names_allowed),
-- and the API refuses names when it is off.
alter table focus_sessions add column names_allowed boolean not null default false;
create index focus_findings_plan on focus_findings(org_id, action_plan_id) where action_plan_id is not null;
