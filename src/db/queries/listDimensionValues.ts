/** The known values of one dimension (hidden field) in the caller's scope, offered by the segment filter. */
import type { Scope } from '../../core/access/index.ts';
import type { Queryable } from '../connection.ts';
import { locationScopeSql } from '../scope.ts';

// Bounds the work on large organisations, like listHiddenKeys: the newest responses of each survey
// (responses_survey_time index), so counts are "of up to this many recent responses per survey".
const PER_SURVEY = 5_000;

/**
 * Values of `hidden ->> key` in the scope's recent, non-excluded responses (of one survey when
 * given) containing `contains` case-insensitively, with the number of responses carrying each,
 * most used first. Responses outside the scope's locations are never read.
 */
export async function listDimensionValues(
  db: Queryable,
  scope: Scope,
  key: string,
  opts: { surveyId?: string; contains?: string; limit: number },
): Promise<{ value: string; responses: number }[]> {
  const params: unknown[] = [scope.orgId, key, opts.surveyId ?? null, opts.contains ?? '', opts.limit];
  const inScope = locationScopeSql(scope, 'r.location_id', params);
  const { rows } = await db.query(
    `/* listDimensionValues */
     select v.value, count(*)::int as responses
       from surveys s
       cross join lateral (
         select r.hidden ->> $2 as value from responses r
          where r.org_id = s.org_id and r.survey_id = s.id and not r.excluded and ${inScope}
          order by r.submitted_at desc limit ${PER_SURVEY}
       ) v
      where s.org_id = $1 and ($3::uuid is null or s.id = $3::uuid)
        and coalesce(v.value, '') <> '' and strpos(lower(v.value), lower($4)) > 0
      group by v.value
      order by responses desc, v.value
      limit $5`,
    params,
  );
  return rows;
}
