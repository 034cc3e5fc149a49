/** Deletes a leaf location that no response points at. */
import type { PoolClient } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { getLocation } from '../../../db/locations/listLocations.ts';
import { deleteLocationRow, locationUsage, lockLocationTree } from '../../../db/locations/saveLocation.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { notFound } from '../../../http/errors.ts';
import { rethrowLocationConflict } from './pgErrors.ts';

/**
 * @throws not_found outside the caller's scope; conflict for the root, or when children, responses or people limited to it exist.
 */
export async function deleteLocation(tx: PoolClient, actor: Principal, id: string): Promise<void> {
  // The tree lock keeps a concurrent create from adding a child between the check and the delete.
  await lockLocationTree(tx, actor.orgId);
  const node = await getLocation(tx, scopeOf(actor), id, { forUpdate: true });
  if (!node) throw notFound('Location not found');
  if (node.parentId === null) throw new DomainError('conflict', 'The company root cannot be deleted');
  const usage = await locationUsage(tx, actor.orgId, id);
  if (usage.children > 0) throw new DomainError('conflict', 'Move or delete its child locations first', { children: usage.children });
  // Dropping someone's last grant would widen their access to the whole organisation; make it explicit.
  if (usage.users > 0) throw new DomainError('conflict', 'People are limited to this location; change their locations first', { users: usage.users });
  if (usage.responses > 0) throw new DomainError('conflict', 'Responses were recorded at this location; it cannot be deleted', { responses: true });
  await deleteLocationRow(tx, actor.orgId, id).catch((err) => rethrowLocationConflict(err));
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'location.delete', targetType: 'location', targetId: id,
    detail: { name: node.name, code: node.code, parentId: node.parentId },
  });
}
