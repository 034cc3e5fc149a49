/** The one place where domain errors become HTTP statuses and bodies. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../../core/errors.ts';

export const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  survey_closed: 410,
  setup_done: 409,
  insufficient_data: 422,
  rate_limited: 429,
  internal: 500,
};

export interface ErrorBody {
  ok: false;
  error: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  errorId?: string;
}

export const notFound = (what = 'Not found') => new DomainError('not_found', what);
export const forbidden = (what = 'You do not have permission for this') => new DomainError('forbidden', what);
export const unauthorized = () => new DomainError('unauthorized', 'Sign in first');
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('validation', message, details);

/** Maps any thrown error to a status and a JSON body; unknown errors become a logged 500 with an id only. */
export function toErrorResponse(err: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (err instanceof DomainError) {
    return { status: STATUS[err.code], body: { ok: false, error: err.code, message: err.message, details: err.details } };
  }
  const fe = err as FastifyError;
  if (fe && fe.validation) {
    return { status: 400, body: { ok: false, error: 'validation', message: fe.message } };
  }
  if (fe && fe.statusCode === 429) {
    return { status: 429, body: { ok: false, error: 'rate_limited', message: 'Too many requests, try again later' } };
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { ok: false, error: 'validation', message: fe.message } };
  }
  request.log.error({ err }, 'unhandled error');
  return { status: 500, body: { ok: false, error: 'internal', message: 'Internal error', errorId: request.id } };
}

export function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(err, request);
  return reply.status(status).send(body);
}
