/**
 * Builds one organisation's rollups (rollup_scores, rollup_scores_compact, rollup_responses) inside
 * the caller's transaction or session, with one INSERT ... SELECT ... GROUP BY per table from the
 * same source SQL as the live path. The demo needs this variant because rebuildOrgRollups opens its
 * own transaction and the demo must commit everything at once; the benchmark uses it because one
 * statement over the whole organisation is the fastest bulk build. Keep in step with
 * src/db/rollups/rebuildRollups.ts when rollup tables are added.
 */
import type { PoolClient } from '../connection.ts';
import { ROLLUP_GROUP_BY, ROLLUP_SOURCE_SQL } from '../rollups/applyResponse.ts';
import { RESPONSE_ROLLUP_GROUP_BY, RESPONSE_ROLLUP_SOURCE_SQL } from '../rollups/responseRollup.ts';

export interface RollupCounts {
  scoreRows: number;
  compactRows: number;
  responseRows: number;
}

/** Replaces the organisation's rollup rows with a fresh aggregation of its answers and responses. */
export async function buildDemoRollups(tx: PoolClient, orgId: string): Promise<RollupCounts> {
  for (const table of ['rollup_scores', 'rollup_scores_compact', 'rollup_responses']) {
    await tx.query(`delete from ${table} where org_id = $1`, [orgId]);
  }
  const scores = await tx.query(
    `/* buildDemoRollups.scores */
     insert into rollup_scores (org_id, survey_id, question_id, day, location_id, channel, language, dim_key, dim_value, score, n)
     select org_id, survey_id, question_id, day, location_id, channel, language, dim_key, dim_value, score, n
       from (${ROLLUP_SOURCE_SQL} and a.org_id = $1 ${ROLLUP_GROUP_BY}) s`,
    [orgId],
  );
  // Summed from the rows just written, as rebuildOrgRollups does.
  const compact = await tx.query(
    `/* buildDemoRollups.compact */
     insert into rollup_scores_compact (org_id, survey_id, question_id, day, dim_key, dim_value, score, n)
     select org_id, survey_id, question_id, day, dim_key, dim_value, score, sum(n)
       from rollup_scores where org_id = $1
      group by 1, 2, 3, 4, 5, 6, 7`,
    [orgId],
  );
  const responses = await tx.query(
    `/* buildDemoRollups.responses */
     insert into rollup_responses (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n)
     select org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n
       from (${RESPONSE_ROLLUP_SOURCE_SQL} and r.org_id = $1 ${RESPONSE_ROLLUP_GROUP_BY}) s`,
    [orgId],
  );
  return { scoreRows: scores.rowCount ?? 0, compactRows: compact.rowCount ?? 0, responseRows: responses.rowCount ?? 0 };
}
