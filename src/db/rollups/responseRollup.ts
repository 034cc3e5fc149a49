/**
 * The response-count rollup (rollup_responses, migration 030): non-excluded responses per day per
 * (survey, location, channel, language) and per marked dimension value. It mirrors rollup_scores so
 * "responses" on dashboards is read from the same kind of rows as the metrics.
 */
import type { Queryable } from '../connection.ts';

// Same value as NO_LOCATION in applyResponse.ts; not imported, because applyResponse.ts imports this
// module and an import cycle would read the constant before it is initialised.
const NO_LOCATION = '00000000-0000-0000-0000-000000000000';

/** SQL yielding (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n); callers append conditions on `r`, then {@link RESPONSE_ROLLUP_GROUP_BY}. */
export const RESPONSE_ROLLUP_SOURCE_SQL = `
  select r.org_id, r.survey_id,
         (r.submitted_at at time zone o.timezone)::date as day,
         coalesce(r.location_id, '${NO_LOCATION}'::uuid) as location_id,
         r.channel, r.language, d.dim_key, d.dim_value, count(*) as n
    from responses r
    join orgs o on o.id = r.org_id
    cross join lateral (
      select ''::text as dim_key, ''::text as dim_value
      union all
      select k, r.hidden ->> k from unnest(o.dimensions) k where r.hidden ? k and r.hidden ->> k <> ''
    ) d
   where not r.excluded`;

export const RESPONSE_ROLLUP_GROUP_BY = `group by r.org_id, r.survey_id, day, 4, r.channel, r.language, d.dim_key, d.dim_value`;

/** Adds (sign = 1) or removes (sign = -1) the given responses to or from rollup_responses and rollup_responses_compact; call it while they are not excluded. */
export async function applyResponsesToResponseRollup(db: Queryable, orgId: string, responseIds: string[], sign: 1 | -1): Promise<void> {
  if (responseIds.length === 0) return;
  await db.query(
    `/* applyResponsesToResponseRollup */
     insert into rollup_responses as t (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n)
     select org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n * $3::int
       from (${RESPONSE_ROLLUP_SOURCE_SQL} and r.org_id = $1 and r.id = any($2::uuid[])
             ${RESPONSE_ROLLUP_GROUP_BY}) s
     order by 1, 2, 7, 8, 3, 4, 5, 6
     on conflict (org_id, survey_id, dim_key, dim_value, day, location_id, channel, language)
     do update set n = t.n + excluded.n`,
    [orgId, responseIds, sign],
  );
  await db.query(
    `/* applyResponsesToResponseRollup.compact */
     insert into rollup_responses_compact as t (org_id, survey_id, day, dim_key, dim_value, n)
     select org_id, survey_id, day, dim_key, dim_value, sum(n) * $3::int
       from (${RESPONSE_ROLLUP_SOURCE_SQL} and r.org_id = $1 and r.id = any($2::uuid[])
             ${RESPONSE_ROLLUP_GROUP_BY}) s
      group by 1, 2, 3, 4, 5
      order by 1, 2, 4, 5, 3
     on conflict (org_id, survey_id, dim_key, dim_value, day)
     do update set n = t.n + excluded.n`,
    [orgId, responseIds, sign],
  );
}

/**
 * Adds or removes the responses' scored answers to or from rollup_scores_compact (no location,
 * channel or language); same source and timing rules as rollup_scores. `source` is
 * ROLLUP_SOURCE_SQL with its GROUP BY, passed in because applyResponse.ts imports this module.
 */
export async function applyResponsesToCompactRollup(db: Queryable, orgId: string, responseIds: string[], sign: 1 | -1, source: { sql: string; groupBy: string }): Promise<void> {
  if (responseIds.length === 0) return;
  await db.query(
    `/* applyResponsesToCompactRollup */
     insert into rollup_scores_compact as t (org_id, survey_id, question_id, day, dim_key, dim_value, score, n)
     select org_id, survey_id, question_id, day, dim_key, dim_value, score, sum(n) * $3::int
       from (${source.sql} and a.org_id = $1 and a.response_id = any($2::uuid[]) ${source.groupBy}) s
      group by 1, 2, 3, 4, 5, 6, 7
      order by 1, 3, 5, 6, 4, 7
     on conflict (org_id, question_id, dim_key, dim_value, day, score)
     do update set n = t.n + excluded.n`,
    [orgId, responseIds, sign],
  );
}
