/** Reads of the location tree, always limited to the caller's organisation and location subtrees. */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import { depthOf, type Location, type LocationKind } from '../../core/locations/tree.ts';

export const LOCATION_COLUMNS = 'id, parent_id, kind, name, code, path';

/** Maps a `locations` row (LOCATION_COLUMNS) to the API shape. */
export function toLocation(r: Record<string, any>): Location {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as LocationKind,
    name: r.name,
    code: r.code,
    path: r.path,
    depth: depthOf(r.path),
  };
}

// The subtree condition is a prefix match on path: an index range scan on locations_path.
function scopeWhere(scope: Scope, params: unknown[]): string {
  params.push(scope.orgId);
  let where = `org_id = $${params.length}`;
  if (scope.locationPaths !== null) {
    params.push(scope.locationPaths.map((p) => `${p}%`));
    where += ` and path like any($${params.length}::text[])`;
  }
  return where;
}

/** Every location in scope, parents before children (ordered by path depth then name). */
export async function listLocations(db: Queryable, scope: Scope): Promise<Location[]> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `/* listLocations */ select ${LOCATION_COLUMNS} from locations where ${scopeWhere(scope, params)}
      order by length(path) - length(replace(path, '/', '')), name, id`,
    params,
  );
  return rows.map(toLocation);
}

/** One location when it is in scope, else null (the caller answers 404 either way). */
export async function getLocation(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<Location | null> {
  const params: unknown[] = [id];
  const { rows } = await db.query(
    `/* getLocation */ select ${LOCATION_COLUMNS} from locations where id = $1 and ${scopeWhere(scope, params)}
      ${opts.forUpdate ? 'for update' : ''}`,
    params,
  );
  return rows[0] ? toLocation(rows[0]) : null;
}

/** Locations by id within scope; ids not found or out of scope are simply missing from the result. */
export async function getLocationsByIds(db: Queryable, scope: Scope, ids: readonly string[]): Promise<Location[]> {
  if (ids.length === 0) return [];
  const params: unknown[] = [ids];
  const { rows } = await db.query(
    `/* getLocationsByIds */ select ${LOCATION_COLUMNS} from locations where id = any($1::uuid[]) and ${scopeWhere(scope, params)}`,
    params,
  );
  return rows.map(toLocation);
}
