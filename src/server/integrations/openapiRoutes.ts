/**
 * The API's description (public: it describes, it opens nothing): GET /api/v1/openapi.json, the OpenAPI
 * 3.0 document of every route API keys may call and of the session-only routes of reports, shared links,
 * saved views, exports and the audit log, generated from their zod schemas (src/core/api/openapi.ts), and
 * GET /api/docs, a small server-rendered page of the same operations.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { buildOpenApiDocument } from '../../core/api/openapi.ts';
import { renderApiDocs } from './apiDocsPage.ts';

const DOCS_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export async function registerOpenApiRoutes(app: FastifyInstance, deps: AppDeps) {
  const origin = (request: FastifyRequest) => deps.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
  let cached: { origin: string; doc: Record<string, unknown> } | null = null;
  const documentFor = (request: FastifyRequest) => {
    const o = origin(request);
    if (cached?.origin !== o) cached = { origin: o, doc: buildOpenApiDocument(o) };
    return cached.doc;
  };

  app.get('/api/v1/openapi.json', { config: DOCS_LIMIT }, async (request, reply) => {
    return reply.header('cache-control', 'no-cache').send(documentFor(request));
  });

  app.get('/api/docs', { config: DOCS_LIMIT }, async (request, reply) => {
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(renderApiDocs(documentFor(request)));
  });
}
