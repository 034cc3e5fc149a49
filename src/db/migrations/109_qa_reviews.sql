-- Quality reviews of support contacts and calibration (docs/audits.md "Quality reviews of support contacts",
-- "Calibration"). A review of a contact entered by hand keeps what was reviewed (the subject); a calibration
-- session scores one checklist version, so every reviewer sees the same items; each listed reviewer scores
-- a session once.
alter table audit_visits add column subject text check (char_length(subject) <= 20000);
alter table audit_calibrations add column checklist_version integer;
alter table audit_calibrations add column closed_at timestamptz;
create unique index audit_visits_calibration_reviewer on audit_visits(org_id, calibration_id, auditor_id) where calibration_id is not null;
create index audit_visits_contact on audit_visits(org_id, support_contact_id) where support_contact_id is not null;
