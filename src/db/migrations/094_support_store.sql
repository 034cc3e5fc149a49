-- Support operations, storing side (issue 12): what a contact's summary is recomputed from, the
-- import's options and progress, the links from survey invitations and answers to the support contact
-- they follow, and whom an organisation credits with a contact's satisfaction.

-- Each stored event keeps the attributes it carried, so a contact's summary (src/core/support,
-- summariseContact) is recomputed from its stored events alone, whatever order files and API batches
-- arrive in.
alter table support_events
  add column customer_key text check (char_length(customer_key) <= 200),
  add column channel text check (char_length(channel) <= 60),
  add column team text check (char_length(team) <= 200),
  add column location_label text check (char_length(location_label) <= 200),
  add column priority text check (char_length(priority) <= 60),
  add column category text check (char_length(category) <= 200),
  add column subject text check (char_length(subject) <= 1000),
  add column is_complaint boolean;

-- A file import's declared reading (zone, date format, format), its policy on bad rows, the locations
-- the importing user may write (null = the whole organisation), the uploaded file waiting for the job,
-- and progress for the bar (bytes of the file read so far).
alter table support_imports
  add column format text check (format in ('csv', 'xlsx', 'jsonl')),
  add column time_zone text check (char_length(time_zone) <= 64),
  add column date_format text check (char_length(date_format) <= 40),
  add column skip_bad_rows boolean not null default false,
  add column location_paths text[],
  add column upload_path text,
  add column bytes_total bigint,
  add column bytes_read bigint not null default 0,
  add column rows_refused integer not null default 0,
  add column job_id uuid;
create index support_imports_recent on support_imports(org_id, started_at desc);

-- The support contact a survey invitation was triggered by (a `solved` event through the API), and the
-- one an answer follows: through its invitation, or for imported history the same customer's contact
-- solved most recently before the answer, within 7 days (docs/support.md "Surveys after a contact").
alter table survey_invitations add column support_contact_id uuid;
alter table survey_invitations add constraint survey_invitations_support_contact
  foreign key (org_id, support_contact_id) references support_contacts(org_id, id) on delete set null (support_contact_id);
alter table responses add column support_contact_id uuid;
alter table responses add constraint responses_support_contact
  foreign key (org_id, support_contact_id) references support_contacts(org_id, id) on delete set null (support_contact_id);
create index responses_support_contact on responses(org_id, support_contact_id) where support_contact_id is not null;
create index support_contacts_contact on support_contacts(org_id, contact_id, last_solved_at) where contact_id is not null;

-- Who is credited with the satisfaction of the answers that follow a contact: the agent who solved it
-- (default), or the last agent named on it.
alter table orgs add column support_credit text not null default 'solved_by' check (support_credit in ('solved_by', 'last_agent'));
