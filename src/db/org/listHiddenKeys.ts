/** Hidden-field keys seen in recent responses, offered as dimensions on the settings page. */
import type { Queryable } from '../connection.ts';
import { HIDDEN_KEY_RE, RESERVED_PARAMS } from '../../core/responses/hiddenFields.ts';

// Bounds the work on large organisations: the newest responses of each survey in the window
// (responses_survey_time index), so the counts are "of up to this many recent responses per survey".
const PER_SURVEY = 5_000;

/**
 * Keys of `responses.hidden` in the organisation's responses of the last `days` days that are valid
 * dimension keys, with the number of responses carrying a non-empty value, most used first.
 */
export async function listHiddenKeys(db: Queryable, orgId: string, opts: { days: number; limit: number }): Promise<{ key: string; responses: number }[]> {
  const { rows } = await db.query(
    `/* listHiddenKeys */
     select k.key, count(*)::int as responses
       from surveys s
       cross join lateral (
         select r.hidden from responses r
          where r.org_id = s.org_id and r.survey_id = s.id and r.submitted_at >= now() - make_interval(days => $2)
          order by r.submitted_at desc limit ${PER_SURVEY}
       ) r
       cross join lateral jsonb_each_text(case when jsonb_typeof(r.hidden) = 'object' then r.hidden else '{}'::jsonb end) k
      where s.org_id = $1 and k.key ~ $4 and k.key <> all($5::text[]) and k.value <> ''
      group by k.key
      order by responses desc, k.key
      limit $3`,
    // The key rule of src/core/responses/hiddenFields.ts (its pattern reads the same in PostgreSQL).
    [orgId, opts.days, opts.limit, HIDDEN_KEY_RE.source, RESERVED_PARAMS],
  );
  return rows;
}
