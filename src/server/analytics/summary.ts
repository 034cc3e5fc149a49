/** Overview across surveys and one survey's summary: histograms from the queries, metrics from core. */
import type pg from 'pg';
import { computeCsi, csiBreakdown, type CsiAttribute, type Histogram, type MetricResult } from '../../core/stats/index.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { getChoiceCounts } from '../../db/queries/getChoiceCounts.ts';
import { getHistograms } from '../../db/queries/getHistograms.ts';
import { getResponseCounts } from '../../db/queries/getResponseCounts.ts';
import { listSurveyMetricQuestions } from '../../db/queries/listSurveyMetricQuestions.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { distributionOf, histogramOf, isScored, metricForQuestion } from './metrics.ts';

/** Histograms keyed by question id. */
function byQuestion(rows: Array<{ questionId: string; score: number; n: number }>): Map<string, Histogram> {
  const grouped = new Map<string, Array<{ score: number; n: number }>>();
  for (const r of rows) grouped.set(r.questionId, [...(grouped.get(r.questionId) ?? []), r]);
  return new Map([...grouped].map(([k, v]) => [k, histogramOf(v)]));
}

/** GET /analytics/overview: every survey with responses and its headline NPS / CSAT / CES. */
export async function getOverview(pool: pg.Pool, ctx: SourceContext) {
  const surveys = await listSurveyMetricQuestions(pool, ctx.scope.orgId);
  const questionIds = surveys.flatMap((s) => Object.values(s.questions).map((q) => q!.id!));
  const [hist, counts] = await Promise.all([
    getHistograms(pool, ctx, { questionIds }),
    getResponseCounts(pool, ctx, surveys.map((s) => s.id)),
  ]);
  const h = byQuestion(hist.rows);
  return {
    source: hist.source,
    surveys: surveys.map((s) => {
      const metrics: Partial<Record<'nps' | 'csat' | 'ces', MetricResult | null>> = {};
      for (const [m, q] of Object.entries(s.questions) as Array<['nps' | 'csat' | 'ces', QuestionDef]>) {
        metrics[m] = metricForQuestion(q, h.get(q.id!) ?? {});
      }
      return { surveyId: s.id, name: s.name, slug: s.slug, status: s.status, responses: counts.counts.get(s.id) ?? 0, metrics };
    }),
  };
}

/** GET /surveys/:id/analytics/summary. */
export async function getSurveySummary(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey) {
  const questions = survey.questions.filter((q) => q.id);
  const scored = questions.filter(isScored).map((q) => q.id!);
  const choice = questions.filter((q) => q.type === 'single' || q.type === 'multi').map((q) => q.id!);
  const [hist, counts, choices] = await Promise.all([
    getHistograms(pool, ctx, { questionIds: scored }),
    getResponseCounts(pool, ctx, [survey.id]),
    getChoiceCounts(pool, ctx, choice),
  ]);
  const h = byQuestion(hist.rows);
  const csi = csiOf(questions, h);
  return {
    responses: counts.counts.get(survey.id) ?? 0,
    source: hist.source === 'raw' || counts.source === 'raw' ? 'raw' : 'rollup',
    questions: questions.map((q) => {
      const qh = h.get(q.id!) ?? {};
      const out = {
        questionId: q.id!,
        key: q.key,
        type: q.type,
        metric: q.metric,
        text: q.text,
        scale: q.scale ?? null,
        archived: !!q.archivedInVersion,
        result: metricForQuestion(q, qh),
        distribution: distributionOf(q, qh),
      };
      if (q.type !== 'single' && q.type !== 'multi') return out;
      return { ...out, choices: choices.filter((c) => c.questionId === q.id).map((c) => ({ value: c.value, n: c.n })) };
    }),
    ...(csi ? { csi } : {}),
  };
}

/**
 * CSI (csi.v1) with stated importance: one csi_satisfaction and one csi_importance question per
 * attribute. Without importance questions for every attribute the summary leaves CSI out; derived
 * importance is what the drivers endpoint reports.
 */
function csiOf(questions: QuestionDef[], h: Map<string, Histogram>) {
  const sat = questions.filter((q) => q.metric === 'csi_satisfaction' && q.attribute && !q.archivedInVersion);
  if (sat.length === 0) return null;
  const attributes: CsiAttribute[] = [];
  for (const s of sat) {
    if (attributes.some((a) => a.key === s.attribute)) continue;
    const imp = questions.find((q) => q.metric === 'csi_importance' && q.attribute === s.attribute && !q.archivedInVersion);
    if (!imp) return null;
    attributes.push({ key: s.attribute!, satisfaction: h.get(s.id!) ?? {}, importance: h.get(imp.id!) ?? {} });
  }
  const scale = { min: sat[0].scale?.min ?? 1, max: sat[0].scale?.max ?? 10 };
  return { ...computeCsi(attributes, scale), breakdown: csiBreakdown(attributes, scale) };
}
