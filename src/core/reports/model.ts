/**
 * @module The plain data of a built report (docs/reports.md): what src/server/reports/build.ts reads from the
 * same functions the dashboard's routes use, and what src/server/reports/render.ts turns into HTML or a PDF.
 * Language-independent: numbers, days and the survey's own texts (localized at render time). Every figure keeps
 * its n and 95% interval; `hideSmallGroups` blanks the figures of groups under HIDDEN_BELOW_N answers for
 * shared views (public links, embeds, reports sent outside). Pure.
 */
import type { ReportWindow } from './period.ts';
import type { ReportFilters } from '../api/reports.ts';
import { HIDDEN_BELOW_N, type MetricName, type MetricResult } from '../stats/result.ts';
import type { LocalizedText } from '../surveys/types.ts';

/** Who the report is built for: `shared` hides small groups (public links, embeds). */
export type ReportAudience = 'internal' | 'shared';

/** A figure of the report: a metric result, and whether it was blanked because its group is under 5 answers. */
export interface ReportFigure {
  result: MetricResult | null;
  /** True when `result`'s value and interval were removed (n < HIDDEN_BELOW_N in a shared report). */
  hidden: boolean;
}

/** The change of a KPI against the previous window: diff = current - previous; `significant` per the metric's test. */
export interface ReportChange {
  diff: number | null;
  p: number | null;
  significant: boolean;
}

export interface ReportKpi {
  questionId: string;
  key: string;
  metric: MetricName | 'rating';
  text: LocalizedText;
  current: ReportFigure;
  previous: ReportFigure;
  /** Null when either side has no answers or is hidden. */
  change: ReportChange | null;
}

export interface TrendPointData {
  period: string;
  partial: boolean;
  figure: ReportFigure;
}

export interface BreakdownRowData {
  key: string;
  label: string;
  figure: ReportFigure;
}

export interface DriverData {
  key: string;
  text: LocalizedText;
  importance: number;
  performance: number;
  performanceN: number;
}

export interface ThemeCount {
  theme: string;
  n: number;
  /** n < HIDDEN_BELOW_N in a shared report: the count is not shown. */
  hidden: boolean;
}

export interface CommentSample {
  day: string;
  text: string;
  score: number | null;
}

/**
 * One section's data. `empty` is set when the section has nothing to show (no answers, no cases ...);
 * the renderer then says so in the report's language.
 */
export type ReportSectionData =
  | { kind: 'kpis'; empty: boolean; items: ReportKpi[] }
  | { kind: 'trend'; empty: boolean; questionText: LocalizedText; metric: MetricName | 'rating'; interval: 'day' | 'week' | 'month'; limits: { min: number; max: number }; points: TrendPointData[] }
  | { kind: 'breakdown'; empty: boolean; questionText: LocalizedText; metric: MetricName | 'rating'; rows: BreakdownRowData[] }
  | { kind: 'drivers'; empty: boolean; n: number; drivers: DriverData[] }
  | { kind: 'themes'; empty: boolean; themes: ThemeCount[] }
  | { kind: 'comments'; empty: boolean; comments: CommentSample[] }
  | { kind: 'cases'; empty: boolean; open: number; overdue: number; rootCauses: Array<{ name: LocalizedText; n: number }> }
  | { kind: 'audits'; empty: boolean; worstItems: Array<{ key: string; text: LocalizedText | string | null; failRate: number | null; score: number | null; n: number }> }
  | { kind: 'support'; empty: boolean; kpis: SupportKpiFigure[] };

/** A support KPI over the window's contacts (`n`): a rate in percent, a median time in minutes, or a count. */
export interface SupportKpiFigure {
  key: 'contacts' | 'first_response_median' | 'resolution_median' | 'one_touch_rate' | 'repeat_contact_rate' | 'reopen_rate';
  value: number | null;
  n: number;
  unit: 'percent' | 'minutes' | 'count';
}

export interface ReportModel {
  /** The report's title (a template's name, or the survey's name for a one-off download). */
  title: string;
  surveyName: string;
  window: ReportWindow;
  filters: ReportFilters & { locationName?: string };
  audience: ReportAudience;
  /** The organisation's day the report was built on. */
  builtOn: string;
  sections: ReportSectionData[];
}

/** A figure from a result (null when the question has no result). */
export function figureOf(result: MetricResult | null): ReportFigure {
  return { result, hidden: false };
}

/** Whether a figure's group is too small to be shown in a shared report. */
function isSmall(f: ReportFigure): boolean {
  return !!f.result && f.result.n < HIDDEN_BELOW_N;
}

/** The figure with its value, interval, SE and details removed when its group has fewer than 5 answers. */
export function hideSmallFigure(f: ReportFigure): ReportFigure {
  if (!isSmall(f) || !f.result) return f;
  const { details: _details, ...rest } = f.result;
  return { result: { ...rest, value: null, ci95: null, se: null, hiddenInSharedReports: true }, hidden: true };
}

function hideSection(s: ReportSectionData): ReportSectionData {
  switch (s.kind) {
    case 'kpis':
      return {
        ...s,
        items: s.items.map((k) => {
          const current = hideSmallFigure(k.current);
          const previous = hideSmallFigure(k.previous);
          return { ...k, current, previous, change: current.hidden || previous.hidden ? null : k.change };
        }),
      };
    case 'trend':
      return { ...s, points: s.points.map((p) => ({ ...p, figure: hideSmallFigure(p.figure) })) };
    case 'breakdown':
      return { ...s, rows: s.rows.map((r) => ({ ...r, figure: hideSmallFigure(r.figure) })) };
    case 'drivers':
      // Driver weights come from every response together; too few of them and the section is empty.
      return s.n < HIDDEN_BELOW_N ? { ...s, empty: true, drivers: [] } : s;
    case 'themes':
      return { ...s, themes: s.themes.map((t) => (t.n < HIDDEN_BELOW_N ? { ...t, n: 0, hidden: true } : t)) };
    case 'audits':
      return { ...s, worstItems: s.worstItems.filter((i) => i.n >= HIDDEN_BELOW_N) };
    case 'support':
      return { ...s, kpis: s.kpis.map((k) => (k.n < HIDDEN_BELOW_N ? { ...k, value: null } : k)) };
    default:
      return s;
  }
}

/**
 * The model for a shared view: every figure and group with fewer than 5 answers (HIDDEN_BELOW_N, METRICS.md
 * "Small samples") keeps its n but loses its value and interval and is marked hidden; a KPI's change is
 * dropped when either period is hidden; theme counts under 5 are hidden. Idempotent.
 */
export function hideSmallGroups(model: ReportModel): ReportModel {
  return { ...model, audience: 'shared', sections: model.sections.map(hideSection) };
}
