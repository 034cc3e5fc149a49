/**
 * The root-cause taxonomy (docs/closed-loop.md "Root causes"): GET /api/v1/root-causes for whoever works
 * or reads cases (the resolve dialog, the Pareto chart).
 */
import type { FastifyInstance } from 'fastify';
import type { RootCausesAnswer } from '../../core/api/rootCauses.ts';
import { listRootCauses } from '../../db/cases/rootCauses.ts';
import type { AppDeps } from '../../http/deps.ts';
import { authorize } from '../../http/session.ts';

export async function registerRootCauseRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  app.get('/api/v1/root-causes', async (request): Promise<RootCausesAnswer> => {
    const principal = authorize(request, 'case.read');
    return { items: await listRootCauses(pool, principal.orgId) };
  });
}
