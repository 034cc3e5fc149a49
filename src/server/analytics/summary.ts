/** Overview across surveys and one survey's summary: histograms from the queries, metrics from core. */
import type pg from 'pg';
import { computeCsi, csiBreakdown, type CsiAttribute, type Histogram, type MetricResult } from '../../core/stats/index.ts';
import { needsFirstResponseVersion, skippedCount } from '../../core/surveys/skipped.ts';
import type { OverviewAnswer, SummaryAnswer } from '../../core/api/analytics.ts';
import { CHOICE_TYPES, type QuestionDef } from '../../core/surveys/types.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { getChoiceCounts } from '../../db/queries/getChoiceCounts.ts';
import { getFirstResponseVersions } from '../../db/queries/getFirstResponseVersions.ts';
import { getHistograms } from '../../db/queries/getHistograms.ts';
import { getResponseCounts } from '../../db/queries/getResponseCounts.ts';
import { listSurveyMetricQuestions } from '../../db/queries/listSurveyMetricQuestions.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { distributionOf, histogramOf, isNpsQuestion, isScored, metricForQuestion } from '../../core/analytics/metrics.ts';
import { standaloneText } from '../../core/surveys/matrix.ts';

/** Histograms keyed by question id. */
function byQuestion(rows: Array<{ questionId: string; score: number; n: number }>): Map<string, Histogram> {
  const grouped = new Map<string, Array<{ score: number; n: number }>>();
  for (const r of rows) grouped.set(r.questionId, [...(grouped.get(r.questionId) ?? []), r]);
  return new Map([...grouped].map(([k, v]) => [k, histogramOf(v)]));
}

/**
 * An NPS question's result with `details.skipped`: responses in the same filters without an answer
 * to it (METRICS.md nps.v1), or null when some responses never saw it (src/core/surveys/skipped.ts).
 * Other questions' results are returned unchanged.
 */
function withSkipped(q: QuestionDef, result: MetricResult | null, responses: number, firstResponseVersion: number | null): MetricResult | null {
  if (!result || result.metric !== 'nps') return result;
  const skipped = skippedCount(q, { responses, answered: result.n, firstResponseVersion });
  return { ...result, details: { ...result.details, skipped } };
}

/** GET /analytics/overview: every survey with responses and its headline NPS / CSAT / CES, and CSI. */
export async function getOverview(pool: pg.Pool, ctx: SourceContext): Promise<OverviewAnswer> {
  const surveys = await listSurveyMetricQuestions(pool, ctx.scope.orgId);
  const questionIds = surveys.flatMap((s) => [...Object.values(s.questions).map((q) => q!.id!), ...s.csi.map((q) => q.id!)]);
  const surveyIds = surveys.map((s) => s.id);
  const [hist, counts, firstVersions] = await Promise.all([
    getHistograms(pool, ctx, { questionIds }),
    getResponseCounts(pool, ctx, surveyIds),
    // Only surveys whose NPS question came in a later version need the lookup.
    getFirstResponseVersions(pool, ctx.scope.orgId, surveys.filter((s) => s.questions.nps && needsFirstResponseVersion(s.questions.nps)).map((s) => s.id)),
  ]);
  const h = byQuestion(hist.rows);
  return {
    source: hist.source,
    surveys: surveys.map((s) => {
      const responses = counts.counts.get(s.id) ?? 0;
      const metrics: Partial<Record<'nps' | 'csat' | 'ces' | 'csi', MetricResult | null>> = {};
      for (const [m, q] of Object.entries(s.questions) as Array<['nps' | 'csat' | 'ces', QuestionDef]>) {
        metrics[m] = withSkipped(q, metricForQuestion(q, h.get(q.id!) ?? {}), responses, firstVersions.get(s.id) ?? null);
      }
      // The same CSI as the survey's summary (stated importance), without its per-attribute breakdown.
      const csi = csiOf(s.csi, h);
      if (csi) {
        const { breakdown: _breakdown, ...index } = csi;
        metrics.csi = index;
      }
      return { surveyId: s.id, name: s.name, slug: s.slug, status: s.status, responses, metrics };
    }),
  };
}

/** GET /surveys/:id/analytics/summary. */
export async function getSurveySummary(pool: pg.Pool, ctx: SourceContext, survey: LoadedSurvey): Promise<SummaryAnswer> {
  const questions = survey.questions.filter((q) => q.id);
  const scored = questions.filter(isScored).map((q) => q.id!);
  const choice = questions.filter((q) => CHOICE_TYPES.includes(q.type)).map((q) => q.id!);
  const [hist, counts, choices, firstVersions] = await Promise.all([
    getHistograms(pool, ctx, { questionIds: scored }),
    getResponseCounts(pool, ctx, [survey.id]),
    getChoiceCounts(pool, ctx, choice),
    // Only an NPS question that came in a later version needs the lookup.
    getFirstResponseVersions(pool, ctx.scope.orgId, questions.some((q) => isNpsQuestion(q) && needsFirstResponseVersion(q)) ? [survey.id] : []),
  ]);
  const h = byQuestion(hist.rows);
  const csi = csiOf(questions, h);
  const responses = counts.counts.get(survey.id) ?? 0;
  return {
    responses,
    source: hist.source === 'raw' || counts.source === 'raw' ? 'raw' : 'rollup',
    questions: questions.map((q) => {
      const qh = h.get(q.id!) ?? {};
      const out = {
        questionId: q.id!,
        key: q.key,
        type: q.type,
        metric: q.metric,
        ...(q.attribute ? { attribute: q.attribute } : {}),
        text: standaloneText(q),
        scale: q.scale ?? null,
        archived: !!q.archivedInVersion,
        result: withSkipped(q, metricForQuestion(q, qh), responses, firstVersions.get(survey.id) ?? null),
        distribution: distributionOf(q, qh),
      };
      if (!CHOICE_TYPES.includes(q.type)) return out;
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
