/** What every contact write needs to know about the organisation and the caller's locations. */
import type { Queryable } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import type { AttributeDef } from '../../../core/contacts/attributes.ts';
import { defaultPhoneCountry } from '../../../core/contacts/normalize.ts';
import { DomainError } from '../../../core/errors.ts';
import { listContactAttributes } from '../../../db/contacts/contactAttributes.ts';
import { getContactOrgSettings } from '../../../db/contacts/contactRows.ts';
import { getLocation } from '../../../db/locations/listLocations.ts';

export interface WriteContext {
  attributeDefs: AttributeDef[];
  /** The organisation's default phone country (by its time zone), or null. */
  defaultCountry: string | null;
}

export async function loadWriteContext(db: Queryable, orgId: string): Promise<WriteContext> {
  const [attributeDefs, settings] = await Promise.all([listContactAttributes(db, orgId), getContactOrgSettings(db, orgId)]);
  return { attributeDefs, defaultCountry: defaultPhoneCountry(settings.timeZone) };
}

/**
 * Checks the location a write gives a contact: it must be one the actor sees; an actor limited to some
 * locations must give one (a contact without a location would be outside what they can see).
 * @throws validation naming `locationId`
 */
export async function checkContactLocation(db: Queryable, actor: Principal, locationId: string | null | undefined): Promise<void> {
  if (locationId === undefined) return;
  if (locationId === null) {
    if (actor.locationPaths !== null) throw new DomainError('validation', 'locationId: choose one of your locations', { field: 'locationId' });
    return;
  }
  if (!(await getLocation(db, scopeOf(actor), locationId))) {
    throw new DomainError('validation', 'locationId: no such location among yours', { field: 'locationId' });
  }
}

/** Turns a unique violation of an identifier into a 409 naming the field; anything else unchanged. */
export function rethrowContactConflict(err: unknown): never {
  const pgErr = err as { code?: string; constraint?: string };
  const field = ({ contacts_email: 'email', contacts_phone: 'phone', contacts_external_id: 'externalId' } as Record<string, string>)[pgErr?.constraint ?? ''];
  if (pgErr?.code === '23505' && field) {
    throw new DomainError('conflict', `${field}: another contact has this ${field === 'externalId' ? 'external id' : field}`, { field });
  }
  throw err;
}
