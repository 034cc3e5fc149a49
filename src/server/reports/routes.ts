/**
 * Reports API (docs/api.md "Reports", docs/reports.md): report templates, their schedules, "send now", the
 * PDF, and the delivery log with manual retry. Reading needs `metrics.read`, changing and sending
 * `report.manage`. A caller limited to locations sees the reports of a location inside their subtrees only
 * (another's is a 404) and must give one of them when creating a report.
 */
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditActor } from '../../http/auditRequest.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { pathInScope, scopeOf, type Principal } from '../../core/access/index.ts';
import {
  DeliveriesQuery, PdfQuery, ReportBody, ReportPatchBody, ScheduleBody, SchedulePatchBody, SendNowBody, SendViewBody,
  type DeliveriesAnswer, type DeliveryAnswer, type RecipientInput, type ReportAnswer, type ReportDefinition, type ReportRecipientsAnswer, type ReportsAnswer,
  type ScheduleAnswer, type SchedulesAnswer, type SendNowAnswer,
} from '../../core/api/reportTemplates.ts';
import { languageOr } from '../../core/i18n/languages.ts';
import { localize } from '../../core/surveys/localize.ts';
import { expandRecipients, nextRunAt, type ScheduleRecipient } from '../../core/reports/schedule.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { DomainError } from '../../core/errors.ts';
import type { Queryable } from '../../db/connection.ts';
import { getDelivery, listDeliveries, requeueDelivery, type DeliveryRow } from '../../db/reports/deliveries.ts';
import {
  deleteReport, deleteSchedule, getReport, getSchedule, insertReport, insertSchedule, listReports, listScheduleUsers, listSchedules,
  orgTimeZone, reportLocationPath, reportSurveyExists, updateReport, updateSchedule, type ReportRow, type ScheduleRow,
} from '../../db/reports/reports.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { listUsers } from '../../db/users/listUsers.ts';
import { withTransaction } from '../../db/tx.ts';
import type { AppDeps } from '../../http/deps.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { insertDeliveries } from './deliver.ts';
import { sendReportJob } from './reportJobs.ts';
import { buildReport } from './build.ts';
import { renderReportPdf } from './render.ts';

