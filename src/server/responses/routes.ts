/** Response administration: exclude from metrics / include again (data validation). */
import type { FastifyInstance } from 'fastify';
import { withTransaction } from '../../db/tx.ts';
import { ExcludeBody } from '../analytics/schema.ts';
import { authorize, requirePrincipal } from '../auth/session.ts';
import type { AppDeps } from '../deps.ts';
import { parse, parseIdParam } from '../http/validate.ts';
import { setResponseExclusion } from './commands/setResponseExclusion.ts';

/** Registers POST /responses/:id/exclude and /include. */
export async function registerResponseRoutes(app: FastifyInstance, { pool, rollupFolder }: AppDeps) {
  app.post('/api/v1/responses/:id/exclude', async (request) => {
    requirePrincipal(request);
    const id = parseIdParam(request.params, 'Response not found');
    const { reason } = parse(ExcludeBody, request.body ?? {});
    const principal = authorize(request, 'response.exclude');
    const result = await withTransaction(pool, (tx) => setResponseExclusion(tx, principal, { responseId: id, excluded: true, reason }));
    if (result.changed) rollupFolder?.kick(principal.orgId);
    return { ok: true, changed: result.changed };
  });

  app.post('/api/v1/responses/:id/include', async (request) => {
    requirePrincipal(request);
    const id = parseIdParam(request.params, 'Response not found');
    const principal = authorize(request, 'response.exclude');
    const result = await withTransaction(pool, (tx) => setResponseExclusion(tx, principal, { responseId: id, excluded: false }));
    if (result.changed) rollupFolder?.kick(principal.orgId);
    return { ok: true, changed: result.changed };
  });
}
