/** Appends an audit event inside the caller's transaction, so the event exists exactly when the change does. */
import type { Queryable } from '../connection.ts';

export interface AuditEvent {
  orgId: string;
  actorId: string | null;
  /** e.g. `location.create`, `user.update`, `org.update` */
  action: string;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

/** Inserts one audit_log row on `tx`. */
export async function writeAudit(tx: Queryable, e: AuditEvent): Promise<void> {
  await tx.query(
    `/* writeAudit */ insert into audit_log(org_id, actor_id, action, target_type, target_id, detail) values ($1, $2, $3, $4, $5, $6)`,
    [e.orgId, e.actorId, e.action, e.targetType, e.targetId, JSON.stringify(e.detail ?? {})],
  );
}
