/**
 * The survey lifecycle on the public pages: the author's preview (/s/<slug>?preview=1, signed in, nothing
 * stored) and permanent redirects from a survey's earlier addresses (docs/api.md "Survey lifecycle").
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { roleAllows } from '../core/access/index.ts';
import { PUBLIC_SLUG_RE } from '../core/surveys/publicSlug.ts';
import { loadSurveyBySlug, type LoadedSurvey } from '../db/surveys/loadSurvey.ts';
import { currentSlugFor } from '../db/surveys/slugHistory.ts';
import { loadSession, SESSION_COOKIE } from '../http/session.ts';
import { first, type Fields } from './context.ts';
import { surveyWindow } from '../core/surveys/schedule.ts';
import { responseLimitReached } from '../db/responses/limits.ts';
import { sendPage, wantsJson } from './pageReply.ts';
import { pageText } from './i18n.ts';
import { renderClosedPage, renderNotYetPage, type ClosedRedirect } from './render/unavailable.ts';
import { accentStyle } from './render/brand.ts';
import { surveyTitle } from './render/surveyPage.ts';

/** True for `?preview=1`. */
export const isPreviewRequest = (request: FastifyRequest) => first(((request.query ?? {}) as Fields).preview) === '1';

/**
 * The survey to preview, in any status, when the signed-in user belongs to its organisation and may see
 * surveys; null otherwise (the caller answers "Survey not found", as for an unknown address).
 */
export async function loadPreviewSurvey(deps: AppDeps, request: FastifyRequest, slug: string): Promise<LoadedSurvey | null> {
  if (!PUBLIC_SLUG_RE.test(slug)) return null;
  const user = await loadSession(deps.pool, request.cookies[SESSION_COOKIE]);
  if (!user || !roleAllows(user.principal.role, 'survey.read')) return null;
  const survey = await loadSurveyBySlug(deps.pool, slug);
  return survey && survey.orgId === user.principal.orgId ? survey : null;
}

/**
 * When `slug` is an earlier address of a survey, answers a permanent redirect to its current address with
 * the query string kept (posters carry ?loc=...): 301 for a page view, 308 for a submission (the browser
 * sends the same body again). Returns whether it redirected (false: the slug never named a survey).
 * A boolean, not the reply: a FastifyReply is thenable, so awaiting it would not say whether one was sent.
 */
export async function redirectFromEarlierSlug(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, slug: string, status: 301 | 308): Promise<boolean> {
  if (!PUBLIC_SLUG_RE.test(slug)) return false;
  const current = await currentSlugFor(deps.pool, slug);
  if (!current) return false;
  const q = request.url.indexOf('?');
  reply.redirect(`/s/${encodeURIComponent(current)}${q >= 0 ? request.url.slice(q) : ''}`, status);
  return true;
}

/** The live survey (of the same organisation, open now) a closed survey's page points to, or null. */
async function closedRedirect(deps: AppDeps, survey: LoadedSurvey, lang: string, now: Date): Promise<ClosedRedirect | null> {
  const slug = survey.closedRedirectSlug;
  if (!slug || slug === survey.slug || !PUBLIC_SLUG_RE.test(slug)) return null;
  const target = await loadSurveyBySlug(deps.pool, slug);
  if (!target || target.orgId !== survey.orgId || target.status !== 'live' || surveyWindow(target, now).state !== 'open') return null;
  const targetLang = target.languages.includes(lang) ? lang : target.defaultLanguage;
  return { href: `/s/${encodeURIComponent(target.slug)}?lang=${encodeURIComponent(targetLang)}`, title: surveyTitle(target, targetLang) };
}

/**
 * When the survey takes no answers now (closed, past `closesAt`, its response limit reached, or before
 * `opensAt`: src/core/surveys/schedule.ts), sends its page instead of the form: 410 with the closed page
 * (and the link to `closedRedirectSlug`), or 200 with the opening time. JSON callers get
 * `{ok: false, error: 'survey_closed', message, opensAt?, next?}` with 410. Returns whether it sent one.
 */
export async function sendIfUnavailable(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, survey: LoadedSurvey, lang: string): Promise<boolean> {
  const now = new Date();
  const limitReached = survey.status === 'live' && (await responseLimitReached(deps.pool, survey.orgId, survey.id, survey.responseLimit));
  const window = surveyWindow(survey, now, limitReached);
  if (window.state === 'open') return false;
  const redirect = window.state === 'closed' ? await closedRedirect(deps, survey, lang, now) : null;
  if (wantsJson(request)) {
    const message = pageText(lang, window.state === 'closed' ? 'closedTitle' : 'notYetTitle');
    reply.status(410).header('x-content-type-options', 'nosniff').send({
      ok: false, error: 'survey_closed', message,
      ...(window.state === 'not_yet' ? { opensAt: window.opensAt } : {}), ...(redirect ? { next: redirect.href } : {}),
    });
    return true;
  }
  if (window.state === 'not_yet') sendPage(reply, 200, renderNotYetPage(survey, lang, window.opensAt), accentStyle(survey));
  else sendPage(reply, 410, renderClosedPage(survey, lang, redirect), accentStyle(survey));
  return true;
}

/** The 410 answer to a submission the survey no longer (or not yet) takes: the closed page with its link, or the JSON error. */
export async function sendClosed(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, survey: LoadedSurvey, lang: string) {
  const redirect = await closedRedirect(deps, survey, lang, new Date());
  if (wantsJson(request)) {
    return reply.status(410).header('x-content-type-options', 'nosniff').send({ ok: false, error: 'survey_closed', message: pageText(lang, 'closedTitle'), ...(redirect ? { next: redirect.href } : {}) });
  }
  return sendPage(reply, 410, renderClosedPage(survey, lang, redirect), accentStyle(survey));
}
