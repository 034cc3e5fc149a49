-- Text analytics in the product (issue 11): the analysis of every open-text answer (sentiment and
-- themes), the organisation's trained sentiment model, and its editable theme dictionary.

-- One row per analysed comment (an answer with text). `source`: 'model' (the org's trained model),
-- 'lexicon' (built-in fallback) or 'manual' (a person's correction: never overwritten by the job, and
-- used as training data). text_md5 and model_at tell the job which rows are out of date.
create table comment_analysis (
  org_id uuid not null,
  response_id uuid not null,
  question_id uuid not null,
  lang text not null,
  sentiment text not null check (sentiment in ('negative','neutral','positive')),
  p real not null,
  source text not null check (source in ('model','lexicon','manual')),
  themes text[] not null default '{}',
  -- md5 of the text analysed: a changed text is analysed again
  text_md5 text not null,
  -- trained_at of the model used (null: lexicon or manual); a newer model re-analyses
  model_at timestamptz,
  analysed_at timestamptz not null default now(),
  corrected_by uuid,
  primary key (org_id, response_id, question_id),
  foreign key (org_id, response_id, question_id) references answers(org_id, response_id, question_id) on delete cascade
);
create index comment_analysis_themes on comment_analysis using gin (themes);
create index comment_analysis_manual on comment_analysis(org_id) where source = 'manual';

-- The organisation's sentiment model (src/core/nlp/modelFile.ts JSON, several MB: text, not jsonb).
create table text_models (
  org_id uuid primary key references orgs(id) on delete cascade,
  model text not null,
  trained_at timestamptz not null default now(),
  n integer not null,
  accuracy real,
  macro_f1 real,
  classes text[] not null
);

-- The organisation's theme dictionary (src/core/nlp/themes.ts ThemeDefinition), seeded from the
-- starter themes on first use (orgs.text_themes_seeded_at).
create table org_themes (
  org_id uuid not null references orgs(id) on delete cascade,
  id text not null check (id ~ '^[a-z0-9_-]{1,64}$'),
  names jsonb not null default '{}',
  terms jsonb not null default '{}',
  position integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (org_id, id)
);

alter table orgs add column text_themes_seeded_at timestamptz;
-- A dictionary change re-analyses the comments analysed before it (not the manual ones).
alter table orgs add column text_themes_changed_at timestamptz;
