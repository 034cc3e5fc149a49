-- Alerts (issue 13, docs/closed-loop.md "Alerts"): where the evaluation of analysed comments and reviews
-- stopped, per organisation. comment_match rules with themes (and negative_review rules) wait for the text
-- analysis; the `alerts-analysed` job reads what was analysed after the cursor and moves it forward.
create table alert_cursors (
  org_id uuid not null references orgs(id) on delete cascade,
  kind text not null check (kind in ('comments', 'reviews')),
  at timestamptz not null,
  primary key (org_id, kind)
);
-- the bell's list: an alert's notifications are found by alert (the recipients of one alert)
create index notifications_alert on notifications(org_id, alert_id) where alert_id is not null;
-- GET /alerts: newest first
create index alerts_fired on alerts(org_id, fired_at desc);
-- When the alert's delivery (notifications, e-mails, webhook) finished; null on a delivered alert means a
-- failure part-way, which the job's retry completes (notifications are written once per alert and user).
alter table alerts add column notified_at timestamptz;
