/**
 * @module Firing one alert (docs/closed-loop.md "Alerts"): the quiet period (read and written under a lock
 * per rule and location), the alert row once per (rule, source), the case when the rule opens one, then
 * delivery: in-app notifications, e-mail in each recipient's language, and the signed `alert.triggered`
 * webhook. A rule that opens cases opens one per source, before the alert is recorded with it. A delivery that
 * failed part-way is finished by the job's retry (alerts.notified_at; notifications once per user, e-mails at
 * least once). An alert held back by the quiet period is recorded with delivered = false and sent nowhere.
 */
import type pg from 'pg';
import { deliverAfterQuiet, roleRecipients } from '../../core/closedLoop/alertRules.ts';
import type { AlertSourceKind, CaseChannel, CaseSourceKind } from '../../core/closedLoop/model.ts';
import { effectiveLocationPaths, isRole } from '../../core/access/index.ts';
import {
  findSourceAlert, insertAlert, insertAlertNotifications, lastDeliveredAt, listRecipientUsers, lockRuleLocation, markAlertNotified,
} from '../../db/alerts/alerts.ts';
import type { AlertRuleRow } from '../../db/alerts/alertRules.ts';
import { createDeliveries } from '../../db/integrations/webhooks.ts';
import { withTransaction } from '../../db/tx.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { deliverWebhookJob } from '../integrations/deliverWebhookJob.ts';
import { sendMail } from '../mail/sendMail.ts';
import { openCase } from '../cases/commands/openCase.ts';
import { alertMail } from './messages.ts';

/** What the process gives alert delivery: SMTP (else the outbox), the dashboard's address for links, the clock. */
export interface AlertRuntime {
  smtpUrl: string | undefined;
  publicUrl: string;
  now: () => Date;
}

let runtime: AlertRuntime | null = null;

/** Set by the server at start (src/server/app.ts); jobs without a server read the environment. */
export function setupAlerts(opts: Partial<AlertRuntime>): AlertRuntime {
  runtime = {
    smtpUrl: opts.smtpUrl,
    publicUrl: (opts.publicUrl ?? process.env.SARAFAN_PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, ''),
    now: opts.now ?? (() => new Date()),
  };
  return runtime;
}

export function alertRuntime(): AlertRuntime {
  return runtime ?? setupAlerts({ smtpUrl: process.env.SMTP_URL });
}

/** The event an alert is about. */
export interface AlertEvent {
  sourceKind: AlertSourceKind;
  sourceId: string;
  locationId: string | null;
  locationName: string | null;
  locationPath: string | null;
  summary: Record<string, unknown>;
  /** What a case opened by the rule records; null when the event cannot open one. */
  case: {
    title: string;
    description: string;
    channel: CaseChannel;
    source: { kind: CaseSourceKind; id: string } | null;
    contactId?: string | null;
    customerName?: string | null;
    customerEmail?: string | null;
    triggerScore?: number | null;
    triggerMetric?: string | null;
  } | null;
  /** The source's own page in the dashboard (a response), for messages when no case was opened. */
  sourcePath: string | null;
}

export interface FiredAlert {
  alertId: string;
  delivered: boolean;
  caseId: string | null;
}

