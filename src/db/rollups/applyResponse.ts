/**
 * Keeps every rollup level (src/db/rollups/levels.ts) in step with answers inside the caller's
 * transaction: +1 per scored answer and per response when a response is stored or re-included, -1
 * when it is excluded. One base row (dim_key = '') plus one row per organisation dimension present in
 * the response's hidden fields. Only responses that are not excluded count: to exclude, call with -1
 * before marking them excluded; to re-include, mark them first and then call with +1 (see
 * src/server/responses/commands).
 */
import type { Queryable } from '../connection.ts';
import { applyDriverChoiceRollups } from './driverChoiceRollups.ts';
import { DIMENSION_ROWS_SQL, levelsOf, NO_LOCATION, upsertFromDayRowsSql } from './levels.ts';
import { RESPONSE_ROLLUP_GROUP_BY, responseRollupSourceSql } from './responseRollup.ts';
import { refreshResponseQuality } from '../quality/responseFlags.ts';

/**
 * SQL that yields (org_id, survey_id, question_id, day, location_id, channel, language, dim_key,
 * dim_value, score, n) for the answers of the selected responses. `withExcluded` also yields answers
 * of excluded responses (replaying queued changes, src/db/rollups/rollupQueue.ts).
 */
const rollupSourceSql = (withExcluded = false) => `
  select a.org_id, a.survey_id, a.question_id,
         (a.submitted_at at time zone o.timezone)::date as day,
         coalesce(a.location_id, '${NO_LOCATION}'::uuid) as location_id,
         a.channel, a.language, d.dim_key, d.dim_value, a.score, count(*) as n
    from answers a
    join responses r on r.org_id = a.org_id and r.id = a.response_id
    join orgs o on o.id = a.org_id
    cross join lateral (${DIMENSION_ROWS_SQL}) d
   where a.score is not null${withExcluded ? '' : ' and not a.excluded'}`;

export const ROLLUP_SOURCE_SQL = rollupSourceSql();

export const ROLLUP_GROUP_BY = `group by a.org_id, a.survey_id, a.question_id, day, 5, a.channel, a.language, d.dim_key, d.dim_value, a.score`;

/**
 * One statement per kind: the selected responses' rows are aggregated once (`src`) and added to
 * every level of that kind, each level's rows in primary-key order and the levels always in the same
 * order, so concurrent submissions lock rollup rows in one global order (no deadlocks).
 */
function applySql(kind: 'scores' | 'responses', withExcluded = false): string {
  const src =
    kind === 'scores'
      ? `${rollupSourceSql(withExcluded)} and a.org_id = $1 and a.response_id = any($2::uuid[]) ${ROLLUP_GROUP_BY}`
      : `${responseRollupSourceSql(withExcluded)} and r.org_id = $1 and r.id = any($2::uuid[]) ${RESPONSE_ROLLUP_GROUP_BY}`;
  const inserts = levelsOf(kind).map((l, i) => `i${i} as (${upsertFromDayRowsSql(l, 'select * from src', { factor: '$3::int' })})`);
  return `/* applyResponsesToRollups.${kind}${withExcluded ? '.replay' : ''} */
    with src as materialized (${src}),
    ${inserts.join(',\n    ')}
    select 1`;
}

const APPLY_SCORES_SQL = applySql('scores');
const APPLY_RESPONSES_SQL = applySql('responses');
const REPLAY_SCORES_SQL = applySql('scores', true);
const REPLAY_RESPONSES_SQL = applySql('responses', true);

/** Adds (sign = 1) or removes (sign = -1) the given responses and their scored answers to or from every rollup level. */
export async function applyResponsesToRollups(db: Queryable, orgId: string, responseIds: string[], sign: 1 | -1 = 1): Promise<void> {
  if (responseIds.length === 0) return;
  // Rows that drop to n = 0 stay until the next rebuild; every metric treats them as absent.
  await db.query(APPLY_SCORES_SQL, [orgId, responseIds, sign]);
  await db.query(APPLY_RESPONSES_SQL, [orgId, responseIds, sign]);
  await applyDriverChoiceRollups(db, orgId, responseIds, sign);
  // Whatever counts responses directly (bulk fixtures) stores their data-quality flags too, as the fold does.
  await refreshResponseQuality(db, orgId, responseIds);
}

/**
 * Adds each given response's rows `factor` times, whether it is excluded now or not: a queued change
 * (src/db/rollups/rollupQueue.ts) says the response started (+1) or stopped (-1) counting when it
 * was made, and its answers do not change, so the sum of its queued signs times its rows is exactly
 * what it owes the rollups, whatever its state when the queue is replayed.
 */
export async function replayResponsesToRollups(db: Queryable, orgId: string, responseIds: string[], factor: number): Promise<void> {
  if (responseIds.length === 0 || factor === 0) return;
  await db.query(REPLAY_SCORES_SQL, [orgId, responseIds, factor]);
  await db.query(REPLAY_RESPONSES_SQL, [orgId, responseIds, factor]);
  await applyDriverChoiceRollups(db, orgId, responseIds, factor, true);
}
