/** The survey's views side by side: its dashboard and its responses (filters carried along). */
import { NavLink, useSearchParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { parseFilters, serializeFilters } from '../analytics/filters.ts';
import { useSession } from '../shell/session.tsx';
import './surveyTabs.css';

export function SurveyTabs({ surveyId }: { surveyId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [params] = useSearchParams();
  // Only the shared filters travel: paging and search belong to the responses view.
  const filters = serializeFilters(parseFilters(params)).toString();
  const suffix = filters ? `?${filters}` : '';
  const base = `/app/surveys/${encodeURIComponent(surveyId)}`;
  // A role without response.read (viewer) has no responses tab; the drop-off view needs metrics.read like the dashboard.
  const responses = can('response.read');
  const dropoff = can('metrics.read');
  if (!responses && !dropoff) return null;
  return (
    <nav className="rs-tabs" aria-label={t('rs.tabs')}>
      <NavLink end to={`${base}${suffix}`}>{t('rs.tab.dashboard')}</NavLink>
      {responses && <NavLink end to={`${base}/responses${suffix}`} data-testid="tab-responses">{t('rs.tab.responses')}</NavLink>}
      {dropoff && <NavLink end to={`${base}/dropoff`} data-testid="tab-dropoff">{t('rs.tab.dropoff')}</NavLink>}
    </nav>
  );
}
