/**
 * @module Who owns a new case, and the business hours that set its SLA due time.
 * Ownership: the first routing rule (by position) whose conditions match, else the location manager of
 * the case's location or of its nearest ancestor that has one (the earliest created, when several).
 */
import type { Queryable } from '../connection.ts';
import type { CasePriority } from '../../core/closedLoop/model.ts';

export interface CaseOwner {
  ownerUserId: string | null;
  teamId: string | null;
}

export async function routeCase(db: Queryable, orgId: string, c: { locationId: string | null; channel: string; priority: CasePriority }): Promise<CaseOwner> {
  const rule = await db.query(
    `/* routeCase.rule */ select r.owner_user_id, r.team_id from case_routing_rules r
       left join locations rl on rl.org_id = r.org_id and rl.id = r.location_id
       left join locations cl on cl.org_id = r.org_id and cl.id = $2
      where r.org_id = $1
        and (r.location_id is null or (cl.path is not null and cl.path like rl.path || '%'))
        and (r.channel is null or r.channel = $3)
        and (r.priority is null or r.priority = $4)
      order by r.position, r.created_at limit 1`,
    [orgId, c.locationId, c.channel, c.priority],
  );
  if (rule.rows[0]) return { ownerUserId: rule.rows[0].owner_user_id, teamId: rule.rows[0].team_id };
  if (!c.locationId) return { ownerUserId: null, teamId: null };
  const manager = await db.query(
    `/* routeCase.manager */ select u.id from locations l
       join locations a on a.org_id = l.org_id and l.path like a.path || '%'
       join user_locations ul on ul.org_id = a.org_id and ul.location_id = a.id
       join users u on u.org_id = ul.org_id and u.id = ul.user_id and u.role = 'location_manager' and not u.disabled
      where l.org_id = $1 and l.id = $2
      order by length(a.path) desc, u.created_at, u.id limit 1`,
    [orgId, c.locationId],
  );
  return { ownerUserId: manager.rows[0]?.id ?? null, teamId: null };
}

/**
 * The business hours that apply at a location (its own, else its nearest ancestor's, else the
 * organisation's) and the organisation's time zone; null hours: none set anywhere.
 */
export async function businessHoursAt(db: Queryable, orgId: string, locationId: string | null): Promise<{ hours: string | null; timeZone: string }> {
  const { rows } = await db.query(
    `/* businessHoursAt */ select o.timezone,
       coalesce((select a.business_hours from locations l
                  join locations a on a.org_id = l.org_id and l.path like a.path || '%'
                 where l.org_id = $1 and l.id = $2 and a.business_hours is not null
                 order by length(a.path) desc limit 1), o.business_hours) as hours
       from orgs o where o.id = $1`,
    [orgId, locationId],
  );
  return { hours: rows[0]?.hours ?? null, timeZone: rows[0]?.timezone ?? 'UTC' };
}
