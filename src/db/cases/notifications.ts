/** @module In-app notifications (the bell): written for alerts, assignments, @mentions, escalations, replies. */
import type { Queryable } from '../connection.ts';
import type { NotificationKind } from '../../core/closedLoop/model.ts';

/** One notification per user (duplicates in `userIds` are dropped; users of other organisations are ignored). */
export async function insertNotifications(
  db: Queryable,
  orgId: string,
  userIds: readonly string[],
  n: { kind: NotificationKind; alertId?: string | null; caseId?: string | null; body: Record<string, unknown> },
): Promise<number> {
  if (userIds.length === 0) return 0;
  const { rowCount } = await db.query(
    `/* insertNotifications */ insert into notifications(org_id, user_id, kind, alert_id, case_id, body)
     select $1, u.id, $3, $4, $5, $6 from users u where u.org_id = $1 and u.id = any($2::uuid[]) and not u.disabled`,
    [orgId, [...new Set(userIds)], n.kind, n.alertId ?? null, n.caseId ?? null, JSON.stringify(n.body)],
  );
  return rowCount ?? 0;
}
