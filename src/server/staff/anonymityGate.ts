/**
 * The anonymity gate of staff surveys (docs/staff.md "Employee surveys and anonymity"): one hook in front
 * of every route, so no per-survey route (today's or a future one) can show an employee's answer.
 *
 * - Routes under /api/v1/surveys/:id/ answer 403 `staff_anonymous` for a staff survey, except the few that
 *   show no answers (ALLOWED: lifecycle, links, posters, kiosks, widget and Telegram settings, API submissions).
 *   New routes there are refused by default.
 * - Routes under /api/v1/responses/:id and the comment edit of /api/v1/text/comments/:responseId/... answer
 *   403 `staff_anonymous` for an answer to a staff survey.
 * - Invitations (waves, triggers) and the contact policy refuse staff surveys with a 400: an invitation ties
 *   an answer to a person.
 * Look-ups use the caller's organisation only, so another organisation's ids behave as unknown (the route's 404).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { DomainError } from '../../core/errors.ts';
import { isStaffTarget } from '../../db/staff/audience.ts';

const SURVEY_ROUTE = '/api/v1/surveys/:id';

/** Per-survey routes that show no answers, by "METHOD suffix" after /api/v1/surveys/:id. */
const ALLOWED = new Set([
  'GET ', 'PUT ', 'DELETE ',
  'POST /status', 'POST /duplicate', 'POST /archive', 'POST /restore',
  'GET /links', 'GET /poster.svg', 'GET /poster.pdf',
  'GET /kiosks', 'POST /kiosks', 'POST /kiosks/revoke',
  'GET /widget', 'PUT /widget', 'GET /telegram', 'PUT /telegram',
  // an API key's submission: stored without identity (submitResponse.ts)
  'POST /responses',
]);

/** Routes that start an invitation (or set its policy), with where they name the survey. */
const INVITING: Record<string, 'param' | 'body'> = {
  'PUT /api/v1/surveys/:id/contact-policy': 'param',
  'POST /api/v1/waves': 'body',
  'POST /api/v1/waves/preview': 'body',
  'POST /api/v1/events': 'body',
};

const staffAnonymous = () =>
  new DomainError(
    'staff_anonymous',
    'This is a staff survey: its answers are anonymous and shown only for groups of 5 or more, at /api/v1/staff/results',
    { see: '/api/v1/staff/results' },
  );

function param(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export async function registerStaffAnonymityGate(app: FastifyInstance, deps: AppDeps) {
  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/v1/')) return;
    const principal = request.sessionUser?.principal ?? request.apiKey?.principal;
    if (!principal) return; // the route itself answers 401
    const key = `${request.method} ${route}`;
    const staff = (kind: 'survey' | 'response', id: string) => isStaffTarget(deps.pool, principal.orgId, kind, id);

    const inviting = INVITING[key];
    if (inviting) {
      const body = request.body as Record<string, unknown> | null;
      const surveyId = inviting === 'param' ? param(request, 'id') : typeof body?.surveyId === 'string' ? body.surveyId : '';
      if (surveyId && (await staff('survey', surveyId))) {
        const field = inviting === 'param' ? 'survey' : 'surveyId';
        throw new DomainError('validation', `${field}: a staff survey takes no invitations, so that no answer is tied to a person`, { field });
      }
      return;
    }
    if (route.startsWith(`${SURVEY_ROUTE}/`) || route === SURVEY_ROUTE) {
      if (ALLOWED.has(`${request.method} ${route.slice(SURVEY_ROUTE.length)}`)) return;
      if (await staff('survey', param(request, 'id'))) throw staffAnonymous();
      return;
    }
    if (route.startsWith('/api/v1/responses/:id')) {
      if (await staff('response', param(request, 'id'))) throw staffAnonymous();
      return;
    }
    if (route.startsWith('/api/v1/text/comments/:responseId')) {
      if (await staff('response', param(request, 'responseId'))) throw staffAnonymous();
    }
  });
}
