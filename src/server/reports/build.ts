/**
 * @module Builds a report's data (src/core/reports/model.ts) for a principal: the same server functions the
 * dashboard's routes call (summary, trend, breakdown, drivers ...) over the same scoped source context, so a
 * report's figures equal the dashboard's for the same filters and days (docs/reports.md). No rendering here.
 */
import type pg from 'pg';
import { can, type Principal } from '../../core/access/index.ts';
import { changeForQuestion, isScored, mainQuestion } from '../../core/analytics/metrics.ts';
import type { ReportDefinition } from '../../core/api/reports.ts';
import { DomainError } from '../../core/errors.ts';
import {
  figureOf, hideSmallGroups, type ReportAudience, type ReportKpi, type ReportModel, type ReportSectionData,
} from '../../core/reports/model.ts';
import { reportWindow, type ReportWindow } from '../../core/reports/period.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { orgToday, previousPeriod } from '../../core/time/orgCalendar.ts';
import type { SourceContext } from '../../db/queries/analyticsSource.ts';
import { getOrgSettings } from '../../db/users/orgSettings.ts';
import type { LoadedSurvey } from '../../db/surveys/loadSurvey.ts';
import { getBreakdown } from '../analytics/breakdown.ts';
import { analyticsContext, locationInScope, surveyOf } from '../analytics/context.ts';
import { getSurveySummary } from '../analytics/summary.ts';
import { getTrend } from '../analytics/trend.ts';
import { buildExtraSection } from './sections.ts';

export interface BuildOptions {
  /** The organisation's day of the run (a period rule's window is read on it); default: today in the organisation's time zone. */
  today?: string;
  audience: ReportAudience;
  /** A template's name; default: the survey's name. */
  title?: string;
}

/** What every section builder gets. */
export interface BuildInput {
  pool: pg.Pool;
  principal: Principal;
  definition: ReportDefinition;
  survey: LoadedSurvey;
  /** The scoped source context of the report's window and filters. */
  ctx: SourceContext;
  /** The same for the previous window (KPI changes). */
  previousCtx: SourceContext;
  window: ReportWindow;
  /** The survey's main question (trend, breakdown, drivers, comments), or null when it has no scored question. */
  question: QuestionDef | null;
  now: Date;
}

/** The window of a definition's period on `today`. */
export function windowOf(period: ReportDefinition['period'], today: string): ReportWindow {
  if ('rule' in period) return reportWindow(period.rule, today);
  return { from: period.from, to: period.to, previous: previousPeriod(period.from, period.to) };
}

/** The trend's step for a window: days up to two weeks, weeks up to a quarter, months beyond. */
export function trendInterval(window: { from: string; to: string }): 'day' | 'week' | 'month' {
  const days = (Date.parse(`${window.to}T00:00:00Z`) - Date.parse(`${window.from}T00:00:00Z`)) / 86_400_000 + 1;
  return days <= 14 ? 'day' : days <= 92 ? 'week' : 'month';
}

/** The range a metric's value can take (the trend's value axis), as the dashboard's TrendPanel uses. */
function metricLimits(q: QuestionDef): { min: number; max: number } {
  if (q.metric === 'nps' || q.type === 'nps') return { min: -100, max: 100 };
  if (q.metric === 'csat') return { min: 0, max: 100 };
  return { min: q.scale?.min ?? 0, max: q.scale?.max ?? 10 };
}

/**
 * Builds the report of `definition` as `principal` sees it (their locations only).
 * @throws forbidden (the principal may not read analytics), not_found (survey or location), validation
 */
