/** Organisation settings: GET /org for every signed-in user (dashboards need the time zone and dimensions), PATCH for org managers. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { withTransaction } from '../../db/tx.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { authorize, requirePrincipal } from '../auth/session.ts';
import { parse } from '../http/validate.ts';
import { UpdateOrgSchema } from './schema.ts';
import { updateOrg } from './updateOrg.ts';

/** Registers GET and PATCH /org; called from registerUserRoutes. */
export async function registerOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/org', async (request) => {
    const principal = requirePrincipal(request);
    return getOrgSettings(pool, principal.orgId);
  });

  app.patch('/api/v1/org', async (request) => {
    const principal = authorize(request, 'org.manage');
    const input = parse(UpdateOrgSchema, request.body);
    return withTransaction(pool, (tx) => updateOrg(tx, principal, input));
  });
}
