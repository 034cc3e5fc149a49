/**
 * Request validation: zod schemas for queries and bodies (the first issue becomes one validation error
 * naming the field), and the rule for path parameters: one that cannot name an object is not found.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isUuid } from '../core/ids.ts';
import { invalid, notFound, sendError } from './errors.ts';

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  throw invalid(field ? `${field}: ${issue.message}` : issue.message, { field, issues: result.error.issues.slice(0, 10) });
}

/**
 * The path parameter `name` when `wellFormed` accepts it. A malformed id or token in the path is
 * answered like an unknown one (404), on every route: the path names an object, it is not a form to
 * correct. (Ids in query strings and bodies are fields, and stay 400 validation errors.)
 */
export function pathParam(params: unknown, name: string, wellFormed: (value: string) => boolean, notFoundMessage = 'Not found'): string {
  const value = (params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || !wellFormed(value)) throw notFound(notFoundMessage);
  return value;
}

/** The `:id` path parameter (a UUID); 404 when malformed. */
export function parseIdParam(params: unknown, notFoundMessage?: string): string {
  return pathParam(params, 'id', isUuid, notFoundMessage);
}

/**
 * Fastify's `frameworkErrors`: the router refuses a path parameter it cannot decode (`%E0%A4`) or that is
 * longer than `maxParamLength`, before any route runs. Neither can name an object: 404, like a malformed id.
 */
export function malformedPathParam(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const malformed = err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  return sendError(malformed ? notFound() : err, request, reply);
}
