/**
 * @module The report sections beyond KPIs, trend and breakdown: drivers, themes, comments, cases, audits and
 * support, each read through the same functions the dashboard's own pages use, over the caller's scope, the
 * report's window and its location filter (docs/reports.md). A section the caller's role may not read, or
 * without data, comes out empty (the report says so).
 */
import { can, scopeOf } from '../../core/access/index.ts';
import type { ReportDefinition } from '../../core/api/reports.ts';
import { paretoOf } from '../../core/closedLoop/caseMetrics.ts';
import { worstItems } from '../../core/audits/results.ts';
import { DomainError } from '../../core/errors.ts';
import type { ReportSectionData, SupportKpiFigure } from '../../core/reports/model.ts';
import { scrubContacts } from '../../core/text/scrubContacts.ts';
import { getItemRows } from '../../db/audits/results.ts';
import { getCaseMetricRows, getRootCauseRows } from '../../db/cases/caseMetrics.ts';
import { getSupportKpis } from '../../db/support/kpiQueries.ts';
import { countThemesByMonth } from '../../db/text/commentAnalysis.ts';
import { getDrivers } from '../analytics/drivers.ts';
import { commentFilter, getTextComments } from '../text/commentViews.ts';
import type { BuildInput } from './build.ts';

type ExtraKind = Exclude<ReportDefinition['sections'][number], 'kpis' | 'trend' | 'breakdown'>;

/** Comments a report shows at most (the newest in the window). */
export const REPORT_COMMENTS = 20;
/** Themes, root causes and audit items a report lists at most. */
const TOP = 10;

/** The data of one of the other sections. */
export async function buildExtraSection(kind: ExtraKind, input: BuildInput): Promise<ReportSectionData> {
  switch (kind) {
    case 'drivers':
      return driversSection(input);
    case 'themes':
      return themesSection(input);
    case 'comments':
      return commentsSection(input);
    case 'cases':
      return casesSection(input);
    case 'audits':
      return auditsSection(input);
    case 'support':
      return supportSection(input);
  }
}

/** Key drivers of the main question (GET /surveys/:id/analytics/drivers); too few responses: empty. */
async function driversSection({ pool, ctx, survey, question }: BuildInput): Promise<ReportSectionData> {
  const empty = { kind: 'drivers' as const, empty: true, n: 0, drivers: [] };
  if (!question) return empty;
  try {
    const d = await getDrivers(pool, ctx, survey, question);
    const byId = new Map(survey.questions.map((q) => [q.id, q]));
    return {
      kind: 'drivers', empty: d.drivers.length === 0, n: d.n,
      drivers: d.drivers.map((x) => ({ key: x.name, text: byId.get(x.questionId)?.text ?? {}, importance: x.importance, performance: x.performance, performanceN: x.performanceN })),
    };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'insufficient_data') return empty;
    throw err;
  }
}

/** Comment themes counted over the window (the comments page's theme counts, summed over months). */
async function themesSection({ pool, ctx, survey, principal }: BuildInput): Promise<ReportSectionData> {
  if (!can(principal, 'response.read')) return { kind: 'themes', empty: true, themes: [] };
  const rows = await countThemesByMonth(pool, ctx, commentFilter(survey, {}));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.theme, (totals.get(r.theme) ?? 0) + r.n);
  const themes = [...totals].map(([theme, n]) => ({ theme, n, hidden: false })).sort((a, b) => b.n - a.n || a.theme.localeCompare(b.theme)).slice(0, TOP);
  return { kind: 'themes', empty: themes.length === 0, themes };
}

/** The newest comments, only when the report includes them, contact details removed. */
async function commentsSection({ pool, ctx, survey, principal, definition }: BuildInput): Promise<ReportSectionData> {
  if (!definition.includeComments || !can(principal, 'response.read')) return { kind: 'comments', empty: true, comments: [] };
  const page = await getTextComments(pool, ctx, survey, { limit: REPORT_COMMENTS, offset: 0 });
  const comments = page.comments.map((c) => ({ day: c.submittedAt.slice(0, 10), text: scrubContacts(c.text), score: c.score }));
  return { kind: 'comments', empty: comments.length === 0, comments };
}

/** Open and overdue cases now and the top root causes of the window's cases (the closed-loop reports). */
async function casesSection({ pool, principal, ctx, window, now }: BuildInput): Promise<ReportSectionData> {
  if (!can(principal, 'case.read')) return { kind: 'cases', empty: true, open: 0, overdue: 0, rootCauses: [] };
  const filter = { from: window.from, to: window.to, locationPath: ctx.filter.locationPath, timeZone: ctx.timezone };
  const scope = scopeOf(principal);
  const [m, causes] = await Promise.all([getCaseMetricRows(pool, scope, filter, now, 'week'), getRootCauseRows(pool, scope, filter)]);
  const rootCauses = paretoOf(causes).slice(0, TOP).map((c) => ({ name: c.name, n: c.count }));
  return { kind: 'cases', empty: m.open === 0 && m.overdue === 0 && m.created === 0 && rootCauses.length === 0, open: m.open, overdue: m.overdue, rootCauses };
}

/** The worst audit items of the window (the audit results' item ranking). */
async function auditsSection({ pool, principal, ctx, window }: BuildInput): Promise<ReportSectionData> {
  if (!can(principal, 'audit.read')) return { kind: 'audits', empty: true, worstItems: [] };
  const rows = worstItems(await getItemRows(pool, scopeOf(principal), { from: window.from, to: window.to, locationPath: ctx.filter.locationPath, timeZone: ctx.timezone }));
  const items = rows.filter((r) => r.applicable > 0).slice(0, TOP).map((r) => ({ key: r.key, text: r.text, failRate: r.failRate, score: r.score, n: r.applicable }));
  return { kind: 'audits', empty: items.length === 0, worstItems: items };
}

/** Support KPIs of the window's contacts (GET /support/kpis), when the organisation has support data. */
async function supportSection({ pool, principal, ctx, window, now }: BuildInput): Promise<ReportSectionData> {
  const { kpis: k } = await getSupportKpis(pool, scopeOf(principal), {
    from: window.from, to: window.to, locationPath: ctx.filter.locationPath, timeZone: ctx.timezone, repeatDays: 7, now,
  });
  const n = k.contacts;
  const pct = (v: number | null) => (v === null ? null : v * 100);
  const min = (v: number | null) => (v === null ? null : v / 60);
  const kpis: SupportKpiFigure[] = [
    { key: 'contacts', value: n, n, unit: 'count' },
    { key: 'first_response_median', value: min(k.first_response_median_s), n, unit: 'minutes' },
    { key: 'resolution_median', value: min(k.resolution_median_s), n, unit: 'minutes' },
    { key: 'one_touch_rate', value: pct(k.one_touch_rate), n, unit: 'percent' },
    { key: 'repeat_contact_rate', value: pct(k.repeat_contact_rate), n, unit: 'percent' },
    { key: 'reopen_rate', value: pct(k.reopen_rate), n, unit: 'percent' },
  ];
  return { kind: 'support', empty: n === 0, kpis };
}
