/**
 * @module The routes API keys may call, with their scope and their request and answer schemas: the one
 * declaration the server's key check (src/http/apiKeyAuth.ts) and the OpenAPI document (./openapi.ts,
 * served at /api/v1/openapi.json) are both made from. A route not listed here refuses API keys (403),
 * whatever its handler does; test/integrations/openapi.test.ts checks that every listed route exists.
 */
import type { z } from 'zod';
import type { ApiKeyScope } from '../integrations/apiKeys.ts';
import { FilterSchema, OverviewAnswerSchema, SummaryAnswerSchema, TrendAnswerSchema, TrendQuery } from './analytics.ts';
import {
  ContactInputSchema, RecordResponseAnswerSchema, RecordResponseSchema, TriggerAnswerSchema, TriggerSurveySchema, UpsertContactAnswerSchema,
} from './ingest.ts';
import { LocationsAnswerSchema } from './locations.ts';
import { ReferralClaimAnswerSchema, ReferralClaimSchema } from './referrals.ts';
import { AlertRuleAnswerSchema, AlertRulesAnswerSchema, AlertsAnswerSchema, AlertsQuery, CreateAlertRuleSchema, UpdateAlertRuleSchema } from './alertRules.ts';
import { OkAnswerSchema } from './common.ts';
import { SupportEventsAnswerSchema, SupportEventsBatchDocSchema } from './supportStore.ts';
import { OneResponseAnswerSchema, ResponsesAnswerSchema, ResponsesQuery } from './responses.ts';
import { SurveyListAnswerSchema, SurveyListQuerySchema } from './surveys.ts';
import {
  CaseAnswerSchema, CaseBulkAnswerSchema, CaseBulkBody, CaseCompensationBody, CaseCreatedAnswerSchema, CaseEventAnswerSchema, CaseNoteBody,
  CasePatchBody, CaseReplyBody, CaseResolveBody, CasesAnswerSchema, CasesQuery, NewCaseBody,
} from './cases.ts';
import { SupportKpiQuery, SupportKpisAnswerSchema, SupportTrendAnswerSchema, SupportTrendQuery } from './supportKpis.ts';
import {
  ActionPlanAnswerSchema, ActionPlanCreateSchema, ActionPlanEffectAnswerSchema, ActionPlanListQuery, ActionPlanPatchSchema, ActionPlansAnswerSchema,
} from './actionPlans.ts';
import { CaseMetricsAnswerSchema, CaseMetricsQuery, CaseReportQuery, CompensationAnswerSchema, CompensationQuery, ParetoAnswerSchema } from './caseReports.ts';
import { HomeAnswerSchema, HomeQuery } from './home.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the OpenAPI document (./openapi.ts) tells of any route, whoever may call it. */
export interface DocumentedOperation {
  method: HttpMethod;
  /** As registered (`/api/v1/surveys/:id/responses`). */
  path: string;
  /** Unique, camelCase (OpenAPI operationId). */
  id: string;
  summary: string;
  description?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its JSON answer (none for a route that answers with a file). */
  status: number;
  answer?: z.ZodType;
  /** A request body that the body schema accepts (the docs page shows it; a test validates it). */
  example?: unknown;
}

export interface KeyOperation extends DocumentedOperation {
  scope: ApiKeyScope;
  /** Other scopes whose keys may call it too (a `cases` key reads the cases a `read` key reads). */
  alsoScopes?: readonly ApiKeyScope[];
  answer: z.ZodType;
  /**
   * A second request shape the same route accepts (POST /events: a survey trigger, or a batch of support
   * contact events), told apart by the handler; the OpenAPI document offers both bodies (oneOf) and both answers.
   */
  alternative?: { id: string; status: number; body: z.ZodType; answer: z.ZodType; example: unknown };
}

