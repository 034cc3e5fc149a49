/**
 * Users and invitations of an organisation as the admin pages see them. A location-scoped admin sees
 * only people limited to locations inside their own subtrees: an unrestricted user (or one reaching
 * outside the admin's subtrees) is out of scope, which the API answers like an unknown id.
 */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { Role } from '../../core/access/index.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  locationIds: string[];
  disabled: boolean;
  createdAt: Date;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  locationIds: string[];
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

// `$2` is null for unrestricted callers, else the granted path prefixes ('<path>%').
const USER_IN_SCOPE = `($2::text[] is null or (
    exists (select 1 from user_locations x where x.org_id = u.org_id and x.user_id = u.id)
    and not exists (select 1 from user_locations x join locations l on l.org_id = x.org_id and l.id = x.location_id
                     where x.org_id = u.org_id and x.user_id = u.id and not l.path like any($2::text[]))))`;

const scopeParam = (scope: Scope) => (scope.locationPaths === null ? null : scope.locationPaths.map((p) => `${p}%`));

const USER_SELECT = `select u.id, u.email, u.name, u.role, u.locale, u.disabled, u.created_at,
         coalesce((select array_agg(x.location_id order by x.location_id) from user_locations x
                    where x.org_id = u.org_id and x.user_id = u.id), '{}') as location_ids
    from users u`;

const toUser = (r: Record<string, any>): UserRow => ({
  id: r.id, email: r.email, name: r.name, role: r.role, locale: r.locale, locationIds: r.location_ids, disabled: r.disabled, createdAt: r.created_at,
});

/** Users in scope, oldest first. */
export async function listUsers(db: Queryable, scope: Scope): Promise<UserRow[]> {
  const { rows } = await db.query(`/* listUsers */ ${USER_SELECT} where u.org_id = $1 and ${USER_IN_SCOPE} order by u.created_at, u.id`, [
    scope.orgId, scopeParam(scope),
  ]);
  return rows.map(toUser);
}

/** One user in scope (locked for update when asked), or null. */
export async function getUser(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<UserRow | null> {
  const { rows } = await db.query(
    `/* getUser */ ${USER_SELECT} where u.org_id = $1 and u.id = $3 and ${USER_IN_SCOPE} ${opts.forUpdate ? 'for update of u' : ''}`,
    [scope.orgId, scopeParam(scope), id],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

/** The user of the caller's organisation and scope with this e-mail (any case), or null: others are none of the caller's business. */
export async function findUserByEmail(db: Queryable, scope: Scope, email: string): Promise<UserRow | null> {
  const { rows } = await db.query(
    `/* findUserByEmail */ ${USER_SELECT} where u.org_id = $1 and lower(u.email) = lower($3) and ${USER_IN_SCOPE}`,
    [scope.orgId, scopeParam(scope), email],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

// An invitation is in scope when every location it grants lies in the caller's subtrees.
const INVITATION_IN_SCOPE = `($2::text[] is null or (cardinality(i.location_ids) > 0 and not exists (
    select 1 from unnest(i.location_ids) x(id) left join locations l on l.org_id = i.org_id and l.id = x.id
     where l.path is null or not l.path like any($2::text[]))))`;

const INVITATION_SELECT = `select i.id, i.email, i.role, i.location_ids, i.created_at, i.expires_at, i.accepted_at from invitations i`;

const toInvitation = (r: Record<string, any>): InvitationRow => ({
  id: r.id, email: r.email, role: r.role, locationIds: r.location_ids, createdAt: r.created_at, expiresAt: r.expires_at, acceptedAt: r.accepted_at,
});

/** The pending (not accepted) invitation in scope with this id, optionally locked, or null. */
export async function getPendingInvitation(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<InvitationRow | null> {
  const { rows } = await db.query(
    `/* getPendingInvitation */ ${INVITATION_SELECT} where i.org_id = $1 and i.id = $3 and i.accepted_at is null and ${INVITATION_IN_SCOPE}
     ${opts.forUpdate ? 'for update of i' : ''}`,
    [scope.orgId, scopeParam(scope), id],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** The unexpired pending invitation in scope for this e-mail (any case), or null. */
export async function findLiveInvitationByEmail(db: Queryable, scope: Scope, email: string): Promise<InvitationRow | null> {
  const { rows } = await db.query(
    `/* findLiveInvitationByEmail */ ${INVITATION_SELECT}
      where i.org_id = $1 and lower(i.email) = lower($3) and i.accepted_at is null and i.expires_at > now() and ${INVITATION_IN_SCOPE}`,
    [scope.orgId, scopeParam(scope), email],
  );
  return rows[0] ? toInvitation(rows[0]) : null;
}

/** Invitations in scope (pending and accepted), newest first; at most 500. */
export async function listInvitations(db: Queryable, scope: Scope): Promise<InvitationRow[]> {
  const { rows } = await db.query(
    `/* listInvitations */ ${INVITATION_SELECT}
      where i.org_id = $1 and ${INVITATION_IN_SCOPE}
      order by i.created_at desc, i.id limit 500`,
    [scope.orgId, scopeParam(scope)],
  );
  return rows.map(toInvitation);
}