/** Fires `rule` on `event` once; null when this source already fired the rule. */
export async function fireAlert(pool: pg.Pool, queue: JobQueue, orgId: string, rule: AlertRuleRow, event: AlertEvent): Promise<FiredAlert | null> {
  const rt = alertRuntime();
  const now = rt.now();
  const earlier = await findSourceAlert(pool, orgId, rule.id, event.sourceKind, event.sourceId);
  if (earlier) {
    // A run that failed part-way through the delivery (this is the job's retry): finish it, within a day.
    if (earlier.delivered && !earlier.notifiedAt && now.getTime() - earlier.firedAt.getTime() < 86_400_000) {
      await deliver(pool, queue, orgId, rule, event, { alertId: earlier.id, caseId: earlier.caseId, caseNumber: earlier.caseNumber, firedAt: earlier.firedAt });
    }
    return null;
  }
  // The case first (openCase gives a source one case however often it is called), so the alert is
  // recorded with its case in one step.
  let opened: { id: string; number: number } | null = null;
  if (rule.opensCase && event.case) {
    opened = await openCase(pool, {
      orgId, title: event.case.title, description: event.case.description, priority: rule.casePriority, channel: event.case.channel,
      source: event.case.source, alertRuleId: rule.id, contactId: event.case.contactId ?? null, customerName: event.case.customerName ?? null,
      customerEmail: event.case.customerEmail ?? null, locationId: event.locationId, triggerScore: event.case.triggerScore ?? null,
      triggerMetric: event.case.triggerMetric ?? null, now,
    });
  }
  const caseId = opened?.id ?? null;
  const caseNumber = opened?.number ?? null;
  const recorded = await withTransaction(pool, async (tx) => {
    await lockRuleLocation(tx, rule.id, event.locationId);
    const delivered = deliverAfterQuiet(rule.quietMinutes, await lastDeliveredAt(tx, orgId, rule.id, event.locationId), now);
    const id = await insertAlert(tx, orgId, {
      ruleId: rule.id, sourceKind: event.sourceKind, sourceId: event.sourceId, locationId: event.locationId, summary: event.summary, delivered, firedAt: now, caseId,
    });
    return id ? { id, delivered } : null;
  });
  if (!recorded) return null;
  if (recorded.delivered) await deliver(pool, queue, orgId, rule, event, { alertId: recorded.id, caseId, caseNumber, firedAt: now });
  else await markAlertNotified(pool, orgId, recorded.id);
  return { alertId: recorded.id, delivered: recorded.delivered, caseId };
}

async function deliver(
  pool: pg.Pool,
  queue: JobQueue,
  orgId: string,
  rule: AlertRuleRow,
  event: AlertEvent,
  a: { alertId: string; caseId: string | null; caseNumber: number | null; firedAt: Date },
) {
  const rt = alertRuntime();
  const users = await listRecipientUsers(pool, orgId);
  const byRole = roleRecipients(
    rule.recipients.locationRoles,
    users.map((u) => ({ id: u.id, role: u.role, locationPaths: isRole(u.role) ? effectiveLocationPaths(u.role, u.grantedPaths) : [] })),
    event.locationPath,
  );
  const userIds = new Set([...rule.recipients.userIds, ...byRole]);
  const recipients = users.filter((u) => userIds.has(u.id));
  const body = {
    ruleId: rule.id, ruleName: rule.name, trigger: rule.trigger, location: event.locationName, summary: event.summary,
    sourceKind: event.sourceKind, sourceId: event.sourceId, caseNumber: a.caseNumber,
  };
  await insertAlertNotifications(pool, orgId, a.alertId, a.caseId, recipients.map((u) => u.id), body);

  const path = a.caseId ? `/app/cases/${a.caseId}` : event.sourcePath;
  const mailInput = {
    trigger: rule.trigger, ruleName: rule.name, locationName: event.locationName, summary: event.summary, caseNumber: a.caseNumber,
    link: path ? rt.publicUrl + path : null, caseLink: a.caseId !== null,
  };
  const author = users.find((u) => u.id === rule.createdBy);
  const mails = [
    ...recipients.map((u) => ({ to: u.email, lang: u.locale })),
    ...rule.recipients.emails.filter((e) => !recipients.some((u) => u.email.toLowerCase() === e.toLowerCase())).map((e) => ({ to: e, lang: author?.locale ?? 'en' })),
  ];
  for (const m of mails) {
    const { subject, body: text } = alertMail(m.lang, mailInput);
    await sendMail(pool, rt.smtpUrl, { orgId, senderId: null, to: m.to, subject, body: text });
  }

  if (rule.recipients.webhook) {
    const payload = {
      type: 'alert.triggered',
      timestamp: a.firedAt.toISOString(),
      data: {
        alertId: a.alertId, rule: { id: rule.id, name: rule.name, trigger: rule.trigger },
        source: { kind: event.sourceKind, id: event.sourceId },
        location: event.locationId ? { id: event.locationId, name: event.locationName } : null,
        summary: event.summary, caseId: a.caseId, caseNumber: a.caseNumber, firedAt: a.firedAt.toISOString(),
      },
    };
    for (const deliveryId of await createDeliveries(pool, orgId, 'alert.triggered', a.alertId, payload)) await queue.send(deliverWebhookJob, { orgId, deliveryId });
  }
  await markAlertNotified(pool, orgId, a.alertId);
}
