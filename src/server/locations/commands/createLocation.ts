/** Creates a location under a parent inside the caller's scope. */
import type { PoolClient } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { MAX_DEPTH, type Location } from '../../../core/locations/tree.ts';
import { getLocation } from '../../../db/locations/listLocations.ts';
import { insertLocation, lockLocationTree } from '../../../db/locations/saveLocation.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { invalid, notFound } from '../../../http/errors.ts';
import type { CreateLocationInput } from '../../../core/api/locations.ts';
import { rethrowLocationConflict } from './pgErrors.ts';
import { assertCodeChangeAllowed } from '../../../core/locations/codes.ts';

/**
 * @throws not_found when the parent is outside the caller's scope; conflict when the code is taken;
 *   validation when a location-scoped admin sets a code (src/core/locations/codes.ts).
 */
export async function createLocation(tx: PoolClient, actor: Principal, input: CreateLocationInput): Promise<Location> {
  assertCodeChangeAllowed(actor.locationPaths, input.code, null);
  await lockLocationTree(tx, actor.orgId);
  const parent = await getLocation(tx, scopeOf(actor), input.parentId);
  if (!parent) throw notFound('Parent location not found');
  if (parent.depth + 1 > MAX_DEPTH) throw invalid(`parentId: the hierarchy may be at most ${MAX_DEPTH} levels deep`);
  const location = await insertLocation(tx, actor.orgId, { parent, kind: input.kind, name: input.name, code: input.code ?? null }).catch(
    (err) => rethrowLocationConflict(err, input.code),
  );
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'location.create', targetType: 'location', targetId: location.id,
    detail: { parentId: parent.id, kind: location.kind, code: location.code },
  });
  return location;
}
