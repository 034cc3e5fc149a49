/**
 * @module The escalation job's reads and writes (src/server/cases/escalateCasesJob.ts): open cases past
 * their due time, the managers above a location, the organisation's admins, and the guarded move of a
 * case one level up.
 */
import type { Queryable } from '../connection.ts';
import type { CasePriority } from '../../core/closedLoop/model.ts';
import type { Rung } from '../../core/closedLoop/escalation.ts';

/**
 * Open cases past due that may still climb (their level is at most the number of ancestors of their
 * location: a case at the top is not listed again), oldest due first.
 */
export async function listOverdueCases(db: Queryable, now: Date, limit: number): Promise<{ orgId: string; id: string }[]> {
  const { rows } = await db.query(
    `/* listOverdueCases */ select c.org_id, c.id from cases c
       left join locations l on l.org_id = c.org_id and l.id = c.location_id
      where c.status in ('new', 'in_progress', 'waiting_customer') and c.due_at < $1
        and c.escalation_level <= coalesce(array_length(string_to_array(trim(both '/' from l.path), '/'), 1) - 1, 0)
      order by c.due_at limit $2`,
    [now, limit],
  );
  return rows.map((r) => ({ orgId: r.org_id, id: r.id }));
}

export interface OverdueCase {
  id: string;
  number: number;
  title: string;
  priority: CasePriority;
  locationId: string | null;
  ownerUserId: string | null;
  escalationLevel: number;
}

/**
 * Locks the case when it is still open and past due (skipping it when another worker holds it): the
 * re-check under the lock makes a second run, or a concurrent worker, find nothing to do.
 */
export async function lockOverdueCase(tx: Queryable, orgId: string, caseId: string, now: Date): Promise<OverdueCase | null> {
  const { rows } = await tx.query(
    `/* lockOverdueCase */ select id, number, title, priority, location_id, owner_user_id, escalation_level from cases
      where org_id = $1 and id = $2 and status in ('new', 'in_progress', 'waiting_customer') and due_at < $3
      for update skip locked`,
    [orgId, caseId, now],
  );
  const r = rows[0];
  return r ? { id: r.id, number: r.number, title: r.title, priority: r.priority, locationId: r.location_id, ownerUserId: r.owner_user_id, escalationLevel: r.escalation_level } : null;
}

/** The escalation ladder: for each ancestor of the location (nearest first) that has an active location manager, the earliest created one. */
export async function managersAbove(db: Queryable, orgId: string, locationId: string | null): Promise<Rung[]> {
  if (!locationId) return [];
  const { rows } = await db.query(
    `/* managersAbove */ select distinct on (length(a.path)) a.id as location_id, u.id as user_id, length(a.path) as depth
       from locations l
       join locations a on a.org_id = l.org_id and l.path like a.path || '%' and a.id <> l.id
       join user_locations ul on ul.org_id = a.org_id and ul.location_id = a.id
       join users u on u.org_id = ul.org_id and u.id = ul.user_id and u.role = 'location_manager' and not u.disabled
      where l.org_id = $1 and l.id = $2
      order by length(a.path) desc, u.created_at, u.id`,
    [orgId, locationId],
  );
  return rows.map((r) => ({ userId: r.user_id, locationId: r.location_id }));
}

/** Active owners and admins who see the whole organisation (no location grants). */
export async function wholeOrgAdminIds(db: Queryable, orgId: string): Promise<string[]> {
  const { rows } = await db.query(
    `/* wholeOrgAdminIds */ select u.id from users u where u.org_id = $1 and u.role in ('owner', 'admin') and not u.disabled
        and (u.role = 'owner' or not exists (select 1 from user_locations x where x.org_id = u.org_id and x.user_id = u.id))
      order by u.created_at, u.id`,
    [orgId],
  );
  return rows.map((r) => r.id);
}

/**
 * Moves the case to `level` (from the level it was locked at, `fromLevel`; a level can be skipped when
 * a rung was passed over), with its new owner (null: unchanged) and due time.
 * @returns false when the case moved meanwhile (nothing written)
 */
export async function escalateCaseRow(
  tx: Queryable, orgId: string, caseId: string, fromLevel: number, to: { level: number; ownerUserId: string | null; dueAt: Date },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `/* escalateCaseRow */ update cases set escalation_level = $4, due_at = $6, updated_at = now(),
            owner_user_id = coalesce($5, owner_user_id), team_id = case when $5::uuid is null then team_id else null end
      where org_id = $1 and id = $2 and escalation_level = $3`,
    [orgId, caseId, fromLevel, to.level, to.ownerUserId, to.dueAt],
  );
  return (rowCount ?? 0) > 0;
}
