/**
 * The public staff results page /staff-results/:token (docs/staff.md "Telling staff the results"): the
 * results of the link's location and its sub-locations, with the same anonymity rule as the dashboard.
 * No sign-in; unknown or revoked tokens are 404; rate-limited per address like the other public pages.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { LANGUAGES } from '../../core/i18n/languages.ts';
import { hashToken } from '../../http/session.ts';
import { findResultLinkByHash } from '../../db/staff/resultLinks.ts';
import { loadSurvey } from '../../db/surveys/loadSurvey.ts';
import { queryStaffResults } from '../../server/staff/commands/staffResultsQuery.ts';
import { first, type Fields } from '../context.ts';
import { chooseLanguage } from '../i18n.ts';
import { sendMessage, sendPage, standardErrorPages } from '../pageReply.ts';
import { renderStaffResultsPage, STAFF_RESULTS_CSS } from './page.ts';

const TOKEN_RE = /^[A-Za-z0-9_-]{20,100}$/;
/** Page views per minute per address unless deps say otherwise. */
const VIEWS_PER_MINUTE = 60;

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

export async function registerStaffResultsPageRoutes(app: FastifyInstance, deps: AppDeps) {
  const max = deps.publicRateLimitPerMinute ?? VIEWS_PER_MINUTE;
  const keyGenerator = (request: FastifyRequest) => `${request.ip}|staff-results`;
  await app.register(async (scope) => {
    scope.setErrorHandler(standardErrorPages());
    // The token is in the URL: log only warnings and errors.
    scope.get('/staff-results/:token', { logLevel: 'warn', config: { rateLimit: { max, timeWindow: '1 minute', keyGenerator } } }, async (request: TokenRequest, reply) => {
      const lang = chooseLanguage(LANGUAGES, 'en', first((request.query as Fields | undefined)?.lang), request.headers['accept-language']);
      const token = request.params.token;
      const link = TOKEN_RE.test(token) ? await findResultLinkByHash(deps.pool, hashToken(token)) : null;
      const survey = link ? await loadSurvey(deps.pool, link.orgId, link.surveyId) : null;
      if (!link || !survey) return sendMessage(request, reply, 404, 'notFound', 'not_found', lang);
      const data = await queryStaffResults(deps.pool, survey, [link.locationPath]);
      reply.header('cache-control', 'no-store');
      return sendPage(reply, 200, renderStaffResultsPage(lang, link.locationName, data), STAFF_RESULTS_CSS);
    });
  });
}
