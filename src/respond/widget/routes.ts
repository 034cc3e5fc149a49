/**
 * The website widget's public routes (docs/widget.md, docs/api.md "Website widget"), no session, no cookies:
 *   GET  /w.js             the loader (the snippet's script), cacheable for 5 minutes
 *   GET  /w/prompt.js      the prompt, loaded by the loader only when a prompt is shown (?v=<hash>: cached for a year)
 *   GET  /w/:slug/config   the survey's first question, triggers, frequency policy and texts in one language
 *   POST /w/:slug          stores an answer like any other response, with channel `widget`
 *   OPTIONS /w/:slug       the CORS preflight of clients that send application/json
 * CORS is explicit: config, submit and preflight grant `Access-Control-Allow-Origin: <origin>` only to the
 * survey's allowed origins (never `*`, never credentials); any other origin gets 403 without a grant.
 * Rate-limited per IP and survey like the respondent pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { DomainError } from '../../core/errors.ts';
import { WidgetSubmitSchema } from '../../core/api/widget.ts';
import { isAllowedOrigin, widgetQuestions } from '../../core/surveys/widget.ts';
import { cleanInput } from '../../core/text/cleanInput.ts';
import { getWidgetSettingsBySlug, type StoredWidgetSettings } from '../../db/surveys/widgetSettings.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { parse, pathParam } from '../../http/validate.ts';
import { PUBLIC_SLUG_RE } from '../../core/surveys/publicSlug.ts';
import { quotaEndOf, submitResponse } from '../../server/responses/commands/submitResponse.ts';
import { isOpenAt } from '../../core/surveys/schedule.ts';
import { loadPublicSurvey } from '../submitHandler.ts';
import { first, surveyLanguage } from '../context.ts';
import { LOADER_SCRIPT, PROMPT_SCRIPT, PROMPT_VERSION } from './assets.ts';
import { widgetConfig } from './config.ts';

/** Submissions per minute per IP and survey unless deps say otherwise (as the respondent pages); configs get four times as many. */
const DEFAULT_POSTS_PER_MINUTE = 30;
const BODY_LIMIT = 16 * 1024;
const SCRIPT_HEADERS = { 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' };

type SlugRequest = FastifyRequest<{ Params: { slug: string } }>;

const keyGenerator = (request: FastifyRequest) => `${request.ip}|w|${(request.params as { slug?: string }).slug ?? ''}`;

/** The allowed origin asking (its CORS grant is set on the reply), with the survey's widget settings. @throws forbidden, not_found */
async function grant(deps: AppDeps, request: SlugRequest, reply: FastifyReply): Promise<StoredWidgetSettings> {
  // A slug that cannot name a survey is not looked up (NUL and the like never reach PostgreSQL).
  const slug = pathParam(request.params, 'slug', (s) => PUBLIC_SLUG_RE.test(s));
  const settings = await getWidgetSettingsBySlug(deps.pool, slug);
  if (!settings) throw notFound();
  const origin = request.headers.origin;
  if (!isAllowedOrigin(settings.origins, origin)) throw new DomainError('forbidden', 'This website may not use the survey\'s widget');
  reply.headers({ 'access-control-allow-origin': origin, vary: 'Origin' });
  return settings;
}

/** The live survey behind the slug and what the prompt asks; not_found when the widget cannot ask it. */
async function askable(deps: AppDeps, slug: string) {
  const survey = await loadPublicSurvey(deps, slug);
  const asked = survey ? widgetQuestions(survey) : null;
  if (!survey || !asked) throw notFound('Survey not found');
  if ('problem' in asked) throw asked.problem === 'not_live' && survey.status === 'closed' ? new DomainError('survey_closed', 'This survey is closed') : notFound('Survey not found');
  // Outside its schedule the prompt is not shown (config) and answers are refused, as for a closed survey.
  if (!isOpenAt(survey, new Date())) throw new DomainError('survey_closed', 'This survey is closed');
  return { survey, asked };
}

/** A JSON body sent as text/plain (the prompt's simple request) or as application/json, cleaned like any request input. */
function jsonBody(body: unknown): unknown {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      throw invalid('body: send a JSON object');
    }
  }
  const cleaned = cleanInput(value, 'replace');
  if (!cleaned.ok) throw invalid('body: nested too deep');
  return cleaned.value;
}

export async function registerWidgetRoutes(app: FastifyInstance, deps: AppDeps) {
  const postMax = deps.publicRateLimitPerMinute ?? DEFAULT_POSTS_PER_MINUTE;
  const config = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator }, invalidUnicode: 'replace' as const });
  // Request lines would log page paths and visitors' addresses: only warnings and errors.
  const logLevel = 'warn';

  app.get('/w.js', { logLevel }, async (_request, reply) =>
    reply.headers({ ...SCRIPT_HEADERS, 'cache-control': 'public, max-age=300' }).send(LOADER_SCRIPT),
  );

  app.get('/w/prompt.js', { logLevel }, async (request, reply) => {
    const current = first((request.query as Record<string, unknown> | undefined)?.v) === PROMPT_VERSION;
    return reply.headers({ ...SCRIPT_HEADERS, 'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300' }).send(PROMPT_SCRIPT);
  });

  app.get('/w/:slug/config', { logLevel, config: config(postMax * 4) }, async (request: SlugRequest, reply) => {
    const settings = await grant(deps, request, reply);
    const { survey, asked } = await askable(deps, request.params.slug);
    const lang = surveyLanguage(survey, (request.query as Record<string, unknown> | undefined)?.lang, request.headers['accept-language']);
    reply.header('cache-control', 'no-store');
    return widgetConfig(survey, asked, settings, lang);
  });

  app.options('/w/:slug', { logLevel, config: config(postMax * 4) }, async (request: SlugRequest, reply) => {
    await grant(deps, request, reply);
    return reply
      .headers({ 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' })
      .status(204)
      .send();
  });

  app.post('/w/:slug', { logLevel, bodyLimit: BODY_LIMIT, config: config(postMax) }, async (request: SlugRequest, reply) => {
    await grant(deps, request, reply);
    const body = parse(WidgetSubmitSchema, jsonBody(request.body));
    const { survey, asked } = await askable(deps, request.params.slug);
    const answers: Record<string, string | number> = { [asked.score.key]: body.score };
    if (asked.comment && body.comment?.trim()) answers[asked.comment.key] = body.comment;
    const page = body.page?.split(/[?#]/)[0] ?? '';
    const language = surveyLanguage(survey, body.lang, request.headers['accept-language']);
    const result = await submitResponse(deps.pool, {
      survey,
      answers,
      language,
      idempotencyKey: body.k,
      locationId: null,
      locationRef: body.loc,
      channel: 'widget',
      hidden: page && page.length <= 200 ? { page } : {},
      submittedAt: new Date(),
    }).catch((err: unknown) => {
      // A full "end" quota: the prompt ends with its message (nothing stored), not with "closed".
      const ended = quotaEndOf(err, survey, language);
      if (ended) return { ended };
      throw err;
    });
    if ('ended' in result) return { ok: true, ended: true, ...result.ended };
    if (result.created) deps.rollupFolder?.kick(survey.orgId);
    if (result.created) deps.responseEvents?.created(survey.orgId, result.responseId);
    // Sent only after the commit.
    return { ok: true, responseId: result.responseId };
  });
}
