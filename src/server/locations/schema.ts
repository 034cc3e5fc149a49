/** Request schemas of the locations API (docs/api.md, "Locations"). */
import { z } from 'zod';
import { LOCATION_KINDS } from '../../core/locations/tree.ts';

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

export const ImportCsvSchema = z.string().min(1, 'the CSV body is empty');
