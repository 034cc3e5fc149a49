/**
 * Request-log settings (SARAFAN_LOG=1). Request lines carry the URL, and some URLs hold secrets or
 * personal data: invitation tokens (`/invite/<token>`, `/api/v1/invitations/<token>`) are bearer
 * credentials, and respondent links carry hidden fields (order numbers, e-mails) in their query.
 */
import type { FastifyRequest } from 'fastify';

const TOKEN_IN_PATH = /^(\/invite\/|\/api\/v1\/invitations\/)[^/?#]+/;

/** The URL as it may be logged: invitation tokens masked, query strings of respondent pages dropped. */
export function redactUrl(url: string): string {
  const masked = url.replace(TOKEN_IN_PATH, '$1[redacted]');
  return masked.startsWith('/s/') ? masked.replace(/\?.*$/, '?[redacted]') : masked;
}

/** Fastify logger options: what a request line shows, and headers that must never appear. */
export function loggerOptions() {
  return {
    level: 'info',
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip }),
    },
  };
}
