/**
 * The contact of an integration request (PUT /contacts, the `contact` of POST /events and of a recorded
 * response): the contact directory's upsert (by e-mail, phone or external id; the opt-out kept), with the
 * key as the actor, so a key limited to locations writes only there. For a nested contact, validation
 * errors name the field inside the body (`contact.email`).
 */
import type pg from 'pg';
import type { Principal } from '../../../core/access/index.ts';
import type { ContactInput } from '../../../core/contacts/contact.ts';
import type { Contact } from '../../../core/contacts/contact.ts';
import { DomainError } from '../../../core/errors.ts';
import { upsertContact } from '../../contacts/commands/upsertContact.ts';

/** @param field the body field the contact came in (`contact`), or '' for a body that is the contact */
export async function upsertApiContact(tx: pg.PoolClient, actor: Principal, input: ContactInput, field = ''): Promise<{ contact: Contact; created: boolean }> {
  try {
    return await upsertContact(tx, actor, input);
  } catch (err) {
    if (field && err instanceof DomainError && (err.code === 'validation' || err.code === 'conflict') && typeof err.details?.field === 'string') {
      throw new DomainError(err.code, `${field}.${err.message}`, { ...err.details, field: `${field}.${err.details.field}` });
    }
    throw err;
  }
}
