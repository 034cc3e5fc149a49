/** One-time password reset links: only the token's SHA-256 is stored; used or expired rows stop working. */
import type { Queryable } from '../connection.ts';

export interface NewPasswordReset {
  orgId: string;
  userId: string;
  tokenHash: string;
  createdBy: string | null;
  lifetimeMinutes: number;
}

/** Stores a reset link; earlier unused links of the same user stop working (only the newest is valid). */
export async function insertPasswordReset(tx: Queryable, r: NewPasswordReset): Promise<{ id: string; expiresAt: Date }> {
  await tx.query(`/* retireResets */ update password_resets set used_at = now() where org_id = $1 and user_id = $2 and used_at is null`, [r.orgId, r.userId]);
  const { rows } = await tx.query(
    `/* insertPasswordReset */ insert into password_resets(org_id, user_id, token_hash, created_by, expires_at)
     values ($1, $2, $3, $4, now() + make_interval(mins => $5)) returning id, expires_at`,
    [r.orgId, r.userId, r.tokenHash, r.createdBy, r.lifetimeMinutes],
  );
  return { id: rows[0].id, expiresAt: rows[0].expires_at };
}

export interface PendingReset {
  id: string;
  orgId: string;
  userId: string;
  email: string;
}

/** The unused, unexpired reset with this token hash whose user is enabled, or null. */
export async function findPendingReset(db: Queryable, tokenHash: string, opts: { forUpdate?: boolean } = {}): Promise<PendingReset | null> {
  const { rows } = await db.query(
    `/* findPendingReset */ select r.id, r.org_id, r.user_id, u.email
       from password_resets r join users u on u.org_id = r.org_id and u.id = r.user_id and not u.disabled
      where r.token_hash = $1 and r.used_at is null and r.expires_at > now()
      ${opts.forUpdate ? 'for update of r' : ''}`,
    [tokenHash],
  );
  const r = rows[0];
  return r ? { id: r.id, orgId: r.org_id, userId: r.user_id, email: r.email } : null;
}

/** Marks the reset used, so its token stops working. */
export async function markResetUsed(tx: Queryable, orgId: string, id: string): Promise<void> {
  await tx.query(`/* markResetUsed */ update password_resets set used_at = now() where org_id = $1 and id = $2`, [orgId, id]);
}
