/** Changes a user's role, locations or disabled flag, keeping at least one enabled owner. */
import type { PoolClient } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { getUser, type UserRow } from '../../../db/users/listUsers.ts';
import { deleteUserSessions, lockActiveOwners, setUserLocations, updateUserRow } from '../../../db/users/saveUser.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { forbidden, notFound } from '../../../http/errors.ts';
import type { UpdateUserInput } from '../../../core/api/users.ts';
import { checkGrants } from './checkGrants.ts';

/**
 * @throws not_found outside the actor's scope; forbidden when a non-owner touches owners;
 *   conflict when the last enabled owner would be demoted or disabled; validation for missing locations.
 */
export async function updateUser(tx: PoolClient, actor: Principal, id: string, input: UpdateUserInput): Promise<UserRow> {
  const scope = scopeOf(actor);
  // Owners are locked before the target row, in one order for everybody: two owners demoting each
  // other at once then run one after the other instead of deadlocking.
  const owners = input.role !== undefined || input.disabled !== undefined ? await lockActiveOwners(tx, actor.orgId) : [];
  const target = await getUser(tx, scope, id, { forUpdate: true });
  if (!target) throw notFound('User not found');
  const role = input.role ?? target.role;
  const disabled = input.disabled ?? target.disabled;
  const locationIds = input.locationIds ?? target.locationIds;
  if ((target.role === 'owner' || role === 'owner') && actor.role !== 'owner') throw forbidden('Only owners can change owners or make new ones');
  if (input.locationIds !== undefined || input.role !== undefined) await checkGrants(tx, actor, role, locationIds);

  if (target.role === 'owner' && !target.disabled && (role !== 'owner' || disabled)) {
    if (owners.filter((o) => o !== target.id).length === 0) {
      throw new DomainError('conflict', 'The organisation needs at least one owner; make someone else an owner first');
    }
  }
  await updateUserRow(tx, actor.orgId, id, { role, disabled });
  if (input.locationIds !== undefined) await setUserLocations(tx, actor.orgId, id, locationIds);
  // A disabled user is refused at every request anyway; dropping sessions also ends them for good.
  if (disabled && !target.disabled) await deleteUserSessions(tx, actor.orgId, id);
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'user.update', targetType: 'user', targetId: id,
    detail: { before: { role: target.role, disabled: target.disabled, locationIds: target.locationIds }, after: { role, disabled, locationIds }, changes: input },
  });
  return (await getUser(tx, { orgId: actor.orgId, locationPaths: null }, id))!;
}
