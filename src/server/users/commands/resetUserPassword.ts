/** An owner or admin sends a person of their scope a one-time link to choose a new password. */
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { withTransaction } from '../../../db/tx.ts';
import { getUser } from '../../../db/users/listUsers.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { issueResetLink, mailResetLink, RESET_MINUTES } from '../../auth/passwordReset.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { forbidden, notFound } from '../../../http/errors.ts';

/**
 * The current password keeps working until the link is used (an admin cannot lock a person out).
 * @returns the link unless an SMTP server took the mail, and when it stops working.
 * @throws not_found outside the actor's scope; forbidden when a non-owner resets an owner (it would take the account over).
 */
export async function resetUserPassword(
  deps: AppDeps, actor: Principal, actorName: string, id: string, baseUrl: string,
): Promise<{ link: string | null; emailed: boolean; expiresAt: Date }> {
  const minutes = RESET_MINUTES.byAdmin;
  const { target, link, expiresAt } = await withTransaction(deps.pool, async (tx) => {
    const target = await getUser(tx, scopeOf(actor), id);
    if (!target || target.disabled) throw notFound('User not found');
    if (target.role === 'owner' && actor.role !== 'owner') throw forbidden('Only owners can reset the password of an owner');
    const issued = await issueResetLink(tx, { orgId: actor.orgId, userId: id }, { createdBy: actor.userId, minutes, baseUrl });
    await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'user.password_reset_link', targetType: 'user', targetId: id });
    return { target, ...issued };
  });
  const emailed = await mailResetLink(deps.pool, deps.smtpUrl, {
    orgId: actor.orgId, senderId: actor.userId, to: target.email, toOwner: target.role === 'owner', locale: target.locale, link, minutes, requestedBy: actorName,
  });
  return { link: emailed ? null : link, emailed, expiresAt };
}
