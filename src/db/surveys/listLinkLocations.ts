/** Locations a survey can be distributed at: every location inside the caller's scope. */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import { isUuid } from '../../core/ids.ts';
import { locationScopeSql } from '../scope.ts';

export interface LinkLocation {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  depth: number;
}

/** All locations in scope, in tree order (by path). */
export async function listLinkLocations(db: Queryable, scope: Scope): Promise<LinkLocation[]> {
  const params: unknown[] = [scope.orgId];
  const inScope = locationScopeSql(scope, 'l.id', params);
  const { rows } = await db.query(
    `/* listLinkLocations */ select l.id, l.name, l.code, l.kind, length(l.path) - length(replace(l.path, '/', '')) - 2 as depth
       from locations l where l.org_id = $1 and ${inScope} order by l.path`,
    params,
  );
  return rows as LinkLocation[];
}

/** One location by id, only when it lies in the caller's scope (otherwise null, which routes turn into 404). */
export async function getLinkLocation(db: Queryable, scope: Scope, locationId: string): Promise<LinkLocation | null> {
  if (!isUuid(locationId)) return null;
  const params: unknown[] = [scope.orgId, locationId];
  const inScope = locationScopeSql(scope, 'l.id', params);
  const { rows } = await db.query(
    `/* getLinkLocation */ select l.id, l.name, l.code, l.kind, 0 as depth from locations l
      where l.org_id = $1 and l.id = $2 and ${inScope}`,
    params,
  );
  return (rows[0] as LinkLocation | undefined) ?? null;
}
