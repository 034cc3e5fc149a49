/** @module Case teams: the users a team's cases notify. */
import type { Queryable } from '../connection.ts';

export async function teamMemberIds(db: Queryable, orgId: string, teamId: string): Promise<string[]> {
  const { rows } = await db.query(`/* teamMemberIds */ select user_id from case_team_members where org_id = $1 and team_id = $2`, [orgId, teamId]);
  return rows.map((r) => r.user_id);
}
