/**
 * The dashboard's current view as a report definition to share (docs/sharing.md): its survey, its filters and its
 * period as fixed days (a rolling preset becomes the days it covers today; "all time" shares the last 12 months). Pure.
 */
import { presetRange, type CalendarDay } from '../../core/time/orgCalendar.ts';
import type { DashboardFilters } from '../analytics/filters.ts';

export interface SharedViewDefinition {
  surveyId: string;
  sections: ('kpis' | 'trend' | 'breakdown')[];
  filters: { location?: string; channel?: string; language?: string; dim?: string; sentiment?: string };
  period: { from: string; to: string };
}

export function viewDefinition(surveyId: string, f: DashboardFilters, today: CalendarDay): SharedViewDefinition {
  const period = f.range === 'custom' && f.from && f.to ? { from: f.from, to: f.to } : presetRange(f.range === 'custom' || f.range === 'all' ? '12m' : f.range, today);
  const filters: SharedViewDefinition['filters'] = {};
  if (f.location) filters.location = f.location;
  if (f.channel) filters.channel = f.channel;
  if (f.language) filters.language = f.language;
  if (f.dim) filters.dim = f.dim;
  if (f.sentiment) filters.sentiment = f.sentiment;
  return { surveyId, sections: ['kpis', 'trend', 'breakdown'], filters, period };
}
