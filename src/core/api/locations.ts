/** @module The locations API contract (docs/api.md "Locations"): create, update and import, and the location as answered. */
import { z } from 'zod';
import { LOCATION_KINDS, type Location } from '../locations/tree.ts';
import { schemaOf } from './common.ts';

// Codes appear in CSV files and survey links (?loc=<code>), so keep them to one printable token.
const code = z.string().trim().min(1).max(64).regex(/^[^\s/?#&%]+$/, 'no spaces or /?#&%');
const name = z.string().trim().min(1).max(200);

export const CreateLocationSchema = z.object({
  parentId: z.uuid(),
  kind: z.enum(LOCATION_KINDS),
  name,
  code: code.nullish(),
});
export type CreateLocationInput = z.infer<typeof CreateLocationSchema>;

export const UpdateLocationSchema = z.object({
  name: name.optional(),
  code: code.nullable().optional(),
  kind: z.enum(LOCATION_KINDS).optional(),
  parentId: z.uuid().optional(),
});
export type UpdateLocationInput = z.infer<typeof UpdateLocationSchema>;

/** POST /locations/import body (text/csv). */
export const ImportCsvSchema = z.string().min(1, 'the CSV body is empty');

// ---- Answers ----

/** A location: `path` is the chain of ids from the root; `depth` 0 is the company. */
const LocationSchema = schemaOf<Location>()(
  z.strictObject({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(LOCATION_KINDS),
    name: z.string(),
    code: z.string().nullable(),
    path: z.string(),
    depth: z.number(),
  }),
);

/** GET /locations: every location in the caller's scope, parents before children. */
export const LocationsAnswerSchema = z.strictObject({ locations: z.array(LocationSchema) });
export type LocationsAnswer = z.infer<typeof LocationsAnswerSchema>;

/** POST /locations and PATCH /locations/:id. */
export const LocationAnswerSchema = z.strictObject({ location: LocationSchema });
export type LocationAnswer = z.infer<typeof LocationAnswerSchema>;

/** POST /locations/import. */
export const ImportLocationsAnswerSchema = z.strictObject({ created: z.number(), updated: z.number() });
export type ImportLocationsAnswer = z.infer<typeof ImportLocationsAnswerSchema>;
