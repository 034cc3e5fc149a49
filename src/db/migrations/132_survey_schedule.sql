-- Survey schedules and randomised order (docs/api.md "Schedule", "Random order"): when a survey takes answers, the
-- survey its closed page links to, groups of questions and options shown in a random order per respondent, and the
-- order each respondent was shown, stored with the response ({"<question key>": [option values], "@questions": [keys]}).
alter table surveys add column opens_at timestamptz,
                    add column closes_at timestamptz,
                    add column closed_redirect_slug text,
                    add column random_groups jsonb not null default '[]',
                    add constraint surveys_schedule_order check (closes_at > opens_at);
alter table questions add column randomize_options boolean not null default false;
alter table responses add column display_order jsonb;
