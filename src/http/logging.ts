/**
 * Logs. Every 500 is logged, always (`logError`): one JSON line with its errorId, the route pattern and
 * the error's stack. Request lines are optional (SARAFAN_LOG=1). Neither carries secrets or personal
 * data: URLs hold invitation and shared link tokens (`/invite/<token>`, `/api/v1/invitations/<token>`, `/p/<token>`, bearer
 * credentials) and respondent links carry hidden fields (order numbers, e-mails) in their query, so
 * request lines show a redacted URL and error lines only the route pattern; cookies, authorization
 * headers and request bodies are never logged, and values quoted in error messages are masked.
 */
import type { FastifyRequest } from 'fastify';

const TOKEN_IN_PATH = /^(\/invite\/|\/api\/v1\/invitations\/|\/p\/)[^/?#]+/;

/** The URL as it may be logged: invitation tokens masked, query strings of respondent pages dropped. */
export function redactUrl(url: string): string {
  const masked = url.replace(TOKEN_IN_PATH, '$1[redacted]');
  return masked.startsWith('/s/') ? masked.replace(/\?.*$/, '?[redacted]') : masked;
}

// Values end up in double quotes in error messages: PostgreSQL's data exceptions (class 22, e.g.
// `invalid input syntax for type uuid: "…"`) and JavaScript's (`"…" is not valid JSON`). Other
// PostgreSQL messages quote only names from the schema (relations, constraints), which are kept:
// they are what finds the fault.
const QUOTED = /"(?:[^"\\]|\\.)*"/g;
const mask = (text: string) => text.replace(QUOTED, '"[redacted]"');

/** A PostgreSQL error (node-postgres DatabaseError) whose message quotes schema names only. */
function quotesOnlyNames(err: Error & { code?: unknown; severity?: unknown }): boolean {
  return typeof err.severity === 'string' && typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && !err.code.startsWith('22');
}

// A type alias, not an interface: pino's serializer type wants an object with an index signature.
export type LoggedError = {
  type: string;
  message: string;
  /** Empty when the thrown value was not an Error. */
  stack: string;
  /** SQLSTATE or Node's error code. */
  code?: string;
  /** Where PostgreSQL raised it: names from the schema, not data. */
  routine?: string;
  constraint?: string;
  table?: string;
  column?: string;
};

/**
 * What a log line says about an error: its kind, code and stack, with quoted values masked. Fields
 * that carry data (PostgreSQL's `detail` shows the offending row's values; `where`, `hint`) are left out.
 */
export function errorForLog(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: mask(String(err)), stack: '' };
  const e = err as Error & Partial<Record<'code' | 'severity' | 'routine' | 'constraint' | 'table' | 'column', unknown>>;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const clean = quotesOnlyNames(e) ? (t: string) => t : mask;
  const out: LoggedError = { type: e.name || e.constructor?.name || 'Error', message: clean(e.message), stack: clean(e.stack ?? '') };
  for (const key of ['code', 'routine', 'constraint', 'table', 'column'] as const) {
    const value = text(e[key]);
    if (value) out[key] = value;
  }
  return out;
}

/** Logs an unexpected error that becomes a 500: errorId (the id the client is shown), method, route pattern, error. */
export function logError(request: FastifyRequest, err: unknown): void {
  request.log.error(
    // `err` goes through the logger's serializer (errorForLog, loggerOptions).
    { errorId: request.id, method: request.method, route: request.routeOptions?.url ?? '(no route)', err },
    'internal error',
  );
}

/**
 * Fastify logger options. `requestLogs` (SARAFAN_LOG=1) adds a line per request; without it only
 * errors are written. What a request line shows, and headers that must never appear.
 */
export function loggerOptions(requestLogs = true) {
  return {
    level: requestLogs ? 'info' : 'error',
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip }),
      // Every `{ err }` logged anywhere (jobs too) goes through the same masking.
      err: errorForLog,
    },
  };
}
