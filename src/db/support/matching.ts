/**
 * How a support contact finds its Sarafan location and its Sarafan contact (docs/support.md
 * "Importing contact events"), as SQL expressions for the statements that store summaries. The
 * arguments are placeholders or column references of the caller's statement, never user text.
 */

/**
 * The location a source's label names: the location with that code, else the only location with that
 * name (case-insensitive); null when none or several share the name.
 */
export function locationMatchSql(org: string, label: string): string {
  return `coalesce(
    (select l.id from locations l where l.org_id = ${org} and l.code = ${label}),
    (select min(l.id::text)::uuid from locations l where l.org_id = ${org} and lower(l.name) = lower(${label}) having count(*) = 1))`;
}

/**
 * The contact a customer key names: the contact with that external id, else the one with that e-mail
 * (`email` is the key in the contact directory's normal form, src/core/contacts/normalize.ts, or null).
 */
export function contactMatchSql(org: string, key: string, email: string): string {
  return `coalesce(
    (select ct.id from contacts ct where ct.org_id = ${org} and ct.external_id = ${key}),
    (select ct.id from contacts ct where ct.org_id = ${org} and ct.email = ${email}))`;
}
