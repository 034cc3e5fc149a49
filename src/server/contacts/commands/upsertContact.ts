/**
 * Writes of one contact with their rules: create, edit, and upsert (find by e-mail / phone / external id,
 * then update or create), the last for integrations (API keys) as much as for the dashboard. Each runs in the
 * caller's transaction, serialised per organisation (lockContacts), and appends an audit event.
 */
import type { PoolClient } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import { hasIdentifier, normalizeContact, type Contact, type ContactInput } from '../../../core/contacts/contact.ts';
import { DomainError } from '../../../core/errors.ts';
import { lockContacts } from '../../../db/contacts/contactRows.ts';
import { getContact } from '../../../db/contacts/listContacts.ts';
import { findContactsByIdentifiers, insertContact, updateContact } from '../../../db/contacts/saveContact.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';
import { checkContactLocation, loadWriteContext, rethrowContactConflict } from './writeContext.ts';

function normalizeOrThrow(input: ContactInput, ctx: Awaited<ReturnType<typeof loadWriteContext>>) {
  const n = normalizeContact(input, ctx);
  const first = n.problems[0];
  if (first) throw new DomainError('validation', `${first.field}: ${first.reason}`, { field: first.field, problems: n.problems });
  return n;
}

const noIdentifier = () =>
  new DomainError('validation', 'email: give an e-mail, a phone or an external id (contacts are told apart by them)', { field: 'email' });

/** Creates a contact. @throws validation (a field, or no identifier), conflict (an identifier is taken) */
export async function createContact(tx: PoolClient, actor: Principal, input: ContactInput): Promise<Contact> {
  const ctx = await loadWriteContext(tx, actor.orgId);
  const n = normalizeOrThrow(input, ctx);
  const f = n.fields;
  if (!hasIdentifier({ email: f.email ?? null, phone: f.phone ?? null, externalId: f.externalId ?? null })) throw noIdentifier();
  await checkContactLocation(tx, actor, f.locationId ?? (actor.locationPaths === null ? undefined : null));
  await lockContacts(tx, actor.orgId);
  const contact = await insertContact(tx, actor.orgId, f, n.attributes).catch(rethrowContactConflict);
  await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'contact.create', targetType: 'contact', targetId: contact.id });
  return contact;
}

/** Changes the given fields of a contact in the actor's scope. @throws not_found, validation, conflict */
export async function editContact(tx: PoolClient, actor: Principal, id: string, input: ContactInput): Promise<Contact> {
  const current = await getContact(tx, scopeOf(actor), id, { forUpdate: true });
  if (!current || current.erasedAt) throw new DomainError('not_found', 'No such contact');
  const ctx = await loadWriteContext(tx, actor.orgId);
  const n = normalizeOrThrow(input, ctx);
  const next = { ...current, ...n.fields };
  if (!hasIdentifier(next)) throw noIdentifier();
  await checkContactLocation(tx, actor, n.fields.locationId);
  await lockContacts(tx, actor.orgId);
  const contact = await updateContact(tx, actor.orgId, id, n.fields, n.attributes, n.removeAttributes).catch(rethrowContactConflict);
  if (!contact) throw new DomainError('not_found', 'No such contact');
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'contact.update', targetType: 'contact', targetId: id,
    detail: { fields: [...Object.keys(n.fields), ...Object.keys(n.attributes).concat(n.removeAttributes).map((k) => `attributes.${k}`)] },
  });
  return contact;
}

/**
 * Finds the contact by its e-mail, phone or external id (in that order of the input's identifiers) and
 * updates it with the given fields, or creates it. The opt-out is never cleared. Identifiers that point at
 * two different contacts are a conflict; a match outside the actor's locations is not found.
 * @returns the contact and whether it was created
 */
export async function upsertContact(tx: PoolClient, actor: Principal, input: ContactInput): Promise<{ contact: Contact; created: boolean }> {
  const ctx = await loadWriteContext(tx, actor.orgId);
  const n = normalizeOrThrow(input, ctx);
  const f = n.fields;
  if (!hasIdentifier({ email: f.email ?? null, phone: f.phone ?? null, externalId: f.externalId ?? null })) throw noIdentifier();
  await lockContacts(tx, actor.orgId);
  const matches = await findContactsByIdentifiers(tx, actor.orgId, {
    emails: f.email ? [f.email] : [], phones: f.phone ? [f.phone] : [], externalIds: f.externalId ? [f.externalId] : [],
  });
  if (matches.length > 1) throw new DomainError('conflict', 'the e-mail, phone and external id belong to different contacts', { ids: matches.map((m) => m.id) });
  if (matches.length === 0) return { contact: await createContact(tx, actor, input), created: true };
  return { contact: await editContact(tx, actor, matches[0].id, input), created: false };
}
