/**
 * Raw responses (docs/api.md "Responses"): the list, one response, the CSV and XLSX exports, and
 * data validation (exclude from metrics / include again, one response or every response of one
 * data-quality reason). Reads are scoped like every analytics read: the caller's organisation and
 * locations, with the analytics filters (src/server/analytics/request.ts).
 */
import type { FastifyInstance } from 'fastify';
import { exportLanguage } from '../../core/responses/exportTable.ts';
import { withTransaction } from '../../db/tx.ts';
import { surveyOf } from '../analytics/context.ts';
import { listQuality } from '../analytics/feedback.ts';
import { analyticsRequest } from '../analytics/request.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditRequest } from '../../http/auditRequest.ts';
import type { AppDeps } from '../../http/deps.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { setResponseExclusion, setResponsesExclusion } from './commands/setResponseExclusion.ts';
import { sendResponsesExport, type ExportFormat } from './export.ts';
import { getOneResponse, getResponsesPage } from './present.ts';
import { ExcludeBody } from '../../core/api/analytics.ts';
import {
  BulkExcludeBody, BulkExcludeQuery, ExportQuery, ResponsesQuery, type BulkExclusionAnswer, type ExclusionAnswer,
} from '../../core/api/responses.ts';

/** Registers the responses routes. */
export async function registerResponseRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool, rollupFolder } = deps;
  // Reads may come from a streaming replica (docs/scaling.md).
  const reads = deps.readPool ?? pool;
  const now = deps.now ?? (() => new Date());

  app.get('/api/v1/surveys/:id/responses', async (request) => {
    const r = await analyticsRequest(reads, request, ResponsesQuery, 'response.read');
    const { limit, cursor, q } = r.query;
    return getResponsesPage(reads, r.ctx, await surveyOf(reads, r.principal, r.surveyId), { limit, cursor, q });
  });

  for (const format of ['csv', 'xlsx'] as ExportFormat[]) {
    // The XLSX file is a zip already: compressing it again costs CPU for nothing.
    app.get(`/api/v1/surveys/:id/responses.${format}`, { compress: format === 'csv' ? undefined : false }, async (request, reply) => {
      const r = await analyticsRequest(reads, request, ExportQuery, 'response.read');
      const survey = await surveyOf(reads, r.principal, r.surveyId);
      const lang = exportLanguage(r.query.lang, request.headers['accept-language'], survey.defaultLanguage);
      await recordAuditEvent(pool, {
        ...auditRequest(request), orgId: r.principal.orgId, actorId: r.principal.userId, action: 'responses.export', targetType: 'survey', targetId: survey.id,
        targetLabel: survey.name, details: { format, lang, search: r.query.q ?? null },
      });
      return sendResponsesExport(request, reply, reads, r.ctx, survey, { format, lang, search: r.query.q, now: now() });
    });
  }

  app.get('/api/v1/responses/:id', async (request) => {
    requirePrincipal(request);
    const id = parseIdParam(request.params, 'Response not found');
    const principal = authorize(request, 'response.read');
    return getOneResponse(reads, principal, id);
  });

  app.post('/api/v1/responses/:id/exclude', async (request): Promise<ExclusionAnswer> => {
    requirePrincipal(request);
    const id = parseIdParam(request.params, 'Response not found');
    const { reason } = parse(ExcludeBody, request.body ?? {});
    const principal = authorize(request, 'response.exclude');
    const result = await withTransaction(pool, (tx) => setResponseExclusion(tx, principal, { responseId: id, excluded: true, reason }));
    if (result.changed) rollupFolder?.kick(principal.orgId);
    return { ok: true, changed: result.changed };
  });

  app.post('/api/v1/responses/:id/include', async (request): Promise<ExclusionAnswer> => {
    requirePrincipal(request);
    const id = parseIdParam(request.params, 'Response not found');
    const principal = authorize(request, 'response.exclude');
    const result = await withTransaction(pool, (tx) => setResponseExclusion(tx, principal, { responseId: id, excluded: false }));
    if (result.changed) rollupFolder?.kick(principal.orgId);
    return { ok: true, changed: result.changed };
  });

  // Every response the quality view lists with this reason and not yet excluded (same filters and window).
  app.post('/api/v1/surveys/:id/quality/exclude', async (request): Promise<BulkExclusionAnswer> => {
    // The survey id first: a malformed one is a 404 whatever the body (src/http/validate.ts).
    const r = await analyticsRequest(pool, request, BulkExcludeQuery, 'response.exclude');
    const { reason } = parse(BulkExcludeBody, request.body ?? {});
    const survey = await surveyOf(pool, r.principal, r.surveyId);
    const { flagged } = await listQuality(pool, r.ctx, survey, now());
    const ids = flagged.filter((f) => !f.excluded && f.reasons.includes(reason)).map((f) => f.responseId);
    const result = await withTransaction(pool, (tx) => setResponsesExclusion(tx, r.principal, { responseIds: ids, excluded: true, reason }));
    if (result.changed.length > 0) rollupFolder?.kick(r.principal.orgId);
    return { ok: true, excluded: result.changed.length };
  });
}
