-- Website widget (issue 10, docs/widget.md): per survey, the website origins allowed to embed the
-- widget (the CORS allow-list of its public config and submit endpoints; empty = widget off) and its
-- triggers. The frequency policy is the survey's / organisation's contact_gap_days (migration 080).
alter table surveys
  add column widget_origins text[] not null default '{}' check (cardinality(widget_origins) <= 20),
  -- show after this many seconds on a matching page; null = no timer
  add column widget_delay_seconds integer check (widget_delay_seconds between 0 and 3600),
  -- show when the pointer leaves the top of the window (desktop)
  add column widget_exit_intent boolean not null default false,
  -- only pages whose path matches (`*` = any characters); null = every page
  add column widget_url_pattern text check (length(widget_url_pattern) <= 200);
