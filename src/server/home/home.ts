/**
 * GET /api/v1/home (docs/home.md): what changed in the caller's locations over a period rule against the period
 * before it. Reads go through the features' own db functions (analytics histograms, comment themes, case metrics,
 * audit items, support KPIs); the rules (changes and their tests, movers, grown themes) are src/core's.
 */
import type pg from 'pg';
import { benchmarkScope, can, type Principal } from '../../core/access/index.ts';
import { changeForQuestion, histogramOf, metricForQuestion } from '../../core/analytics/metrics.ts';
import type { HomeAnswer, HomeHeadline, HomeMover, HomeQueryT, HomeSupportFigures } from '../../core/api/home.ts';
import { textIn } from '../../core/audits/checklist.ts';
import { worstItems } from '../../core/audits/results.ts';
import { MIN_BENCHMARK_LOCATIONS } from '../../core/compare/sides.ts';
import { selectMovers, type LocationChange } from '../../core/home/movers.ts';
import { grownThemes, sumThemeCounts } from '../../core/home/themes.ts';
import { reportWindow } from '../../core/reports/period.ts';
import type { MetricResult } from '../../core/stats/index.ts';
import type { SupportKpis } from '../../core/support/kpis.ts';
import type { QuestionDef } from '../../core/surveys/types.ts';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { getItemRows } from '../../db/audits/results.ts';
import { getCaseMetricRows } from '../../db/cases/caseMetrics.ts';
import type { SourceContext, SourceKind } from '../../db/queries/analyticsSource.ts';
import { getHistograms, type HistogramRow } from '../../db/queries/getHistograms.ts';
import { getLocationHistograms } from '../../db/queries/getLocationHistograms.ts';
import { getResponseCounts } from '../../db/queries/getResponseCounts.ts';
import { listLocationNodes } from '../../db/queries/listLocationNodes.ts';
import { listSurveyMetricQuestions, type SurveyMetricQuestions } from '../../db/queries/listSurveyMetricQuestions.ts';
import { getSupportKpis } from '../../db/support/kpiQueries.ts';
import { countThemesByMonth, listAnalysedComments } from '../../db/text/commentAnalysis.ts';
import { listOrgThemes } from '../../db/text/orgThemes.ts';
import { listPinnedViews } from '../../db/savedViews/savedViews.ts';
import { notFound } from '../../http/errors.ts';
import { analyticsContext } from '../analytics/context.ts';

const HEADLINE_METRICS = ['nps', 'csat', 'ces'] as const;
type Headline = (typeof HEADLINE_METRICS)[number];
/** Worst audit items shown. */
const AUDIT_ITEMS = 5;
/** The repeat-contact window of the support KPIs on the home page (the support dashboard's default). */
const REPEAT_DAYS = 7;

/** Histograms of one question (summed over any grouping). */
function rowsOf(rows: readonly HistogramRow[], questionId: string): HistogramRow[] {
  return rows.filter((r) => r.questionId === questionId);
}

/** The survey's headline questions in the overview's order. */
function headlineQuestions(s: SurveyMetricQuestions): Array<[Headline, QuestionDef]> {
  return HEADLINE_METRICS.flatMap((m) => (s.questions[m] ? [[m, s.questions[m]] as [Headline, QuestionDef]] : []));
}

