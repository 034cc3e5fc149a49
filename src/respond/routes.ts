/**
 * Public respondent routes (no session): GET /s/:slug renders the survey page, POST /s/:slug stores
 * a submission. Rate-limited per IP and survey; errors become localized pages (or JSON for scripts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { hiddenFromQuery, newIdempotencyKey, parseChannel, resolveLocation, surveyLanguage, type Fields } from './context.ts';
import { sendMessage, sendPage, standardErrorPages } from './pageReply.ts';
import { renderSurveyPage, renderThanksPage } from './render/surveyPage.ts';
import { accentStyle } from './render/brand.ts';
import { endedThanks, loadPublicSurvey, submitHandler } from './submitHandler.ts';
import { isPreviewRequest, loadPreviewSurvey, redirectFromEarlierSlug, sendIfUnavailable } from './lifecycle.ts';
import { unsubscribeRoutes } from './unsubscribe.ts';
import { progressHandler, resumeHandler } from './progress.ts';

/** The kiosk pages (/k/:token/...), mounted by the route table beside these. */
export { registerKioskPageRoutes } from './kiosk/routes.ts';
/** The knowledge quiz pages (/quiz/:slug), mounted by the route table beside the quizzes API. */
export { registerQuizPageRoutes } from './quiz/routes.ts';
/** The "bring a friend" link /r/:code, mounted by the route table beside the referrals API. */
export { registerReferralPageRoutes } from './referral/routes.ts';
/** The staff results page /staff-results/:token, mounted by the route table beside the staff API. */
export { registerStaffResultsPageRoutes } from './staffResults/routes.ts';
/** A shared link's public pages /p/:token (+ /embed, /unlock), mounted by the route table beside the shared links API. */
export { registerSharedLinkPageRoutes } from './shared/routes.ts';
export { registerSurveyPreviewRoutes, PREVIEW_SCRIPT_SOURCE } from './preview/routes.ts';
import { invitationPage } from './invitation.ts';
import { referralOfThanks } from './referral/thanks.ts';

/** Submissions per minute per IP and survey unless deps say otherwise; page views get four times as many. */
export const DEFAULT_POSTS_PER_MINUTE = 30;
const BODY_LIMIT = 64 * 1024;

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

const keyGenerator = (request: FastifyRequest) => `${request.ip}|${(request.params as { slug?: string }).slug ?? ''}`;

/** Registers GET and POST /s/:slug in their own scope (error pages, rate limits, 64 kB body limit). */
export async function registerRespondRoutes(app: FastifyInstance, deps: AppDeps) {
  const postMax = deps.publicRateLimitPerMinute ?? DEFAULT_POSTS_PER_MINUTE;
  // A respondent who pastes an unpaired surrogate keeps the answer, with U+FFFD in its place (src/http/cleanRequest.ts).
  const config = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator }, invalidUnicode: 'replace' as const });
  // Request lines would log URLs with hidden fields (order numbers, e-mails): keep only warnings and errors.
  const logLevel = 'warn';

  // Own plugin scope so that errors here (429, 413, 500) become respondent pages, not API JSON.
  await app.register(async (scope) => {
    scope.setErrorHandler(standardErrorPages());

    scope.get('/s/:slug', { logLevel, config: config(postMax * 4) }, async (request: SlugRequest, reply) => {
      const query = (request.query ?? {}) as Fields;
      const preview = isPreviewRequest(request);
      const slug = request.params.slug;
      const survey = preview ? await loadPreviewSurvey(deps, request, slug) : await loadPublicSurvey(deps, slug);
      if (!survey) {
        if (!preview && (await redirectFromEarlierSlug(deps, request, reply, slug, 301))) return reply;
        return sendMessage(request, reply, 404, 'notFound', 'not_found');
      }
      const lang = surveyLanguage(survey, query.lang, request.headers['accept-language']);
      // Closed, outside its schedule or full: the closed page (or when it opens) instead of the form; the author's preview always shows it.
      if (!preview && (await sendIfUnavailable(deps, request, reply, survey, lang))) return reply;
      const location = await resolveLocation(deps.pool, survey, query.loc);
      const page = renderSurveyPage({
        survey,
        lang,
        idempotencyKey: newIdempotencyKey(),
        startedMs: Date.now(),
        locationId: location?.id ?? null,
        channel: parseChannel(query.channel),
        hidden: hiddenFromQuery(query),
        preview,
      });
      return sendPage(reply, 200, page, accentStyle(survey));
    });

    // The page a form submission is redirected to (submitHandler.ts thanksPath).
    scope.get('/s/:slug/thanks', { logLevel, config: config(postMax * 4) }, async (request: SlugRequest, reply) => {
      const preview = isPreviewRequest(request);
      const slug = request.params.slug;
      const survey = preview ? await loadPreviewSurvey(deps, request, slug) : await loadPublicSurvey(deps, slug);
      if (!survey) return sendMessage(request, reply, 404, 'notFound', 'not_found');
      const query = (request.query ?? {}) as Fields;
      const lang = surveyLanguage(survey, query.lang, request.headers['accept-language']);
      const referral = preview ? null : await referralOfThanks(deps, request, survey, lang, query.ref);
      const text = endedThanks(survey, lang, query.end);
      return sendPage(reply, 200, renderThanksPage(survey, lang, preview, referral ?? undefined, text), accentStyle(survey));
    });

    scope.post('/s/:slug', { logLevel, bodyLimit: BODY_LIMIT, config: config(postMax) }, submitHandler(deps));
    // Partial responses (src/respond/progress.ts): saved after each screen on phones, and given back on a later visit.
    scope.post('/s/:slug/progress', { logLevel, bodyLimit: BODY_LIMIT, config: config(postMax) }, (request: SlugRequest, reply) => progressHandler(deps, request, reply));
    scope.post('/s/:slug/resume', { logLevel, bodyLimit: BODY_LIMIT, config: config(postMax) }, (request: SlugRequest, reply) => resumeHandler(deps, request, reply));
    unsubscribeRoutes(scope, deps); // GET/POST /u/:token: the contacts' opt-out link

    // A personal link of an invitation (src/respond/invitation.ts); its form posts to /s/:slug with `_inv`.
    scope.get('/i/:token', { logLevel, config: config(postMax * 4) }, (request: FastifyRequest<{ Params: { token: string } }>, reply) => invitationPage(deps, request, reply));
  });
}

// The website widget's public routes: registered by the route table (src/server/routes.ts) beside the pages.
export { registerWidgetRoutes } from './widget/routes.ts';
