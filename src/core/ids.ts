/** Object ids are UUIDs; anything else cannot name an object and is answered like an unknown id (404). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID (8-4-4-4-12 hex digits), the only form worth sending to PostgreSQL. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
