/**
 * @module The store imports API (docs/store-economics.md "Imports: footfall, transactions, shifts"): the upload's
 * query (the body is the file), the preview of a file's columns, and the import's progress and outcome.
 */
import { z } from 'zod';
import { STORE_FIELDS, STORE_IMPORT_KINDS } from '../storeImports/fields.ts';
import { isTimeZone } from '../time/timeZone.ts';
import { IsoInstant, Uuid } from './common.ts';

const Kind = z.enum(STORE_IMPORT_KINDS, { error: `use ${STORE_IMPORT_KINDS.join(', ')}` });
const FileName = z.string().trim().min(1).max(300);

/** {field: column} as JSON text in the query; fields must be the kind's (checked against the kind below). */
const MappingJson = z.string().max(4000).transform((text, ctx) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = z.record(z.string().max(60), z.string().max(200)).safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'a JSON object {"field": "column"}' });
    return z.NEVER;
  }
  return parsed.data;
});

/** Query of POST /store-imports (the body is the file itself). */
export const StoreImportQuerySchema = z.object({
  kind: Kind,
  fileName: FileName,
  mapping: MappingJson.optional(),
  /** IANA zone of times written without an offset. */
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, 'not a known time zone').default('UTC'),
  /** Declared format of dates that are not ISO 8601, e.g. dd.mm.yyyy HH:MM. */
  dateFormat: z.string().trim().min(1).max(40).optional(),
  /** "true": store the good rows of a file with bad ones (the bad ones are listed). */
  skipBadRows: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The location of every row without one. */
  location: Uuid.optional(),
}).superRefine((q, ctx) => {
  const names = STORE_FIELDS[q.kind].map((f) => f.name);
  for (const field of Object.keys(q.mapping ?? {})) {
    if (!names.includes(field)) ctx.addIssue({ code: 'custom', path: ['mapping'], message: `"${field}" is not a field of ${q.kind} files (${names.join(', ')})` });
  }
});

/** Query of POST /store-imports/preview (the body is the file's first 64 kB). */
export const StoreImportPreviewQuerySchema = z.object({ kind: Kind, fileName: FileName });

export const StoreImportPreviewAnswerSchema = z.strictObject({
  /** The file's columns; null when they are read on upload only (XLSX). */
  columns: z.array(z.string()).nullable(),
  /** The kind's fields, in form order. */
  fields: z.array(z.string()),
  /** {field: column} the default rules suggest. */
  suggested: z.record(z.string(), z.string()),
});
export type StoreImportPreviewAnswer = z.infer<typeof StoreImportPreviewAnswerSchema>;

export const StoreImportAnswerSchema = z.strictObject({
  id: z.string(),
  kind: Kind,
  fileName: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  mapping: z.record(z.string(), z.string()),
  timeZone: z.string().nullable(),
  locationId: z.string().nullable(),
  skipBadRows: z.boolean(),
  rowsRead: z.number().int(),
  rowsRefused: z.number().int(),
  rowsStored: z.number().int(),
  bytesRead: z.number(),
  bytesTotal: z.number().nullable(),
  problems: z.array(z.strictObject({ line: z.number().int(), reason: z.string() })),
  startedAt: IsoInstant,
  finishedAt: IsoInstant.nullable(),
});
export type StoreImportAnswer = z.infer<typeof StoreImportAnswerSchema>;

/** POST /store-imports: the import started (202), or the earlier import of the same file (200, nothing changed). */
export const StartStoreImportAnswerSchema = z.strictObject({ import: StoreImportAnswerSchema, alreadyImported: z.boolean() });
export type StartStoreImportAnswer = z.infer<typeof StartStoreImportAnswerSchema>;

export const StoreImportsAnswerSchema = z.strictObject({ imports: z.array(StoreImportAnswerSchema) });
export type StoreImportsAnswer = z.infer<typeof StoreImportsAnswerSchema>;
