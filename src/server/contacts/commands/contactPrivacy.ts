/** GDPR-style rights of one contact: export everything stored about them, erase them; opt-out by an admin; delete. Each audited. */
import type { PoolClient } from '../../../db/connection.ts';
import { scopeOf, type Principal } from '../../../core/access/index.ts';
import type { Contact } from '../../../core/contacts/contact.ts';
import { DomainError } from '../../../core/errors.ts';
import { eraseContact, getContactHistory } from '../../../db/contacts/contactPrivacy.ts';
import { getContact } from '../../../db/contacts/listContacts.ts';
import { deleteContact, unsubscribeContact } from '../../../db/contacts/saveContact.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';

async function contactInScope(tx: PoolClient, actor: Principal, id: string): Promise<Contact> {
  const contact = await getContact(tx, scopeOf(actor), id, { forUpdate: true });
  if (!contact) throw new DomainError('not_found', 'No such contact');
  return contact;
}

/** The export document: the contact, their invitations and their responses with answers. */
export async function exportContact(tx: PoolClient, actor: Principal, id: string) {
  const contact = await contactInScope(tx, actor, id);
  const history = await getContactHistory(tx, actor.orgId, id);
  await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'contact.export', targetType: 'contact', targetId: id });
  return { exportedAt: new Date().toISOString(), contact, ...history };
}

/** Erases the contact and anonymises their answers (db/contacts/contactPrivacy.ts eraseContact). */
export async function eraseContactCommand(tx: PoolClient, actor: Principal, id: string): Promise<{ contact: Contact; responsesAnonymised: number }> {
  await contactInScope(tx, actor, id);
  const erased = await eraseContact(tx, actor.orgId, id);
  if (!erased) throw new DomainError('not_found', 'No such contact');
  await writeAudit(tx, {
    orgId: actor.orgId, actorId: actor.userId, action: 'contact.erase', targetType: 'contact', targetId: id, detail: { responses: erased.responses },
  });
  return { contact: (await getContact(tx, scopeOf(actor), id))!, responsesAnonymised: erased.responses };
}

/** Opts a contact out on their behalf (asked by phone, in a store...). An opt-out is never undone through the API. */
export async function unsubscribeContactCommand(tx: PoolClient, actor: Principal, id: string): Promise<Contact> {
  await contactInScope(tx, actor, id);
  const contact = (await unsubscribeContact(tx, actor.orgId, id))!;
  await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'contact.unsubscribe', targetType: 'contact', targetId: id });
  return contact;
}

/** Deletes a contact (responses stay, unlinked). */
export async function deleteContactCommand(tx: PoolClient, actor: Principal, id: string): Promise<void> {
  await contactInScope(tx, actor, id);
  await deleteContact(tx, actor.orgId, id);
  await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'contact.delete', targetType: 'contact', targetId: id });
}
