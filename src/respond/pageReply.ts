/** Sending respondent pages: security headers, JSON-or-HTML negotiation, and the page language of error pages. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { pageHeaders } from './assets.ts';
import { LANGUAGES } from '../core/i18n/languages.ts';
import { chooseLanguage, pageText } from './i18n.ts';
import { first, type Fields } from './context.ts';
import { renderStandardMessage, type MessageKind } from './render/layout.ts';
import { toErrorResponse } from '../http/errors.ts';

/**
 * Sends an HTML page with the respondent-page headers (CSP, nosniff, no-referrer, no-store).
 * @param extraStyle the organisation's accent CSS the page inlines (render/brand.ts accentStyle), allowed by its hash
 */
export function sendPage(reply: FastifyReply, status: number, page: string, extraStyle = ''): FastifyReply {
  return reply.status(status).headers(pageHeaders(extraStyle)).send(page);
}

/** JSON submissions (the enhancement script, other channels) get JSON answers; forms get pages. */
export function wantsJson(request: FastifyRequest): boolean {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  const accept = String(request.headers.accept ?? '').toLowerCase();
  return type.startsWith('application/json') || (accept.includes('application/json') && !accept.includes('text/html'));
}

/** Language for pages that have no survey to ask (unknown slug, errors): ?lang / _lang / Accept-Language among the interface languages. */
export function interfaceLanguage(request: FastifyRequest): string {
  const query = (request.query ?? {}) as Fields;
  const body = request.body && typeof request.body === 'object' ? (request.body as Fields) : {};
  const explicit = first(query.lang) || first(body._lang);
  return chooseLanguage(LANGUAGES, 'en', explicit, request.headers['accept-language']);
}

/** A standard message page (or the JSON error body) with the given status. */
export function sendMessage(request: FastifyRequest, reply: FastifyReply, status: number, kind: MessageKind, code: string, lang?: string) {
  const language = lang ?? interfaceLanguage(request);
  if (wantsJson(request)) {
    const key = ({ closed: 'closedTitle', notFound: 'notFoundTitle', rateLimited: 'rateLimitedTitle', tooLarge: 'tooLargeText', error: 'errorText' } as const)[kind];
    const message = pageText(language, key);
    return reply.status(status).header('x-content-type-options', 'nosniff').send({ ok: false, error: code, message });
  }
  return sendPage(reply, status, renderStandardMessage(kind, language));
}

/**
 * The error handler of a respondent scope: the error table's status and headers (src/http/errors.ts), its JSON
 * body for JSON callers, else the page `page` renders for the status in the request's interface language.
 */
export function respondentErrorHandler(page: (status: number, lang: string, reply: FastifyReply) => FastifyReply) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, headers } = toErrorResponse(err, request);
    reply.headers(headers);
    if (wantsJson(request)) return reply.status(status).send(body);
    return page(status, interfaceLanguage(request), reply);
  };
}

/** The error handler of a respondent scope whose errors (404, 413, 429, 500) are the standard message pages. */
export const standardErrorPages = () =>
  respondentErrorHandler((status, lang, reply) => {
    const kind = status === 429 ? 'rateLimited' : status === 404 ? 'notFound' : status === 413 ? 'tooLarge' : 'error';
    return sendPage(reply, status, renderStandardMessage(kind, lang));
  });