/** Everything the home page shows, for `principal` on the organisation-local day of `now`. @throws not_found (a survey not the organisation's) */
export async function getHome(pool: pg.Pool, principal: Principal, q: HomeQueryT, now: Date): Promise<HomeAnswer> {
  const base = await analyticsContext(pool, principal, {});
  const today = orgToday(base.timezone, now);
  const w = reportWindow(q.period, today);
  const cur: SourceContext = { ...base, filter: { ...base.filter, from: w.from, to: w.to } };
  const prev: SourceContext = { ...base, filter: { ...base.filter, from: w.previous.from, to: w.previous.to } };
  const limited = principal.locationPaths !== null;
  const company = limited ? benchmarkScope(principal) : null;

  const surveys = await listSurveyMetricQuestions(pool, principal.orgId);
  if (q.survey && !surveys.some((s) => s.id === q.survey)) throw notFound('Survey not found');
  const questionIds = surveys.flatMap((s) => headlineQuestions(s).map(([, x]) => x.id!));
  const surveyIds = surveys.map((s) => s.id);
  const [hCur, hPrev, hCompany, nCur, nPrev] = await Promise.all([
    getHistograms(pool, cur, { questionIds, groupBy: 'location' }),
    getHistograms(pool, prev, { questionIds }),
    company ? getHistograms(pool, { ...cur, scope: company }, { questionIds, groupBy: 'location' }) : null,
    getResponseCounts(pool, cur, surveyIds),
    getResponseCounts(pool, prev, surveyIds),
  ]);
  const sources: SourceKind[] = [hCur.source, hPrev.source, nCur.source, nPrev.source, ...(hCompany ? [hCompany.source] : [])];

  const headlineOf = (m: Headline, question: QuestionDef): HomeHeadline => {
    const own = rowsOf(hCur.rows, question.id!);
    const current = metricForQuestion(question, histogramOf(own))!;
    const previous = metricForQuestion(question, histogramOf(rowsOf(hPrev.rows, question.id!)))!;
    return { metric: m, questionId: question.id!, current, previous, change: changeForQuestion(question, current, previous), company: hCompany ? companyFigure(question, own, rowsOf(hCompany.rows, question.id!)) : null };
  };
  const shown = surveys
    .map((s) => ({ s, responses: nCur.counts.get(s.id) ?? 0, previousResponses: nPrev.counts.get(s.id) ?? 0 }))
    // Someone limited to some locations has no use for surveys nobody answered there (as the overview).
    .filter((x) => !limited || x.responses + x.previousResponses > 0);

  const focusSurvey = q.survey
    ? shown.find((x) => x.s.id === q.survey) ?? { s: surveys.find((s) => s.id === q.survey)!, responses: 0, previousResponses: 0 }
    : [...shown].sort((a, b) => b.responses - a.responses || b.previousResponses - a.previousResponses)[0];
  const focusPair = focusSurvey && focusSurvey.responses + focusSurvey.previousResponses > 0 ? headlineQuestions(focusSurvey.s)[0] : undefined;
  const focus = focusSurvey && focusPair ? { surveyId: focusSurvey.s.id, name: focusSurvey.s.name, questionId: focusPair[1].id!, metric: focusPair[0] } : null;

  const timeZone = base.timezone;
  const [movers, themes, cases, audits, support] = await Promise.all([
    focusPair ? moversOf(pool, principal, cur, prev, focusPair[1]) : { up: [], down: [] },
    focus && can(principal, 'response.read') ? themesOf(pool, cur, prev, focus.surveyId) : null,
    can(principal, 'case.read') ? getCaseMetricRows(pool, cur.scope, { from: w.from, to: w.to, timeZone }, now, 'month') : null,
    can(principal, 'audit.read') ? getItemRows(pool, cur.scope, { from: w.from, to: w.to, timeZone }) : null,
    Promise.all([
      getSupportKpis(pool, cur.scope, { from: w.from, to: w.to, timeZone, repeatDays: REPEAT_DAYS, now }),
      getSupportKpis(pool, cur.scope, { ...w.previous, timeZone, repeatDays: REPEAT_DAYS, now }),
    ]),
  ]);

  return {
    period: q.period,
    window: { from: w.from, to: w.to },
    previous: w.previous,
    limited,
    source: sources.includes('raw') ? 'raw' : 'rollup',
    surveys: shown.map(({ s, responses, previousResponses }) => ({
      surveyId: s.id, name: s.name, status: s.status, responses, previousResponses,
      headlines: headlineQuestions(s).map(([m, question]) => headlineOf(m, question)),
    })),
    focus,
    movers,
    themes,
    cases: cases ? { open: cases.open, overdue: cases.overdue, created: cases.created, resolved: cases.resolved } : null,
    audits: audits ? {
      items: worstItems(audits).filter((i) => i.failed > 0).slice(0, AUDIT_ITEMS).map((i) => ({
        checklistId: i.checklistId, checklistName: i.checklistName, key: i.key, text: (i.text && textIn(i.text, q.lang)) || i.key,
        critical: i.critical, applicable: i.applicable, failed: i.failed, failRate: i.failRate,
      })),
    } : null,
    support: support[0].kpis.contacts + support[1].kpis.contacts > 0 ? { current: supportFigures(support[0].kpis), previous: supportFigures(support[1].kpis) } : null,
    pinned: await listPinnedViews(pool, principal),
  };
}