export async function buildReport(pool: pg.Pool, principal: Principal, definition: ReportDefinition, options: BuildOptions): Promise<ReportModel> {
  if (!can(principal, 'metrics.read')) throw new DomainError('forbidden', 'Your role does not allow reading analytics');
  const org = await getOrgSettings(pool, principal.orgId);
  if (!org) throw new DomainError('not_found', 'Organisation not found');
  const now = options.today ? new Date(`${options.today}T12:00:00Z`) : new Date();
  const today = options.today ?? orgToday(org.timezone, now);
  const window = windowOf(definition.period, today);
  const survey = await surveyOf(pool, principal, definition.surveyId);
  const filters = definition.filters;
  const [ctx, previousCtx] = await Promise.all([
    analyticsContext(pool, principal, { ...filters, from: window.from, to: window.to }),
    analyticsContext(pool, principal, { ...filters, from: window.previous.from, to: window.previous.to }),
  ]);
  const location = filters.location ? await locationInScope(pool, principal, filters.location) : null;
  const question = mainQuestion(survey.questions.filter((q) => q.id));
  const input: BuildInput = { pool, principal, definition, survey, ctx, previousCtx, window, question, now };
  const sections: ReportSectionData[] = [];
  for (const kind of definition.sections) sections.push(await buildSection(kind, input));
  const model: ReportModel = {
    title: options.title ?? survey.name,
    surveyName: survey.name,
    window,
    filters: { ...filters, ...(location ? { locationName: location.name } : {}) },
    audience: 'internal',
    builtOn: today,
    sections,
  };
  return options.audience === 'shared' ? hideSmallGroups(model) : model;
}

async function buildSection(kind: ReportDefinition['sections'][number], input: BuildInput): Promise<ReportSectionData> {
  switch (kind) {
    case 'kpis':
      return kpisSection(input);
    case 'trend':
      return trendSection(input);
    case 'breakdown':
      return breakdownSection(input);
    default:
      return buildExtraSection(kind, input);
  }
}

/** Each rated question's headline figure for the window and the previous one, and the change with its test. */
async function kpisSection({ pool, survey, ctx, previousCtx }: BuildInput): Promise<ReportSectionData> {
  const [now, before] = await Promise.all([getSurveySummary(pool, ctx, survey), getSurveySummary(pool, previousCtx, survey)]);
  const items: ReportKpi[] = [];
  for (const q of now.questions) {
    if (!isScored(q) || (q.archived && !q.result?.n)) continue;
    const def = survey.questions.find((x) => x.id === q.questionId)!;
    const prev = before.questions.find((x) => x.questionId === q.questionId)?.result ?? null;
    const cur = q.result;
    const change = cur && prev && cur.n > 0 && prev.n > 0 ? changeForQuestion(def, cur, prev) : null;
    items.push({
      questionId: q.questionId,
      key: q.key,
      metric: cur?.metric ?? 'rating',
      text: q.text,
      current: figureOf(cur),
      previous: figureOf(prev),
      change: change ? { diff: change.diff, p: change.pValue, significant: change.significant } : null,
    });
  }
  if (now.csi) {
    const { breakdown: _b, ...csi } = now.csi;
    const prevCsi = before.csi ? (({ breakdown: _p, ...rest }) => rest)(before.csi) : null;
    items.push({ questionId: 'csi', key: 'csi', metric: 'csi', text: {}, current: figureOf(csi), previous: figureOf(prevCsi), change: null });
  }
  return { kind: 'kpis', empty: items.every((k) => !k.current.result?.n), items };
}

/** The main question's trend over the window, by the step trendInterval picks. */
async function trendSection({ pool, ctx, question, window, now }: BuildInput): Promise<ReportSectionData> {
  const interval = trendInterval(window);
  if (!question) return { kind: 'trend', empty: true, questionText: {}, metric: 'rating', interval, limits: { min: 0, max: 10 }, points: [] };
  const trend = await getTrend(pool, ctx, question, interval, now);
  const points = trend.points.map((p) => ({ period: p.period, partial: p.partial, figure: figureOf(p.result) }));
  return {
    kind: 'trend',
    empty: points.every((p) => !p.figure.result?.n),
    questionText: question.text,
    metric: trend.points.find((p) => p.result)?.result?.metric ?? 'rating',
    interval,
    limits: metricLimits(question),
    points,
  };
}

/** The main question by the children of the report's location (or the caller's top locations). */
async function breakdownSection({ pool, principal, ctx, question, definition }: BuildInput): Promise<ReportSectionData> {
  if (!question) return { kind: 'breakdown', empty: true, questionText: {}, metric: 'rating', rows: [] };
  const b = await getBreakdown(pool, principal, ctx, question, { by: 'location', parent: definition.filters.location });
  const rows = b.rows.filter((r) => (r.result?.n ?? 0) > 0).map((r) => ({ key: r.key, label: r.label, figure: figureOf(r.result) }));
  return { kind: 'breakdown', empty: rows.length === 0, questionText: question.text, metric: rows[0]?.figure.result?.metric ?? 'rating', rows };
}
