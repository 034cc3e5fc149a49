-- The organisation's question library (docs/api.md "Question library"): questions saved from the builder with
-- their translations, reused in any survey with the same key and metric so answers stay comparable across
-- surveys. `definition` is a QuestionDef without ids, versions, show-if or "why?" links (src/core/surveys/library.ts).
create table question_library (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  key text not null,
  definition jsonb not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, key),
  foreign key (org_id, created_by) references users(org_id, id) on delete set null (created_by)
);
