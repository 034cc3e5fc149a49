/**
 * Source SQL of the response-count rollups (migration 030, its levels in
 * src/db/rollups/levels.ts): non-excluded responses per org-local day per (survey, location, channel,
 * language) and per marked dimension value. It mirrors ROLLUP_SOURCE_SQL so "responses" on dashboards
 * is read from the same kind of rows as the metrics.
 */
import { DIMENSION_ROWS_SQL, NO_LOCATION } from './levels.ts';

/**
 * SQL yielding (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n); callers
 * append conditions on `r`, then {@link RESPONSE_ROLLUP_GROUP_BY}. `withExcluded` also yields excluded
 * responses (replaying queued changes, src/db/rollups/rollupQueue.ts).
 */
export const responseRollupSourceSql = (withExcluded = false) => `
  select r.org_id, r.survey_id,
         (r.submitted_at at time zone o.timezone)::date as day,
         coalesce(r.location_id, '${NO_LOCATION}'::uuid) as location_id,
         r.channel, r.language, d.dim_key, d.dim_value, count(*) as n
    from responses r
    join orgs o on o.id = r.org_id
    cross join lateral (${DIMENSION_ROWS_SQL}) d
   where ${withExcluded ? 'true' : 'not r.excluded'}`;

export const RESPONSE_ROLLUP_GROUP_BY = `group by r.org_id, r.survey_id, day, 4, r.channel, r.language, d.dim_key, d.dim_value`;
