/** The one place where domain errors become HTTP statuses and bodies. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../core/errors.ts';
import { isUnavailable } from '../db/connection.ts';
import { logError } from './logging.ts';

export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  staff_anonymous: 403,
  not_found: 404,
  conflict: 409,
  survey_closed: 410,
  setup_done: 409,
  insufficient_data: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  pdf_unavailable: 503,
};

/**
 * Seconds a client is asked to wait after a 503 (the database is down or restarting). A restart
 * of PostgreSQL takes about this long; the respondent page retries on its own schedule.
 */
export const RETRY_AFTER_SECONDS = 5;

export interface ErrorBody {
  ok: false;
  error: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  errorId?: string;
}

export const notFound = (what = 'Not found') => new DomainError('not_found', what);
export const forbidden = (what = 'You do not have permission for this') => new DomainError('forbidden', what);
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('validation', message, details);

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** Headers the answer carries (Retry-After on 503). */
  headers: Record<string, string>;
}

/**
 * Maps any thrown error to a status, headers and a JSON body. A database that cannot serve now is
 * a 503 with Retry-After (nothing was written: each write is one transaction). Unknown errors
 * become a 500 with an id only, logged with that id (logError).
 */
export function toErrorResponse(err: unknown, request: FastifyRequest): ErrorResponse {
  const plain = (status: number, body: ErrorBody): ErrorResponse => ({ status, body, headers: {} });
  if (err instanceof DomainError) {
    return plain(STATUS[err.code], { ok: false, error: err.code, message: err.message, details: err.details });
  }
  const fe = err as FastifyError;
  if (fe && fe.validation) {
    return plain(400, { ok: false, error: 'validation', message: fe.message });
  }
  if (fe && fe.statusCode === 429) {
    return plain(429, { ok: false, error: 'rate_limited', message: 'Too many requests, try again later' });
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return plain(fe.statusCode, { ok: false, error: 'validation', message: fe.message });
  }
  if (isUnavailable(err)) {
    return {
      status: STATUS.unavailable,
      body: { ok: false, error: 'unavailable', message: 'The database is unavailable; nothing was saved. Try again in a few seconds.' },
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
    };
  }
  logError(request, err);
  return plain(500, { ok: false, error: 'internal', message: 'Internal error', errorId: request.id });
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body, headers } = toErrorResponse(err, request);
  return reply.status(status).headers(headers).send(body);
}
