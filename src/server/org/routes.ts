/**
 * Organisation settings: GET /org for every signed-in user (dashboards need the time zone and
 * dimensions), PATCH for org managers, which starts a rollup rebuild when dimensions or the time zone
 * change; GET /org/rollup-job shows its progress; GET /org/hidden-keys offers dimension candidates.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import type { Principal } from '../../core/access/index.ts';
import { withTransaction } from '../../db/tx.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { forbidden } from '../../http/errors.ts';
import { parse } from '../../http/validate.ts';
import { createBackgroundJobs } from '../jobs/backgroundJobs.ts';
import { handleRebuildOrgRollups } from '../jobs/rebuildOrgRollupsJob.ts';
import { getRollupJob, requestRollupJob } from '../jobs/rollupJobs.ts';
import { listHiddenKeys } from '../../db/org/listHiddenKeys.ts';
import { presentRollupJob } from './present.ts';
import { UpdateOrgSchema, type HiddenKeysAnswer, type OrgSettingsView, type RollupJobView, type UpdateOrgAnswer } from '../../core/api/org.ts';
import { updateOrg } from './updateOrg.ts';

/** Organisation-wide reads of response data are for people who see the whole organisation. */
function requireWholeOrg(principal: Principal): Principal {
  if (principal.locationPaths !== null) throw forbidden('Organisation settings need access to the whole organisation');
  return principal;
}

/** Registers the /org routes. Rebuilds stop with the app (onClose). */
export async function registerOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;
  const jobs = createBackgroundJobs((orgId, err) => app.log.error({ err, orgId }, 'rollup rebuild job failed'));
  app.addHook('onClose', () => jobs.close());

  app.get('/api/v1/org', async (request): Promise<OrgSettingsView> => {
    const principal = requirePrincipal(request);
    return getOrgSettings(pool, principal.orgId);
  });

  app.patch('/api/v1/org', async (request): Promise<UpdateOrgAnswer> => {
    const principal = authorize(request, 'org.manage');
    const input = parse(UpdateOrgSchema, request.body);
    const { org, rollupsStale } = await withTransaction(pool, (tx) => updateOrg(tx, principal, input));
    let rollupJob: RollupJobView | null = null;
    if (rollupsStale) {
      // After the commit, so the rebuild reads the new settings.
      rollupJob = presentRollupJob(await requestRollupJob(pool, org.id));
      jobs.start(org.id, (aborted) => handleRebuildOrgRollups(pool, { orgId: org.id }, { aborted, log: (m) => app.log.warn(m) }));
    }
    return { ...org, org, rollupJob };
  });

  app.get('/api/v1/org/rollup-job', async (request): Promise<RollupJobView> => {
    const principal = requirePrincipal(request);
    return presentRollupJob(await getRollupJob(pool, principal.orgId));
  });

  app.get('/api/v1/org/hidden-keys', async (request): Promise<HiddenKeysAnswer> => {
    const principal = requireWholeOrg(authorize(request, 'org.manage'));
    return { keys: await listHiddenKeys(pool, principal.orgId, { days: 90, limit: 50 }) };
  });
}
