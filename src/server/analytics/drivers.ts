/** Key drivers (drivers.v1): outcome vs the survey's attribute ratings, Johnson's relative weights. */
import type pg from 'pg';
import type { DriversAnswer } from '../../core/api/analytics.ts';
import { DomainError } from '../../core/errors.ts';
import { computeCsi, csiBreakdown, keyDriversFromMoments, type CsiAttribute } from '../../core/stats/index.ts';
import type { QuestionDef, SurveyDef } from '../../core/surveys/types.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { getDriverMoments } from '../../db/queries/getDriverMoments.ts';
import { getHistograms } from '../../db/queries/getHistograms.ts';
import { histogramOf } from '../../core/analytics/metrics.ts';

/** Attribute questions: the CSI satisfaction ratings when the survey has them, else every other rating. */
export function driverAttributes(survey: SurveyDef, outcome: QuestionDef): QuestionDef[] {
  const active = survey.questions.filter((q) => q.id && q.id !== outcome.id && !q.archivedInVersion && q.type === 'rating');
  const csi = active.filter((q) => q.metric === 'csi_satisfaction');
  return csi.length > 0 ? csi : active.filter((q) => q.metric !== 'csi_importance');
}

/**
 * GET /surveys/:id/analytics/drivers, over every response in the filters: the correlation matrix and
 * attribute performance from the driver rollups' summed moments (getDriverMoments); CSI satisfaction
 * (derived-importance CSI only) from the score histograms.
 * @throws insufficient_data (422) with too few complete responses, no attributes, or no variance
 */
export async function getDrivers(pool: pg.Pool, ctx: SourceContext, survey: SurveyDef, outcome: QuestionDef): Promise<DriversAnswer> {
  const attrs = driverAttributes(survey, outcome);
  if (attrs.length === 0) throw new DomainError('insufficient_data', 'key drivers need rating questions besides the outcome; this survey has none');
  const attributeIds = attrs.map((q) => q.id!);
  const data = await getDriverMoments(pool, ctx, { surveyId: survey.id, questionIds: [outcome.id!, ...attributeIds] });
  const result = keyDriversFromMoments({
    attributes: attrs.map((q, j) => {
      const answered = data.answered[j + 1];
      // Named by key: a refusal ("staff has no variance") reaches the dashboard, where an id would mean nothing.
      return { name: q.key, performance: { mean: answered.sum / answered.n, n: answered.n } };
    }),
    moments: data.moments,
  });
  const weightOf = new Map(result.weights.map((w) => [w.name, w.rawWeight]));
  const csi = await derivedCsi(survey, attrs, async () => {
    const hist = await getHistograms(pool, ctx, { questionIds: attributeIds });
    return attrs.map((q) => ({
      key: q.attribute!,
      satisfaction: histogramOf(hist.rows.filter((r) => r.questionId === q.id)),
      derivedWeight: weightOf.get(q.key) ?? 0,
    }));
  });
  return {
    ...(csi ? { csi } : {}),
    definition: result.definition,
    outcome: { questionId: outcome.id!, key: outcome.key },
    n: result.n,
    r2: result.r2,
    // Every response in the filters counts (no sample since the driver rollups); kept for clients.
    sampled: false,
    source: data.source,
    meanImportance: result.meanImportance,
    meanPerformance: result.meanPerformance,
    drivers: result.weights
      .map((w) => {
        const q = attrs.find((a) => a.key === w.name)!;
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
async function derivedCsi(survey: SurveyDef, attrs: QuestionDef[], loadAttributes: () => Promise<CsiAttribute[]>) {
  if (!attrs.every((q) => q.metric === 'csi_satisfaction' && q.attribute)) return null;
  const stated = survey.questions.some((q) => q.metric === 'csi_importance' && !q.archivedInVersion);
  if (stated) return null;
  const attributes = await loadAttributes();
  const scale = { min: attrs[0].scale?.min ?? 1, max: attrs[0].scale?.max ?? 10 };
  return { ...computeCsi(attributes, scale), breakdown: csiBreakdown(attributes, scale) };
}
