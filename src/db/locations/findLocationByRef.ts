import { isUuid } from '../../core/ids.ts';
import type { Queryable } from '../connection.ts';

/** The organisation's location whose id or code is `ref`, or null. */
export async function findLocationByRef(db: Queryable, orgId: string, ref: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await db.query(
    `/* findLocationByRef */ select id, name from locations where org_id = $1 and (id = $2::uuid or code = $3) limit 1`,
    [orgId, isUuid(ref) ? ref : null, ref],
  );
  return rows[0] ? { id: rows[0].id, name: rows[0].name } : null;
}
