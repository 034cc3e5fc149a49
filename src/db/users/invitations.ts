/** Invitation rows: only the SHA-256 hash of the token is stored, so a database dump cannot be used to sign up. */
import type { Queryable } from '../connection.ts';
import type { Role } from '../../core/access/index.ts';
import type { InvitationRow } from './listUsers.ts';

export const INVITATION_DAYS = 7;

export interface NewInvitation {
  orgId: string;
  email: string;
  role: Role;
  locationIds: string[];
  tokenHash: string;
  invitedBy: string;
  locale: string;
}

/**
 * Replaces any pending invitation for the same e-mail with a new one valid for 7 days. The caller
 * has refused a live one the inviter can see (src/server/users/commands/inviteUser.ts); what is left
 * to replace is expired, or outside a location-scoped inviter's view (refusing would tell them of it).
 * The partial unique index `invitations_pending_email` settles two concurrent invitations.
 */
export async function replacePendingInvitation(tx: Queryable, inv: NewInvitation): Promise<InvitationRow> {
  await tx.query(`/* deletePendingInvitation */ delete from invitations where org_id = $1 and lower(email) = lower($2) and accepted_at is null`, [
    inv.orgId, inv.email,
  ]);
  const { rows } = await tx.query(
    `/* insertInvitation */ insert into invitations(org_id, email, role, location_ids, token_hash, invited_by, locale, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8))
     returning id, email, role, location_ids, created_at, expires_at, accepted_at`,
    [inv.orgId, inv.email, inv.role, inv.locationIds, inv.tokenHash, inv.invitedBy, inv.locale, INVITATION_DAYS],
  );
  const r = rows[0];
  return { id: r.id, email: r.email, role: r.role, locationIds: r.location_ids, createdAt: r.created_at, expiresAt: r.expires_at, acceptedAt: null };
}

export interface PendingInvitation {
  id: string;
  orgId: string;
  orgName: string;
  email: string;
  role: Role;
  locationIds: string[];
  locale: string;
}

/** The pending, unexpired invitation with this token hash, or null. */
export async function findPendingInvitation(db: Queryable, tokenHash: string, opts: { forUpdate?: boolean } = {}): Promise<PendingInvitation | null> {
  const { rows } = await db.query(
    `/* findPendingInvitation */ select i.id, i.org_id, o.name as org_name, i.email, i.role, i.location_ids, i.locale
       from invitations i join orgs o on o.id = i.org_id
      where i.token_hash = $1 and i.accepted_at is null and i.expires_at > now()
      ${opts.forUpdate ? 'for update of i' : ''}`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { id: r.id, orgId: r.org_id, orgName: r.org_name, email: r.email, role: r.role, locationIds: r.location_ids, locale: r.locale } : null;
}

/** Marks the invitation used, so its token stops working. */
export async function markInvitationAccepted(tx: Queryable, orgId: string, id: string): Promise<void> {
  await tx.query(`/* markInvitationAccepted */ update invitations set accepted_at = now() where org_id = $1 and id = $2`, [orgId, id]);
}

/** Gives a pending invitation a new token (the old link stops working) and 7 more days. */
export async function renewInvitationToken(tx: Queryable, orgId: string, id: string, tokenHash: string): Promise<Date> {
  const { rows } = await tx.query(
    `/* renewInvitationToken */ update invitations set token_hash = $3, expires_at = now() + make_interval(days => $4)
      where org_id = $1 and id = $2 and accepted_at is null returning expires_at`,
    [orgId, id, tokenHash, INVITATION_DAYS],
  );
  return rows[0].expires_at;
}

/** Deletes a pending invitation: its link stops working. */
export async function deletePendingInvitation(tx: Queryable, orgId: string, id: string): Promise<void> {
  await tx.query(`/* deletePendingInvitation */ delete from invitations where org_id = $1 and id = $2 and accepted_at is null`, [orgId, id]);
}
