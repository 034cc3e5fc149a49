/** Sign-in sessions: stored by the SHA-256 hash of their cookie token, never the token itself. */
import type { Queryable } from '../connection.ts';

export async function insertSession(db: Queryable, s: { tokenHash: string; orgId: string; userId: string; days: number }): Promise<void> {
  await db.query(
    `/* insertSession */ insert into sessions(token_hash, org_id, user_id, expires_at) values ($1, $2, $3, now() + make_interval(days => $4))`,
    [s.tokenHash, s.orgId, s.userId, s.days],
  );
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('/* deleteSession */ delete from sessions where token_hash = $1', [tokenHash]);
}

export interface SessionRow {
  orgId: string;
  userId: string;
  role: string;
  email: string;
  name: string;
  locale: string;
  orgName: string;
  orgTimezone: string;
  /** Paths of the locations granted to the user (empty: none). */
  locationPaths: string[];
}

/** The enabled user behind an unexpired session, with their location grants, or null. */
export async function findSessionUser(db: Queryable, tokenHash: string): Promise<SessionRow | null> {
  const { rows } = await db.query(
    `/* findSessionUser */
     select u.org_id, u.id, u.role, u.email, u.name, u.locale, o.name as org_name, o.timezone as org_timezone,
            coalesce(array_agg(l.path) filter (where l.path is not null), '{}') as paths
       from sessions s
       join users u on u.org_id = s.org_id and u.id = s.user_id and not u.disabled
       join orgs o on o.id = u.org_id
       left join user_locations ul on ul.org_id = u.org_id and ul.user_id = u.id
       left join locations l on l.org_id = ul.org_id and l.id = ul.location_id
      where s.token_hash = $1 and s.expires_at > now()
      group by u.org_id, u.id, o.name, o.timezone`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    orgId: r.org_id, userId: r.id, role: r.role, email: r.email, name: r.name, locale: r.locale, orgName: r.org_name, orgTimezone: r.org_timezone,
    locationPaths: r.paths,
  };
}
