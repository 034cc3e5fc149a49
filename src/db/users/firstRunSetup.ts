/**
 * First-run setup: the first organisation and its company location (one transaction with the owner's
 * insertUser, src/server/auth/routes.ts).
 */
import type { Queryable } from '../connection.ts';

// Advisory lock key that serialises concurrent first visits.
const SETUP_LOCK = 727_002;

/** Whether any user exists (setup is done once there is one). */
export async function hasAnyUser(db: Queryable): Promise<boolean> {
  const { rows } = await db.query('/* hasAnyUser */ select exists(select 1 from users) as has_users');
  return rows[0].has_users;
}

/** Holds the setup lock until the transaction ends, so only one visitor can create the owner. */
export async function lockFirstRunSetup(tx: Queryable): Promise<void> {
  await tx.query('/* lockFirstRunSetup */ select pg_advisory_xact_lock($1)', [SETUP_LOCK]);
}

/** Creates an organisation and returns its id. */
export async function insertOrg(tx: Queryable, org: { name: string; timezone: string }): Promise<string> {
  const { rows } = await tx.query('/* insertOrg */ insert into orgs(name, timezone) values ($1, $2) returning id', [org.name, org.timezone]);
  return rows[0].id;
}

/** The root of the organisation's location tree: a company location named like the organisation. */
export async function insertCompanyLocation(tx: Queryable, orgId: string, name: string): Promise<void> {
  await tx.query(
    `/* insertCompanyLocation */ insert into locations(org_id, id, kind, name, path) select $1, g, 'company', $2, '/' || g || '/' from gen_random_uuid() g`,
    [orgId, name],
  );
}
