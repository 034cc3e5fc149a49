/**
 * What a page about one survey loads to show the dashboard's filters and panels: the survey, the
 * organisation's dimensions, the locations and the summary in the filters, combined into the
 * DashboardContext once all have arrived (null until then). Used by the dashboard and the responses view.
 */
import type { Loaded } from '../components/useLoad.ts';
import { useLoad } from '../components/useLoad.ts';
import { analyticsPath, pickQuestion, ratedQuestions, type DashboardContext } from './dashboard.ts';
import type { DashboardFilters } from './filters.ts';
import type { Location, Summary, SurveyDef } from './types.ts';

export function useSurveyContext(
  id: string,
  filters: DashboardFilters,
  today: DashboardContext['today'],
  setFilters: DashboardContext['setFilters'],
): { surveyState: Loaded<{ survey: SurveyDef }>; summaryState: Loaded<Summary>; ctx: DashboardContext | null } {
  const surveyState = useLoad<{ survey: SurveyDef }>(`/surveys/${encodeURIComponent(id)}`);
  const org = useLoad<{ dimensions?: string[] }>('/org');
  const locs = useLoad<{ locations: Location[] }>('/locations');
  const summaryState = useLoad<Summary>(analyticsPath({ filters, today }, `/surveys/${encodeURIComponent(id)}/analytics/summary`));
  const survey = surveyState.data?.survey;
  const summary = summaryState.data;
  const rated = summary ? ratedQuestions(summary) : [];
  const ctx: DashboardContext | null = survey && summary ? {
    surveyId: id, survey, filters, setFilters, today,
    locations: locs.data?.locations ?? [],
    dimensions: org.data?.dimensions ?? [],
    summary, rated, question: pickQuestion(rated, filters.question),
  } : null;
  return { surveyState, summaryState, ctx };
}
