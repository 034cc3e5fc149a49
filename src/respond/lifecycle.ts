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
