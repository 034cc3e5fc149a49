/**
 * The anonymous results of a staff survey for a set of location subtrees (docs/staff.md): shared by
 * GET /api/v1/staff/results and the public page /staff-results/:token. One query for the locations, one
 * for the answers; the grouping and the anonymity rule are src/core/staff.
 */
import type { Queryable } from '../../../db/connection.ts';
import type { LoadedSurvey } from '../../../db/surveys/loadSurvey.ts';
import type { StaffGroupRef, StaffResultsAnswer } from '../../../core/api/staffResults.ts';
import { MIN_GROUP, type GroupNode } from '../../../core/staff/anonymity.ts';
import { addDays } from '../../../core/time/orgCalendar.ts';
import { staffResults, type StaffGroupResult, type StaffRespondent } from '../../../core/staff/results.ts';
import { listResultLocations, listStaffRespondents } from '../../../db/staff/staffResults.ts';

/** The node of answers without a location (seen only by callers of the whole organisation). */
const NONE = 'none';
const teamNode = (locationId: string, value: string) => `${locationId}|${value}`;

/**
 * @param paths the subtrees to report (null: the whole organisation, answers without a location included)
 */
export async function queryStaffResults(
  db: Queryable,
  survey: LoadedSurvey,
  paths: string[] | null,
  period: { from?: string; to?: string } = {},
): Promise<StaffResultsAnswer> {
  const locations = await listResultLocations(db, survey.orgId, paths);
  const rows = await listStaffRespondents(db, survey.orgId, survey.id, {
    locationIds: paths ? locations.map((l) => l.id) : null,
    from: period.from ?? null,
    // The day after `to`: the period's exclusive end.
    toExclusive: period.to ? addDays(period.to, 1) : null,
  });
  const teamQ = survey.questions.find((q) => q.staffRole === 'team' && !q.archivedInVersion) ?? null;
  const teamLabel = new Map((teamQ?.options ?? []).map((o) => [o.value, o.label]));
  const byId = new Map(locations.map((l) => [l.id, l]));

  const nodes: GroupNode[] = [{ id: NONE, parentId: null }, ...locations.map((l) => ({ id: l.id, parentId: l.parentId }))];
  const refs = new Map<string, StaffGroupRef>([[NONE, { kind: 'none', locationId: null, locationName: null, team: null }]]);
  for (const l of locations) refs.set(l.id, { kind: 'location', locationId: l.id, locationName: l.name, team: null });

  const respondents: StaffRespondent[] = rows.map((r) => {
    const location = r.locationId && byId.has(r.locationId) ? r.locationId : NONE;
    const team = teamQ ? r.answers[teamQ.key]?.choice : undefined;
    if (team === undefined || !teamLabel.has(team)) return { node: location, answers: r.answers };
    const node = teamNode(location, team);
    if (!refs.has(node)) {
      nodes.push({ id: node, parentId: location });
      const loc = byId.get(location);
      refs.set(node, { kind: 'team', locationId: loc?.id ?? null, locationName: loc?.name ?? null, team: { value: team, label: teamLabel.get(team)! } });
    }
    return { node, answers: r.answers };
  });

  const result = staffResults(survey.questions, nodes, respondents);
  const present = (g: StaffGroupResult) => ({ ...refs.get(g.id)!, n: g.n, merged: g.merged.map((m) => refs.get(m)!), enps: g.enps, questions: g.questions });
  return {
    survey: { id: survey.id, name: survey.name, defaultLanguage: survey.defaultLanguage },
    minGroup: MIN_GROUP,
    groups: result.groups.map(present),
    hidden: result.hidden,
    overall: result.overall ? { kind: 'none', locationId: null, locationName: null, team: null, n: result.overall.n, merged: [], enps: result.overall.enps, questions: result.overall.questions } : null,
    questions: survey.questions
      .filter((q) => !q.archivedInVersion && q.type !== 'text')
      .map((q) => ({ key: q.key, type: q.type, staffRole: q.staffRole ?? null, text: q.text, boxMin: q.boxMin ?? null, options: q.options ?? [] })),
  };
}
