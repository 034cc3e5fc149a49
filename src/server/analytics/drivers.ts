/** Key drivers (drivers.v1): outcome vs the survey's attribute ratings, Johnson's relative weights. */
import type pg from 'pg';
import { DomainError } from '../../core/errors.ts';
import { computeCsi, csiBreakdown, histogramFromScores, keyDrivers, type CsiAttribute } from '../../core/stats/index.ts';
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
  const weightOf = new Map(result.weights.map((w) => [w.name, w.rawWeight]));
  const csi = derivedCsi(survey, attrs, (q, j) => ({
    key: q.attribute!,
    satisfaction: histogramFromScores(data.attributes[j]),
    derivedWeight: weightOf.get(q.id!) ?? 0,
  }));
  return {
    ...(csi ? { csi } : {}),
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

/**
 * CSI (csi.v1) weighted by derived importance (the drivers' weights), for surveys whose CSI
 * attributes were rated for satisfaction only (METRICS.md: "Where importance is not asked, derived
 * importance from key-driver analysis may be used, and the report says which": details.weighting).
 * Null when the attributes are not CSI ratings or importance was asked (the summary reports that CSI).
 */
function derivedCsi(survey: SurveyDef, attrs: QuestionDef[], attribute: (q: QuestionDef, j: number) => CsiAttribute) {
  if (!attrs.every((q) => q.metric === 'csi_satisfaction' && q.attribute)) return null;
  const stated = survey.questions.some((q) => q.metric === 'csi_importance' && !q.archivedInVersion);
  if (stated) return null;
  const attributes = attrs.map(attribute);
  const scale = { min: attrs[0].scale?.min ?? 1, max: attrs[0].scale?.max ?? 10 };
  return { ...computeCsi(attributes, scale), breakdown: csiBreakdown(attributes, scale) };
}
