/** Applies a planned CSV import (src/core/locations/importPlan.ts) inside the caller's transaction. */
import type { Queryable } from '../connection.ts';
import type { ExistingLocation, ImportPlan } from '../../core/locations/importPlan.ts';

/** Every location of the organisation (unscoped: the planner needs codes and parents to resolve the file). */
export async function loadLocationsForImport(tx: Queryable, orgId: string): Promise<ExistingLocation[]> {
  const { rows } = await tx.query(`/* loadLocationsForImport */ select id, parent_id, code, path from locations where org_id = $1`, [orgId]);
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, code: r.code, path: r.path }));
}

/**
 * Inserts and updates in two set-based statements, then recomputes every path of the organisation
 * from the parent links in one recursive statement (moved rows carry their untouched descendants).
 * Foreign keys are checked at the end of each statement, so parent order within the file does not matter.
 */
export async function applyLocationImport(tx: Queryable, orgId: string, plan: ImportPlan): Promise<void> {
  const cols = (rows: ImportPlan['inserts']) => [
    rows.map((r) => r.id), rows.map((r) => r.parentId), rows.map((r) => r.kind), rows.map((r) => r.name),
    rows.map((r) => r.code), rows.map((r) => r.path),
  ];
  if (plan.inserts.length) {
    await tx.query(
      `/* importLocations.insert */ insert into locations(org_id, id, parent_id, kind, name, code, path)
       select $1, * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [orgId, ...cols(plan.inserts)],
    );
  }
  if (plan.updates.length) {
    await tx.query(
      `/* importLocations.update */ update locations l
          set parent_id = u.parent_id, kind = u.kind, name = u.name, code = u.code, path = u.path
         from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) as u(id, parent_id, kind, name, code, path)
        where l.org_id = $1 and l.id = u.id`,
      [orgId, ...cols(plan.updates)],
    );
    await tx.query(
      `/* importLocations.repath */ with recursive t(id, path) as (
          select id, '/' || id || '/' from locations where org_id = $1 and parent_id is null
          union all
          select l.id, t.path || l.id || '/' from locations l join t on l.org_id = $1 and l.parent_id = t.id
        )
        update locations l set path = t.path from t where l.org_id = $1 and l.id = t.id and l.path <> t.path`,
      [orgId],
    );
  }
}
