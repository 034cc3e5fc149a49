/** User writes. The caller runs them in one transaction with the audit event. */
import type { Queryable } from '../connection.ts';
import type { Role } from '../../core/access/index.ts';

export interface NewUser {
  orgId: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  locale: string;
}

/** Inserts a user; a taken e-mail (any organisation: logins are global) raises 23505 on users_email. */
export async function insertUser(tx: Queryable, u: NewUser): Promise<string> {
  const { rows } = await tx.query(
    `/* insertUser */ insert into users(org_id, email, name, password_hash, role, locale) values ($1, $2, $3, $4, $5, $6) returning id`,
    [u.orgId, u.email, u.name, u.passwordHash, u.role, u.locale],
  );
  return rows[0].id;
}

/**
 * Replaces the user's location grants with the given ones (only ids of this organisation are kept).
 * @returns how many grants were stored: fewer than asked means some locations no longer exist.
 */
export async function setUserLocations(tx: Queryable, orgId: string, userId: string, locationIds: readonly string[]): Promise<number> {
  await tx.query(`/* clearUserLocations */ delete from user_locations where org_id = $1 and user_id = $2`, [orgId, userId]);
  const res = await tx.query(
    `/* setUserLocations */ insert into user_locations(org_id, user_id, location_id)
     select $1, $2, l.id from locations l where l.org_id = $1 and l.id = any($3::uuid[])`,
    [orgId, userId, locationIds],
  );
  return res.rowCount ?? 0;
}

/** Sets role and disabled flag of one user. */
export async function updateUserRow(tx: Queryable, orgId: string, userId: string, fields: { role: Role; disabled: boolean }): Promise<void> {
  await tx.query(`/* updateUser */ update users set role = $3, disabled = $4 where org_id = $1 and id = $2`, [orgId, userId, fields.role, fields.disabled]);
}

/**
 * Ids of the enabled owners, locked: two admins demoting the last two owners at once must not both succeed.
 */
export async function lockActiveOwners(tx: Queryable, orgId: string): Promise<string[]> {
  const { rows } = await tx.query(`/* lockActiveOwners */ select id from users where org_id = $1 and role = 'owner' and not disabled order by id for update`, [orgId]);
  return rows.map((r) => r.id);
}

/** Signs the user out everywhere (after disabling them or changing their rights). */
export async function deleteUserSessions(tx: Queryable, orgId: string, userId: string): Promise<void> {
  await tx.query(`/* deleteUserSessions */ delete from sessions where org_id = $1 and user_id = $2`, [orgId, userId]);
}