/**
 * The whole organisation's figure as one benchmark number: only when locations other than the caller's pooled
 * at least MIN_BENCHMARK_LOCATIONS, so it never gives away one other store's figure.
 */
function companyFigure(question: QuestionDef, own: readonly HistogramRow[], all: readonly HistogramRow[]): MetricResult | null {
  const mine = new Set(own.map((r) => r.key));
  const others = new Set(all.filter((r) => !mine.has(r.key)).map((r) => r.key));
  if (others.size < MIN_BENCHMARK_LOCATIONS) return null;
  return metricForQuestion(question, histogramOf(all));
}

/** Leaf locations in scope with their change on `question`, then the significant movers. */
async function moversOf(pool: pg.Pool, principal: Principal, cur: SourceContext, prev: SourceContext, question: QuestionDef): Promise<{ up: HomeMover[]; down: HomeMover[] }> {
  const nodes = await listLocationNodes(pool, cur.scope, { leaf: true });
  if (nodes.length === 0) return { up: [], down: [] };
  const [a, b] = await Promise.all([
    getLocationHistograms(pool, cur, [question.id!], nodes, { leaf: true }),
    getLocationHistograms(pool, prev, [question.id!], nodes, { leaf: true }),
  ]);
  const rows: LocationChange[] = nodes.map((n) => {
    const current = metricForQuestion(question, histogramOf(a.rows.filter((r) => r.nodeId === n.id)))!;
    const previous = metricForQuestion(question, histogramOf(b.rows.filter((r) => r.nodeId === n.id)))!;
    return { id: n.id, name: n.name, current, previous, change: changeForQuestion(question, current, previous) };
  });
  const { up, down } = selectMovers(rows);
  const out = (r: LocationChange): HomeMover => ({ locationId: r.id, name: r.name, current: r.current!, previous: r.previous!, change: r.change! });
  return { up: up.map(out), down: down.map(out) };
}

/** The focus survey's themes that grew: theme counts and comment totals of both periods. */
async function themesOf(pool: pg.Pool, cur: SourceContext, prev: SourceContext, surveyId: string) {
  const f = { surveyId, mainQuestionId: null };
  const page = { limit: 1, offset: 0 };
  const [tc, tp, cc, cp, dictionary] = await Promise.all([
    countThemesByMonth(pool, cur, f), countThemesByMonth(pool, prev, f), listAnalysedComments(pool, cur, f, page), listAnalysedComments(pool, prev, f, page),
    listOrgThemes(pool, cur.scope.orgId),
  ]);
  const names = new Map(dictionary.map((d) => [d.id, d.names as Record<string, string>]));
  return grownThemes(sumThemeCounts(tc), cc.total, sumThemeCounts(tp), cp.total).map((g) => ({ ...g, names: names.get(g.theme) ?? {} }));
}

function supportFigures(k: Pick<SupportKpis, keyof HomeSupportFigures>): HomeSupportFigures {
  return {
    contacts: k.contacts, first_response_median_s: k.first_response_median_s, reopen_rate: k.reopen_rate, one_touch_rate: k.one_touch_rate,
    repeat_contact_rate: k.repeat_contact_rate, complaints: k.complaints,
  };
}
