/** Attribute definitions: create, change (a type change only while no contact holds a value), delete. Audited. */
import type { PoolClient } from '../../../db/connection.ts';
import type { Principal } from '../../../core/access/index.ts';
import { attributeKeyProblem, type AttributeDef } from '../../../core/contacts/attributes.ts';
import { DomainError } from '../../../core/errors.ts';
import { countContactsWithAttribute, deleteContactAttribute, getContactAttribute, saveContactAttribute } from '../../../db/contacts/contactAttributes.ts';
import { writeAudit } from '../../../db/users/writeAudit.ts';

/** Creates (`create`) or changes a definition. @throws validation, conflict (exists / type change with values), not_found */
export async function saveAttribute(tx: PoolClient, actor: Principal, def: AttributeDef, mode: 'create' | 'update'): Promise<AttributeDef> {
  const keyProblem = attributeKeyProblem(def.key);
  if (keyProblem) {
    throw new DomainError('validation', `key: ${keyProblem === 'reserved' ? 'a contact field or a link parameter has this name' : 'use 1-40 of a-z, 0-9 and _'}`, { field: 'key' });
  }
  const choices = def.type === 'choice' ? [...new Set(def.choices)] : [];
  if (def.type === 'choice' && choices.length === 0) throw new DomainError('validation', 'choices: give at least one choice', { field: 'choices' });
  const current = await getContactAttribute(tx, actor.orgId, def.key);
  if (mode === 'create' && current) throw new DomainError('conflict', `key: an attribute ${def.key} exists`, { field: 'key' });
  if (mode === 'update' && !current) throw new DomainError('not_found', 'No such attribute');
  if (current && (current.type !== def.type || (def.type === 'choice' && current.choices.some((c) => !choices.includes(c))))) {
    const n = await countContactsWithAttribute(tx, actor.orgId, def.key);
    if (n > 0) {
      throw new DomainError('conflict', `type: ${n} contacts have a value of ${def.key}; their values would not fit (delete the attribute and create it again)`, {
        field: 'type', contacts: n,
      });
    }
  }
  const saved = { ...def, choices };
  await saveContactAttribute(tx, actor.orgId, saved);
  await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: `contact_attribute.${mode}`, targetType: 'contact_attribute', targetId: def.key, detail: { type: def.type } });
  return saved;
}

/** Deletes a definition and its values on every contact. @throws not_found */
export async function removeAttribute(tx: PoolClient, actor: Principal, key: string): Promise<void> {
  if (!(await deleteContactAttribute(tx, actor.orgId, key))) throw new DomainError('not_found', 'No such attribute');
  await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'contact_attribute.delete', targetType: 'contact_attribute', targetId: key });
}
