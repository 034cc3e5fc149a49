/**
 * @module The key of a stored loyalty answer (docs/store-economics.md "Loyalty economics"): the request's
 * parameters and the caller's location scope written one way, so equal requests share a snapshot and any
 * difference (another window, period, location or scope) gets its own.
 *
 * Exports: `snapshotParams`, `snapshotScope`.
 */

/** The parameters as `name=value` pairs sorted by name, left-out ones dropped: `from=2026-01-01&period=month`. */
export function snapshotParams(params: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(params[k]!)}`)
    .join('&');
}

/** `*` for the whole organisation (no location limit), else the distinct location paths sorted, comma-separated. */
export function snapshotScope(locationPaths: readonly string[] | null): string {
  if (locationPaths === null) return '*';
  return [...new Set(locationPaths)].sort().join(',');
}
