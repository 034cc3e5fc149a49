/**
 * Archiving and deleting surveys (docs/api.md "Survey lifecycle"). Callers lock the survey
 * (saveSurvey.ts lockSurvey) and write the audit row in the same transaction.
 */
import type { Queryable } from '../connection.ts';
import { keyColumns, ROLLUP_LEVELS } from '../rollups/levels.ts';
import { ROLLUP_WRITER_LOCK } from '../rollups/rollupQueue.ts';

/** Archives (closing it: an archived survey takes no answers) or restores a survey; restoring keeps it closed. */
export async function setSurveyArchived(db: Queryable, orgId: string, surveyId: string, archived: boolean): Promise<void> {
  await db.query(
    archived
      ? `/* archiveSurvey */ update surveys set archived_at = now(), status = case when status = 'live' then 'closed' else status end,
                updated_at = now() where org_id = $1 and id = $2`
      : `/* restoreSurvey */ update surveys set archived_at = null, updated_at = now() where org_id = $1 and id = $2`,
    [orgId, surveyId],
  );
}

/** When the survey was archived (null while it is not). */
export async function surveyArchivedAt(db: Queryable, orgId: string, surveyId: string): Promise<Date | null> {
  const { rows } = await db.query(`/* surveyArchivedAt */ select archived_at from surveys where org_id = $1 and id = $2`, [orgId, surveyId]);
  return (rows[0]?.archived_at as Date | null | undefined) ?? null;
}

/** All responses of the survey, excluded ones too (what a delete removes). */
export async function countSurveyResponses(db: Queryable, orgId: string, surveyId: string): Promise<number> {
  const { rows } = await db.query(`/* countSurveyResponses */ select count(*)::int as n from responses where org_id = $1 and survey_id = $2`, [
    orgId,
    surveyId,
  ]);
  return rows[0].n as number;
}

/**
 * Deletes the survey with everything derived from it, on the caller's transaction: its queued rollup
 * changes, its rows in every rollup level, data-quality rows, responses (answers cascade), questions and
 * earlier slugs. Holds the organisation's rollup writer lock first, so no fold or rebuild adds the
 * survey's rows back meanwhile (they wait, then find nothing of it).
 */
export async function deleteSurveyAndAnswers(tx: Queryable, orgId: string, surveyId: string): Promise<void> {
  await tx.query(`/* deleteSurvey.lock */ select pg_advisory_xact_lock($1, hashtext($2::text))`, [ROLLUP_WRITER_LOCK, orgId]);
  await tx.query(
    `/* deleteSurvey.pending */ delete from rollup_pending q using responses r
      where q.org_id = $1 and r.org_id = $1 and r.survey_id = $2 and r.id = q.response_id`,
    [orgId, surveyId],
  );
  for (const level of ROLLUP_LEVELS) {
    // By the leading key column (question or survey), so each delete is an index range even on large levels.
    const byQuestion = keyColumns(level)[1] === 'question_id';
    await tx.query(
      byQuestion
        ? `/* deleteSurvey.rollups */ delete from ${level.table} where org_id = $1
             and question_id = any(array(select id from questions where org_id = $1 and survey_id = $2))`
        : `/* deleteSurvey.rollups */ delete from ${level.table} where org_id = $1 and survey_id = $2`,
      [orgId, surveyId],
    );
  }
  await tx.query(`/* deleteSurvey.quality */ delete from response_quality where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
  await tx.query(`/* deleteSurvey.qualityRules */ delete from quality_surveys where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
  await tx.query(`/* deleteSurvey.answers */ delete from answers where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
  await tx.query(`/* deleteSurvey.responses */ delete from responses where org_id = $1 and survey_id = $2`, [orgId, surveyId]);
  await tx.query(`/* deleteSurvey */ delete from surveys where org_id = $1 and id = $2`, [orgId, surveyId]);
}
