/**
 * The report delivery log (docs/reports.md "Delivery"): queued -> sending (committed before SMTP) -> sent | failed;
 * a delivery left in `sending` by a process that died becomes `unknown` and is never sent again by itself.
 */
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryRow {
  id: string;
  orgId: string;
  reportId: string;
  reportName: string;
  scheduleId: string | null;
  recipientKey: string;
  email: string;
  userId: string | null;
  locationId: string | null;
  lang: 'en' | 'ru' | 'fa';
  periodKey: string;
  reportDay: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  messageId: string | null;
  requestedBy: string | null;
  createdAt: Date;
  sendingAt: Date | null;
  finishedAt: Date | null;
}

export interface DeliveryInsert {
  orgId: string;
  reportId: string;
  scheduleId: string | null;
  recipientKey: string;
  email: string;
  userId: string | null;
  locationId: string | null;
  lang: string;
  periodKey: string;
  reportDay: string;
  requestedBy: string | null;
}

const SELECT = `select d.*, to_char(d.report_day, 'YYYY-MM-DD') as report_day_text, r.name as report_name
    from report_deliveries d join reports r on r.org_id = d.org_id and r.id = d.report_id`;

const toDelivery = (r: Record<string, any>): DeliveryRow => ({
  id: r.id, orgId: r.org_id, reportId: r.report_id, reportName: r.report_name, scheduleId: r.schedule_id, recipientKey: r.recipient_key, email: r.email,
  userId: r.user_id, locationId: r.location_id, lang: r.lang, periodKey: r.period_key, reportDay: r.report_day_text, status: r.status,
  attempts: r.attempts, error: r.error, messageId: r.message_id, requestedBy: r.requested_by, createdAt: r.created_at, sendingAt: r.sending_at, finishedAt: r.finished_at,
});

/** Inserts a delivery unless the schedule already has one for this recipient and period; returns its id, or null when it had one. */
export async function insertDelivery(db: Queryable, d: DeliveryInsert): Promise<string | null> {
  const { rows } = await db.query(
    `/* insertReportDelivery */ insert into report_deliveries(org_id, report_id, schedule_id, recipient_key, email, user_id, location_id, lang, period_key, report_day, requested_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (org_id, schedule_id, recipient_key, period_key) where schedule_id is not null do nothing returning id`,
    [d.orgId, d.reportId, d.scheduleId, d.recipientKey, d.email, d.userId, d.locationId, d.lang, d.periodKey, d.reportDay, d.requestedBy],
  );
  return rows[0]?.id ?? null;
}

export async function getDelivery(db: Queryable, orgId: string, id: string): Promise<DeliveryRow | null> {
  const { rows } = await db.query(`/* getReportDelivery */ ${SELECT} where d.org_id = $1 and d.id = $2`, [orgId, id]);
  return rows[0] ? toDelivery(rows[0]) : null;
}

/** The log, newest first, of the reports the caller may see (same rule as listReports). */
export async function listDeliveries(db: Queryable, scope: Scope, f: { reportId?: string; status?: DeliveryStatus; limit: number }): Promise<DeliveryRow[]> {
  const { rows } = await db.query(
    `/* listReportDeliveries */ ${SELECT}
      where d.org_id = $1 and ($2::text[] is null or (r.location_path is not null and r.location_path like any($2::text[])))
        and ($3::uuid is null or d.report_id = $3) and ($4::text is null or d.status = $4)
      order by d.created_at desc, d.id limit $5`,
    [scope.orgId, scope.locationPaths === null ? null : scope.locationPaths.map((p) => `${p}%`), f.reportId ?? null, f.status ?? null, f.limit],
  );
  return rows.map(toDelivery);
}

/** queued -> sending, committed on its own before the message goes to SMTP. False when another worker took it or it is done. */
export async function claimDelivery(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* claimReportDelivery */ update report_deliveries set status = 'sending', attempts = attempts + 1, sending_at = now(), error = null
      where org_id = $1 and id = $2 and status = 'queued'`,
    [orgId, id],
  );
  return rowCount === 1;
}

export async function finishDelivery(db: Queryable, orgId: string, id: string, outcome: { status: 'sent' | 'failed'; error: string | null; messageId: string | null }): Promise<void> {
  await db.query(
    `/* finishReportDelivery */ update report_deliveries set status = $3, error = $4, message_id = coalesce($5, message_id), finished_at = now()
      where org_id = $1 and id = $2 and status = 'sending'`,
    [orgId, id, outcome.status, outcome.error, outcome.messageId],
  );
}

/** A delivery that could not be built (before any SMTP attempt): failed with the reason, straight from queued. */
export async function failQueuedDelivery(db: Queryable, orgId: string, id: string, error: string): Promise<void> {
  await db.query(
    `/* failQueuedReportDelivery */ update report_deliveries set status = 'failed', error = $3, attempts = attempts + 1, finished_at = now()
      where org_id = $1 and id = $2 and status = 'queued'`,
    [orgId, id, error],
  );
}

/** Deliveries in `sending` for over `leaseSeconds` (database time): their process died between the claim and the record; the outcome is unknown. */
export async function markStuckDeliveriesUnknown(db: Queryable, leaseSeconds: number): Promise<number> {
  const { rowCount } = await db.query(
    `/* markStuckReportDeliveriesUnknown */ update report_deliveries set status = 'unknown', finished_at = now(),
            error = 'the sending process stopped before it recorded the outcome; the message may have been delivered'
      where status = 'sending' and sending_at <= now() - make_interval(secs => $1)`,
    [leaseSeconds],
  );
  return rowCount ?? 0;
}

/** Deliveries queued for over `seconds` (their job was lost, or its process died while building): sent to the queue again. */
export async function listStaleQueuedDeliveries(db: Queryable, seconds: number, limit: number): Promise<Array<{ orgId: string; id: string }>> {
  const { rows } = await db.query(
    `/* listStaleQueuedReportDeliveries */ select org_id, id from report_deliveries where status = 'queued' and queued_at <= now() - make_interval(secs => $1) order by queued_at limit $2`,
    [seconds, limit],
  );
  return rows.map((r) => ({ orgId: r.org_id, id: r.id }));
}

/** Manual retry of a failed or unknown delivery: back to queued. False when it is in another state. */
export async function requeueDelivery(db: Queryable, orgId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* requeueReportDelivery */ update report_deliveries set status = 'queued', error = null, finished_at = null, queued_at = now()
      where org_id = $1 and id = $2 and status in ('failed', 'unknown')`,
    [orgId, id],
  );
  return rowCount === 1;
}
