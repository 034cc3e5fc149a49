/**
 * POST /api/v1/reports/render (docs/reports.md, docs/api.md "Reports"): a report of a definition, built for the
 * caller (their locations only) and rendered as a PDF or a self-contained HTML page in their language or `lang`.
 * Anyone who may read the survey's analytics (`metrics.read`) may download it.
 */
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditActor } from '../../http/auditRequest.ts';
import type { FastifyInstance } from 'fastify';
import { ReportRenderBody } from '../../core/api/reports.ts';
import { languageOr } from '../../core/i18n/languages.ts';
import { attachmentDisposition } from '../../core/text/disposition.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { buildReport } from './build.ts';
import { closeReportBrowser, renderReportHtml, renderReportPdf } from './render.ts';

/** Registers the report rendering route. */
export async function registerReportRenderRoutes(app: FastifyInstance, deps: AppDeps) {
  const pool = deps.readPool ?? deps.pool;
  app.addHook('onClose', closeReportBrowser);

  app.post('/api/v1/reports/render', async (request, reply) => {
    requirePrincipal(request);
    const principal = authorize(request, 'metrics.read');
    const body = parse(ReportRenderBody, request.body ?? {});
    const lang = body.lang ?? languageOr(request.sessionUser?.locale);
    const model = await buildReport(pool, principal, body.definition, { audience: 'internal' });
    const day = model.window.from === model.window.to ? model.window.from : `${model.window.from}_${model.window.to}`;
    const name = `${model.title} ${day}`;
    await recordAuditEvent(deps.pool, {
      ...auditActor(request, principal), action: 'report.download', targetType: 'survey', targetId: body.definition.surveyId, targetLabel: model.title,
      details: { format: body.format, lang, sections: body.definition.sections, filters: body.definition.filters },
    });
    if (body.format === 'html') {
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-disposition', attachmentDisposition(name, 'html', 'report').header)
        .header('cache-control', 'no-store')
        .send(renderReportHtml(model, lang, { charts: 'inline-svg' }));
    }
    const pdf = await renderReportPdf(model, lang);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentDisposition(name, 'pdf', 'report').header)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
