/**
 * Reading the audit log (docs/audit-log.md): one organisation's events, newest first, in keyset pages, and the
 * actors that appear in it. Days are the organisation's (its time zone), both ends included. A row written
 * before the target's label was kept gets it from the user, survey or location that still exists.
 */
import type { AuditActorKind } from '../../core/audit/actions.ts';
import type { AuditExportEvent } from '../../core/audit/exportTable.ts';
import type { AuditPosition } from '../../core/audit/cursor.ts';
import type { Queryable } from '../connection.ts';

export interface AuditLogSelection {
  from?: string;
  to?: string;
  /** an actor id, or 'system' */
  actor?: string;
  /** an action, or the group of its first part */
  action?: string;
  /** a target id, or words of its label */
  target?: string;
  /** read after this position (the previous page's last row) */
  after?: AuditPosition;
  limit: number;
}

/** An event as stored: what the export writes (AuditExportEvent), with its id, exact position and actor id. */
export interface AuditRow extends Omit<AuditExportEvent, 'at'> {
  id: string;
  /** created_at as PostgreSQL writes it (the cursor's exact position) */
  atText: string;
  at: Date;
  actorId: string | null;
}

/** The selection's events, newest first, at most `limit`. */
export async function listAuditEvents(db: Queryable, orgId: string, s: AuditLogSelection): Promise<AuditRow[]> {
  const { rows } = await db.query(
    `/* listAuditEvents */ select a.id::text as id, a.created_at::text as at_text, a.created_at, a.actor_kind, a.actor_id, a.actor_label,
       a.action, a.target_type, a.target_id, t.label as target_label, a.detail, a.ip, a.user_agent
     from audit_log a
     join orgs o on o.id = a.org_id
     cross join lateral (select coalesce(a.target_label, case a.target_type
         when 'user' then (select u.email from users u where u.org_id = a.org_id and u.id::text = a.target_id)
         when 'survey' then (select sv.name from surveys sv where sv.org_id = a.org_id and sv.id::text = a.target_id)
         when 'location' then (select l.name from locations l where l.org_id = a.org_id and l.id::text = a.target_id)
         when 'api_key' then (select k.name from api_keys k where k.org_id = a.org_id and k.id::text = a.target_id)
       end) as label) t
     where a.org_id = $1
       and ($2::date is null or a.created_at >= $2::date::timestamp at time zone o.timezone)
       and ($3::date is null or a.created_at < ($3::date + 1)::timestamp at time zone o.timezone)
       and ($4::text is null or (case when $4 = 'system' then a.actor_kind = 'system' else a.actor_id::text = $4 end))
       and ($5::text is null or a.action = $5 or split_part(a.action, '.', 1) = $5)
       and ($6::text is null or a.target_id = $6 or strpos(lower(t.label), lower($6)) > 0)
       and ($7::timestamptz is null or (a.created_at, a.id) < ($7::timestamptz, $8::bigint))
     order by a.created_at desc, a.id desc
     limit $9`,
    [orgId, s.from ?? null, s.to ?? null, s.actor ?? null, s.action ?? null, s.target ?? null, s.after?.at ?? null, s.after?.id ?? null, s.limit],
  );
  return rows.map((r) => ({
    id: r.id, atText: r.at_text, at: r.created_at, actorKind: r.actor_kind, actorId: r.actor_id, actorLabel: r.actor_label,
    action: r.action, targetType: r.target_type, targetId: r.target_id, targetLabel: r.target_label, details: r.detail, ip: r.ip, userAgent: r.user_agent,
  }));
}

export interface AuditActorRow {
  kind: AuditActorKind;
  id: string | null;
  /** the latest label the actor had in the log */
  label: string | null;
}

/** Everyone who appears in the organisation's log, by label. */
export async function listAuditActors(db: Queryable, orgId: string): Promise<AuditActorRow[]> {
  const { rows } = await db.query(
    `/* listAuditActors */ select actor_kind as kind, actor_id as id, (array_agg(actor_label order by id desc))[1] as label
     from audit_log where org_id = $1
     group by actor_kind, actor_id
     order by actor_kind = 'system' desc, label`,
    [orgId],
  );
  return rows as AuditActorRow[];
}
