/** The demo's contact directory (src/core/demo/contacts.ts), written inside the demo's transaction. */
import type { PoolClient } from '../connection.ts';
import { DEMO_CONTACT_ATTRIBUTES, generateDemoContacts } from '../../core/demo/contacts.ts';

/**
 * Inserts the attribute definitions and the contacts (their home store by code), and links the demo's
 * responses whose contact key is a contact's external id to that contact (what a personal link does).
 * @returns how many contacts and linked responses
 */
export async function insertDemoContacts(
  tx: PoolClient, orgId: string, locations: ReadonlyMap<string, string>, opts: { seed: number; count: number; today: string },
): Promise<{ contacts: number; linked: number }> {
  for (const a of DEMO_CONTACT_ATTRIBUTES) {
    await tx.query(
      `/* insertDemoContactAttribute */ insert into contact_attributes(org_id, key, label, type, choices, dimension) values ($1, $2, $3, $4, $5, $6)`,
      [orgId, a.key, a.label, a.type, a.choices, a.dimension],
    );
  }
  const contacts = generateDemoContacts(opts).map((c) => ({
    email: c.email, phone: c.phone, name: c.name, language: c.language, external_id: c.externalId, location_id: locations.get(c.store) ?? null,
    segment: c.segment, time_zone: c.timeZone, attributes: c.attributes, unsubscribed: c.unsubscribed,
  }));
  await tx.query(
    `/* insertDemoContacts */ insert into contacts(org_id, email, phone, name, language, external_id, location_id, segment, time_zone, attributes, unsubscribed_at)
     select $1, x.email, x.phone, x.name, x.language, x.external_id, x.location_id, x.segment, x.time_zone, x.attributes,
            case when x.unsubscribed then now() - interval '12 days' end
       from jsonb_to_recordset($2::jsonb) as x(email text, phone text, name text, language text, external_id text, location_id uuid,
            segment text, time_zone text, attributes jsonb, unsubscribed boolean)`,
    [orgId, JSON.stringify(contacts)],
  );
  const { rowCount } = await tx.query(
    `/* linkDemoResponsesToContacts */ update responses r set contact_id = c.id from contacts c
      where r.org_id = $1 and c.org_id = $1 and r.contact_key = c.external_id and r.contact_key is not null`,
    [orgId],
  );
  return { contacts: contacts.length, linked: rowCount ?? 0 };
}
