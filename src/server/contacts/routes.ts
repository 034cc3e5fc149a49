/** Contacts API (docs/api.md, "Contacts"): authenticate → validate → authorize → one command/query → present. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import { scopeOf } from '../../core/access/index.ts';
import {
  AttributeCreateSchema, AttributeWriteSchema, ContactImportSchema, ContactListQuerySchema, ContactWriteSchema,
  type AttributeAnswer, type AttributesAnswer, type ContactAnswer, type ContactSegmentsAnswer, type ContactsAnswer,
  type EraseContactAnswer, type ImportPreviewAnswer, type ImportResultAnswer,
} from '../../core/api/contacts.ts';
import { withTransaction } from '../../db/tx.ts';
import { listContactAttributes } from '../../db/contacts/contactAttributes.ts';
import { getContact, listContactSegments, listContacts } from '../../db/contacts/listContacts.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { authorize } from '../../http/session.ts';
import { parse, parseIdParam, pathParam } from '../../http/validate.ts';
import { createContact, editContact } from './commands/upsertContact.ts';
import { deleteContactCommand, eraseContactCommand, exportContact, unsubscribeContactCommand } from './commands/contactPrivacy.ts';
import { importContacts, previewContactImport } from './commands/importContacts.ts';
import { removeAttribute, saveAttribute } from './commands/contactAttributes.ts';

/** Import bodies carry the file as base64: larger than the API's default 2 MB. */
const IMPORT_BODY_LIMIT = 28 * 1024 * 1024;

/** Registers /api/v1/contacts (list, one, writes, import, privacy) and /api/v1/contact-attributes. */
export async function registerContactRoutes(app: FastifyInstance, deps: AppDeps) {
  const { pool } = deps;

  app.get('/api/v1/contacts', async (request): Promise<ContactsAnswer> => {
    const principal = authorize(request, 'contact.read');
    const query = parse(ContactListQuerySchema, request.query);
    return listContacts(pool, scopeOf(principal), query);
  });

  app.get('/api/v1/contacts/segments', async (request): Promise<ContactSegmentsAnswer> => {
    const principal = authorize(request, 'contact.read');
    return { segments: await listContactSegments(pool, scopeOf(principal)) };
  });

  app.get('/api/v1/contacts/:id', async (request): Promise<ContactAnswer> => {
    const principal = authorize(request, 'contact.read');
    const contact = await getContact(pool, scopeOf(principal), parseIdParam(request.params));
    if (!contact) throw notFound('No such contact');
    return { contact };
  });

  app.post('/api/v1/contacts', async (request, reply) => {
    const principal = authorize(request, 'contact.edit');
    const input = parse(ContactWriteSchema, request.body);
    const contact = await withTransaction(pool, (tx) => createContact(tx, principal, input));
    return reply.status(201).send({ contact } satisfies ContactAnswer);
  });

  app.patch('/api/v1/contacts/:id', async (request): Promise<ContactAnswer> => {
    const principal = authorize(request, 'contact.edit');
    const id = parseIdParam(request.params);
    const input = parse(ContactWriteSchema, request.body);
    return { contact: await withTransaction(pool, (tx) => editContact(tx, principal, id, input)) };
  });

  app.delete('/api/v1/contacts/:id', async (request, reply) => {
    const principal = authorize(request, 'contact.edit');
    const id = parseIdParam(request.params);
    await withTransaction(pool, (tx) => deleteContactCommand(tx, principal, id));
    return reply.status(204).send();
  });

  app.post('/api/v1/contacts/:id/unsubscribe', async (request): Promise<ContactAnswer> => {
    const principal = authorize(request, 'contact.edit');
    const id = parseIdParam(request.params);
    return { contact: await withTransaction(pool, (tx) => unsubscribeContactCommand(tx, principal, id)) };
  });

  app.get('/api/v1/contacts/:id/export', async (request, reply) => {
    const principal = authorize(request, 'contact.privacy');
    const id = parseIdParam(request.params);
    const doc = await withTransaction(pool, (tx) => exportContact(tx, principal, id));
    return reply.header('content-disposition', `attachment; filename="contact-${id}.json"`).header('cache-control', 'no-store').send(doc);
  });

  app.post('/api/v1/contacts/:id/erase', async (request): Promise<EraseContactAnswer> => {
    const principal = authorize(request, 'contact.privacy');
    const id = parseIdParam(request.params);
    return withTransaction(pool, (tx) => eraseContactCommand(tx, principal, id));
  });

  app.post('/api/v1/contacts/import/preview', { bodyLimit: IMPORT_BODY_LIMIT }, async (request): Promise<ImportPreviewAnswer> => {
    const principal = authorize(request, 'contact.edit');
    const input = parse(ContactImportSchema, request.body);
    return previewContactImport(pool, principal, input);
  });

  app.post('/api/v1/contacts/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request): Promise<ImportResultAnswer> => {
    const principal = authorize(request, 'contact.edit');
    const input = parse(ContactImportSchema, request.body);
    return withTransaction(pool, (tx) => importContacts(tx, principal, input));
  });

  app.get('/api/v1/contact-attributes', async (request): Promise<AttributesAnswer> => {
    const principal = authorize(request, 'contact.read');
    return { attributes: await listContactAttributes(pool, principal.orgId) };
  });

  // Definitions are the organisation's: only callers who see all of it change them.
  const attributeWriter = (request: Parameters<typeof authorize>[0]) => {
    const principal = authorize(request, 'contact.edit');
    if (principal.locationPaths !== null) throw forbidden('Only users who see the whole organisation change contact attributes');
    return principal;
  };

  app.post('/api/v1/contact-attributes', async (request, reply) => {
    const principal = attributeWriter(request);
    const { key, ...def } = parse(AttributeCreateSchema, request.body);
    const attribute = await withTransaction(pool, (tx) => saveAttribute(tx, principal, { key, ...def }, 'create'));
    return reply.status(201).send({ attribute } satisfies AttributeAnswer);
  });

  app.put('/api/v1/contact-attributes/:key', async (request): Promise<AttributeAnswer> => {
    const principal = attributeWriter(request);
    const key = pathParam(request.params, 'key', (k) => /^[a-z0-9_]{1,40}$/.test(k));
    const def = parse(AttributeWriteSchema, request.body);
    return { attribute: await withTransaction(pool, (tx) => saveAttribute(tx, principal, { key, ...def }, 'update')) };
  });

  app.delete('/api/v1/contact-attributes/:key', async (request, reply) => {
    const principal = attributeWriter(request);
    const key = pathParam(request.params, 'key', (k) => /^[a-z0-9_]{1,40}$/.test(k));
    await withTransaction(pool, (tx) => removeAttribute(tx, principal, key));
    return reply.status(204).send();
  });
}
