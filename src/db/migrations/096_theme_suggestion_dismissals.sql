-- Theme suggestions an analyst dismissed (docs/comments.md, "Suggested themes"): a later suggestion of
-- the same language sharing at least two of its three key stems stays hidden (src/core/nlp/themeSuggestions.ts).
-- `key` is `lang:stem stem stem`, as the suggestions API returns it.
create table theme_suggestion_dismissals (
  org_id uuid not null references orgs(id) on delete cascade,
  key text not null check (length(key) <= 400),
  dismissed_by uuid,
  dismissed_at timestamptz not null default now(),
  primary key (org_id, key)
);
