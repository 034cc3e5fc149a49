/** A user's own account: sign-in lookup, password, name, interface language and two-factor state. */
import type { Queryable } from '../connection.ts';

export interface LoginUser {
  orgId: string;
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  passwordHash: string;
  /** The stored (possibly encrypted) TOTP secret once two-factor sign-in is on; null otherwise. */
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number | null;
  /** The organisation requires two-factor sign-in. */
  orgRequiresTotp: boolean;
}

const LOGIN_SELECT = `select u.org_id, u.id, u.email, u.name, u.role, u.locale, u.password_hash, u.totp_secret, u.totp_pending_secret, u.totp_last_step,
         o.require_totp from users u join orgs o on o.id = u.org_id`;

const toLoginUser = (r: Record<string, any>): LoginUser => ({
  orgId: r.org_id, id: r.id, email: r.email, name: r.name, role: r.role, locale: r.locale, passwordHash: r.password_hash, totpSecret: r.totp_secret,
  totpPendingSecret: r.totp_pending_secret, totpLastStep: r.totp_last_step === null ? null : Number(r.totp_last_step), orgRequiresTotp: r.require_totp,
});

/** The enabled user with this e-mail (any case, any organisation: logins are global), or null. */
export async function findLoginUser(db: Queryable, email: string): Promise<LoginUser | null> {
  const { rows } = await db.query(`/* findLoginUser */ ${LOGIN_SELECT} where lower(u.email) = lower($1) and not u.disabled`, [email]);
  return rows[0] ? toLoginUser(rows[0]) : null;
}

/** The enabled user by id, optionally row-locked (code checks that record the used time step). */
export async function getLoginUser(db: Queryable, orgId: string, userId: string, opts: { forUpdate?: boolean } = {}): Promise<LoginUser | null> {
  const { rows } = await db.query(
    `/* getLoginUser */ ${LOGIN_SELECT} where u.org_id = $1 and u.id = $2 and not u.disabled ${opts.forUpdate ? 'for update of u' : ''}`,
    [orgId, userId],
  );
  return rows[0] ? toLoginUser(rows[0]) : null;
}

/** Replaces the password hash. */
export async function setPasswordHash(tx: Queryable, orgId: string, userId: string, passwordHash: string): Promise<void> {
  await tx.query(`/* setPasswordHash */ update users set password_hash = $3 where org_id = $1 and id = $2`, [orgId, userId, passwordHash]);
}

/** Changes the name and / or interface language (undefined keeps the current value). */
export async function updateProfile(tx: Queryable, orgId: string, userId: string, p: { name?: string; locale?: string }): Promise<void> {
  await tx.query(
    `/* updateProfile */ update users set name = coalesce($3, name), locale = coalesce($4, locale) where org_id = $1 and id = $2`,
    [orgId, userId, p.name ?? null, p.locale ?? null],
  );
}

/** Ends every session of the user except the one with `keepTokenHash` (null: all of them). */
export async function deleteOtherSessions(tx: Queryable, orgId: string, userId: string, keepTokenHash: string | null): Promise<void> {
  await tx.query(
    `/* deleteOtherSessions */ delete from sessions where org_id = $1 and user_id = $2 and ($3::text is null or token_hash <> $3)`,
    [orgId, userId, keepTokenHash],
  );
}

/** Stores a secret being enrolled (not yet used at sign-in). */
export async function setPendingTotpSecret(tx: Queryable, orgId: string, userId: string, storedSecret: string): Promise<void> {
  await tx.query(`/* setPendingTotp */ update users set totp_pending_secret = $3 where org_id = $1 and id = $2`, [orgId, userId, storedSecret]);
}

/** Turns two-factor sign-in on with the pending secret and replaces the recovery codes with `codeHashes`. */
export async function enableTotp(tx: Queryable, orgId: string, userId: string, step: number, codeHashes: readonly string[]): Promise<void> {
  await tx.query(
    `/* enableTotp */ update users set totp_secret = totp_pending_secret, totp_pending_secret = null, totp_enabled_at = now(), totp_last_step = $3
      where org_id = $1 and id = $2`,
    [orgId, userId, step],
  );
  await tx.query(`/* clearRecoveryCodes */ delete from totp_recovery_codes where org_id = $1 and user_id = $2`, [orgId, userId]);
  await tx.query(
    `/* insertRecoveryCodes */ insert into totp_recovery_codes(org_id, user_id, code_hash) select $1, $2, unnest($3::text[])`,
    [orgId, userId, codeHashes],
  );
}

/** Turns two-factor sign-in off and drops the recovery codes. */
export async function disableTotp(tx: Queryable, orgId: string, userId: string): Promise<void> {
  await tx.query(
    `/* disableTotp */ update users set totp_secret = null, totp_pending_secret = null, totp_enabled_at = null, totp_last_step = null
      where org_id = $1 and id = $2`,
    [orgId, userId],
  );
  await tx.query(`/* clearRecoveryCodes */ delete from totp_recovery_codes where org_id = $1 and user_id = $2`, [orgId, userId]);
}

/** Records the time step of an accepted code: the same code is not accepted a second time. */
export async function setTotpLastStep(tx: Queryable, orgId: string, userId: string, step: number): Promise<void> {
  await tx.query(`/* setTotpLastStep */ update users set totp_last_step = $3 where org_id = $1 and id = $2`, [orgId, userId, step]);
}

/** Uses up one unused recovery code. @returns false when there is no such unused code. */
export async function useRecoveryCode(tx: Queryable, orgId: string, userId: string, codeHash: string): Promise<boolean> {
  const res = await tx.query(
    `/* useRecoveryCode */ update totp_recovery_codes set used_at = now() where org_id = $1 and user_id = $2 and code_hash = $3 and used_at is null`,
    [orgId, userId, codeHash],
  );
  return (res.rowCount ?? 0) === 1;
}

/** How many recovery codes are left unused. */
export async function countRecoveryCodes(db: Queryable, orgId: string, userId: string): Promise<number> {
  const { rows } = await db.query(
    `/* countRecoveryCodes */ select count(*)::int as n from totp_recovery_codes where org_id = $1 and user_id = $2 and used_at is null`,
    [orgId, userId],
  );
  return rows[0].n;
}

/** Requires (or stops requiring) two-factor sign-in in the organisation. */
export async function setOrgRequiresTotp(tx: Queryable, orgId: string, required: boolean): Promise<void> {
  await tx.query(`/* setOrgRequiresTotp */ update orgs set require_totp = $2 where id = $1`, [orgId, required]);
}

/** Whether the organisation requires two-factor sign-in. */
export async function orgRequiresTotp(db: Queryable, orgId: string): Promise<boolean> {
  const { rows } = await db.query(`/* orgRequiresTotp */ select require_totp from orgs where id = $1`, [orgId]);
  return rows[0].require_totp;
}
