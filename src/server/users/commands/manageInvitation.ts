/** Resending (with a new link) and revoking a pending invitation from the pending list. */
import { scopeOf } from '../../../core/access/index.ts';
import { withTransaction } from '../../../db/tx.ts';
import { deletePendingInvitation, renewInvitationToken } from '../../../db/users/invitations.ts';
import { getPendingInvitation, type InvitationRow } from '../../../db/users/listUsers.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { hashToken, newToken } from '../../../http/session.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { notFound } from '../../../http/errors.ts';
import { mailInvitation, type Inviter } from './inviteUser.ts';

/**
 * A new link for a pending invitation (only token hashes are stored, so the old link cannot be shown
 * again; it stops working) valid for 7 more days, e-mailed when `sendMail`.
 * @throws not_found outside the inviter's scope, or when it was accepted or revoked meanwhile.
 */
export async function renewInvitation(
  deps: AppDeps, inviter: Inviter, id: string, opts: { sendMail: boolean; baseUrl: string },
): Promise<{ invitation: InvitationRow; link: string | null; emailed: boolean }> {
  const actor = inviter.principal;
  const token = newToken();
  const invitation = await withTransaction(deps.pool, async (tx) => {
    const inv = await getPendingInvitation(tx, scopeOf(actor), id, { forUpdate: true });
    if (!inv) throw notFound('Invitation not found');
    const expiresAt = await renewInvitationToken(tx, actor.orgId, id, hashToken(token));
    await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'invitation.renew', targetType: 'invitation', targetId: id, detail: { mailed: opts.sendMail } });
    return { ...inv, expiresAt };
  });
  if (opts.sendMail) return { invitation, ...(await mailInvitation(deps, inviter, invitation, token, opts.baseUrl)) };
  return { invitation, link: `${opts.baseUrl.replace(/\/+$/, '')}/invite/${token}`, emailed: false };
}

/** Revokes a pending invitation: its link stops working. @throws not_found outside the scope or when no longer pending. */
export async function revokeInvitation(deps: AppDeps, inviter: Inviter, id: string): Promise<void> {
  const actor = inviter.principal;
  await withTransaction(deps.pool, async (tx) => {
    const inv = await getPendingInvitation(tx, scopeOf(actor), id, { forUpdate: true });
    if (!inv) throw notFound('Invitation not found');
    await deletePendingInvitation(tx, actor.orgId, id);
    await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'invitation.revoke', targetType: 'invitation', targetId: id, detail: { email: inv.email } });
  });
}
