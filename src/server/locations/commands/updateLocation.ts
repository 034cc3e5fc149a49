/** Renames, re-codes, re-kinds and moves a location (with its subtree) inside the caller's scope. */
import type { PoolClient } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { moveProblem, type Location } from '../../../core/locations/tree.ts';
import { getLocation } from '../../../db/locations/listLocations.ts';
import { lockLocationTree, moveSubtree, reloadLocation, subtreeHeight, updateLocationFields } from '../../../db/locations/saveLocation.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { invalid, notFound } from '../../../http/errors.ts';
import type { UpdateLocationInput } from '../../../core/api/locations.ts';
import { rethrowLocationConflict } from './pgErrors.ts';
import { assertCodeChangeAllowed } from '../../../core/locations/codes.ts';

/**
 * @throws not_found when the location or the new parent is outside the caller's scope;
 *   validation when moving the root or moving a node under its own subtree; conflict on a taken code;
 *   validation when a location-scoped admin changes the code (src/core/locations/codes.ts).
 */
export async function updateLocation(tx: PoolClient, actor: Principal, id: string, input: UpdateLocationInput): Promise<Location> {
  const scope = scopeOf(actor);
  if (input.parentId !== undefined) await lockLocationTree(tx, actor.orgId);
  const node = await getLocation(tx, scope, id, { forUpdate: true });
  if (!node) throw notFound('Location not found');
  assertCodeChangeAllowed(actor.locationPaths, input.code, node.code);
  const fields = { name: input.name ?? node.name, code: input.code === undefined ? node.code : input.code, kind: input.kind ?? node.kind };
  await updateLocationFields(tx, actor.orgId, id, fields).catch((err) => rethrowLocationConflict(err, fields.code));

  if (input.parentId !== undefined && input.parentId !== node.parentId) {
    if (node.parentId === null) throw invalid('parentId: the company root cannot be moved');
    const parent = await getLocation(tx, scope, input.parentId);
    if (!parent) throw notFound('Parent location not found');
    const problem = moveProblem(node.path, parent.path, await subtreeHeight(tx, actor.orgId, node));
    if (problem) throw invalid(`parentId: ${problem}`);
    await moveSubtree(tx, actor.orgId, node, parent);
  }
  const updated = await reloadLocation(tx, actor.orgId, id);
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'location.update', targetType: 'location', targetId: id,
    detail: { before: { name: node.name, code: node.code, kind: node.kind, parentId: node.parentId }, changes: input },
  });
  return updated;
}
