-- Reviews analysed like comments (issue 11, docs/reviews.md "Sentiment and themes"): themes matched with the
-- organisation's dictionary (org_themes) by the same `analyse-comments` job that sets the sentiment, and what
-- the job needs to re-analyse a review when the organisation's model or dictionary changes. A review's text is
-- never edited (a changed text is a new review), so no text hash is kept.
alter table reviews
  add column themes text[] not null default '{}',
  -- trained_at of the model that set the sentiment (null: lexicon or manual); a newer model re-analyses
  add column model_at timestamptz,
  -- when the job last analysed the review (null: never, e.g. analysed before this migration: themes missing);
  -- a dictionary change after it re-matches the themes
  add column analysed_at timestamptz,
  -- who set a 'manual' sentiment (PATCH /reviews/:id/sentiment); manual sentiments are training data
  add column corrected_by uuid;
create index reviews_themes on reviews using gin (themes);
create index reviews_manual on reviews(org_id) where sentiment_source = 'manual';
-- The sweep looks for never-analysed reviews with text.
create index reviews_unanalysed on reviews(org_id) where analysed_at is null and btrim(text) <> '';
