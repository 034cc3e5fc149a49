/**
 * The audit log (docs/audit-log.md): GET /api/v1/audit-log (newest first, keyset pages), GET
 * /api/v1/audit-log/actors and GET /api/v1/audit-log/export (CSV or XLSX, itself an audit event), for owners and
 * admins (`auditlog.read`), always of their own organisation only.
 */
import type { FastifyInstance } from 'fastify';
import { AuditLogExportQuery, AuditLogQuery, type AuditActorsAnswer, type AuditLogAnswer } from '../../core/api/auditLog.ts';
import { encodeAuditCursor } from '../../core/audit/cursor.ts';
import { auditExportFileName, auditExportHeaders, auditExportRow } from '../../core/audit/exportTable.ts';
import { exportLanguage, type ExportCell } from '../../core/responses/exportTable.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { listAuditActors, listAuditEvents } from '../../db/audit/listAuditLog.ts';
import { getOrgBusinessHours } from '../../db/cases/businessHours.ts';
import { auditRequest } from '../../http/auditRequest.ts';
import type { AppDeps } from '../../http/deps.ts';
import { EXPORT_BATCH, EXPORT_CONTENT_TYPES, tableStream } from '../responses/export.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';

export async function registerAuditLogRoutes(app: FastifyInstance, deps: AppDeps) {
  const reads = deps.readPool ?? deps.pool;
  const now = deps.now ?? (() => new Date());

  app.get('/api/v1/audit-log', async (request): Promise<AuditLogAnswer> => {
    const principal = authorize(request, 'auditlog.read');
    const q = parse(AuditLogQuery, request.query ?? {});
    const rows = await listAuditEvents(reads, principal.orgId, { ...q, after: q.cursor, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id, at: r.at.toISOString(), actor: { kind: r.actorKind, id: r.actorId, label: r.actorLabel }, action: r.action,
        target: { type: r.targetType, id: r.targetId, label: r.targetLabel }, details: r.details, ip: r.ip, userAgent: r.userAgent,
      })),
      nextCursor: rows.length > q.limit && last ? encodeAuditCursor({ at: last.atText, id: last.id }) : null,
    };
  });

  app.get('/api/v1/audit-log/actors', async (request): Promise<AuditActorsAnswer> => {
    const principal = authorize(request, 'auditlog.read');
    return { actors: await listAuditActors(reads, principal.orgId) };
  });

  // The XLSX file is a zip already: compressing it again costs CPU for nothing.
  app.get('/api/v1/audit-log/export', { compress: false }, async (request, reply) => {
    const principal = authorize(request, 'auditlog.read');
    const q = parse(AuditLogExportQuery, request.query ?? {});
    const { timeZone } = await getOrgBusinessHours(reads, principal.orgId);
    const lang = exportLanguage(q.lang, request.headers['accept-language'], 'en');
    const { format, lang: _lang, ...filter } = q;
    // Recorded before the rows are read: the export lists itself first.
    await recordAuditEvent(deps.pool, {
      ...auditRequest(request), orgId: principal.orgId, actorId: principal.userId, action: 'table.export', targetType: 'audit_log', targetId: null,
      targetLabel: null, details: { format, lang, ...filter },
    });
    async function* rows(): AsyncGenerator<ExportCell[]> {
      let after: { at: string; id: string } | undefined;
      for (;;) {
        const batch = await listAuditEvents(reads, principal.orgId, { ...filter, after, limit: EXPORT_BATCH });
        for (const r of batch) yield auditExportRow(lang, timeZone, { ...r, at: r.at.toISOString() });
        if (batch.length < EXPORT_BATCH) return;
        const last = batch[batch.length - 1];
        after = { at: last.atText, id: last.id };
      }
    }
    const body = await tableStream(format, auditExportHeaders(lang, timeZone), rows(), (err) => {
      if (err) request.log.error({ err }, 'audit log export failed');
    }, 'Audit log');
    return reply
      .header('content-type', EXPORT_CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${auditExportFileName(orgToday(timeZone, now()), format)}"`)
      .header('cache-control', 'no-store')
      .send(body);
  });
}
