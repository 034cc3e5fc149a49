/** The `contacts` row as the API's Contact, and the SQL pieces every contact statement shares. */
import type { Queryable } from '../connection.ts';
import type { Contact } from '../../core/contacts/contact.ts';
import type { Language } from '../../core/i18n/languages.ts';

export const CONTACT_COLUMNS = `c.id, c.email, c.phone, c.name, c.language, c.external_id, c.location_id, c.segment, c.time_zone,
  c.attributes, c.unsubscribed_at, c.erased_at, c.created_at, c.updated_at`;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

/** Maps a row of CONTACT_COLUMNS to the API shape. */
export function toContact(r: Record<string, any>): Contact {
  return {
    id: r.id,
    email: r.email,
    phone: r.phone,
    name: r.name,
    language: r.language as Language | null,
    externalId: r.external_id,
    locationId: r.location_id,
    segment: r.segment,
    timeZone: r.time_zone,
    attributes: r.attributes ?? {},
    unsubscribedAt: iso(r.unsubscribed_at),
    erasedAt: iso(r.erased_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

/**
 * Serialises writers of one organisation's contacts (create, update, import, upsert) for the rest of the
 * transaction, so two imports cannot both decide to create the same person.
 */
export async function lockContacts(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(`/* lockContacts */ select pg_advisory_xact_lock(hashtext('sarafan.contacts'), hashtext($1))`, [orgId]);
}

/** The organisation's time zone (its default phone country derives from it) and its dashboard dimensions. */
export async function getContactOrgSettings(db: Queryable, orgId: string): Promise<{ timeZone: string; dimensions: string[] }> {
  const { rows } = await db.query(`/* getContactOrgSettings */ select timezone, dimensions from orgs where id = $1`, [orgId]);
  return { timeZone: rows[0]?.timezone ?? 'UTC', dimensions: rows[0]?.dimensions ?? [] };
}
