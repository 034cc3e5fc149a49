/**
 * /app — what changed over a period (HomeSections, docs/home.md), then one card per survey with its headline metrics for a period (the survey dashboards' presets,
 * in the URL), or directions when there is nothing yet. Live surveys by default; closed and draft
 * ones behind a toggle. People limited to some locations do not get cards without responses there.
 */
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { qs } from '../api.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { Freshness } from './Freshness.tsx';
import { RangeFilter } from './FilterBar.tsx';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { DEFAULT_FILTERS, parseFilters, resolveRange, serializeFilters, type DashboardFilters } from './filters.ts';
import type { OverviewAnswer } from '../../core/api/analytics.ts';
import type { OverviewSurvey } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, MetricValue } from './ui.tsx';
import { MetricDetails } from './KpiTiles.tsx';
import { lazyPage } from '../shell/lazyPage.tsx';

/** "What changed" (docs/home.md): a chunk of its own with its messages, so the first view stays small. */
const HomeSections = lazyPage(() => import('../home/HomeSections.tsx'), 'HomeSections', { pageMessages: true });

// CSI before CSAT: a CSI survey's overall-satisfaction question is secondary to its index.
const HEADLINES = ['nps', 'csi', 'csat', 'ces'] as const;

export function OverviewPage() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  // Only the period applies here; the survey links carry it on to the dashboards.
  const filters = useMemo(() => {
    const f = parseFilters(params);
    return { ...DEFAULT_FILTERS, range: f.range, from: f.from, to: f.to };
  }, [params]);
  const today = useMemo(() => orgToday(me?.org.timezone, new Date()), [me?.org.timezone]);
  const setFilters = useCallback((patch: Partial<DashboardFilters>) => setParams((prev) => serializeFilters({ ...parseFilters(prev), ...patch })), [setParams]);
  const period = resolveRange(filters, today);
  const path = `/analytics/overview${qs(period)}`;
  const state = useLoad<OverviewAnswer>(path);
  const [showInactive, setShowInactive] = useState(false);
  const limited = me?.locationPaths !== null && me?.locationPaths !== undefined;
  const day = (d: string) => date(`${d}T00:00:00`);
  const periodText = period.from && period.to ? t('an.overview.period', { from: day(period.from), to: day(period.to) })
    : period.from ? t('an.overview.since', { from: day(period.from) }) : period.to ? t('an.overview.until', { to: day(period.to) }) : t('an.overview.allTime');
  const dashboardQuery = serializeFilters({ ...DEFAULT_FILTERS, range: filters.range, from: filters.from, to: filters.to }).toString();

  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={t('an.overview.title')} />
        <Freshness failed={!!state.error} refreshKey={path} />
      </div>
      <HomeSections />
      <form className="toolbar an-filters an-overview-filters" aria-label={t('an.filters.title')} onSubmit={(e) => e.preventDefault()}>
        <RangeFilter filters={filters} setFilters={setFilters} today={today} />
        <p className="muted" data-testid="overview-period" aria-live="polite">{periodText}</p>
      </form>
      <Loadable state={state} height={220}>
        {(d) => {
          if (d.surveys.length === 0) return <EmptyOverview />;
          // Someone who sees only some locations has no use for cards of surveys nobody answered there.
          const relevant = limited ? d.surveys.filter((s) => s.responses > 0) : d.surveys;
          const live = relevant.filter((s) => s.status === 'live');
          const inactive = relevant.length - live.length;
          const shown = showInactive ? relevant : live;
          return (
            <>
              {shown.length === 0 ? <p className="muted" data-testid="overview-none">{t(limited ? 'an.overview.noneHere' : 'an.overview.noneLive')}</p> : (
                <ul className="grid an-cards" aria-label={t('an.overview.list')}>
                  {shown.map((s) => <SurveyCard key={s.surveyId} survey={s} query={dashboardQuery} />)}
                </ul>
              )}
              {inactive > 0 && (
                <label className="check an-inactive-toggle">
                  <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
                  {t('an.overview.showInactive', { n: inactive })}
                </label>
              )}
            </>
          );
        }}
      </Loadable>
    </div>
  );
}

function SurveyCard({ survey, query }: { survey: OverviewSurvey; query: string }) {
  const { t } = useI18n();
  const metrics = HEADLINES.filter((m) => survey.metrics[m]);
  return (
    <li className="card an-survey-card" data-testid="overview-card">
      <h2><Link to={`/app/surveys/${encodeURIComponent(survey.surveyId)}${query ? `?${query}` : ''}`}>{survey.name}</Link></h2>
      <p className="muted">
        <span className={`badge status-${survey.status}`}>{t(`an.status.${survey.status}`)}</span>{' '}
        {t('an.overview.responses', { n: survey.responses })}
      </p>
      {metrics.length === 0 ? <p className="muted">{t('an.overview.noMetrics')}</p> : (
        <dl className="an-headlines">
          {metrics.map((m) => (
            <div key={m}>
              <dt>{t(`an.metric.${m}`)}</dt>
              <dd><MetricValue result={survey.metrics[m]} /><MetricDetails result={survey.metrics[m]} /></dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

function EmptyOverview() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="card an-empty">
      <h2>{t('an.overview.emptyTitle')}</h2>
      <p>{t('an.overview.emptyText')}</p>
      {can('survey.create') && <p><Link className="button" to="/app/surveys/new">{t('an.overview.create')}</Link></p>}
      <p className="muted" data-testid="demo-hint">{t('an.overview.demoHint')} <code dir="ltr">npx sarafan demo</code></p>
    </div>
  );
}
