/** The survey version of each survey's first response (to tell "skipped" from "never shown"). */
import type { Queryable } from '../connection.ts';

/**
 * surveyId -> survey_version of its earliest response (any location, excluded ones too), absent when
 * it has none. One `responses_survey_time` index probe per survey.
 */
export async function getFirstResponseVersions(db: Queryable, orgId: string, surveyIds: string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const { rows } = await db.query(
    `/* getFirstResponseVersions */
     select s.id as survey_id, f.survey_version
       from unnest($2::uuid[]) as s(id)
       cross join lateral (
         select r.survey_version from responses r
          where r.org_id = $1 and r.survey_id = s.id
          order by r.submitted_at
          limit 1
       ) f`,
    [orgId, surveyIds],
  );
  return new Map(rows.map((r) => [r.survey_id as string, r.survey_version as number]));
}
