/** What every panel of the survey dashboard gets from the page: the survey, its filters and lookups. */
import { qs } from '../api.ts';
import { mainQuestion } from '../../core/analytics/metrics.ts';
import { buildTree, treeOrder } from '../../core/locations/tree.ts';
import type { CalendarDay } from '../../core/time/orgCalendar.ts';
import { apiFilterParams, type DashboardFilters, type FilterPatch } from './filters.ts';
import type { Location, Summary, SummaryQuestion, SurveyDef } from './types.ts';

export interface DashboardContext {
  surveyId: string;
  survey: SurveyDef;
  filters: DashboardFilters;
  /** Replaces some filters (and writes them to the URL). */
  setFilters(patch: FilterPatch): void;
  /** The organisation's date (YYYY-MM-DD in its time zone) when the page opened; presets end on it. */
  today: CalendarDay;
  locations: Location[];
  dimensions: string[];
  summary: Summary;
  /** Rating and NPS questions (those with a score distribution). */
  rated: SummaryQuestion[];
  /** The question the trend, breakdown, comparison and drivers look at. */
  question: SummaryQuestion | null;
}

/** Analytics path with the common filters plus endpoint-specific parameters. */
export function analyticsPath(ctx: Pick<DashboardContext, 'filters' | 'today'>, path: string, extra: Record<string, string | number | undefined> = {}): string {
  return path + qs({ ...apiFilterParams(ctx.filters, ctx.today), ...extra });
}

/** The question a filter names, else the survey's main question (the server's choice, src/core/analytics/metrics.ts). */
export function pickQuestion(rated: SummaryQuestion[], wanted: string | undefined): SummaryQuestion | null {
  return (wanted ? rated.find((x) => x.questionId === wanted) : undefined) ?? mainQuestion(rated);
}

/** Chain from the top of the visible tree down to `id` (for the drill-down breadcrumb). */
export function locationChain(locations: Location[], id: string | undefined): Location[] {
  const byId = new Map(locations.map((l) => [l.id, l]));
  const chain: Location[] = [];
  let cur = id ? byId.get(id) : undefined;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    chain.unshift(cur);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return chain;
}

/**
 * Locations in tree order (parents before children, siblings by name) for an indented select; `depth`
 * counts from the visible tops (a manager's top node has a parent outside their scope). Competitor locations
 * are left out: they are audited, never a store of the customers' figures (docs/audits.md).
 */
export function locationTree(locations: Location[]): Location[] {
  return treeOrder(buildTree(locations.filter((l) => l.kind !== 'competitor'))).map(({ location, depth }) => ({ ...location, depth }));
}
