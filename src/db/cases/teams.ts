/** @module Case teams (a hotline, the quality department): routing rules may give cases to them; their members are notified. */
import type { Queryable } from '../connection.ts';
import type { CaseTeam } from '../../core/api/caseOps.ts';

export async function teamMemberIds(db: Queryable, orgId: string, teamId: string): Promise<string[]> {
  const { rows } = await db.query(`/* teamMemberIds */ select user_id from case_team_members where org_id = $1 and team_id = $2`, [orgId, teamId]);
  return rows.map((r) => r.user_id);
}

/** The teams with their members (by name). */
export async function listCaseTeams(db: Queryable, orgId: string, teamId?: string): Promise<CaseTeam[]> {
  const { rows } = await db.query(
    `/* listCaseTeams */ select t.id, t.name,
       coalesce(array(select m.user_id from case_team_members m join users u on u.org_id = m.org_id and u.id = m.user_id
                       where m.org_id = t.org_id and m.team_id = t.id order by u.email), '{}') as member_ids
       from case_teams t where t.org_id = $1 and ($2::uuid is null or t.id = $2) order by t.name, t.id`,
    [orgId, teamId ?? null],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, memberIds: r.member_ids }));
}

/** @returns the new team's id, or null when the name is taken. */
export async function insertCaseTeam(tx: Queryable, orgId: string, name: string): Promise<string | null> {
  const { rows } = await tx.query(
    `/* insertCaseTeam */ insert into case_teams(org_id, name) values ($1, $2) on conflict (org_id, name) do nothing returning id`,
    [orgId, name],
  );
  return rows[0]?.id ?? null;
}

/** @returns 'ok', 'missing' (no such team) or 'taken' (another team has the name). */
export async function renameCaseTeam(tx: Queryable, orgId: string, teamId: string, name: string): Promise<'ok' | 'missing' | 'taken'> {
  const { rows } = await tx.query(
    `/* renameCaseTeam */ with clash as (select 1 from case_teams where org_id = $1 and name = $3 and id <> $2)
     update case_teams set name = $3 where org_id = $1 and id = $2 and not exists (select 1 from clash) returning id`,
    [orgId, teamId, name],
  );
  if (rows[0]) return 'ok';
  return (await caseTeamExists(tx, orgId, teamId)) ? 'taken' : 'missing';
}

export async function caseTeamExists(db: Queryable, orgId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query(`/* caseTeamExists */ select 1 from case_teams where org_id = $1 and id = $2`, [orgId, teamId]);
  return rows.length > 0;
}

/** Sets the members to exactly `userIds` (users of the organisation; others are ignored). */
export async function replaceCaseTeamMembers(tx: Queryable, orgId: string, teamId: string, userIds: readonly string[]): Promise<void> {
  await tx.query(
    `/* deleteCaseTeamMembers */ delete from case_team_members where org_id = $1 and team_id = $2 and not (user_id = any($3::uuid[]))`,
    [orgId, teamId, [...userIds]],
  );
  await tx.query(
    `/* insertCaseTeamMembers */ insert into case_team_members(org_id, team_id, user_id)
     select $1, $2, u.id from users u where u.org_id = $1 and u.id = any($3::uuid[]) on conflict do nothing`,
    [orgId, teamId, [...userIds]],
  );
}

/** Deletes a team (its routing rules go with it; its open cases keep their owner and lose the team). */
export async function deleteCaseTeam(tx: Queryable, orgId: string, teamId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`/* deleteCaseTeam */ delete from case_teams where org_id = $1 and id = $2`, [orgId, teamId]);
  return (rowCount ?? 0) > 0;
}
