/**
 * The statements behind the integration API's contacts (POST /contacts, the contact of POST /events and
 * of a recorded response): find by e-mail, phone or external id, then update or insert. Kept minimal
 * until the contact directory's own upsert lands (it then replaces this file).
 */
import type { Queryable } from '../connection.ts';

export interface ApiContactRow {
  id: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  name: string | null;
  language: string | null;
  locationId: string | null;
  segment: string | null;
  attributes: Record<string, string | number | boolean>;
  unsubscribed: boolean;
}

const COLUMNS = 'id, email, phone, external_id, name, language, location_id, segment, attributes, unsubscribed_at';
const toRow = (r: any): ApiContactRow => ({
  id: r.id, email: r.email, phone: r.phone, externalId: r.external_id, name: r.name, language: r.language,
  locationId: r.location_id, segment: r.segment, attributes: r.attributes, unsubscribed: r.unsubscribed_at !== null,
});

export interface ContactFields {
  email?: string;
  phone?: string;
  externalId?: string;
  name?: string;
  language?: string;
  locationId?: string;
  segment?: string;
  attributes?: Record<string, string | number | boolean>;
}

/**
 * The contact with this e-mail, else this phone, else this external id (erased contacts are not found),
 * locked for the update that follows.
 */
export async function findContactForUpsert(db: Queryable, orgId: string, c: ContactFields): Promise<ApiContactRow | null> {
  const { rows } = await db.query(
    `/* findContactForUpsert */ select ${COLUMNS} from contacts
      where org_id = $1 and erased_at is null and (email = $2 or phone = $3 or external_id = $4)
      order by (email = $2) is true desc, (phone = $3) is true desc
      limit 1 for update`,
    [orgId, c.email ?? null, c.phone ?? null, c.externalId ?? null],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

export async function insertContact(db: Queryable, orgId: string, c: ContactFields): Promise<ApiContactRow> {
  const { rows } = await db.query(
    `/* insertContact */ insert into contacts(org_id, email, phone, external_id, name, language, location_id, segment, attributes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${COLUMNS}`,
    [orgId, c.email ?? null, c.phone ?? null, c.externalId ?? null, c.name ?? null, c.language ?? null, c.locationId ?? null, c.segment ?? null, JSON.stringify(c.attributes ?? {})],
  );
  return toRow(rows[0]);
}

/** Sets the fields given (others kept; attributes merged); never touches the opt-out. */
export async function updateContact(db: Queryable, orgId: string, id: string, c: ContactFields): Promise<ApiContactRow> {
  const { rows } = await db.query(
    `/* updateContact */ update contacts set
        email = coalesce($3, email), phone = coalesce($4, phone), external_id = coalesce($5, external_id), name = coalesce($6, name),
        language = coalesce($7, language), location_id = coalesce($8, location_id), segment = coalesce($9, segment),
        attributes = attributes || $10::jsonb, updated_at = now()
      where org_id = $1 and id = $2 returning ${COLUMNS}`,
    [orgId, id, c.email ?? null, c.phone ?? null, c.externalId ?? null, c.name ?? null, c.language ?? null, c.locationId ?? null, c.segment ?? null, JSON.stringify(c.attributes ?? {})],
  );
  return toRow(rows[0]);
}

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
