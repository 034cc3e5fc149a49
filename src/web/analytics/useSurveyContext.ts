/**
 * What a page about one survey loads to show the dashboard's filters and panels: the survey, the
 * organisation's dimensions, the locations and the summary in the filters, combined into the
 * DashboardContext once all have arrived (null until then, and null while the summary fails: the
 * previous answer belongs to other filters). The filter bar's context needs only the survey, so the
 * filters stay usable when the summary fails. Used by the dashboard and the responses view.
 */
import type { Loaded } from '../components/useLoad.ts';
import { useLoad } from '../components/useLoad.ts';
import { analyticsPath, pickQuestion, type DashboardContext } from './dashboard.ts';
import { ratedQuestions } from '../../core/analytics/metrics.ts';
import type { FilterBarContext } from './FilterBar.tsx';
import type { DashboardFilters } from './filters.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { OrgSettingsView } from '../../core/api/org.ts';
import type { SurveyDetailAnswer } from '../../core/api/surveys.ts';
import type { Summary, SurveyDef } from './types.ts';

export function useSurveyContext(
  id: string,
  filters: DashboardFilters,
  today: DashboardContext['today'],
  setFilters: DashboardContext['setFilters'],
): {
  surveyState: Loaded<{ survey: SurveyDef }>;
  summaryState: Loaded<Summary>;
  /** The summary's request path (changes with every filter change). */
  summaryPath: string;
  ctx: DashboardContext | null;
  barCtx: FilterBarContext | null;
} {
  const surveyState = useLoad<SurveyDetailAnswer>(`/surveys/${encodeURIComponent(id)}`);
  const org = useLoad<OrgSettingsView>('/org');
  const locs = useLoad<LocationsAnswer>('/locations');
  const summaryPath = analyticsPath({ filters, today }, `/surveys/${encodeURIComponent(id)}/analytics/summary`);
  const summaryState = useLoad<Summary>(summaryPath);
  const survey = surveyState.data?.survey;
  // A failed load keeps its previous answer in useLoad: those figures belong to other filters and
  // must not stay on screen under the new ones.
  const summary = summaryState.error ? null : summaryState.data;
  const rated = summary ? ratedQuestions(summary.questions) : [];
  const barCtx: FilterBarContext | null = survey ? {
    surveyId: id, survey, filters, setFilters, today,
    locations: locs.data?.locations ?? [],
    dimensions: org.data?.dimensions ?? [],
    question: summaryState.data ? pickQuestion(ratedQuestions(summaryState.data.questions), filters.question) : null,
  } : null;
  const ctx: DashboardContext | null = barCtx && summary ? { ...barCtx, summary, rated, question: pickQuestion(rated, filters.question) } : null;
  return { surveyState, summaryState, summaryPath, ctx, barCtx };
}
