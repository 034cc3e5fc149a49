/**
 * @module Routes of the dashboard that the OpenAPI document (./openapi.ts) describes although API keys may not
 * call them (issue 16): reports and their schedules and deliveries, report rendering, shared links, saved
 * views, chart exports and the audit log. They take the session cookie only: the key check
 * (src/http/apiKeyAuth.ts) refuses a key on any route not in KEY_OPERATIONS with 403. Each names the role
 * permission it needs; request and answer schemas are the ones the handlers parse and answer with.
 * test/integrations/openapi.test.ts checks that every route under these prefixes is listed and exists.
 */
import type { Action } from '../access/index.ts';
import { EXPORT_CONTENT_TYPES } from '../responses/exportTable.ts';
import { AuditActorsAnswerSchema, AuditLogAnswerSchema, AuditLogExportQuery, AuditLogQuery } from './auditLog.ts';
import { OkAnswerSchema } from './common.ts';
import { ExportBody } from './exports.ts';
import type { DocumentedOperation } from './keyRoutes.ts';
import {
  DeliveriesAnswerSchema, DeliveriesQuery, DeliveryAnswerSchema, PdfQuery, ReportAnswerSchema, ReportBody, ReportPatchBody, ReportsAnswerSchema,
  ReportRecipientsAnswerSchema, ScheduleAnswerSchema, ScheduleBody, SchedulePatchBody, SchedulesAnswerSchema, SendNowAnswerSchema, SendNowBody,
  SendViewBody,
} from './reportTemplates.ts';
import { ReportRenderBody } from './reports.ts';
import { SavedViewBody, SavedViewPatch, SavedViewSchema, SavedViewsAnswerSchema, SavedViewsQuery } from './savedViews.ts';
import { LibraryEntryAnswerSchema, LibraryListAnswerSchema, LibrarySaveBody } from './questionLibrary.ts';
import { SurveyPreviewAnswerSchema, SurveyPreviewRequestSchema } from './surveyPreview.ts';
import {
  CreateSharedLinkBody, SharedLinkAnswerSchema, SharedLinkCreatedSchema, SharedLinkListSchema, SharedLinksQuery,
} from './sharedLinks.ts';

export interface SessionOperation extends DocumentedOperation {
  /** The role permission the handler checks (src/core/access). */
  permission: Action;
  /** A download instead of JSON: media type → what it holds. */
  file?: Readonly<Record<string, string>>;
  /** Answers beyond 400, 401, 403 and 404 (409 conflict, 503 pdf_unavailable). */
  errors?: Readonly<Record<string, string>>;
  /** The path prefix this route belongs to in the document's tags ("reports", "shared-links", ...). */
  tag: SessionTag;
}

/** The document's tags of these routes, with what each covers. */
export const SESSION_TAGS = {
  reports: 'Saved reports, their schedules and deliveries, and rendering (docs/reports.md)',
  'shared-links': 'Read-only links to a survey\'s report (docs/sharing.md)',
  'saved-views': 'Named dashboard states, personal or shared, pinned per user (docs/analytics.md)',
  exports: 'Dashboard panels as CSV or XLSX files (docs/analytics.md)',
  'audit-log': 'Who did what in the organisation (docs/audit-log.md)',
  'question-library': 'Questions saved with their translations for reuse in any survey (docs/api.md "Question library")',
  'survey-preview': 'The builder\'s live preview of an unsaved survey (docs/api.md "Live preview")',
} as const;
type SessionTag = keyof typeof SESSION_TAGS;

