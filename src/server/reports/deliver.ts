/**
 * @module Report deliveries (docs/reports.md "Delivery"): the scheduler's tick turns due schedules into
 * delivery rows (one per recipient and period, ever), and each delivery is built in its recipient's scope,
 * rendered (HTML with inline charts, PDF attached) and sent at most once:
 *
 * 1. build and render while the row is `queued` (a crash here leaves it queued: the next tick queues it again);
 * 2. `queued -> sending` in its own committed statement (only one worker wins it);
 * 3. SMTP;
 * 4. `sending -> sent | failed`.
 *
 * A process that dies between 2 and 4 leaves `sending`; once older than the lease the tick marks it `unknown`
 * (the message may have arrived) and nothing sends it again unless someone retries it by hand.
 */
import type pg from 'pg';
import { effectiveLocationPaths, isRole, pathInScope, type Principal } from '../../core/access/index.ts';
import type { ReportDefinition } from '../../core/api/reportTemplates.ts';
import { reportWindow } from '../../core/reports/period.ts';
import { expandRecipients, nextRunAt, periodKey, type Addressee } from '../../core/reports/schedule.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import {
  claimDelivery, failQueuedDelivery, finishDelivery, getDelivery, insertDelivery, listStaleQueuedDeliveries, markStuckDeliveriesUnknown,
} from '../../db/reports/deliveries.ts';
import { getRecipientUser, getReport, listScheduleUsers, lockDueSchedules, reportLocationPath, setScheduleNextRun } from '../../db/reports/reports.ts';
import { withTransaction } from '../../db/tx.ts';
import { sendMail } from '../mail/sendMail.ts';
import { reportMailText } from './mailText.ts';
import { buildReport } from './build.ts';
import { renderReportHtml, renderReportPdf } from './render.ts';

export interface ReportRuntime {
  smtpUrl: string | undefined;
  /** The clock schedules are due by (tests move it forward). */
  now: () => Date;
  /**
   * A delivery in `sending` longer than this is taken as lost by a dead process and becomes `unknown`.
   * Longer than any SMTP attempt (nodemailer's timeouts: about 2 minutes).
   */
  leaseSeconds: number;
  /** Called after the delivery is marked `sending`, just before SMTP (instrumentation; the crash test stops a worker here). */
  beforeSmtp?: (deliveryId: string) => Promise<void>;
}

export const DEFAULT_DELIVERY_LEASE_SECONDS = 600;
/** A queued delivery whose job was lost is queued again after this long. */
const STALE_QUEUED_SECONDS = 120;
const SCHEDULES_PER_TICK = 200;

let current: ReportRuntime | null = null;

/** Sets the process's report runtime (the server from its deps; a worker process its own). */
export function setupReports(opts: Partial<ReportRuntime> = {}): ReportRuntime {
  current = {
    smtpUrl: opts.smtpUrl,
    now: opts.now ?? (() => new Date()),
    leaseSeconds: opts.leaseSeconds ?? DEFAULT_DELIVERY_LEASE_SECONDS,
    ...(opts.beforeSmtp ? { beforeSmtp: opts.beforeSmtp } : {}),
  };
  return current;
}

export function reportRuntime(): ReportRuntime {
  return current ?? setupReports({ smtpUrl: process.env.SMTP_URL });
}

/** The definition one addressee gets: a role's user their own location's report. */
export function definitionFor(definition: ReportDefinition, locationId: string | null): ReportDefinition {
  return locationId ? { ...definition, filters: { ...definition.filters, location: locationId } } : definition;
}

/** The days a report built on `day` covers (its rule's window, or the fixed days). */
export function reportDays(definition: ReportDefinition, day: string): { from: string; to: string } {
  return 'rule' in definition.period ? reportWindow(definition.period.rule, day) : definition.period;
}

