/**
 * The integration API's own statements about contacts and invitations: a recorded response linked to its
 * contact, a location's path, an invitation triggered after an event. (Contacts themselves are written by
 * the contact directory's upsert, src/server/contacts/commands/upsertContact.ts.)
 */
import type { Queryable } from '../connection.ts';

/** Links a response to the contact who gave it (a response recorded through the API). */
export async function setResponseContact(db: Queryable, orgId: string, responseId: string, contactId: string): Promise<void> {
  await db.query(
    `/* setResponseContact */ update responses set contact_id = $3 where org_id = $1 and id = $2 and contact_id is null`,
    [orgId, responseId, contactId],
  );
}

/** The path of the organisation's location `id`, or null when it has none. */
export async function locationPathOf(db: Queryable, orgId: string, id: string): Promise<string | null> {
  const { rows } = await db.query(`/* locationPathOf */ select path from locations where org_id = $1 and id = $2`, [orgId, id]);
  return rows[0]?.path ?? null;
}

