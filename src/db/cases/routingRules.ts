/** @module The organisation's ordered routing rules (src/db/cases/routing.ts applies them to a new case). */
import type { Queryable } from '../connection.ts';
import type { RoutingRule, RoutingRuleInput } from '../../core/api/caseOps.ts';

export async function listRoutingRules(db: Queryable, orgId: string): Promise<RoutingRule[]> {
  const { rows } = await db.query(
    `/* listRoutingRules */ select id, location_id, channel, priority, owner_user_id, team_id from case_routing_rules
      where org_id = $1 order by position, created_at, id`,
    [orgId],
  );
  return rows.map((r) => ({ id: r.id, locationId: r.location_id, channel: r.channel, priority: r.priority, ownerUserId: r.owner_user_id, teamId: r.team_id }));
}

/** Replaces the whole list (positions 0..n-1 in the given order), in the caller's transaction. */
export async function replaceRoutingRules(tx: Queryable, orgId: string, rules: readonly RoutingRuleInput[]): Promise<void> {
  await tx.query(`/* deleteRoutingRules */ delete from case_routing_rules where org_id = $1`, [orgId]);
  if (rules.length === 0) return;
  await tx.query(
    `/* insertRoutingRules */ insert into case_routing_rules(org_id, position, location_id, channel, priority, owner_user_id, team_id)
     select $1, r.position, r.location_id, r.channel, r.priority, r.owner_user_id, r.team_id
       from jsonb_to_recordset($2::jsonb) as r(position int, location_id uuid, channel text, priority text, owner_user_id uuid, team_id uuid)`,
    [orgId, JSON.stringify(rules.map((r, i) => ({
      position: i, location_id: r.locationId, channel: r.channel, priority: r.priority, owner_user_id: r.ownerUserId, team_id: r.teamId,
    })))],
  );
}

/**
 * Which of the given ids are NOT the organisation's: locations, active users, teams. A rule naming one
 * of them is refused (400) rather than failing on a foreign key.
 */
export async function unknownRoutingTargets(
  db: Queryable, orgId: string, ids: { locationIds: string[]; userIds: string[]; teamIds: string[] },
): Promise<{ locationIds: string[]; userIds: string[]; teamIds: string[] }> {
  const { rows } = await db.query(
    `/* unknownRoutingTargets */ select
       array(select x from unnest($2::uuid[]) x where not exists (select 1 from locations l where l.org_id = $1 and l.id = x)) as locations,
       array(select x from unnest($3::uuid[]) x where not exists (select 1 from users u where u.org_id = $1 and u.id = x and not u.disabled)) as users,
       array(select x from unnest($4::uuid[]) x where not exists (select 1 from case_teams t where t.org_id = $1 and t.id = x)) as teams`,
    [orgId, ids.locationIds, ids.userIds, ids.teamIds],
  );
  return { locationIds: rows[0].locations, userIds: rows[0].users, teamIds: rows[0].teams };
}