/** The cases API (docs/api.md "Cases"): `read` keys read, `cases` keys read and write; both see only their locations. */
const CASE_OPERATIONS: readonly KeyOperation[] = [
  {
    method: 'GET', path: '/api/v1/cases', scope: 'read', alsoScopes: ['cases'], id: 'listCases', status: 200,
    summary: 'Cases (the inbox), with counts per status',
    description: 'Filters: status (several, comma-separated or repeated), priority, owner (me, unassigned or a user id), team, location '
      + '(its subtree), channel, overdue=true, rootCause, q (a number like 42 or #42, or words of the title, customer or description), '
      + 'from/to (creation days). Sorted by due time unless sort says otherwise; offset paging with the total.',
    query: CasesQuery, answer: CasesAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/cases/:id', scope: 'read', alsoScopes: ['cases'], id: 'getCase', status: 200,
    summary: 'One case: its source excerpt, timeline and compensation', answer: CaseAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/cases', scope: 'cases', id: 'createCase', status: 201,
    summary: 'Record a claim by hand (the complaints book)',
    description: 'A call, a letter, a visit: the channel is recorded, the owner chosen by routing rules (or given), the SLA due time set from '
      + 'the priority and the location\'s business hours.',
    body: NewCaseBody, answer: CaseCreatedAnswerSchema,
    example: { channel: 'phone', title: 'Charged twice at the till', description: 'Called at 14:10, wants a refund', priority: 'high', customerName: 'Maria', customerPhone: '+7 916 123-45-67' },
  },
  {
    method: 'PATCH', path: '/api/v1/cases/:id', scope: 'cases', id: 'updateCase', status: 200,
    summary: 'Change status, priority, owner, team or title',
    description: 'Resolving needs a root cause: use POST /cases/{id}/resolve. A move the workflow forbids is a 409.',
    body: CasePatchBody, answer: CaseAnswerSchema, example: { status: 'in_progress', ownerUserId: '00000000-0000-4000-8000-000000000002' },
  },
  {
    method: 'POST', path: '/api/v1/cases/:id/notes', scope: 'cases', id: 'addCaseNote', status: 201,
    summary: 'Add an internal note; @handle or @e-mail notifies colleagues who can see the case',
    body: CaseNoteBody, answer: CaseEventAnswerSchema, example: { text: '@olga please call her back today' },
  },
  {
    method: 'POST', path: '/api/v1/cases/:id/replies', scope: 'cases', id: 'replyToCustomer', status: 201,
    summary: 'E-mail the customer from the case',
    description: 'The subject carries [#number]; Reply-To is the feedback mailbox when one is set, so the answer threads back.',
    body: CaseReplyBody, answer: CaseEventAnswerSchema, example: { text: 'We are sorry about your visit; the refund is on its way.' },
  },
  {
    method: 'POST', path: '/api/v1/cases/:id/resolve', scope: 'cases', id: 'resolveCase', status: 200,
    summary: 'Resolve with a root cause', body: CaseResolveBody, answer: CaseAnswerSchema,
    example: { rootCauseId: '00000000-0000-4000-8000-000000000003', controllable: true, resolution: 'Refunded; barista retrained', askCustomer: true },
  },
  {
    method: 'POST', path: '/api/v1/cases/:id/compensations', scope: 'cases', id: 'addCompensation', status: 201,
    summary: 'Record compensation given, within the key\'s role limit',
    body: CaseCompensationBody, answer: CaseEventAnswerSchema, example: { amount: 500, kind: 'refund', note: 'Second coffee refunded' },
  },
  {
    method: 'POST', path: '/api/v1/cases/bulk', scope: 'cases', id: 'bulkUpdateCases', status: 200,
    summary: 'Assign, move or re-prioritise several cases at once (all or nothing)',
    body: CaseBulkBody, answer: CaseBulkAnswerSchema,
    example: { ids: ['00000000-0000-4000-8000-000000000004'], action: 'priority', value: 'high' },
  },
];

const EXAMPLE_CONTACT = { email: 'maria@example.com', externalId: 'crm-1042', name: 'Maria', language: 'ru' };
/** The contact directory's routes (POST /contacts creates only, for the dashboard) are sessions' own; keys upsert with PUT. */