const PDF = { 'application/pdf': 'The report as an A4 PDF (Content-Disposition: attachment)' } as const;
const PDF_UNAVAILABLE = { 503: 'pdf_unavailable: Chromium cannot start on the server' } as const;
const TABLE_FILE = {
  [EXPORT_CONTENT_TYPES.csv]: 'format=csv: UTF-8 with a BOM, every field quoted, formula-safe',
  [EXPORT_CONTENT_TYPES.xlsx]: 'format=xlsx: one sheet, the header row frozen',
};
const EXAMPLE_SURVEY = '00000000-0000-4000-8000-000000000001';
const EXAMPLE_DEFINITION = { surveyId: EXAMPLE_SURVEY, sections: ['kpis', 'trend', 'breakdown'], period: { rule: 'last_month' } };
const EXAMPLE_RECIPIENTS = [{ kind: 'role', role: 'location_manager' }, { kind: 'email', email: 'board@example.com', lang: 'en' }];

const REPORT_OPERATIONS: readonly SessionOperation[] = [
  {
    method: 'GET', path: '/api/v1/reports', tag: 'reports', permission: 'metrics.read', id: 'listReports', status: 200,
    summary: 'The saved reports of the caller\'s locations', answer: ReportsAnswerSchema,
    description: 'A caller limited to locations sees only reports whose definition.filters.location lies inside their subtrees.',
  },
  {
    method: 'POST', path: '/api/v1/reports', tag: 'reports', permission: 'report.manage', id: 'createReport', status: 201,
    summary: 'Save a report (a name and a definition)',
    description: 'A caller limited to locations must name one of them in definition.filters.location. An unknown survey or location is a '
      + '400 naming the field.',
    body: ReportBody, answer: ReportAnswerSchema, example: { name: 'Monthly NPS', definition: EXAMPLE_DEFINITION },
  },
  {
    method: 'GET', path: '/api/v1/reports/:id', tag: 'reports', permission: 'metrics.read', id: 'getReport', status: 200,
    summary: 'One report', answer: ReportAnswerSchema,
  },
  {
    method: 'PATCH', path: '/api/v1/reports/:id', tag: 'reports', permission: 'report.manage', id: 'updateReport', status: 200,
    summary: 'Rename a report or change its definition', body: ReportPatchBody, answer: ReportAnswerSchema, example: { name: 'Monthly NPS, stores' },
  },
  {
    method: 'DELETE', path: '/api/v1/reports/:id', tag: 'reports', permission: 'report.manage', id: 'deleteReport', status: 200,
    summary: 'Delete a report with its schedules', answer: OkAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/reports/:id/pdf', tag: 'reports', permission: 'metrics.read', id: 'getReportPdf', status: 200,
    summary: 'The report for today\'s window as a PDF, built in the caller\'s scope',
    description: 'In lang, else the caller\'s language. Recorded in the audit log (report.download).',
    query: PdfQuery, file: PDF, errors: PDF_UNAVAILABLE,
  },
  {
    method: 'POST', path: '/api/v1/reports/:id/send-now', tag: 'reports', permission: 'report.manage', id: 'sendReportNow', status: 202,
    summary: 'E-mail the report now: to the caller when no recipients are given',
    description: 'Queues one delivery per addressee (a role expands to its users in the report\'s locations); a role with nobody is a 400.',
    body: SendNowBody, answer: SendNowAnswerSchema, example: { recipients: EXAMPLE_RECIPIENTS },
  },
  {
    method: 'GET', path: '/api/v1/reports/recipients', tag: 'reports', permission: 'report.manage', id: 'listReportRecipients', status: 200,
    summary: 'The users the caller may name as recipients of a report (those of the caller\'s locations)', answer: ReportRecipientsAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/reports/send', tag: 'reports', permission: 'report.manage', id: 'sendView', status: 202,
    summary: 'E-mail a dashboard view once ("Send now" on the dashboard), without saving it as a report',
    description: 'The view is kept as a hidden ad-hoc report so the delivery log, retry and the audit trail cover the sends; it is not '
      + 'listed and cannot be scheduled or shared. Recipients are users the caller may see (GET /api/v1/reports/recipients) or addresses.',
    body: SendViewBody, answer: SendNowAnswerSchema,
    example: { definition: EXAMPLE_DEFINITION, recipients: [{ kind: 'email', email: 'board@example.com', lang: 'en' }] },
  },
  {
    method: 'GET', path: '/api/v1/reports/:id/schedules', tag: 'reports', permission: 'report.manage', id: 'listReportSchedules', status: 200,
    summary: 'The report\'s schedules', answer: SchedulesAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/reports/:id/schedules', tag: 'reports', permission: 'report.manage', id: 'createReportSchedule', status: 201,
    summary: 'Schedule the report: daily, weekly or monthly at an hour of the organisation\'s clock',
    description: 'dayOfWeek (1 = Monday) for weekly schedules only, dayOfMonth (1-31, a shorter month runs on its last day) for monthly '
      + 'ones only. Recipients: a user (in their language unless lang is given), a role (each of its users gets their own locations\' '
      + 'report), or an e-mail address with its language; 1 to 50. The answer carries nextRunAt.',
    body: ScheduleBody, answer: ScheduleAnswerSchema, example: { frequency: 'weekly', dayOfWeek: 1, hour: 9, recipients: EXAMPLE_RECIPIENTS },
  },
  {
    method: 'PATCH', path: '/api/v1/report-schedules/:id', tag: 'reports', permission: 'report.manage', id: 'updateReportSchedule', status: 200,
    summary: 'Change a schedule (the fields given; the result must still be a valid schedule)',
    body: SchedulePatchBody, answer: ScheduleAnswerSchema, example: { enabled: false },
  },
  {
    method: 'DELETE', path: '/api/v1/report-schedules/:id', tag: 'reports', permission: 'report.manage', id: 'deleteReportSchedule', status: 200,
    summary: 'Delete a schedule', answer: OkAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/report-deliveries', tag: 'reports', permission: 'report.manage', id: 'listReportDeliveries', status: 200,
    summary: 'The delivery log of the caller\'s reports, newest first', query: DeliveriesQuery, answer: DeliveriesAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/report-deliveries/:id/retry', tag: 'reports', permission: 'report.manage', id: 'retryReportDelivery', status: 200,
    summary: 'Queue a failed delivery again', answer: DeliveryAnswerSchema,
    errors: { 409: 'conflict: only a failed or unknown delivery can be retried' },
  },
  {
    method: 'POST', path: '/api/v1/reports/render', tag: 'reports', permission: 'metrics.read', id: 'renderReport', status: 200,
    summary: 'A report of a definition as a PDF or a self-contained HTML page, built for the caller (their locations only)',
    description: 'In lang, else the caller\'s language. The comments section also needs response.read, cases case.read, audits audit.read. '
      + 'A survey or location outside the caller\'s scope is a 404. Recorded in the audit log (report.download).',
    body: ReportRenderBody, example: { definition: EXAMPLE_DEFINITION, format: 'pdf', lang: 'en' },
    file: { ...PDF, 'text/html': 'format=html: one self-contained HTML document (charts as inline SVG)' }, errors: PDF_UNAVAILABLE,
  },
];

