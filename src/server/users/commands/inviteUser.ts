/** Invites a person by e-mail: a random token (only its hash is stored), an outbox row, and SMTP when configured. */
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { withTransaction } from '../../../db/tx.ts';
import { INVITATION_DAYS, replacePendingInvitation } from '../../../db/users/invitations.ts';
import { findLiveInvitationByEmail, findUserByEmail, type InvitationRow } from '../../../db/users/listUsers.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { hashToken, newToken } from '../../../http/session.ts';
import type { AppDeps } from '../../../http/deps.ts';
import { invitationMail } from '../../mail/messages.ts';
import { sendMail } from '../../mail/sendMail.ts';
import type { InviteInput } from '../../../core/api/users.ts';
import { checkGrants } from './checkGrants.ts';

export interface Inviter {
  principal: Principal;
  name: string;
  email: string;
  locale: string;
  orgName: string;
}

export interface InviteResult {
  invitation: InvitationRow;
  /** The link, for the inviter to pass on when it was not e-mailed (null once an SMTP server accepted it). */
  link: string | null;
  emailed: boolean;
}

/**
 * An address with an account the inviter cannot see (another organisation, or outside a location-scoped
 * inviter's people) is invited like any other: refusing it would tell the inviter it is registered.
 * The acceptance then tells the invitee (src/server/users/commands/acceptInvitation.ts).
 * @param baseUrl `deps.publicUrl` or the request's origin; the SPA serves /invite/<token>.
 * @throws conflict when the e-mail belongs to one of the inviter's own people, has a live invitation the inviter
 *   can see (details: `invitationId`), or another invitation races this one.
 */
export async function inviteUser(deps: AppDeps, inviter: Inviter, input: InviteInput, baseUrl: string): Promise<InviteResult> {
  const actor = inviter.principal;
  await checkGrants(deps.pool, actor, input.role, input.locationIds);
  if (await findUserByEmail(deps.pool, scopeOf(actor), input.email)) throw new DomainError('conflict', 'This person already has an account in your organisation');
  const pending = await findLiveInvitationByEmail(deps.pool, scopeOf(actor), input.email);
  if (pending) {
    // Replacing it would silently break the link already sent: say so, and let the inviter resend it.
    throw new DomainError('conflict', 'This person already has a pending invitation; resend it instead', { reason: 'pending_invitation', invitationId: pending.id });
  }
  const token = newToken();
  const invitation = await withTransaction(deps.pool, async (tx) => {
    const inv = await replacePendingInvitation(tx, {
      orgId: actor.orgId, email: input.email, role: input.role, locationIds: input.locationIds, tokenHash: hashToken(token),
      invitedBy: actor.userId, locale: inviter.locale,
    }).catch((err) => {
      if ((err as { code?: string }).code === '23505') throw new DomainError('conflict', 'This person is being invited right now; try again');
      throw err;
    });
    await writeAudit(tx, {
      orgId: actor.orgId, actorId: actor.userId, action: 'invitation.create', targetType: 'invitation', targetId: inv.id,
      detail: { role: inv.role, locationIds: inv.locationIds },
    });
    return inv;
  });
  return { invitation, ...(await mailInvitation(deps, inviter, invitation, token, baseUrl)) };
}

/** Mails the invitation link in the inviter's interface language. @returns the link unless an SMTP server took it. */
export async function mailInvitation(
  deps: AppDeps, inviter: Inviter, invitation: Pick<InvitationRow, 'email' | 'role'>, token: string, baseUrl: string,
): Promise<{ link: string | null; emailed: boolean }> {
  const link = `${baseUrl.replace(/\/+$/, '')}/invite/${token}`;
  const mail = invitationMail(inviter.locale, {
    orgName: inviter.orgName, inviterName: inviter.name || inviter.email, role: invitation.role, link, days: INVITATION_DAYS,
  });
  const sent = await sendMail(deps.pool, deps.smtpUrl, { orgId: inviter.principal.orgId, senderId: inviter.principal.userId, to: invitation.email, ...mail });
  return { link: sent.emailed ? null : link, emailed: sent.emailed };
}
