/**
 * The route table: every route group of the application, registered here and nowhere else (features
 * do not mount each other's routes). Public groups: healthz, the respondent pages, the dashboard's
 * files and the sign-in/setup routes; everything else under /api/v1 needs a session (src/server/app.ts).
 */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { AppDeps } from '../http/deps.ts';
import {
  registerKioskPageRoutes, registerQuizPageRoutes, registerReferralPageRoutes, registerRespondRoutes, registerStaffResultsPageRoutes, registerWidgetRoutes,
} from '../respond/routes.ts';
import { registerSharedLinkPageRoutes } from '../respond/routes.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { registerAccountRoutes } from './auth/accountRoutes.ts';
import { registerLocationRoutes } from './locations/routes.ts';
import { registerUserRoutes } from './users/routes.ts';
import { registerOrgRoutes } from './org/routes.ts';
import { registerBrandingRoutes } from './org/brandingRoutes.ts';
import { registerSurveyRoutes } from './surveys/routes.ts';
import { PREVIEW_SCRIPT_SOURCE, registerSurveyPreviewRoutes } from '../respond/routes.ts';
import { registerPosterRoutes } from './surveys/posterRoutes.ts';
import { registerTranslationRoutes } from './surveys/translationRoutes.ts';
import { registerAnalyticsRoutes } from './analytics/routes.ts';
import { registerSurveyAnalyticsRoutes } from './analytics/surveyRoutes.ts';
import { registerFeedbackRoutes } from './analytics/feedbackRoutes.ts';
import { registerResponseRoutes } from './responses/routes.ts';
import { registerWebRoutes } from './web/routes.ts';
import { registerQuestionLibraryRoutes } from './questionLibrary/routes.ts';
import { registerJobRoutes } from './jobs/routes.ts';
import { registerIntegrationAdminRoutes } from './integrations/adminRoutes.ts';
import { registerIngestRoutes } from './integrations/ingestRoutes.ts';
import { registerOpenApiRoutes } from './integrations/openapiRoutes.ts';
import { registerContactRoutes } from './contacts/routes.ts';
import { registerKioskRoutes } from './kiosks/routes.ts';
import { registerWidgetSettingsRoutes } from './widget/routes.ts';
import { registerInvitationRoutes } from './invitations/routes.ts';
import { registerReviewRoutes } from './reviews/routes.ts';
import { registerTelegramRoutes } from './telegram/routes.ts';
import { registerSmsRoutes } from './sms/routes.ts';
import { registerTextRoutes } from './text/routes.ts';
import { registerThemeSuggestionRoutes } from './text/suggestionRoutes.ts';
import { registerSupportKpiRoutes } from './support/kpiRoutes.ts';
import { registerSupportImportRoutes } from './support/importRoutes.ts';
import { registerRootCauseRoutes } from './cases/rootCauseRoutes.ts';
import { registerAlertRoutes } from './alerts/routes.ts';
import { registerMailboxRoutes } from './cases/mailboxRoutes.ts';
import { registerCaseRoutes } from './cases/routes.ts';
import { registerCaseOpsRoutes } from './cases/caseOpsRoutes.ts';
import { registerCaseReportRoutes } from './cases/reportRoutes.ts';
import { registerActionPlanRoutes } from './cases/actionPlanRoutes.ts';
import { registerChecklistRoutes } from './audits/checklistRoutes.ts';
import { registerAuditWaveRoutes } from './audits/waveRoutes.ts';
import { registerAuditVisitRoutes } from './audits/visitRoutes.ts';
import { registerAuditFieldRoutes } from './audits/fieldRoutes.ts';
import { registerAuditResultRoutes } from './audits/resultRoutes.ts';
import { registerQaRoutes } from './audits/qaRoutes.ts';
import { registerQuizRoutes } from './quizzes/routes.ts';
import { registerStaffRoutes } from './staff/routes.ts';
import { registerPerceptionRoutes } from './staff/perceptionRoutes.ts';
import { registerStaffAnonymityGate } from './staff/anonymityGate.ts';
import { registerStaffResultRoutes } from './staff/resultRoutes.ts';
import { registerFocusRoutes } from './focus/routes.ts';
import { registerStoreImportRoutes } from './store/importRoutes.ts';
import { registerFunnelRoutes } from './store/funnelRoutes.ts';
import { registerLoyaltyRoutes } from './loyalty/routes.ts';
import { registerReferralRoutes } from './referrals/routes.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { registerSharedLinkRoutes } from './sharing/routes.ts';
import { registerReportRenderRoutes } from './reports/renderRoutes.ts';
import { registerHomeRoutes } from './home/routes.ts';
import { registerSavedViewRoutes } from './views/savedViewRoutes.ts';
import { registerExportRoutes } from './views/exportRoutes.ts';
import { registerAuditLogRoutes } from './auditLog/routes.ts';

