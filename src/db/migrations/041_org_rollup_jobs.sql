-- Background rebuild of one organisation's rollups after its dimensions or time zone change
-- (src/server/jobs/rebuildOrgRollupsJob.ts). One row per organisation: the latest job.
-- `rerun`: settings changed after the running job read them, so it runs once more when it ends;
-- a row left 'running' by a process that died is restarted at the next start.
create table rollup_jobs (
  org_id uuid primary key references orgs(id) on delete cascade,
  status text not null check (status in ('running', 'done', 'failed')),
  rerun boolean not null default false,
  total integer not null default 0,
  done integer not null default 0,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  error text
);