/** Addressee rows for a run. */
export async function insertDeliveries(
  db: pg.Pool | pg.PoolClient, orgId: string, reportId: string, scheduleId: string | null, addressees: Addressee[],
  period: { key: (a: Addressee) => string; day: string }, requestedBy: string | null,
): Promise<string[]> {
  const ids: string[] = [];
  for (const a of addressees) {
    const id = await insertDelivery(db, {
      orgId, reportId, scheduleId, recipientKey: a.key, email: a.email, userId: a.userId, locationId: a.location?.id ?? null,
      lang: a.lang, periodKey: period.key(a), reportDay: period.day, requestedBy,
    });
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * One scheduler tick: deliveries left in `sending` past the lease become `unknown`; every due schedule gets a
 * delivery per recipient for its period (an existing one is kept) and its next run; the new deliveries and any
 * whose job was lost go to the queue via `enqueue`.
 */
export async function runReportScheduler(pool: pg.Pool, enqueue: (orgId: string, deliveryId: string) => Promise<unknown>, runtime = reportRuntime()): Promise<{ queued: number; unknown: number }> {
  const now = runtime.now();
  const unknown = await markStuckDeliveriesUnknown(pool, runtime.leaseSeconds);
  const created = await withTransaction(pool, async (tx) => {
    const out: Array<{ orgId: string; id: string }> = [];
    const usersByOrg = new Map<string, Awaited<ReturnType<typeof listScheduleUsers>>>();
    for (const s of await lockDueSchedules(tx, now, SCHEDULES_PER_TICK)) {
      let users = usersByOrg.get(s.orgId);
      if (!users) usersByOrg.set(s.orgId, (users = await listScheduleUsers(tx, s.orgId)));
      // The period is the one of the run as scheduled (a run the server missed still belongs to its own period).
      const day = orgToday(s.timeZone, s.nextRunAt);
      const key = periodKey(s.frequency, day);
      const ids = await insertDeliveries(tx, s.orgId, s.reportId, s.id, expandRecipients(s.recipients, users, s.reportLocationPath), { key: () => key, day }, s.createdBy);
      out.push(...ids.map((id) => ({ orgId: s.orgId, id })));
      await setScheduleNextRun(tx, s.orgId, s.id, nextRunAt(s, s.timeZone, now));
    }
    return out;
  });
  const stale = await listStaleQueuedDeliveries(pool, STALE_QUEUED_SECONDS, 500);
  const seen = new Set<string>();
  for (const d of [...created, ...stale]) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    await enqueue(d.orgId, d.id);
  }
  return { queued: seen.size, unknown };
}

/** The principal a delivery is built for: its user (narrowed to the delivery's location), or the report's owner for an address. */
async function recipientPrincipal(pool: pg.Pool, orgId: string, userId: string, locationId: string | null): Promise<Principal | string> {
  const user = await getRecipientUser(pool, orgId, userId);
  if (!user || !isRole(user.role)) return 'the recipient (or, for an address, the report owner) no longer has an active account';
  const paths = effectiveLocationPaths(user.role, user.grantedPaths);
  if (!locationId) return { orgId, userId, role: user.role, locationPaths: paths };
  const path = await reportLocationPath(pool, orgId, locationId);
  if (path === null || !pathInScope({ locationPaths: paths }, path)) return 'the recipient no longer has access to the location';
  return { orgId, userId, role: user.role, locationPaths: [path] };
}

/** Builds, renders and sends one delivery (at most once; see the module comment). Returns its final state. */
export async function sendDelivery(pool: pg.Pool, orgId: string, deliveryId: string, runtime = reportRuntime()): Promise<string> {
  const d = await getDelivery(pool, orgId, deliveryId);
  if (!d || d.status !== 'queued') return d?.status ?? 'gone';
  const report = await getReport(pool, { orgId, locationPaths: null }, d.reportId, { adHoc: true });
  if (!report) return 'gone';
  const as = d.userId ?? report.ownerId;
  const principal = as ? await recipientPrincipal(pool, orgId, as, d.userId ? d.locationId : null) : 'the report has no owner to send it to addresses for';
  if (typeof principal === 'string') {
    await failQueuedDelivery(pool, orgId, deliveryId, principal);
    return 'failed';
  }
  const definition = definitionFor(report.definition, d.userId ? d.locationId : null);
  const model = await buildReport(pool, principal, definition, { today: d.reportDay, audience: 'internal', title: report.name });
  const html = await renderReportHtml(model, d.lang, { charts: 'inline-svg' });
  const pdf = await renderReportPdf(model, d.lang);
  const days = reportDays(definition, d.reportDay);
  const text = reportMailText(d.lang, { name: report.name, from: days.from, to: days.to });

  if (!(await claimDelivery(pool, orgId, deliveryId))) return 'taken';
  await runtime.beforeSmtp?.(deliveryId);
  const messageId = `<report-${deliveryId}.${d.attempts}@sarafan.invalid>`;
  const sent = await sendMail(pool, runtime.smtpUrl, {
    orgId, senderId: null, to: d.email, subject: text.subject, body: text.body, html, messageId,
    attachments: [{ filename: `report-${days.from}-${days.to}.pdf`, content: pdf, contentType: 'application/pdf' }],
  });
  // Without SMTP the outbox is the delivery (as for every other mail); a refused or failed send is `failed`.
  const delivered = sent.emailed || !runtime.smtpUrl;
  await finishDelivery(pool, orgId, deliveryId, delivered
    ? { status: 'sent', error: null, messageId }
    : { status: 'failed', error: 'the SMTP server did not accept the message', messageId: null });
  return delivered ? 'sent' : 'failed';
}
