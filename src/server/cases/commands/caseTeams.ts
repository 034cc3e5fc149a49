/** Writes of case teams and routing rules that check their references first (a clear 400 naming the field, not a foreign-key error). */
import type { RoutingRuleInput, CaseTeam, UpdateCaseTeam } from '../../../core/api/caseOps.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Queryable } from '../../../db/connection.ts';
import { unknownRoutingTargets } from '../../../db/cases/routingRules.ts';
import { insertCaseTeam, listCaseTeams, renameCaseTeam, replaceCaseTeamMembers } from '../../../db/cases/teams.ts';
import { invalid, notFound } from '../../../http/errors.ts';

/** @throws validation naming the first rule field whose location, user or team is not the organisation's */
export async function checkRoutingTargets(tx: Queryable, orgId: string, rules: readonly RoutingRuleInput[]): Promise<void> {
  const ids = (pick: (r: RoutingRuleInput) => string | null) => rules.map(pick).filter((x): x is string => x !== null);
  const unknown = await unknownRoutingTargets(tx, orgId, { locationIds: ids((r) => r.locationId), userIds: ids((r) => r.ownerUserId), teamIds: ids((r) => r.teamId) });
  rules.forEach((r, i) => {
    if (r.locationId && unknown.locationIds.includes(r.locationId)) throw invalid(`rules.${i}.locationId: no such location`, { field: `rules.${i}.locationId` });
    if (r.ownerUserId && unknown.userIds.includes(r.ownerUserId)) throw invalid(`rules.${i}.ownerUserId: no such active user`, { field: `rules.${i}.ownerUserId` });
    if (r.teamId && unknown.teamIds.includes(r.teamId)) throw invalid(`rules.${i}.teamId: no such team`, { field: `rules.${i}.teamId` });
  });
}

async function checkMembers(tx: Queryable, orgId: string, memberIds: readonly string[]): Promise<void> {
  const unknown = await unknownRoutingTargets(tx, orgId, { locationIds: [], userIds: [...memberIds], teamIds: [] });
  const i = memberIds.findIndex((m) => unknown.userIds.includes(m));
  if (i >= 0) throw invalid(`memberIds.${i}: no such active user`, { field: `memberIds.${i}` });
}

const nameTaken = () => new DomainError('conflict', 'name: a team with this name exists', { field: 'name' });

export async function createCaseTeam(tx: Queryable, orgId: string, input: { name: string; memberIds: string[] }): Promise<CaseTeam> {
  await checkMembers(tx, orgId, input.memberIds);
  const id = await insertCaseTeam(tx, orgId, input.name);
  if (!id) throw nameTaken();
  await replaceCaseTeamMembers(tx, orgId, id, input.memberIds);
  return (await listCaseTeams(tx, orgId, id))[0];
}

/** @throws not_found (no such team), conflict (name taken), validation (unknown member) */
export async function updateCaseTeam(tx: Queryable, orgId: string, teamId: string, input: UpdateCaseTeam): Promise<CaseTeam> {
  const [team] = await listCaseTeams(tx, orgId, teamId);
  if (!team) throw notFound('Team not found');
  if (input.name !== undefined) {
    const renamed = await renameCaseTeam(tx, orgId, teamId, input.name);
    if (renamed === 'taken') throw nameTaken();
  }
  if (input.memberIds) {
    await checkMembers(tx, orgId, input.memberIds);
    await replaceCaseTeamMembers(tx, orgId, teamId, input.memberIds);
  }
  return (await listCaseTeams(tx, orgId, teamId))[0];
}
