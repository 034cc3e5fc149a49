/** @module The contact directory API contract (docs/api.md "Contacts"): list, one contact, writes, import, attributes, privacy. */
import { z } from 'zod';
import { ATTRIBUTE_TYPES, MAX_CHOICES, type AttributeDef } from '../contacts/attributes.ts';
import type { Contact } from '../contacts/contact.ts';
import { IMPORT_FIELDS } from '../contacts/fields.ts';
import type { ImportTarget } from '../contacts/importPlan.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { schemaOf, Uuid } from './common.ts';

const optText = (max: number) => z.string().max(max).nullable().optional();
const attributeValue = z.union([z.string().max(500), z.number(), z.null()]);

/** POST /contacts and PATCH /contacts/:id: only the keys given change; null or "" clears a field. */
export const ContactWriteSchema = z.strictObject({
  email: optText(254),
  phone: optText(40),
  name: optText(200),
  language: optText(10),
  externalId: optText(200),
  locationId: Uuid.nullable().optional(),
  segment: optText(100),
  timeZone: optText(64),
  attributes: z.record(z.string().max(40), attributeValue).optional(),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /contacts query. */
export const ContactListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  segment: z.string().max(100).optional(),
  locationId: Uuid.optional(),
  optedOut: bool.optional(),
  erased: bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const target = z.string().refine(
  (t) => (IMPORT_FIELDS as readonly string[]).includes(t) || /^attr:[a-z0-9_]{1,40}$/.test(t),
  'a field (email, phone, name, language, externalId, location, segment, timeZone) or attr:<key>',
) as unknown as z.ZodType<ImportTarget>;

/** POST /contacts/import/preview and /contacts/import: the file (base64), and the column mapping once chosen. */
export const ContactImportSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  /** The file's bytes, base64 (a .csv, .tsv, .txt or .xlsx file). */
  data: z.string().min(1).max(20 * 1024 * 1024),
  /** One entry per file column: its target, or null to ignore it. Without it the preview suggests one. */
  mapping: z.array(target.nullable()).max(200).optional(),
  /** ISO country of phone numbers written without +; default: the organisation's (by its time zone), else none. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  /** import only: write the good rows and leave out the refused ones (default: refuse the whole file when any row is refused). */
  skipInvalid: z.boolean().optional(),
});
export type ContactImportInput = z.infer<typeof ContactImportSchema>;

const attributeKey = z.string().regex(/^[a-z0-9_]{1,40}$/, '1-40 of a-z, 0-9 and _');

/** PUT /contact-attributes/:key (and POST /contact-attributes with `key`). */
export const AttributeWriteSchema = z.strictObject({
  label: z.string().trim().min(1).max(100),
  type: z.enum(ATTRIBUTE_TYPES),
  choices: z.array(z.string().trim().min(1).max(100)).max(MAX_CHOICES).default([]),
  dimension: z.boolean().default(false),
});
export const AttributeCreateSchema = AttributeWriteSchema.extend({ key: attributeKey });

// ---- Answers ----

const ContactSchema = schemaOf<Contact>()(
  z.strictObject({
    id: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string().nullable(),
    language: z.enum(LANGUAGES).nullable(),
    externalId: z.string().nullable(),
    locationId: z.string().nullable(),
    segment: z.string().nullable(),
    timeZone: z.string().nullable(),
    attributes: z.record(z.string(), z.union([z.string(), z.number()])),
    unsubscribedAt: z.string().nullable(),
    erasedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

/** GET /contacts: one page and the number of matches. */
export const ContactsAnswerSchema = z.strictObject({ contacts: z.array(ContactSchema), total: z.number() });
export type ContactsAnswer = z.infer<typeof ContactsAnswerSchema>;

/** GET /contacts/segments. */
export const ContactSegmentsAnswerSchema = z.strictObject({ segments: z.array(z.strictObject({ segment: z.string(), n: z.number() })) });
export type ContactSegmentsAnswer = z.infer<typeof ContactSegmentsAnswerSchema>;

/** GET/PATCH /contacts/:id, POST /contacts, POST /contacts/:id/unsubscribe. */
export const ContactAnswerSchema = z.strictObject({ contact: ContactSchema });
export type ContactAnswer = z.infer<typeof ContactAnswerSchema>;

/** POST /contacts/:id/erase. */
export const EraseContactAnswerSchema = z.strictObject({ contact: ContactSchema, responsesAnonymised: z.number() });
export type EraseContactAnswer = z.infer<typeof EraseContactAnswerSchema>;

const RowErrorSchema = z.strictObject({
  row: z.number(), column: z.string().nullable(), code: z.string(), reason: z.string(), vars: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** POST /contacts/import/preview: nothing is written. */
export const ImportPreviewAnswerSchema = z.strictObject({
  headers: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  /** Why the mapping cannot be imported yet (e.g. no identifier column), or null. */
  mappingProblem: z.string().nullable(),
  /** The first rows as read (cells as text), with their row numbers. */
  sample: z.array(z.strictObject({ row: z.number(), cells: z.array(z.string()) })),
  defaultCountry: z.string().nullable(),
  rowsRead: z.number(),
  rowsRefused: z.number(),
  creates: z.number(),
  updates: z.number(),
  /** Rows merged into another row of the file (same e-mail, phone or external id). */
  merged: z.number(),
  errors: z.array(RowErrorSchema),
});
export type ImportPreviewAnswer = z.infer<typeof ImportPreviewAnswerSchema>;

/** POST /contacts/import. */
export const ImportResultAnswerSchema = z.strictObject({
  created: z.number(),
  updated: z.number(),
  rowsRead: z.number(),
  rowsRefused: z.number(),
  errors: z.array(RowErrorSchema),
});
export type ImportResultAnswer = z.infer<typeof ImportResultAnswerSchema>;

const AttributeDefSchema = schemaOf<AttributeDef>()(
  z.strictObject({ key: z.string(), label: z.string(), type: z.enum(ATTRIBUTE_TYPES), choices: z.array(z.string()), dimension: z.boolean() }),
);

/** GET /contact-attributes. */
export const AttributesAnswerSchema = z.strictObject({ attributes: z.array(AttributeDefSchema) });
export type AttributesAnswer = z.infer<typeof AttributesAnswerSchema>;

/** POST /contact-attributes, PUT /contact-attributes/:key. */
export const AttributeAnswerSchema = z.strictObject({ attribute: AttributeDefSchema });
export type AttributeAnswer = z.infer<typeof AttributeAnswerSchema>;
