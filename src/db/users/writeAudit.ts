/** Appends an audit event inside the caller's transaction, so the event exists exactly when the change does. */
import type { AuditAction } from '../../core/audit/actions.ts';
import { recordAuditEvent } from '../audit/recordAuditEvent.ts';
import type { Queryable } from '../connection.ts';

export interface AuditEvent {
  orgId: string;
  actorId: string | null;
  /** e.g. `location.create`, `user.update`, `org.update` (src/core/audit/actions.ts) */
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  detail?: Record<string, unknown>;
}

/** Inserts one audit_log row on `tx` (through recordAuditEvent: redacted, actor named). */
export async function writeAudit(tx: Queryable, e: AuditEvent): Promise<void> {
  await recordAuditEvent(tx, { ...e, details: e.detail });
}
