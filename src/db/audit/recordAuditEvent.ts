/**
 * The one way into the audit log (docs/audit-log.md). Call it with the caller's transaction so the event and
 * the change commit together (or not at all). The details pass the redactor (src/core/audit/redact.ts): no
 * password, token or secret reaches the table. The actor is named at the time (kind and label are kept even
 * after the user or key is gone): a user id, an API key id (a key's principal carries it as `userId`) or null
 * for the application itself.
 */
import type { AuditAction } from '../../core/audit/actions.ts';
import { redactDetails, redactText } from '../../core/audit/redact.ts';
import type { Queryable } from '../connection.ts';

export interface AuditEventInput {
  orgId: string;
  /** a user's or an API key's id; null: the application (jobs, the command line) */
  actorId: string | null;
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  /** how the target reads in the log (a survey's name, a user's e-mail); optional */
  targetLabel?: string | null;
  details?: Record<string, unknown>;
  /** the request's address and user agent, when the event comes from one (src/http/auditRequest.ts) */
  ip?: string | null;
  userAgent?: string | null;
}

/** Appends one event on `db` (the caller's transaction, or the pool for an event of its own). */
export async function recordAuditEvent(db: Queryable, e: AuditEventInput): Promise<void> {
  await db.query(
    `/* recordAuditEvent */ insert into audit_log(org_id, actor_id, actor_kind, actor_label, action, target_type, target_id, target_label, detail, ip, user_agent)
     select $1, $2::uuid,
       case when u.id is not null then 'user' when k.id is not null then 'api_key' else 'system' end,
       coalesce(nullif(u.name, '') || ' <' || u.email || '>', u.email, k.name || ' (' || k.prefix || '…)'),
       $3, $4, $5, $6, $7, $8, $9
     from (select 1) one
     left join users u on u.org_id = $1 and u.id = $2::uuid
     left join api_keys k on k.org_id = $1 and k.id = $2::uuid`,
    [e.orgId, e.actorId, e.action, e.targetType, e.targetId, redactText(e.targetLabel), JSON.stringify(redactDetails(e.details ?? {})), e.ip ?? null, redactText(e.userAgent)],
  );
}
