/** @module The bell: a user's own notifications, the unread count, marking read. */
import type { Queryable } from '../connection.ts';
import type { NotificationKind } from '../../core/closedLoop/model.ts';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  alertId: string | null;
  caseId: string | null;
  body: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

export async function listUserNotifications(db: Queryable, orgId: string, userId: string, opts: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
  const { rows } = await db.query(
    `/* listUserNotifications */ select id, kind, alert_id, case_id, body, read_at, created_at from notifications
      where org_id = $1 and user_id = $2 and ($3::boolean is false or read_at is null)
      order by created_at desc, id limit $4`,
    [orgId, userId, opts.unreadOnly, opts.limit],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, alertId: r.alert_id, caseId: r.case_id, body: r.body, readAt: r.read_at, createdAt: r.created_at }));
}

export async function countUnread(db: Queryable, orgId: string, userId: string): Promise<number> {
  const { rows } = await db.query(
    '/* countUnreadNotifications */ select count(*)::int as n from notifications where org_id = $1 and user_id = $2 and read_at is null',
    [orgId, userId],
  );
  return rows[0].n;
}

/** Marks the user's own notifications read (`ids`, or all with null); another user's ids change nothing. */
export async function markNotificationsRead(db: Queryable, orgId: string, userId: string, ids: readonly string[] | null): Promise<number> {
  const { rowCount } = await db.query(
    `/* markNotificationsRead */ update notifications set read_at = now()
      where org_id = $1 and user_id = $2 and read_at is null and ($3::uuid[] is null or id = any($3::uuid[]))`,
    [orgId, userId, ids],
  );
  return rowCount ?? 0;
}
