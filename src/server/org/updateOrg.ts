/** Changes organisation settings with an audit event. */
import type { PoolClient } from '../../db/connection.ts';
import type { Principal } from '../../core/access/index.ts';
import { getOrgSettings, updateOrgSettings, type OrgSettings } from '../../db/users/orgSettings.ts';
import { writeAudit } from '../../db/users/writeAudit.ts';
import { forbidden } from '../../http/errors.ts';
import type { UpdateOrgInput } from '../../core/api/org.ts';

export interface UpdateOrgResult {
  org: OrgSettings;
  /**
   * True when dimensions (as a set) or the time zone changed: rollups already stored then lack the
   * new dimensions or sit in other days, and need a rebuild (src/server/jobs/rebuildOrgRollupsJob.ts),
   * started by the caller once this transaction has committed.
   */
  rollupsStale: boolean;
}

/**
 * Changes the settings and appends an audit event.
 * @throws forbidden for location-scoped admins, whose rights stop at their locations.
 */
export async function updateOrg(tx: PoolClient, actor: Principal, input: UpdateOrgInput): Promise<UpdateOrgResult> {
  if (actor.locationPaths !== null) throw forbidden('Organisation settings need access to the whole organisation');
  const before = await getOrgSettings(tx, actor.orgId, { forUpdate: true });
  const after = await updateOrgSettings(tx, actor.orgId, {
    name: input.name ?? before.name,
    timezone: input.timezone ?? before.timezone,
    dimensions: input.dimensions ?? before.dimensions,
  });
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'org.update', targetType: 'org', targetId: actor.orgId,
    detail: { before: { name: before.name, timezone: before.timezone, dimensions: before.dimensions }, changes: input },
  });
  const sameDimensions = [...before.dimensions].sort().join(',') === [...after.dimensions].sort().join(',');
  return { org: after, rollupsStale: before.timezone !== after.timezone || !sameDimensions };
}
