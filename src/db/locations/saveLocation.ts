/**
 * Writes to the location tree. Structural changes (create, move, delete, import) take a per-organisation
 * advisory lock, so two concurrent moves can never create a cycle between them.
 */
import type { Queryable } from '../connection.ts';
import { childPath, type Location, type LocationKind } from '../../core/locations/tree.ts';
import { LOCATION_COLUMNS, toLocation } from './listLocations.ts';

/** Serialises structural changes of one organisation's tree until the transaction ends. */
export async function lockLocationTree(tx: Queryable, orgId: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('sarafan.locations:' || $1::text, 0))`, [orgId]);
}

export interface NewLocation {
  parent: Pick<Location, 'id' | 'path'>;
  kind: LocationKind;
  name: string;
  code: string | null;
}

/** Inserts a child of `parent`; the path is computed from the generated id in the same statement. */
export async function insertLocation(tx: Queryable, orgId: string, input: NewLocation): Promise<Location> {
  const { rows } = await tx.query(
    `/* insertLocation */ insert into locations(org_id, id, parent_id, kind, name, code, path)
     select $1, g, $2, $3, $4, $5, $6 || g || '/' from gen_random_uuid() g returning ${LOCATION_COLUMNS}`,
    [orgId, input.parent.id, input.kind, input.name, input.code, input.parent.path],
  );
  return toLocation(rows[0]);
}

/** Updates name, code and kind of one location. */
export async function updateLocationFields(
  tx: Queryable,
  orgId: string,
  id: string,
  fields: { name: string; code: string | null; kind: LocationKind },
): Promise<void> {
  await tx.query(`/* updateLocationFields */ update locations set name = $3, code = $4, kind = $5 where org_id = $1 and id = $2`, [
    orgId, id, fields.name, fields.code, fields.kind,
  ]);
}

/**
 * Moves `node` with its whole subtree under `newParent`: one statement rewrites the parent of the
 * node and the path prefix of every member. The caller has checked the move is not into its own subtree.
 */
export async function moveSubtree(tx: Queryable, orgId: string, node: Pick<Location, 'id' | 'path'>, newParent: Pick<Location, 'id' | 'path'>) {
  const newPath = childPath(newParent.path, node.id);
  await tx.query(
    `/* moveSubtree */ update locations
        set path = $3 || substr(path, length($2) + 1),
            parent_id = case when id = $4 then $5::uuid else parent_id end
      where org_id = $1 and path like $2 || '%'`,
    [orgId, node.path, newPath, node.id, newParent.id],
  );
}

/** Re-reads one location (after a write) without scope: the caller already checked it. */
export async function reloadLocation(tx: Queryable, orgId: string, id: string): Promise<Location> {
  const { rows } = await tx.query(`select ${LOCATION_COLUMNS} from locations where org_id = $1 and id = $2`, [orgId, id]);
  return toLocation(rows[0]);
}

/** How many levels the subtree reaches below `node` (0 for a leaf). */
export async function subtreeHeight(tx: Queryable, orgId: string, node: Pick<Location, 'path'>): Promise<number> {
  const { rows } = await tx.query(
    `/* subtreeHeight */ select coalesce(max(length(path) - length(replace(path, '/', ''))), 0) - (length($2) - length(replace($2, '/', ''))) as height
       from locations where org_id = $1 and path like $2 || '%'`,
    [orgId, node.path],
  );
  return Math.max(0, rows[0].height);
}

/** What keeps a location from being deleted: child locations, responses recorded at it, people limited to it. */
export async function locationUsage(tx: Queryable, orgId: string, id: string): Promise<{ children: number; responses: number; users: number }> {
  const { rows } = await tx.query(
    `/* locationUsage */ select
        (select count(*)::int from locations where org_id = $1 and parent_id = $2) as children,
        (select count(*)::int from user_locations where org_id = $1 and location_id = $2) as users,
        (select count(*)::int from (select 1 from responses where org_id = $1 and location_id = $2 limit 1) r) as responses`,
    [orgId, id],
  );
  return rows[0];
}

/** Deletes one location; the caller checked it has no children, responses or grants. */
export async function deleteLocationRow(tx: Queryable, orgId: string, id: string): Promise<void> {
  await tx.query(`/* deleteLocation */ delete from locations where org_id = $1 and id = $2`, [orgId, id]);
}