export const KEY_OPERATIONS: readonly KeyOperation[] = [
  {
    method: 'PUT', path: '/api/v1/contacts', scope: 'ingest', id: 'upsertContact', status: 200,
    summary: 'Create or update a contact',
    description: 'Finds the contact by its email, phone or externalId and changes the fields given (null or "" clears one), or '
      + 'creates it (201). Identifiers of two different contacts are a 409. An opt-out is kept: nothing here clears it. '
      + 'Attributes must be defined first (Contacts → Attributes in the dashboard).',
    body: ContactInputSchema, answer: UpsertContactAnswerSchema,
    example: { ...EXAMPLE_CONTACT, phone: '+79161234567', segment: 'gold' },
  },
  {
    method: 'POST', path: '/api/v1/events', scope: 'ingest', id: 'triggerSurvey', status: 201,
    summary: 'Ask a contact to answer a survey after an event, or store support contact events',
    description: 'Two request shapes. (1) A survey trigger: creates or updates the contact, then queues an invitation to the survey, '
      + 'sent delaySeconds from now through the channel by the invitation pipeline, which applies the contact-frequency policy and '
      + 'opt-outs at send time; with ticketId, the answer is joined to that support contact (201, TriggerAnswer). '
      + '(2) A body with an `events` array: up to 1000 support contact events in the canonical shape (docs/import-formats.md), '
      + 'each validated on its own; valid ones are stored once each (the same event again changes nothing, and a retry gets the '
      + 'same answer), invalid ones are listed in `errors` by index (200, SupportEventsAnswer). A key limited to locations may '
      + 'write only contacts whose location (code or name) is one of its locations.',
    body: TriggerSurveySchema, answer: TriggerAnswerSchema,
    example: { event: 'ticket solved', contact: EXAMPLE_CONTACT, surveyId: '00000000-0000-4000-8000-000000000001', delaySeconds: 3600, channel: 'email', ticketId: 'T-1042' },
    alternative: {
      id: 'storeSupportEvents', status: 200, body: SupportEventsBatchDocSchema, answer: SupportEventsAnswerSchema,
      example: {
        events: [
          { ticket_id: 'T-1042', customer_id: 'maria@example.com', at: '2026-03-02T09:15:00+03:00', event: 'created', channel: 'email', location: 'MSK-01', priority: 'high' },
          { ticket_id: 'T-1042', at: '2026-03-02T09:40:00+03:00', event: 'agent_reply', agent: 'Olga', team: 'Billing' },
          { ticket_id: 'T-1042', at: '2026-03-02T11:05:00+03:00', event: 'solved', agent: 'Olga' },
        ],
      },
    },
  },
  {
    method: 'POST', path: '/api/v1/surveys/:id/responses', scope: 'ingest', id: 'recordResponse', status: 201,
    summary: 'Record a response given elsewhere',
    description: 'Validated like a respondent\'s answer. A retry with the same idempotencyKey answers 200 with the first response '
      + 'and stores nothing.',
    body: RecordResponseSchema, answer: RecordResponseAnswerSchema,
    example: { idempotencyKey: 'pos-7781-20260301', answers: { nps: 9, comment: 'Fast checkout' }, language: 'en', channel: 'pos', hidden: { order: '7781' } },
  },
  {
    method: 'POST', path: '/api/v1/referrals/claims', scope: 'ingest', id: 'claimReferral', status: 201,
    summary: 'A customer came with a promoter\'s referral code ("bring a friend")',
    description: 'The first code wins: a customer claimed before answers 200 with that claim (created false). A promoter cannot '
      + 'use their own code (their contact\'s external id). Unknown codes, and codes of locations outside the key\'s, are a 400 on code.',
    body: ReferralClaimSchema, answer: ReferralClaimAnswerSchema,
    example: { code: 'K7M2-QX9A', customerId: 'crm-2087' },
  },
  {
    method: 'GET', path: '/api/v1/analytics/overview', scope: 'read', id: 'getOverview', status: 200,
    summary: 'Every survey\'s main metric', query: FilterSchema, answer: OverviewAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/surveys/:id/analytics/summary', scope: 'read', id: 'getSurveySummary', status: 200,
    summary: 'A survey\'s metrics', query: FilterSchema, answer: SummaryAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/surveys/:id/analytics/trend', scope: 'read', id: 'getSurveyTrend', status: 200,
    summary: 'A survey\'s metric over time', query: TrendQuery, answer: TrendAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/surveys', scope: 'read', id: 'listSurveys', status: 200,
    summary: 'The surveys', query: SurveyListQuerySchema, answer: SurveyListAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/surveys/:id/responses', scope: 'read', id: 'listResponses', status: 200,
    summary: 'A survey\'s responses, newest first', query: ResponsesQuery, answer: ResponsesAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/responses/:id', scope: 'read', id: 'getResponse', status: 200,
    summary: 'One response', answer: OneResponseAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/locations', scope: 'read', id: 'listLocations', status: 200,
    summary: 'The locations the key may see', answer: LocationsAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/support/kpis', scope: 'read', id: 'getSupportKpis', status: 200,
    summary: 'Support KPIs of the contacts in the filters, optionally per agent, team, location, channel, category or priority',
    description: 'Times in seconds (median and p90 by linear interpolation, mean), rates as shares 0..1, null where the data cannot tell. '
      + 'repeatWindow (e.g. 7d) names the repeat-contact rate (repeat_7d).',
    query: SupportKpiQuery, answer: SupportKpisAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/support/trend', scope: 'read', id: 'getSupportTrend', status: 200,
    summary: 'Support KPIs per day, week or month', query: SupportTrendQuery, answer: SupportTrendAnswerSchema,
  },
  // Alert rules (docs/api.md "Alert rules"): a read key reads them, a cases key also writes them.
  {
    method: 'GET', path: '/api/v1/alert-rules', scope: 'read', alsoScopes: ['cases'], id: 'listAlertRules', status: 200,
    summary: 'The alert rules (of the key\'s locations when it is limited to some)', answer: AlertRulesAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/alert-rules/:id', scope: 'read', alsoScopes: ['cases'], id: 'getAlertRule', status: 200,
    summary: 'One alert rule', answer: AlertRuleAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/alert-rules', scope: 'cases', id: 'createAlertRule', status: 201,
    summary: 'Create an alert rule',
    description: 'trigger is one of low_score, negative_review, comment_match, sla_breach, metric_drop, each with its own params '
      + '(docs/closed-loop.md "Alerts"). Recipients: userIds, locationRoles (users of these roles whose locations include the alert\'s), '
      + 'emails, webhook (alert.triggered to the endpoints subscribed to it). quietMinutes: no second delivered alert of the rule for the same '
      + 'location within this time. opensCase: each alert opens a follow-up case with casePriority.',
    body: CreateAlertRuleSchema, answer: AlertRuleAnswerSchema,
    example: {
      name: 'Detractor at any store', trigger: 'low_score', params: { metric: 'nps' }, recipients: { locationRoles: ['location_manager'], emails: [], userIds: [], webhook: true },
      quietMinutes: 30, opensCase: true, casePriority: 'high',
    },
  },
  {
    method: 'PATCH', path: '/api/v1/alert-rules/:id', scope: 'cases', id: 'updateAlertRule', status: 200,
    summary: 'Change an alert rule (any field; params are checked against the trigger)', body: UpdateAlertRuleSchema, answer: AlertRuleAnswerSchema,
    example: { enabled: false },
  },
  {
    method: 'DELETE', path: '/api/v1/alert-rules/:id', scope: 'cases', id: 'deleteAlertRule', status: 200,
    summary: 'Delete an alert rule (its alerts go with it)', answer: OkAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/alerts', scope: 'read', alsoScopes: ['cases'], id: 'listAlerts', status: 200,
    summary: 'Alerts fired, newest first, of the key\'s locations', query: AlertsQuery, answer: AlertsAnswerSchema,
  },
  ...CASE_OPERATIONS,
  {
    method: 'GET', path: '/api/v1/cases/metrics', scope: 'read', alsoScopes: ['cases'], id: 'getCaseMetrics', status: 200,
    summary: 'Closed-loop case metrics: time to first action and to resolve, SLA attainment, recovery rate, open and overdue cases',
    description: 'Times in seconds (median and p90, linear interpolation); SLA attainment (case_sla.v1) and recovery rate (case_recovery.v1) '
      + 'in percent with their Wilson interval. Periods are organisation-local days; open and overdue are as of now.',
    query: CaseMetricsQuery, answer: CaseMetricsAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/cases/root-causes', scope: 'read', alsoScopes: ['cases'], id: 'getRootCausePareto', status: 200,
    summary: 'Root causes of the period\'s cases in Pareto order, with controllable marks, compensation and the themes of their comments',
    query: CaseReportQuery, answer: ParetoAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/cases/compensation', scope: 'read', alsoScopes: ['cases'], id: 'getCaseCompensation', status: 200,
    summary: 'Compensation given in the period per location or root cause and currency', query: CompensationQuery, answer: CompensationAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/action-plans', scope: 'read', alsoScopes: ['cases'], id: 'listActionPlans', status: 200,
    summary: 'Action plans touching the key\'s locations', query: ActionPlanListQuery, answer: ActionPlansAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/action-plans/:id', scope: 'read', alsoScopes: ['cases'], id: 'getActionPlan', status: 200,
    summary: 'One action plan', answer: ActionPlanAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/action-plans/:id/effect', scope: 'read', alsoScopes: ['cases'], id: 'getActionPlanEffect', status: 200,
    summary: 'The plan\'s metric before and after its start date, with the significance test, and a trend across the start',
    description: 'After: from startDate to today (or the due date once passed); before: as many days just before the start. '
      + 'change = after - before with the metric\'s test (adjusted Wald for NPS, two-proportion z or Fisher for CSAT, Welch for CES); '
      + 'significant only when p < 0.05 and both sides have at least 30 answers (reason says why not).',
    answer: ActionPlanEffectAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/action-plans', scope: 'cases', id: 'createActionPlan', status: 201,
    summary: 'Create an action plan', body: ActionPlanCreateSchema, answer: ActionPlanAnswerSchema,
    example: { title: 'Train cashiers at Store 7', startDate: '2026-03-01', dueDate: '2026-06-01', targetValue: 35, locationIds: ['00000000-0000-4000-8000-000000000007'] },
  },
  {
    method: 'PATCH', path: '/api/v1/action-plans/:id', scope: 'cases', id: 'updateActionPlan', status: 200,
    summary: 'Change an action plan (the fields given)', body: ActionPlanPatchSchema, answer: ActionPlanAnswerSchema, example: { status: 'done' },
  },
  {
    method: 'DELETE', path: '/api/v1/action-plans/:id', scope: 'cases', id: 'deleteActionPlan', status: 200,
    summary: 'Delete an action plan', answer: OkAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/home', scope: 'read', id: 'getHome', status: 200,
    summary: 'What changed: headline metrics against the previous period, significant movers, grown themes, cases, audits, support',
    description: 'period is a report period rule (default last_30_days) on the organisation\'s calendar, compared with the period before it. '
      + 'change.significant follows the metric\'s test (p < 0.05, both sides at least 30 answers); movers list only significant changes. '
      + 'A key limited to some locations gets company as one benchmark figure (only when 2+ other locations answered).',
    query: HomeQuery, answer: HomeAnswerSchema,
  },
];

/** `GET /api/v1/surveys/:id` → the operation, for the key check. */
export function keyOperationOf(method: string, routePath: string | undefined): KeyOperation | undefined {
  if (!routePath) return undefined;
  return KEY_OPERATIONS.find((op) => op.method === method && op.path === routePath);
}
