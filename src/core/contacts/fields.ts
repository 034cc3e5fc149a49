/** @module The contact fields an import column can feed; dependency-free, so the dashboard's import wizard can list them. */

/** A contact field a column can feed; `location` takes a location's code or name. */
export const IMPORT_FIELDS = ['email', 'phone', 'name', 'language', 'externalId', 'location', 'segment', 'timeZone'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
