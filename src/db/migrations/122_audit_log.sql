-- The audit log (docs/audit-log.md): who did what and when. The table exists since 001; this adds who the
-- actor was at the time (kind and a label kept even after the user or key is gone), a label for the target,
-- the request's address and user agent, an index for the newest-first page, and makes the log append-only:
-- no UPDATE ever, and DELETE only from the documented retention prune (src/db/audit/pruneAuditLog.ts), which
-- sets `sarafan.audit_prune` for its own transaction. (TRUNCATE, used by a backup restore, fires no row trigger.)
alter table audit_log
  add column actor_kind text not null default 'system' check (actor_kind in ('user', 'api_key', 'system')),
  add column actor_label text,
  add column target_label text,
  add column ip text,
  add column user_agent text;

-- Rows written before this migration: name the actor from what still exists.
update audit_log a set actor_kind = 'user', actor_label = u.name || ' <' || u.email || '>'
  from users u where u.org_id = a.org_id and u.id = a.actor_id;
update audit_log a set actor_kind = 'api_key', actor_label = k.name || ' (' || k.prefix || '…)'
  from api_keys k where k.org_id = a.org_id and k.id = a.actor_id and a.actor_kind = 'system';

create index audit_log_newest on audit_log(org_id, created_at desc, id desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('sarafan.audit_prune', true) = 'on' then
    return old;
  end if;
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end $$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
