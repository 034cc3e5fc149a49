/** The theme ids of a `theme` filter that are not in the organisation's dictionary (org_themes, migration 092). */
import type { Queryable } from '../connection.ts';

/** The ids among `ids` the organisation has no theme for, in the order given. */
export async function listUnknownThemes(db: Queryable, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query(
    `/* listUnknownThemes */
     select x.id from unnest($2::text[]) with ordinality as x(id, i)
      where not exists (select 1 from org_themes t where t.org_id = $1 and t.id = x.id)
      order by x.i`,
    [orgId, ids],
  );
  return rows.map((r) => r.id);
}
