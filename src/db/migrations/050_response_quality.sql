-- Data-quality flags stored once per response (src/db/quality/responseFlags.ts, docs/analytics.md
-- "Data validation"): only the responses that are flagged or excluded, kept by the fold, the rebuild and
-- bulk builds. Existing data is filled by the rollup rebuild `sarafan start` runs after a migration
-- (orgRollupsBuilt is false while a survey with responses has no quality_surveys row).
-- No foreign key to responses: its KEY SHARE locks would make exclusions (SELECT ... FOR UPDATE of the
-- response) wait for a running rebuild's refill.
create table response_quality (
  org_id uuid not null references orgs(id) on delete cascade,
  survey_id uuid not null,
  response_id uuid not null,
  submitted_at timestamptz not null,
  flags text[] not null,
  primary key (org_id, response_id)
);
create index response_quality_survey_time on response_quality (org_id, survey_id, submitted_at desc);

-- Per survey, the key of the question fields its stored flags were computed with (qualityRulesKeySql).
create table quality_surveys (
  org_id uuid not null references orgs(id) on delete cascade,
  survey_id uuid not null,
  rules_key text not null,
  primary key (org_id, survey_id)
);

-- duplicate_contact by hidden contact field over the survey's history (QUALITY_RULES.contactFields).
create index responses_hidden_email on responses (org_id, survey_id, lower(hidden ->> 'email'), submitted_at)
  where coalesce(hidden ->> 'email', '') <> '';
create index responses_hidden_phone on responses (org_id, survey_id, lower(hidden ->> 'phone'), submitted_at)
  where coalesce(hidden ->> 'phone', '') <> '';
create index responses_hidden_customer_id on responses (org_id, survey_id, lower(hidden ->> 'customer_id'), submitted_at)
  where coalesce(hidden ->> 'customer_id', '') <> '';
