/** GET /api/v1/home: the home page's "what changed" (docs/home.md), over the caller's locations. */
import type { FastifyInstance } from 'fastify';
import { HomeQuery, type HomeAnswer } from '../../core/api/home.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { parse } from '../../http/validate.ts';
import { getHome } from './home.ts';

export async function registerHomeRoutes(app: FastifyInstance, deps: AppDeps) {
  // Read-only: may read from a streaming replica (docs/scaling.md).
  const reads = deps.readPool ?? deps.pool;
  const now = deps.now ?? (() => new Date());

  app.get('/api/v1/home', async (request): Promise<HomeAnswer> => {
    requirePrincipal(request);
    const principal = authorize(request, 'metrics.read');
    const query = parse(HomeQuery, request.query ?? {});
    return getHome(reads, principal, query, now());
  });
}
