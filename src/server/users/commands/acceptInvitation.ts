/** Accepting an invitation creates the user with the invited role and locations. */
import type { PoolClient } from '../../../db/connection.ts';
import { DomainError } from '../../../core/errors.ts';
import { findPendingInvitation, markInvitationAccepted } from '../../../db/users/invitations.ts';
import { insertUser, setUserLocations } from '../../../db/users/saveUser.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { hashToken } from '../../../http/session.ts';
import { notFound } from '../../../http/errors.ts';

/** Said to the invitee only; it does not name the organisation the account belongs to. */
const alreadyRegistered = (orgName: string) =>
  `This e-mail address already has a Sarafan account, and an account belongs to one organisation, so it cannot join ${orgName}. ` +
  'Sign in with that account, or ask for an invitation to another address.';

/**
 * @param passwordHash hashed before the transaction (argon2 is slow; no row lock is held meanwhile).
 * @throws not_found for unknown, expired or used tokens; conflict when the e-mail already has an account
 *   (in any organisation: an account belongs to one). Only the token holder sees this, not the inviter's API.
 */
export async function acceptInvitation(tx: PoolClient, token: string, input: { name: string; passwordHash: string }) {
  // The row lock makes a double submit create one user: the second waits, then finds it accepted.
  const inv = await findPendingInvitation(tx, hashToken(token), { forUpdate: true });
  if (!inv) throw notFound('This invitation is not valid any more');
  const userId = await insertUser(tx, {
    orgId: inv.orgId, email: inv.email, name: input.name, passwordHash: input.passwordHash, role: inv.role, locale: inv.locale,
  }).catch((err) => {
    if ((err as { code?: string }).code === '23505') throw new DomainError('conflict', alreadyRegistered(inv.orgName));
    throw err;
  });
  const granted = await setUserLocations(tx, inv.orgId, userId, inv.locationIds);
  // A limited invitation whose locations were deleted must not turn into access to everything.
  if (granted < new Set(inv.locationIds).size) {
    throw new DomainError('conflict', 'Some locations of this invitation no longer exist; ask for a new invitation');
  }
  await markInvitationAccepted(tx, inv.orgId, inv.id);
  await writeAudit(tx, { orgId: inv.orgId, actorId: userId, action: 'invitation.accept', targetType: 'user', targetId: userId, detail: { invitationId: inv.id } });
  return { orgId: inv.orgId, userId };
}
