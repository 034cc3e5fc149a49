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

export interface TriggeredInvitationRow {
  id: string;
  status: string;
  sendAfter: Date;
}

/**
 * Queues an invitation triggered through the API (wave_id null): the sending pipeline picks it up at
 * `send_after`. `tokenHash` is the SHA-256 of the personal link's token.
 */
export async function insertTriggeredInvitation(
  db: Queryable,
  i: { orgId: string; surveyId: string; contactId: string; channel: string; tokenHash: string; delaySeconds: number },
): Promise<TriggeredInvitationRow> {
  const { rows } = await db.query(
    `/* insertTriggeredInvitation */ insert into survey_invitations(org_id, survey_id, contact_id, channel, token_hash, send_after)
     values ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) returning id, status, send_after`,
    [i.orgId, i.surveyId, i.contactId, i.channel, i.tokenHash, i.delaySeconds],
  );
  return { id: rows[0].id, status: rows[0].status, sendAfter: rows[0].send_after };
}
