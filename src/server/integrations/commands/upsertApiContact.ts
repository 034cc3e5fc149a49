/**
 * Creates or updates a contact from the integration API (by e-mail, then phone, then external id), in the
 * caller's transaction. Minimal on purpose: the contact directory (issue 10, "Contacts") brings the full
 * rules (typed attributes, imports); this keeps the opt-out and the uniqueness of each identifier.
 */
import type pg from 'pg';
import { pathInScope, type Scope } from '../../../core/access/index.ts';
import type { ContactInput } from '../../../core/api/ingest.ts';
import { DomainError } from '../../../core/errors.ts';
import {
  findContactForUpsert, insertContact, locationPathOf, updateContact, type ApiContactRow,
} from '../../../db/integrations/apiContacts.ts';

/** Which identifier another contact holds, from the unique index a write ran into. */
const TAKEN: Record<string, string> = { contacts_email: 'email', contacts_phone: 'phone', contacts_external_id: 'externalId' };

/**
 * @param field the body field the contact came in (`contact` inside POST /events), for error messages
 * @throws DomainError validation (a location outside the key's), conflict (two identifiers naming two contacts)
 */
export async function upsertApiContact(tx: pg.PoolClient, scope: Scope, input: ContactInput, field = ''): Promise<{ contact: ApiContactRow; created: boolean }> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (input.locationId) {
    const path = await locationPathOf(tx, scope.orgId, input.locationId);
    // Unknown and out-of-scope locations get the same words: the key learns nothing about others.
    if (!path || !pathInScope(scope, path)) throw new DomainError('validation', `${at('locationId')}: not a location this key may use`, { field: at('locationId') });
  }
  try {
    const found = await findContactForUpsert(tx, scope.orgId, input);
    const contact = found ? await updateContact(tx, scope.orgId, found.id, input) : await insertContact(tx, scope.orgId, input);
    return { contact, created: !found };
  } catch (err) {
    // Another contact holds one of the identifiers (or a concurrent request just created it): the
    // transaction is over; the caller may retry.
    const pgErr = err as { code?: string; constraint?: string };
    if (pgErr.code === '23505' && pgErr.constraint && TAKEN[pgErr.constraint]) {
      const name = at(TAKEN[pgErr.constraint]);
      throw new DomainError('conflict', `${name}: another contact has it`, { field: name });
    }
    throw err;
  }
}