const SHARED_LINK_OPERATIONS: readonly SessionOperation[] = [
  {
    method: 'GET', path: '/api/v1/shared-links', tag: 'shared-links', permission: 'link.share', id: 'listSharedLinks', status: 200,
    summary: 'Shared links, newest first: live ones unless all=true',
    description: 'The caller\'s own links; owners and admins also everyone\'s links that show nothing outside their locations. '
      + 'Neither the token nor the password is ever returned.',
    query: SharedLinksQuery, answer: SharedLinkListSchema,
  },
  {
    method: 'POST', path: '/api/v1/shared-links', tag: 'shared-links', permission: 'link.share', id: 'createSharedLink', status: 201,
    summary: 'Make a read-only link to a survey\'s report; its address (…/p/<token>) is in this answer only',
    description: 'The link keeps its creator\'s locations. 400 naming the field: an unknown survey, a location filter outside the caller\'s '
      + 'locations, an expiry not in the future, a password under 8 characters, an embedding site that is not an origin.',
    body: CreateSharedLinkBody, answer: SharedLinkCreatedSchema,
    example: { title: 'NPS for the board', definition: EXAMPLE_DEFINITION, lang: 'en', expiresAt: '2027-01-31T00:00:00Z', embedOrigins: ['https://intranet.example.com'] },
  },
  {
    method: 'GET', path: '/api/v1/shared-links/:id', tag: 'shared-links', permission: 'link.share', id: 'getSharedLink', status: 200,
    summary: 'One shared link', answer: SharedLinkAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/shared-links/:id/revoke', tag: 'shared-links', permission: 'link.share', id: 'revokeSharedLink', status: 200,
    summary: 'Revoke a link at once (a repeat keeps the first time)', answer: SharedLinkAnswerSchema,
  },
];