/** @param replica the read replica's own pool, for /healthz (deps.readPool falls back to the primary) */
export async function registerRoutes(app: FastifyInstance, deps: AppDeps, replica: pg.Pool | undefined) {
  // First: a hook in front of every route; staff surveys' answers stay anonymous (docs/staff.md).
  await registerStaffAnonymityGate(app, deps);
  await registerHealthRoutes(app, deps.pool, replica); // GET /healthz
  await registerAuthRoutes(app, deps); // /api/v1/auth/state, setup, logout; GET /api/v1/me
  await registerAccountRoutes(app, deps); // sign-in, password reset, own account, two-factor
  await registerLocationRoutes(app, deps); // /api/v1/locations
  await registerUserRoutes(app, deps); // /api/v1/users, /api/v1/invitations, /api/v1/outbox
  await registerOrgRoutes(app, deps); // /api/v1/org
  await registerBrandingRoutes(app, deps); // /api/v1/org/branding, /api/v1/org/logo, public /s/:slug/logo
  await registerSurveyPreviewRoutes(app, deps); // /api/v1/surveys/preview (the builder's live preview)
  await registerSurveyRoutes(app, deps); // /api/v1/surveys
  await registerQuestionLibraryRoutes(app, deps); // /api/v1/question-library
  await registerPosterRoutes(app, deps); // /api/v1/surveys/:id/poster.svg and .pdf
  await registerTranslationRoutes(app, deps); // /api/v1/surveys/:id/translations (XLIFF and CSV)
  await registerAnalyticsRoutes(app, deps); // /api/v1/analytics overview, freshness, dimensions
  await registerSurveyAnalyticsRoutes(app, deps); // /api/v1/surveys/:id/analytics/*
  await registerFeedbackRoutes(app, deps); // /api/v1/surveys/:id/comments, quality
  await registerTextRoutes(app, deps); // /api/v1/surveys/:id/text/*, /api/v1/text/* (comment sentiment, themes, model)
  await registerThemeSuggestionRoutes(app, deps); // /api/v1/surveys/:id/text/theme-suggestions, /api/v1/text/theme-suggestions/*
  await registerResponseRoutes(app, deps); // responses list and detail, exclusion
  await registerRespondRoutes(app, deps); // public /s/:slug pages
  await registerWebRoutes(app, deps, [PREVIEW_SCRIPT_SOURCE]); // the dashboard's files (/, /app, /assets/...)
  // Last: the fuzz test's per-route seeds follow registration order (test/fuzz/requests.test.ts).
  await registerJobRoutes(app, deps); // /api/v1/org/jobs: failed jobs, retry
  await registerIntegrationAdminRoutes(app, deps); // /api/v1/org/api-keys, /api/v1/org/webhooks (+ deliveries, resend)
  await registerIngestRoutes(app, deps); // API-key ingest: /api/v1/contacts, /api/v1/events, POST /api/v1/surveys/:id/responses
  await registerOpenApiRoutes(app, deps); // public /api/v1/openapi.json and /api/docs
  await registerContactRoutes(app, deps); // /api/v1/contacts, /api/v1/contact-attributes
  await registerKioskRoutes(app, deps); // /api/v1/surveys/:id/kiosks: create, list, revoke
  await registerKioskPageRoutes(app, deps); // public /k/:token/ kiosk pages and their answers
  await registerWidgetRoutes(app, deps); // public /w.js, /w/prompt.js, /w/:slug/config, POST /w/:slug (website widget)
  await registerWidgetSettingsRoutes(app, deps); // /api/v1/surveys/:id/widget
  await registerInvitationRoutes(app, deps); // /api/v1/waves, /api/v1/surveys/:id/response-rate
  await registerReviewRoutes(app, deps); // /api/v1/reviews: list, sources, trend, import, delete
  await registerTelegramRoutes(app, deps); // /api/v1/org/telegram, /api/v1/surveys/:id/telegram, public /telegram/webhook/:key
  await registerSmsRoutes(app, deps); // /api/v1/org/sms, /api/v1/org/sms/test
  await registerSupportKpiRoutes(app, deps); // /api/v1/support/kpis, trend, distribution, repeats, sla-breaches, complaints
  await registerSupportImportRoutes(app, deps); // /api/v1/support/imports (upload, progress), /api/v1/support/settings
  await registerRootCauseRoutes(app, deps); // /api/v1/root-causes
  await registerAlertRoutes(app, deps); // /api/v1/alert-rules, /api/v1/alerts, /api/v1/notifications (the bell)
  await registerMailboxRoutes(app, deps); // /api/v1/org/feedback-mailbox (+ /test), /api/v1/feedback-messages
  await registerCaseRoutes(app, deps); // /api/v1/cases: inbox, complaints book, one case, notes, replies, resolve, compensation, bulk
  await registerCaseOpsRoutes(app, deps); // /api/v1/org/case-routing, case-teams, business-hours, compensation-limits; /api/v1/locations/:id/business-hours
  await registerCaseReportRoutes(app, deps); // /api/v1/cases/metrics, /cases/root-causes (Pareto), /cases/compensation
  await registerActionPlanRoutes(app, deps); // /api/v1/action-plans (+ /:id/effect)
  await registerChecklistRoutes(app, deps); // /api/v1/checklists (+ import, export, versions), /api/v1/checklist-starters
  await registerAuditWaveRoutes(app, deps); // /api/v1/audit-waves (+ assignments), /api/v1/audit-assignments/:id
  await registerAuditVisitRoutes(app, deps); // /api/v1/audit-visits: submit, list, one visit, corrections, review, publish, appeals; /api/v1/audit-appeals/:id
  await registerAuditFieldRoutes(app, deps); // /api/v1/my/audit-assignments (the auditor's page), /api/v1/audit-evidence (upload, download)
  await registerAuditResultRoutes(app, deps); // /api/v1/audits/*: results by standard, section, item, location, employee, period; worst items, autofails, benchmark, customer link
  await registerQaRoutes(app, deps); // /api/v1/employees (+ coaching notes), /api/v1/coaching-notes/:id, /api/v1/qa/*, /api/v1/audit-calibrations
  await registerQuizRoutes(app, deps); // /api/v1/quizzes (+ results, personal links)
  await registerQuizPageRoutes(app, deps); // public /quiz/:slug pages: take a quiz, see the result
  await registerStaffRoutes(app, deps); // /api/v1/staff/*: staff survey results (anonymous), perception gap, staff results links
  await registerStaffResultRoutes(app, deps); // /api/v1/staff/results, /api/v1/staff/result-links (+ /:id/revoke)
  await registerPerceptionRoutes(app, deps); // GET /api/v1/staff/perception: the staff's estimate beside the customers' answers
  await registerStaffResultsPageRoutes(app, deps); // public /staff-results/:token
  await registerFocusRoutes(app, deps); // /api/v1/focus-sessions (+ findings, analysis)
  await registerStoreImportRoutes(app, deps); // /api/v1/store-imports (footfall, transactions, shifts)
  await registerFunnelRoutes(app, deps); // /api/v1/store/funnel (+ trend, stores, hours)
  await registerLoyaltyRoutes(app, deps); // /api/v1/loyalty/* (summary, lorenz, retention, cohorts, nps-value, what-if)
  await registerReferralRoutes(app, deps); // /api/v1/referrals (settings, report, claims)
  await registerReferralPageRoutes(app, deps); // public /r/:code
  await registerReportRoutes(app, deps); // /api/v1/reports (+ schedules, send-now, pdf), /api/v1/report-schedules/:id, /api/v1/report-deliveries (+ retry)
  await registerSharedLinkRoutes(app, deps); // /api/v1/shared-links (+ /:id, /:id/revoke)
  await registerSharedLinkPageRoutes(app, deps); // public /p/:token, /p/:token/embed, POST /p/:token/unlock
  await registerReportRenderRoutes(app, deps); // POST /api/v1/reports/render: a report as PDF or HTML
  await registerHomeRoutes(app, deps); // GET /api/v1/home: what changed (metrics, movers, themes, cases, audits, support)
  await registerSavedViewRoutes(app, deps); // /api/v1/saved-views (+ /:id, /:id/pin)
  await registerExportRoutes(app, deps); // POST /api/v1/exports: a dashboard chart or table as CSV / XLSX
  await registerAuditLogRoutes(app, deps); // /api/v1/audit-log (+ /actors): who did what, owners and admins
}