const presentReport = (r: ReportRow): ReportAnswer => ({
  id: r.id, name: r.name, definition: r.definition, ownerId: r.ownerId, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

const presentSchedule = (s: ScheduleRow): ScheduleAnswer => ({
  id: s.id, reportId: s.reportId, frequency: s.frequency, dayOfWeek: s.dayOfWeek, dayOfMonth: s.dayOfMonth, hour: s.hour,
  recipients: s.recipients as RecipientInput[], enabled: s.enabled, nextRunAt: s.nextRunAt.toISOString(),
});

const presentDelivery = (d: DeliveryRow): DeliveryAnswer => ({
  id: d.id, reportId: d.reportId, reportName: d.reportName, scheduleId: d.scheduleId, email: d.email, lang: d.lang, periodKey: d.periodKey,
  reportDay: d.reportDay, status: d.status, attempts: d.attempts, error: d.error, createdAt: d.createdAt.toISOString(), finishedAt: d.finishedAt?.toISOString() ?? null,
});

/** The path of the definition's location, checked against the caller's scope (a limited caller must name one of theirs). */
async function definitionLocation(db: Queryable, principal: Principal, definition: ReportDefinition): Promise<string | null> {
  if (!(await reportSurveyExists(db, principal.orgId, definition.surveyId))) throw invalid('definition.surveyId: no such survey', { field: 'definition.surveyId' });
  const locationId = definition.filters.location;
  if (!locationId) {
    if (principal.locationPaths !== null) throw invalid('definition.filters.location: choose one of your locations', { field: 'definition.filters.location' });
    return null;
  }
  const path = await reportLocationPath(db, principal.orgId, locationId);
  if (path === null || !pathInScope(principal, path)) throw invalid('definition.filters.location: no such location', { field: 'definition.filters.location' });
  return path;
}

/** The enabled users a caller may name as recipients of a sent view: those of their own scope (src/db/users/listUsers.ts). */
async function visibleRecipients(db: Queryable, principal: Principal) {
  return (await listUsers(db, scopeOf(principal))).filter((u) => !u.disabled);
}

/** Named users must be the organisation's (a saved report's schedules) or, with `among`, one of those users. */
async function checkRecipients(db: Queryable, orgId: string, recipients: RecipientInput[], among?: Array<{ id: string }>): Promise<void> {
  const wanted = recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
  if (!wanted.length) return;
  const ids = new Set((among ?? (await listScheduleUsers(db, orgId))).map((u) => u.id));
  const i = recipients.findIndex((r) => r.kind === 'user' && !ids.has(r.userId));
  if (i >= 0) throw invalid(`recipients.${i}.userId: no such user`, { field: `recipients.${i}.userId` });
}

function sendPdf(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

export async function registerReportRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const now = deps.now ?? (() => new Date());

  async function reportOf(principal: Principal, id: string): Promise<ReportRow> {
    const report = await getReport(pool, scopeOf(principal), id);
    if (!report) throw notFound('Report not found');
    return report;
  }

  async function scheduleOf(principal: Principal, id: string): Promise<ScheduleRow> {
    const schedule = await getSchedule(pool, principal.orgId, id);
    if (!schedule || !(await getReport(pool, scopeOf(principal), schedule.reportId))) throw notFound('Schedule not found');
    return schedule;
  }

  const enqueue = async (orgId: string, ids: string[]) => {
    for (const deliveryId of ids) await app.jobs.send(sendReportJob, { orgId, deliveryId });
  };

  app.get('/api/v1/reports', async (request): Promise<ReportsAnswer> => {
    const principal = authorize(request, 'metrics.read');
    return { items: (await listReports(pool, scopeOf(principal))).map(presentReport) };
  });

  app.post('/api/v1/reports', async (request, reply): Promise<ReportAnswer> => {
    const principal = authorize(request, 'report.manage');
    const body = parse(ReportBody, request.body);
    const locationPath = await definitionLocation(pool, principal, body.definition);
    const id = await insertReport(pool, { orgId: principal.orgId, name: body.name, definition: body.definition, locationPath, ownerId: principal.userId });
    await recordAuditEvent(pool, { ...auditActor(request, principal), action: 'report.create', targetType: 'report', targetId: id, targetLabel: body.name });
    reply.code(201);
    return presentReport((await getReport(pool, scopeOf(principal), id))!);
  });

  app.get('/api/v1/reports/:id', async (request): Promise<ReportAnswer> => {
    const principal = authorize(request, 'metrics.read');
    return presentReport(await reportOf(principal, parseIdParam(request.params, 'Report not found')));
  });

  app.patch('/api/v1/reports/:id', async (request): Promise<ReportAnswer> => {
    const principal = authorize(request, 'report.manage');
    const id = parseIdParam(request.params, 'Report not found');
    const body = parse(ReportPatchBody, request.body);
    const report = await reportOf(principal, id);
    const definition = body.definition ?? report.definition;
    const locationPath = body.definition ? await definitionLocation(pool, principal, definition) : report.locationPath;
    await updateReport(pool, principal.orgId, id, { name: body.name ?? report.name, definition, locationPath });
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.update', targetType: 'report', targetId: id, targetLabel: body.name ?? report.name,
      details: { fields: Object.keys(body) },
    });
    return presentReport(await reportOf(principal, id));
  });

  app.delete('/api/v1/reports/:id', async (request) => {
    const principal = authorize(request, 'report.manage');
    const report = await reportOf(principal, parseIdParam(request.params, 'Report not found'));
    await deleteReport(pool, principal.orgId, report.id);
    await recordAuditEvent(pool, { ...auditActor(request, principal), action: 'report.delete', targetType: 'report', targetId: report.id, targetLabel: report.name });
    return { ok: true as const };
  });

  app.get('/api/v1/reports/:id/pdf', async (request, reply) => {
    const principal = authorize(request, 'metrics.read');
    const report = await reportOf(principal, parseIdParam(request.params, 'Report not found'));
    const q = parse(PdfQuery, request.query);
    const lang = q.lang ?? languageOr(request.sessionUser?.locale);
    const today = orgToday(await orgTimeZone(pool, principal.orgId), now());
    const model = await buildReport(pool, principal, report.definition, { today, audience: 'internal', title: report.name });
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.download', targetType: 'report', targetId: report.id, targetLabel: report.name, details: { lang },
    });
    return sendPdf(reply, `report-${today}.pdf`, await renderReportPdf(model, lang));
  });

  app.post('/api/v1/reports/:id/send-now', async (request, reply): Promise<SendNowAnswer> => {
    const principal = authorize(request, 'report.manage');
    const report = await reportOf(principal, parseIdParam(request.params, 'Report not found'));
    const body = parse(SendNowBody, request.body);
    const recipients: ScheduleRecipient[] = body.recipients ?? [{ kind: 'user', userId: principal.userId, ...(body.lang ? { lang: body.lang } : {}) }];
    await checkRecipients(pool, principal.orgId, recipients);
    const day = orgToday(await orgTimeZone(pool, principal.orgId), now());
    const ids = await withTransaction(pool, async (tx) => {
      const addressees = expandRecipients(recipients, await listScheduleUsers(tx, principal.orgId), report.locationPath);
      if (!addressees.length) throw invalid('recipients: nobody to send to (no user has that role in the report\'s locations)', { field: 'recipients' });
      return insertDeliveries(tx, principal.orgId, report.id, null, addressees, { key: () => `now:${crypto.randomUUID()}`, day }, principal.userId);
    });
    await enqueue(principal.orgId, ids);
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.send', targetType: 'report', targetId: report.id, targetLabel: report.name, details: { deliveries: ids.length },
    });
    reply.code(202);
    const rows = await Promise.all(ids.map((id) => getDelivery(pool, principal.orgId, id)));
    return { deliveries: rows.filter((d): d is DeliveryRow => d !== null).map(presentDelivery) };
  });

  app.get('/api/v1/reports/recipients', async (request): Promise<ReportRecipientsAnswer> => {
    const principal = authorize(request, 'report.manage');
    return { users: (await visibleRecipients(pool, principal)).map((u) => ({ id: u.id, name: u.name, email: u.email, locale: u.locale })) };
  });

  // "Send now" of a dashboard view: kept as an ad-hoc report, then the same deliveries as /:id/send-now.
  app.post('/api/v1/reports/send', async (request, reply): Promise<SendNowAnswer> => {
    const principal = authorize(request, 'report.manage');
    const body = parse(SendViewBody, request.body);
    const locationPath = await definitionLocation(pool, principal, body.definition);
    await checkRecipients(pool, principal.orgId, body.recipients, await visibleRecipients(pool, principal));
    const survey = await loadSurvey(pool, principal.orgId, body.definition.surveyId);
    // The survey's name as the dashboard's heading shows it (a survey without one: its title).
    const name = body.title ?? (survey ? (survey.name || localize(survey.title, 'en', survey.defaultLanguage, survey.slug)).slice(0, 200) : '');
    const day = orgToday(await orgTimeZone(pool, principal.orgId), now());
    const { reportId, ids } = await withTransaction(pool, async (tx) => {
      const id = await insertReport(tx, { orgId: principal.orgId, name, definition: body.definition, locationPath, ownerId: principal.userId, adHoc: true });
      const addressees = expandRecipients(body.recipients, await listScheduleUsers(tx, principal.orgId), locationPath);
      return { reportId: id, ids: await insertDeliveries(tx, principal.orgId, id, null, addressees, { key: () => `now:${crypto.randomUUID()}`, day }, principal.userId) };
    });
    await enqueue(principal.orgId, ids);
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.send', targetType: 'report', targetId: reportId, targetLabel: name,
      details: { deliveries: ids.length, view: true, surveyId: body.definition.surveyId, filters: body.definition.filters, period: body.definition.period },
    });
    reply.code(202);
    const rows = await Promise.all(ids.map((id) => getDelivery(pool, principal.orgId, id)));
    return { deliveries: rows.filter((d): d is DeliveryRow => d !== null).map(presentDelivery) };
  });

  // Schedules and the delivery log name recipients' e-mail addresses: only those who manage reports see them.
  app.get('/api/v1/reports/:id/schedules', async (request): Promise<SchedulesAnswer> => {
    const principal = authorize(request, 'report.manage');
    const report = await reportOf(principal, parseIdParam(request.params, 'Report not found'));
    return { items: (await listSchedules(pool, principal.orgId, report.id)).map(presentSchedule) };
  });

  app.post('/api/v1/reports/:id/schedules', async (request, reply): Promise<ScheduleAnswer> => {
    const principal = authorize(request, 'report.manage');
    const report = await reportOf(principal, parseIdParam(request.params, 'Report not found'));
    const body = parse(ScheduleBody, request.body);
    await checkRecipients(pool, principal.orgId, body.recipients);
    const rule = { frequency: body.frequency, dayOfWeek: body.dayOfWeek ?? null, dayOfMonth: body.dayOfMonth ?? null, hour: body.hour };
    const id = await insertSchedule(pool, principal.orgId, report.id, principal.userId, {
      ...rule, recipients: body.recipients, enabled: body.enabled, nextRunAt: nextRunAt(rule, await orgTimeZone(pool, principal.orgId), now()),
    });
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.schedule.create', targetType: 'report', targetId: report.id, targetLabel: report.name,
      details: { scheduleId: id, ...rule, recipients: body.recipients.length },
    });
    reply.code(201);
    return presentSchedule((await getSchedule(pool, principal.orgId, id))!);
  });

  app.patch('/api/v1/report-schedules/:id', async (request): Promise<ScheduleAnswer> => {
    const principal = authorize(request, 'report.manage');
    const schedule = await scheduleOf(principal, parseIdParam(request.params, 'Schedule not found'));
    const patch = parse(SchedulePatchBody, request.body);
    const merged = parse(ScheduleBody, {
      frequency: patch.frequency ?? schedule.frequency,
      dayOfWeek: patch.dayOfWeek !== undefined ? patch.dayOfWeek : patch.frequency && patch.frequency !== 'weekly' ? null : schedule.dayOfWeek,
      dayOfMonth: patch.dayOfMonth !== undefined ? patch.dayOfMonth : patch.frequency && patch.frequency !== 'monthly' ? null : schedule.dayOfMonth,
      hour: patch.hour ?? schedule.hour,
      recipients: patch.recipients ?? schedule.recipients,
      enabled: patch.enabled ?? schedule.enabled,
    });
    await checkRecipients(pool, principal.orgId, merged.recipients);
    const rule = { frequency: merged.frequency, dayOfWeek: merged.dayOfWeek ?? null, dayOfMonth: merged.dayOfMonth ?? null, hour: merged.hour };
    await updateSchedule(pool, principal.orgId, schedule.id, {
      ...rule, recipients: merged.recipients, enabled: merged.enabled, nextRunAt: nextRunAt(rule, await orgTimeZone(pool, principal.orgId), now()),
    });
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.schedule.update', targetType: 'report', targetId: schedule.reportId,
      details: { scheduleId: schedule.id, ...rule, enabled: merged.enabled, recipients: merged.recipients.length },
    });
    return presentSchedule((await getSchedule(pool, principal.orgId, schedule.id))!);
  });

  app.delete('/api/v1/report-schedules/:id', async (request) => {
    const principal = authorize(request, 'report.manage');
    const schedule = await scheduleOf(principal, parseIdParam(request.params, 'Schedule not found'));
    await deleteSchedule(pool, principal.orgId, schedule.id);
    await recordAuditEvent(pool, {
      ...auditActor(request, principal), action: 'report.schedule.delete', targetType: 'report', targetId: schedule.reportId, details: { scheduleId: schedule.id },
    });
    return { ok: true as const };
  });

  app.get('/api/v1/report-deliveries', async (request): Promise<DeliveriesAnswer> => {
    const principal = authorize(request, 'report.manage');
    const q = parse(DeliveriesQuery, request.query);
    return { items: (await listDeliveries(pool, scopeOf(principal), { reportId: q.report, status: q.status, limit: q.limit })).map(presentDelivery) };
  });

  app.post('/api/v1/report-deliveries/:id/retry', async (request): Promise<DeliveryAnswer> => {
    const principal = authorize(request, 'report.manage');
    const id = parseIdParam(request.params, 'Delivery not found');
    const delivery = await getDelivery(pool, principal.orgId, id);
    if (!delivery || !(await getReport(pool, scopeOf(principal), delivery.reportId, { adHoc: true }))) throw notFound('Delivery not found');
    if (!(await requeueDelivery(pool, principal.orgId, id))) {
      throw new DomainError('conflict', `Only a failed or unknown delivery can be retried; this one is ${delivery.status}`);
    }
    await enqueue(principal.orgId, [id]);
    return presentDelivery((await getDelivery(pool, principal.orgId, id))!);
  });
}
