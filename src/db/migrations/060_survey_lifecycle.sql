-- The survey lifecycle (docs/api.md "Surveys"): earlier public addresses, archiving, and per-organisation branding.

-- Every address a survey had while it could be seen by respondents (live or closed): /s/<old> answers a
-- permanent redirect to the current slug, so printed QR posters keep working. A slug lives in one
-- namespace across both tables (a new survey cannot take an address that still redirects): the writers in
-- src/db/surveys/saveSurvey.ts check this table under the advisory lock SLUG_LOCK.
create table survey_slugs (
  slug text primary key,
  org_id uuid not null,
  survey_id uuid not null,
  created_at timestamptz not null default now(),
  foreign key (org_id, survey_id) references surveys(org_id, id) on delete cascade
);
create index survey_slugs_survey on survey_slugs(org_id, survey_id);

-- Archived surveys are closed, hidden from lists and the overview by default, and keep their answers.
alter table surveys add column archived_at timestamptz;

-- Branding shown on survey pages and posters: an accent colour (#rrggbb) and a PNG or JPEG logo.
alter table orgs add column accent_color text check (accent_color ~ '^#[0-9a-f]{6}$');
alter table orgs add column logo bytea;
alter table orgs add column logo_type text check (logo_type in ('image/png', 'image/jpeg'));
alter table orgs add column logo_updated_at timestamptz;