const SAVED_VIEW_OPERATIONS: readonly SessionOperation[] = [
  {
    method: 'GET', path: '/api/v1/saved-views', tag: 'saved-views', permission: 'metrics.read', id: 'listSavedViews', status: 200,
    summary: 'The caller\'s own saved views and the organisation\'s shared ones, pinned first',
    description: 'query and url are narrowed to the caller\'s locations (narrowed: true when a location of the view was left out).',
    query: SavedViewsQuery, answer: SavedViewsAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/saved-views', tag: 'saved-views', permission: 'metrics.read', id: 'createSavedView', status: 201,
    summary: 'Save a survey dashboard\'s state under a name',
    description: 'query is the dashboard URL\'s query string (unknown parameters dropped); a survey of another organisation is a 404.',
    body: SavedViewBody, answer: SavedViewSchema,
    example: { name: 'Moscow stores, last quarter', surveyId: EXAMPLE_SURVEY, query: 'from=2026-07-01&to=2026-09-30&location=00000000-0000-4000-8000-000000000007&interval=week', shared: true },
  },
  {
    method: 'GET', path: '/api/v1/saved-views/:id', tag: 'saved-views', permission: 'metrics.read', id: 'getSavedView', status: 200,
    summary: 'One saved view', answer: SavedViewSchema,
  },
  {
    method: 'PATCH', path: '/api/v1/saved-views/:id', tag: 'saved-views', permission: 'metrics.read', id: 'updateSavedView', status: 200,
    summary: 'Rename, change or share a view: its owner, or an owner or admin for a shared view (others who see it: 403)',
    body: SavedViewPatch, answer: SavedViewSchema, example: { name: 'Moscow stores', shared: false },
  },
  {
    method: 'DELETE', path: '/api/v1/saved-views/:id', tag: 'saved-views', permission: 'metrics.read', id: 'deleteSavedView', status: 200,
    summary: 'Delete a view: its owner, or an owner or admin for a shared view', answer: OkAnswerSchema,
  },
  {
    method: 'PUT', path: '/api/v1/saved-views/:id/pin', tag: 'saved-views', permission: 'metrics.read', id: 'pinSavedView', status: 200,
    summary: 'Pin a view to the caller\'s home page', answer: SavedViewSchema,
  },
  {
    method: 'DELETE', path: '/api/v1/saved-views/:id/pin', tag: 'saved-views', permission: 'metrics.read', id: 'unpinSavedView', status: 200,
    summary: 'Remove a view from the caller\'s home page', answer: SavedViewSchema,
  },
];

const EXAMPLE_QUESTION = { key: 'nps', type: 'nps', metric: 'nps', required: true, text: { en: 'How likely are you to recommend us?' } };

