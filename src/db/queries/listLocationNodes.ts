/**
 * The rows of a location breakdown: children of a parent, the top of the caller's scope, or every
 * leaf. Always limited to the caller's subtrees; competitor locations are never rows.
 */
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';
import { binder } from './analyticsSource.ts';

export interface LocationNode {
  id: string;
  name: string;
  kind: string;
  path: string;
  hasChildren: boolean;
}

const COLUMNS = `l.id, l.name, l.kind, l.path,
  exists (select 1 from locations c where c.org_id = l.org_id and c.parent_id = l.id) as has_children`;

function toNode(r: Record<string, any>): LocationNode {
  return { id: r.id, name: r.name, kind: r.kind, path: r.path, hasChildren: r.has_children };
}

function scopeCondition(scope: Scope, p: (v: unknown) => string): string {
  return scope.locationPaths === null ? 'true' : `l.path like any(${p(scope.locationPaths.map((x) => `${x}%`))}::text[])`;
}

/** One location when it exists in the organisation and lies in the caller's scope; null otherwise (callers answer 404). */
export async function getLocationInScope(db: Queryable, scope: Scope, id: string): Promise<LocationNode | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const params: unknown[] = [];
  const p = binder(params);
  const { rows } = await db.query(
    `/* getLocationInScope */ select ${COLUMNS} from locations l where l.org_id = ${p(scope.orgId)} and l.id = ${p(id)} and ${scopeCondition(scope, p)}`,
    params,
  );
  return rows[0] ? toNode(rows[0]) : null;
}

/**
 * Breakdown rows. `parent` given: its children. `leaf`: every leaf in scope (under `parent` when given).
 * Neither: for unrestricted callers the children of the company root(s); for restricted callers their
 * granted top nodes (a grant inside another grant is left out).
 */
export async function listLocationNodes(db: Queryable, scope: Scope, opts: { parent?: LocationNode; leaf?: boolean }): Promise<LocationNode[]> {
  const params: unknown[] = [];
  const p = binder(params);
  // Competitor locations are audited and benchmarked (docs/audits.md), never rows of the own tree's customer figures.
  const where = [`l.org_id = ${p(scope.orgId)}`, scopeCondition(scope, p), `l.kind <> 'competitor'`];
  if (opts.leaf) {
    if (opts.parent) where.push(`l.path like ${p(`${opts.parent.path}%`)}`);
    where.push(`not exists (select 1 from locations c where c.org_id = l.org_id and c.parent_id = l.id)`);
  } else if (opts.parent) {
    where.push(`l.parent_id = ${p(opts.parent.id)}`);
  } else if (scope.locationPaths === null) {
    where.push(`l.parent_id in (select r.id from locations r where r.org_id = l.org_id and r.parent_id is null)`);
  } else {
    const tops = scope.locationPaths.filter((x) => !scope.locationPaths!.some((y) => y !== x && x.startsWith(y)));
    where.push(`l.path = any(${p(tops)}::text[])`);
  }
  const { rows } = await db.query(`/* listLocationNodes */ select ${COLUMNS} from locations l where ${where.join(' and ')} order by l.name, l.id`, params);
  return rows.map(toNode);
}
