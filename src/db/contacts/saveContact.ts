/** Writes of single contacts (create, update, delete, opt-out), inside the caller's transaction. */
import type { Queryable } from '../connection.ts';
import type { AttributeValue } from '../../core/contacts/attributes.ts';
import type { Contact, ContactFields } from '../../core/contacts/contact.ts';
import { CONTACT_COLUMNS, toContact } from './contactRows.ts';

export type ContactFieldValues = Partial<Omit<ContactFields, 'attributes'>>;

// API field -> column; the only column names these statements interpolate (a fixed allowlist).
const COLUMN: Record<keyof ContactFieldValues, string> = {
  email: 'email', phone: 'phone', name: 'name', language: 'language', externalId: 'external_id',
  locationId: 'location_id', segment: 'segment', timeZone: 'time_zone',
};

/** Inserts a contact. @throws the unique violation of contacts_email / _phone / _external_id when taken. */
export async function insertContact(tx: Queryable, orgId: string, fields: ContactFieldValues, attributes: Record<string, AttributeValue>): Promise<Contact> {
  const { rows } = await tx.query(
    `/* insertContact */ insert into contacts as c (org_id, email, phone, name, language, external_id, location_id, segment, time_zone, attributes)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${CONTACT_COLUMNS}`,
    [orgId, fields.email ?? null, fields.phone ?? null, fields.name ?? null, fields.language ?? null, fields.externalId ?? null,
      fields.locationId ?? null, fields.segment ?? null, fields.timeZone ?? null, JSON.stringify(attributes)],
  );
  return toContact(rows[0]);
}

/**
 * Sets the given fields (null clears), merges `setAttributes` and drops `removeAttributes`. Never touches
 * the opt-out. @returns the contact, or null when it does not exist (or is erased).
 */
export async function updateContact(
  tx: Queryable, orgId: string, id: string, fields: ContactFieldValues, setAttributes: Record<string, AttributeValue>, removeAttributes: string[],
): Promise<Contact | null> {
  const params: unknown[] = [orgId, id, JSON.stringify(setAttributes), removeAttributes];
  const sets = Object.entries(fields).map(([k, v]) => {
    params.push(v);
    return `${COLUMN[k as keyof ContactFieldValues]} = $${params.length}`;
  });
  const { rows } = await tx.query(
    `/* updateContact */ update contacts c set ${[...sets, `attributes = (c.attributes - $4::text[]) || $3::jsonb`, 'updated_at = now()'].join(', ')}
      where c.org_id = $1 and c.id = $2 and c.erased_at is null returning ${CONTACT_COLUMNS}`,
    params,
  );
  return rows[0] ? toContact(rows[0]) : null;
}

/** Deletes a contact (its invitations go with it; responses keep their answers and lose the link). */
export async function deleteContact(tx: Queryable, orgId: string, id: string): Promise<boolean> {
  await tx.query(`/* unlinkContactResponses */ update responses set contact_id = null where org_id = $1 and contact_id = $2`, [orgId, id]);
  const { rowCount } = await tx.query(`/* deleteContact */ delete from contacts where org_id = $1 and id = $2`, [orgId, id]);
  return (rowCount ?? 0) > 0;
}

/** Marks a contact opted out (keeps an earlier opt-out's time). @returns the contact, or null when missing. */
export async function unsubscribeContact(tx: Queryable, orgId: string, id: string): Promise<Contact | null> {
  const { rows } = await tx.query(
    `/* unsubscribeContact */ update contacts c set unsubscribed_at = coalesce(c.unsubscribed_at, now()), updated_at = now()
      where c.org_id = $1 and c.id = $2 returning ${CONTACT_COLUMNS}`,
    [orgId, id],
  );
  return rows[0] ? toContact(rows[0]) : null;
}

export interface IdentifiedContact {
  id: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
}

/** The organisation's contacts holding any of these e-mails, phones or external ids (for matching). */
export async function findContactsByIdentifiers(
  db: Queryable, orgId: string, ids: { emails: string[]; phones: string[]; externalIds: string[] },
): Promise<IdentifiedContact[]> {
  if (!ids.emails.length && !ids.phones.length && !ids.externalIds.length) return [];
  // One probe of each unique index per value (`= any` of an array): no join for the planner to misjudge when the
  // table's statistics are stale (right after a big import), and not an OR, which would test every row against the arrays.
  const { rows } = await db.query(
    `/* findContactsByIdentifiers */ select c.id, c.email, c.phone, c.external_id from contacts c where c.org_id = $1 and c.email = any($2::text[])
     union
     select c.id, c.email, c.phone, c.external_id from contacts c where c.org_id = $1 and c.phone = any($3::text[])
     union
     select c.id, c.email, c.phone, c.external_id from contacts c where c.org_id = $1 and c.external_id = any($4::text[])`,
    [orgId, ids.emails, ids.phones, ids.externalIds],
  );
  return rows.map((r) => ({ id: r.id, email: r.email, phone: r.phone, externalId: r.external_id }));
}
