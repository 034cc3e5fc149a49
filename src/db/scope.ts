/**
 * Location scope as SQL. Every query that reads answers, comments or metrics builds its WHERE
 * from a Scope, so rows outside the caller's subtrees are never selected.
 */
import type { Scope } from '../core/access/index.ts';

/**
 * Returns a condition on `column` (a location_id column) limited to the scope's subtrees, pushing
 * its parameters onto `params`. With an unrestricted scope the condition is `true`.
 * Rows without a location are visible only to unrestricted callers.
 */
export function locationScopeSql(scope: Scope, column: string, params: unknown[]): string {
  if (scope.locationPaths === null) return 'true';
  params.push(scope.orgId);
  const org = params.length;
  params.push(scope.locationPaths.map((p) => `${p}%`));
  return `${column} in (select l.id from locations l where l.org_id = $${org} and l.path like any($${params.length}::text[]))`;
}
