/**
 * @module Business hours of the organisation and its locations (the SLA due time of cases:
 * src/db/cases/routing.ts businessHoursAt). A location without its own inherits its nearest ancestor's,
 * then the organisation's.
 */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';

export interface LocationHoursRow {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  businessHours: string | null;
  /** The nearest ancestor (not itself) that has hours: id, name and hours. */
  ancestor: { id: string; name: string; hours: string } | null;
}

export async function getOrgBusinessHours(db: Queryable, orgId: string): Promise<{ businessHours: string | null; timeZone: string }> {
  const { rows } = await db.query(`/* getOrgBusinessHours */ select business_hours, timezone from orgs where id = $1`, [orgId]);
  return { businessHours: rows[0].business_hours, timeZone: rows[0].timezone };
}

export async function setOrgBusinessHours(db: Queryable, orgId: string, hours: string | null): Promise<void> {
  await db.query(`/* setOrgBusinessHours */ update orgs set business_hours = $2 where id = $1`, [orgId, hours]);
}

/** @returns false when the location is not the organisation's or outside the scope (a 404). */
export async function setLocationBusinessHours(db: Queryable, scope: Scope, locationId: string, hours: string | null): Promise<boolean> {
  const { rowCount } = await db.query(
    `/* setLocationBusinessHours */ update locations l set business_hours = $3
      where l.org_id = $1 and l.id = $2 and ($4::text[] is null or exists (select 1 from unnest($4::text[]) p where l.path like p || '%'))`,
    [scope.orgId, locationId, hours, scope.locationPaths],
  );
  return (rowCount ?? 0) > 0;
}

/** The locations in scope in tree order, each with its own hours and its nearest ancestor's that has some. */
export async function listLocationBusinessHours(db: Queryable, scope: Scope): Promise<LocationHoursRow[]> {
  const { rows } = await db.query(
    `/* listLocationBusinessHours */ select l.id, l.name, l.parent_id, l.path, l.business_hours, a.id as a_id, a.name as a_name, a.business_hours as a_hours
       from locations l
       left join lateral (select a.id, a.name, a.business_hours from locations a
                           where a.org_id = l.org_id and l.path like a.path || '%' and a.id <> l.id and a.business_hours is not null
                           order by length(a.path) desc limit 1) a on true
      where l.org_id = $1 and ($2::text[] is null or exists (select 1 from unnest($2::text[]) p where l.path like p || '%'))
      order by l.path`,
    [scope.orgId, scope.locationPaths],
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, parentId: r.parent_id, path: r.path, businessHours: r.business_hours,
    ancestor: r.a_id ? { id: r.a_id, name: r.a_name, hours: r.a_hours } : null,
  }));
}