const BUILDER_OPERATIONS: readonly SessionOperation[] = [
  {
    method: 'POST', path: '/api/v1/surveys/preview', tag: 'survey-preview', permission: 'survey.edit', id: 'previewSurvey', status: 200,
    summary: 'The respondent page of an unsaved survey (the builder\'s SurveyInput) in one of its languages',
    description: 'Rendered by the respondent page\'s own code in preview mode (a banner; the form sends nothing). Nothing is stored. '
      + 'An invalid survey is a 400 naming the field (survey.…). lang: one of the survey\'s languages, else its default.',
    body: SurveyPreviewRequestSchema, answer: SurveyPreviewAnswerSchema,
    example: { survey: { name: 'Visit', title: { en: 'Your visit' }, languages: ['en'], defaultLanguage: 'en', questions: [EXAMPLE_QUESTION] }, lang: 'en' },
  },
  {
    method: 'GET', path: '/api/v1/question-library', tag: 'question-library', permission: 'survey.read', id: 'listLibraryQuestions', status: 200,
    summary: 'The organisation\'s library questions, by key', answer: LibraryListAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/question-library', tag: 'question-library', permission: 'survey.edit', id: 'saveLibraryQuestion', status: 201,
    summary: 'Save a question (with its translations) to the library',
    description: 'Kept: key, type, metric, texts, scale, options, boxes. Not kept: ids, versions, show-if. A "why?" follow-up cannot be saved. '
      + 'A key the library has already is a 409 unless replace is true.',
    body: LibrarySaveBody, answer: LibraryEntryAnswerSchema, example: { question: EXAMPLE_QUESTION },
    errors: { 409: 'conflict: the library already has a question with this key' },
  },
  {
    method: 'DELETE', path: '/api/v1/question-library/:id', tag: 'question-library', permission: 'survey.edit', id: 'deleteLibraryQuestion', status: 200,
    summary: 'Remove a question from the library (surveys that use it keep their copy)', answer: OkAnswerSchema,
  },
];

export const SESSION_OPERATIONS: readonly SessionOperation[] = [
  ...REPORT_OPERATIONS,
  ...SHARED_LINK_OPERATIONS,
  ...SAVED_VIEW_OPERATIONS,
  ...BUILDER_OPERATIONS,
  {
    method: 'POST', path: '/api/v1/exports', tag: 'exports', permission: 'metrics.read', id: 'exportChart', status: 200,
    summary: 'A dashboard panel (trend or breakdown) as a CSV or XLSX file, re-computed from its filters',
    description: 'filters are the query parameters of the panel\'s own route (GET /surveys/{id}/analytics/trend or /breakdown), validated '
      + 'the same way (errors name filters.<field>), in the same scope (a location outside the caller\'s is a 404). Headers in lang, else '
      + 'the Accept-Language header\'s, else the survey\'s language. Recorded in the audit log (table.export).',
    // The body is ExportBody itself, so kinds added there appear here without an edit.
    body: ExportBody, example: { kind: 'trend', survey: EXAMPLE_SURVEY, format: 'csv', filters: { interval: 'month' } }, file: TABLE_FILE,
  },
  {
    method: 'GET', path: '/api/v1/audit-log', tag: 'audit-log', permission: 'auditlog.read', id: 'listAuditEvents', status: 200,
    summary: 'The organisation\'s audit log, newest first, in pages',
    description: 'Days are the organisation\'s, both included. action is one action (survey.publish) or a group (survey); actor a user\'s or '
      + 'key\'s id, or system; target an id or words of its label. The next page: cursor=nextCursor.',
    query: AuditLogQuery, answer: AuditLogAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/audit-log/actors', tag: 'audit-log', permission: 'auditlog.read', id: 'listAuditActors', status: 200,
    summary: 'Everyone who appears in the audit log (for the actor filter)', answer: AuditActorsAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/audit-log/export', tag: 'audit-log', permission: 'auditlog.read', id: 'exportAuditLog', status: 200,
    summary: 'Every event in the filters as a CSV or XLSX download',
    description: 'Headers and action names in lang, else the Accept-Language header\'s, else English. The export is itself logged '
      + '(table.export, target type audit_log).',
    query: AuditLogExportQuery, file: TABLE_FILE,
  },
];
