-- Reviews from platforms and social networks (issue 11, "Reviews"): imported from CSV / XLSX / JSON
-- lines, de-duplicated by a content hash, with a rating trend per source and location. The sentiment
-- columns stay null until the text pipeline (src/core/nlp) fills them.
create table reviews (
  org_id uuid not null references orgs(id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  -- google, yandex_maps, 2gis, instagram, app_store, ... (free text, lower-cased at import)
  source text not null check (char_length(source) between 1 and 40),
  external_id text check (char_length(external_id) <= 200),
  url text check (char_length(url) <= 2000),
  author text check (char_length(author) <= 200),
  -- the rating as the platform gave it, on 1..rating_scale (5 stars or a 10-point scale); null when
  -- the platform has none (a comment on a social network)
  rating numeric(4, 2),
  rating_scale smallint check (rating_scale in (5, 10)),
  text text not null default '' check (char_length(text) <= 20000),
  -- en, ru, fa, ... when the file says so (the text pipeline detects it otherwise)
  language text check (char_length(language) <= 10),
  location_id uuid,
  published_at timestamptz not null,
  imported_at timestamptz not null default now(),
  -- SHA-256 (hex) of source + external id when given, else of source + author + date + normalised text
  -- (src/core/reviews/dedupe.ts): re-importing the same file adds nothing
  content_hash text not null,
  sentiment text check (sentiment in ('negative', 'neutral', 'positive')),
  sentiment_p real check (sentiment_p between 0 and 1),
  sentiment_source text check (sentiment_source in ('model', 'lexicon', 'manual')),
  primary key (org_id, id),
  foreign key (org_id, location_id) references locations(org_id, id) on delete set null (location_id),
  check ((rating is null) = (rating_scale is null)),
  check (rating is null or (rating >= 1 and rating <= rating_scale))
);
create unique index reviews_content_hash on reviews(org_id, content_hash);
-- The list (newest first, keyset by published_at, id) and the monthly trend read this one.
create index reviews_published on reviews(org_id, published_at desc, id desc);
create index reviews_location on reviews(org_id, location_id, published_at) where location_id is not null;
