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
import { SupportEventsAnswerSchema, SupportEventsBatchDocSchema } from './supportStore.ts';
import { OneResponseAnswerSchema, ResponsesAnswerSchema, ResponsesQuery } from './responses.ts';
import { SurveyListAnswerSchema, SurveyListQuerySchema } from './surveys.ts';
import { SupportKpiQuery, SupportKpisAnswerSchema, SupportTrendAnswerSchema, SupportTrendQuery } from './supportKpis.ts';
import {
  ActionPlanAnswerSchema, ActionPlanCreateSchema, ActionPlanEffectAnswerSchema, ActionPlanListQuery, ActionPlanPatchSchema, ActionPlansAnswerSchema,
} from './actionPlans.ts';
import { CaseMetricsAnswerSchema, CaseMetricsQuery, CaseReportQuery, CompensationAnswerSchema, CompensationQuery, ParetoAnswerSchema } from './caseReports.ts';
import { OkAnswerSchema } from './common.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface KeyOperation {
  method: HttpMethod;
  /** As registered (`/api/v1/surveys/:id/responses`). */
  path: string;
  scope: ApiKeyScope;
  /** Unique, camelCase (OpenAPI operationId). */
  id: string;
  summary: string;
  description?: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its answer. */
  status: number;
  answer: z.ZodType;
  /** A request body that the body schema accepts (the docs page shows it; a test validates it). */
  example?: unknown;
  /**
   * A second request shape the same route accepts (POST /events: a survey trigger, or a batch of support
   * contact events), told apart by the handler; the OpenAPI document offers both bodies (oneOf) and both answers.
   */
  alternative?: { id: string; status: number; body: z.ZodType; answer: z.ZodType; example: unknown };
}

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
  {
    method: 'GET', path: '/api/v1/cases/metrics', scope: 'read', id: 'getCaseMetrics', status: 200,
    summary: 'Closed-loop case metrics: time to first action and to resolve, SLA attainment, recovery rate, open and overdue cases',
    description: 'Times in seconds (median and p90, linear interpolation); SLA attainment (case_sla.v1) and recovery rate (case_recovery.v1) '
      + 'in percent with their Wilson interval. Periods are organisation-local days; open and overdue are as of now.',
    query: CaseMetricsQuery, answer: CaseMetricsAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/cases/root-causes', scope: 'read', id: 'getRootCausePareto', status: 200,
    summary: 'Root causes of the period\'s cases in Pareto order, with controllable marks, compensation and the themes of their comments',
    query: CaseReportQuery, answer: ParetoAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/cases/compensation', scope: 'read', id: 'getCaseCompensation', status: 200,
    summary: 'Compensation given in the period per location or root cause and currency', query: CompensationQuery, answer: CompensationAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/action-plans', scope: 'read', id: 'listActionPlans', status: 200,
    summary: 'Action plans touching the key\'s locations', query: ActionPlanListQuery, answer: ActionPlansAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/action-plans/:id', scope: 'read', id: 'getActionPlan', status: 200,
    summary: 'One action plan', answer: ActionPlanAnswerSchema,
  },
  {
    method: 'GET', path: '/api/v1/action-plans/:id/effect', scope: 'read', id: 'getActionPlanEffect', status: 200,
    summary: 'The plan\'s metric before and after its start date, with the significance test, and a trend across the start',
    description: 'After: from start_date to today (or the due date once passed); before: as many days just before the start. '
      + 'change = after - before with the metric\'s test (adjusted Wald for NPS, two-proportion z or Fisher for CSAT, Welch for CES); '
      + 'significant only when p < 0.05 and both sides have at least 30 answers (reason says why not).',
    answer: ActionPlanEffectAnswerSchema,
  },
  {
    method: 'POST', path: '/api/v1/action-plans', scope: 'cases', id: 'createActionPlan', status: 201,
    summary: 'Create an action plan', body: ActionPlanCreateSchema, answer: ActionPlanAnswerSchema,
    example: { title: 'Train cashiers at Store 7', start_date: '2026-03-01', due_date: '2026-06-01', target_value: 35, location_ids: ['00000000-0000-4000-8000-000000000007'] },
  },
  {
    method: 'PATCH', path: '/api/v1/action-plans/:id', scope: 'cases', id: 'updateActionPlan', status: 200,
    summary: 'Change an action plan (the fields given)', body: ActionPlanPatchSchema, answer: ActionPlanAnswerSchema, example: { status: 'done' },
  },
  {
    method: 'DELETE', path: '/api/v1/action-plans/:id', scope: 'cases', id: 'deleteActionPlan', status: 200,
    summary: 'Delete an action plan', answer: OkAnswerSchema,
  },
];

/** `GET /api/v1/surveys/:id` → the operation, for the key check. */
export function keyOperationOf(method: string, routePath: string | undefined): KeyOperation | undefined {
  if (!routePath) return undefined;
  return KEY_OPERATIONS.find((op) => op.method === method && op.path === routePath);
}
