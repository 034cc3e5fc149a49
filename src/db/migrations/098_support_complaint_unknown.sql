-- A support contact's complaint flag is unknown (null) when none of its events says whether it is a complaint
-- (docs/support.md: `complaints` is null where the data cannot tell, as `sarafan kpi --json` prints it).
alter table support_contacts alter column is_complaint drop not null;
alter table support_contacts alter column is_complaint drop default;
update support_contacts c set is_complaint = null
 where not c.is_complaint
   and not exists (select 1 from support_events e where e.org_id = c.org_id and e.support_contact_id = c.id and e.is_complaint is not null);
