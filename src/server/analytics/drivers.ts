/** Key drivers (drivers.v1): outcome vs the survey's attribute ratings, Johnson's relative weights. */
import type pg from 'pg';
import { DomainError } from '../../core/errors.ts';
import { keyDrivers } from '../../core/stats/index.ts';
import type { QuestionDef, SurveyDef } from '../../core/surveys/types.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { getDriverRows } from '../../db/queries/getDriverRows.ts';

/** Most recent responses read for drivers; more matching responses make the answer `sampled`. */
export const DRIVER_ROW_CAP = 200_000;

/** Attribute questions: the CSI satisfaction ratings when the survey has them, else every other rating. */
export function driverAttributes(survey: SurveyDef, outcome: QuestionDef): QuestionDef[] {
  const active = survey.questions.filter((q) => q.id && q.id !== outcome.id && !q.archivedInVersion && q.type === 'rating');
  const csi = active.filter((q) => q.metric === 'csi_satisfaction');
  return csi.length > 0 ? csi : active.filter((q) => q.metric !== 'csi_importance');
}

/**
 * GET /surveys/:id/analytics/drivers.
 * @throws insufficient_data (422) with too few complete responses, no attributes, or no variance
 */
export async function getDrivers(pool: pg.Pool, ctx: SourceContext, survey: SurveyDef, outcome: QuestionDef, cap = DRIVER_ROW_CAP) {
  const attrs = driverAttributes(survey, outcome);
  if (attrs.length === 0) throw new DomainError('insufficient_data', 'key drivers need rating questions besides the outcome; this survey has none');
  const data = await getDriverRows(pool, ctx, { surveyId: survey.id, outcomeId: outcome.id!, attributeIds: attrs.map((q) => q.id!), cap });
  const result = keyDrivers({ attributes: attrs.map((q, j) => ({ name: q.id!, scores: data.attributes[j] })), outcome: data.outcome });
  return {
    definition: result.definition,
    outcome: { questionId: outcome.id!, key: outcome.key },
    n: result.n,
    r2: result.r2,
    sampled: data.sampled,
    cap,
    meanImportance: result.meanImportance,
    meanPerformance: result.meanPerformance,
    drivers: result.weights
      .map((w) => {
        const q = attrs.find((a) => a.id === w.name)!;
        return {
          questionId: q.id!,
          key: q.key,
          name: q.attribute ?? q.key,
          text: q.text,
          importance: w.rawWeight,
          pctOfR2: w.pctOfR2,
          performance: w.performance,
          performanceN: w.performanceN,
          quadrant: w.quadrant,
        };
      })
      .sort((a, b) => b.importance - a.importance),
  };
}
