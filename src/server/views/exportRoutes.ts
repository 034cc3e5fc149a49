/**
 * POST /api/v1/exports (docs/analytics.md "Exports"): a panel of a survey dashboard (key metrics, trend,
 * breakdown, heat table, distribution, compare, key drivers, theme tables, analysed comments) as a CSV or XLSX
 * file, re-computed from the panel's filters with the same code as its GET route, so the file holds the API's
 * figures for the caller's scope. authenticate -> validate -> authorize (the GET route's permission:
 * metrics.read, response.read for the comment panels) -> scope (the filters' location must lie in the caller's
 * scope, 404 otherwise). Each export is an audit event (table.export).
 */
import type { FastifyInstance } from 'fastify';
import {
  breakdownTable, chartExportFileName, commentsTable, compareTable, distributionTable, driversTable, heatmapTable, kpiTable,
  themesByLocationTable, themesByMonthTable, trendTable, type ExportTable,
} from '../../core/analytics/exportTables.ts';
import type { Language } from '../../core/i18n/languages.ts';
import type { Principal } from '../../core/access/index.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { ExportBody, type ExportBodyT } from '../../core/api/exports.ts';
import { exportLanguage } from '../../core/responses/exportTable.ts';
import { toCsv } from '../../core/text/csv.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { recordAuditEvent } from '../../db/audit/recordAuditEvent.ts';
import { auditRequest } from '../../http/auditRequest.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { getBreakdown, getHeatmap } from '../analytics/breakdown.ts';
import { analyticsContext, surveyAndQuestion, surveyOf } from '../analytics/context.ts';
import { getDrivers } from '../analytics/drivers.ts';
import { getSurveySummary } from '../analytics/summary.ts';
import { getComparison, getTrend } from '../analytics/trend.ts';
import { commentFilter, getTextComments } from '../text/commentViews.ts';
import { orgThemes } from '../text/analyseComments.ts';
import { countThemesByLocation, countThemesByMonth } from '../../db/text/commentAnalysis.ts';
import { EXPORT_CONTENT_TYPES, loadExcelJS } from '../responses/export.ts';

/**
 * What the audit log records of an export (event `table.export`): who, which panel of which survey, the format,
 * the filters and the number of rows; never the figures themselves.
 */
function exportAuditDetails(body: ExportBodyT, rows: number) {
  return { kind: body.kind, format: body.format, filters: body.filters, rows };
}

/** An XLSX workbook of one sheet: the header row (bold, frozen) and the rows. */
async function xlsxOf(table: ExportTable): Promise<Buffer> {
  const excel = await loadExcelJS();
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => (c === undefined ? null : c)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The comment panels show respondents' words: they need response.read like their GET routes; the rest metrics.read. */
const COMMENT_KINDS: ReadonlySet<ExportBodyT['kind']> = new Set(['themes_by_month', 'themes_by_location', 'comments']);

export async function registerExportRoutes(app: FastifyInstance, deps: AppDeps) {
  const pool = deps.readPool ?? deps.pool;
  const now = deps.now ?? (() => new Date());

  /** The panel's table with the GET route's own server function, and the file name's first part (the metric, else the survey's slug). */
  async function build(body: ExportBodyT, principal: Principal, ctx: SourceContext, lang: (defaultLanguage: string) => Language) {
    const question = (id?: string) => surveyAndQuestion(pool, principal, body.survey, id);
    switch (body.kind) {
      case 'trend': {
        const { survey, question: q } = await question(body.filters.question);
        return { survey, tag: q.metric, table: trendTable(await getTrend(pool, ctx, q, body.filters.interval, now()), lang(survey.defaultLanguage)) };
      }
      case 'breakdown': {
        const { survey, question: q } = await question(body.filters.question);
        const { by, parent, leaf, sort, limit } = body.filters;
        return { survey, tag: q.metric, table: breakdownTable(await getBreakdown(pool, principal, ctx, q, { by, parent, leaf, sort, limit }), lang(survey.defaultLanguage)) };
      }
      case 'compare': {
        const { survey, question: q } = await question(body.filters.question);
        return { survey, tag: q.metric, table: compareTable(await getComparison(pool, principal, ctx, q, body.filters), lang(survey.defaultLanguage)) };
      }
      case 'drivers': {
        const { survey, question: q } = await question(body.filters.outcome);
        return { survey, tag: q.metric, table: driversTable(await getDrivers(pool, ctx, survey, q), lang(survey.defaultLanguage)) };
      }
      default:
        break;
    }
    const survey = await surveyOf(pool, principal, body.survey);
    const l = lang(survey.defaultLanguage);
    const tag = survey.slug;
    switch (body.kind) {
      case 'kpis':
        return { survey, tag, table: kpiTable(await getSurveySummary(pool, ctx, survey), l) };
      case 'distribution': {
        const options = new Map(survey.questions.map((q) => [q.id ?? '', q.options ?? []]));
        return { survey, tag, table: distributionTable(await getSurveySummary(pool, ctx, survey), options, l) };
      }
      case 'heatmap':
        return { survey, tag, table: heatmapTable(await getHeatmap(pool, principal, ctx, survey, body.filters.parent), l) };
      case 'themes_by_month': {
        const rows = await countThemesByMonth(pool, ctx, commentFilter(survey, body.filters));
        return { survey, tag, table: themesByMonthTable({ rows }, await orgThemes(deps.pool, principal.orgId), l) };
      }
      case 'themes_by_location': {
        const rows = await countThemesByLocation(pool, ctx, commentFilter(survey, body.filters));
        return { survey, tag, table: themesByLocationTable({ rows }, await orgThemes(deps.pool, principal.orgId), l) };
      }
      case 'comments': {
        const { comments } = await getTextComments(pool, ctx, survey, body.filters);
        return { survey, tag, table: commentsTable(comments, await orgThemes(deps.pool, principal.orgId), l) };
      }
    }
  }

  app.post('/api/v1/exports', async (request, reply) => {
    // Permission before the body's shape (as analyticsRequest): every export needs metrics.read, the comment panels also response.read.
    let principal = authorize(request, 'metrics.read');
    const body = parse(ExportBody, request.body);
    if (COMMENT_KINDS.has(body.kind)) principal = authorize(request, 'response.read');
    const ctx = await analyticsContext(pool, principal, body.filters);
    const { survey, tag, table } = await build(body, principal, ctx, (defaultLanguage) => exportLanguage(body.lang, request.headers['accept-language'], defaultLanguage));
    await recordAuditEvent(deps.pool, {
      ...auditRequest(request), orgId: principal.orgId, actorId: principal.userId, action: 'table.export', targetType: 'survey', targetId: survey.id,
      targetLabel: survey.name, details: exportAuditDetails(body, table.rows.length),
    });
    const fileName = chartExportFileName(tag, body.kind, orgToday(ctx.timezone, now()), body.format);
    const file = body.format === 'csv' ? `\ufeff${toCsv(table.header, table.rows)}` : await xlsxOf(table);
    return reply
      .header('content-type', EXPORT_CONTENT_TYPES[body.format])
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(file);
  });
}
