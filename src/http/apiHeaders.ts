/**
 * Headers on every /api/ answer, errors and 404s included: JSON is never sniffed as another type,
 * and answers (personal data, dashboards, exports) are never kept by a browser or proxy cache.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const API_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } as const;

/** An onSend hook: adds API_HEADERS to answers under /api/. */
export async function addApiHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.url.startsWith('/api/')) reply.headers(API_HEADERS);
  return payload;
}
