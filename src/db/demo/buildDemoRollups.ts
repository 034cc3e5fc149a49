/**
 * Builds one organisation's rollups (scores and response counts) inside the caller's transaction,
 * from the same source SQL the live path uses. The demo needs this variant because
 * rebuildOrgRollups opens its own transaction, and the demo must commit everything at once.
 */
import type { PoolClient } from '../connection.ts';
import { ROLLUP_GROUP_BY, ROLLUP_SOURCE_SQL } from '../rollups/applyResponse.ts';
import { RESPONSE_ROLLUP_GROUP_BY, RESPONSE_ROLLUP_SOURCE_SQL } from '../rollups/responseRollup.ts';

/** Replaces the organisation's rollup rows with a fresh aggregation of its answers and responses. */
export async function buildDemoRollups(tx: PoolClient, orgId: string): Promise<{ scoreRows: number; responseRows: number }> {
  await tx.query(`delete from rollup_scores where org_id = $1`, [orgId]);
  const scores = await tx.query(
    `/* buildDemoRollups.scores */
     insert into rollup_scores (org_id, survey_id, question_id, day, location_id, channel, language, dim_key, dim_value, score, n)
     select org_id, survey_id, question_id, day, location_id, channel, language, dim_key, dim_value, score, n
       from (${ROLLUP_SOURCE_SQL} and a.org_id = $1 ${ROLLUP_GROUP_BY}) s`,
    [orgId],
  );
  await tx.query(`delete from rollup_responses where org_id = $1`, [orgId]);
  const responses = await tx.query(
    `/* buildDemoRollups.responses */
     insert into rollup_responses (org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n)
     select org_id, survey_id, day, location_id, channel, language, dim_key, dim_value, n
       from (${RESPONSE_ROLLUP_SOURCE_SQL} and r.org_id = $1 ${RESPONSE_ROLLUP_GROUP_BY}) s`,
    [orgId],
  );
  return { scoreRows: scores.rowCount ?? 0, responseRows: responses.rowCount ?? 0 };
}
