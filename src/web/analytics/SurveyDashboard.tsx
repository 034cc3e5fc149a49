/** /app/surveys/:id — the survey dashboard; all filters live in the URL so a link reproduces the view. */
import { useCallback, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { orgToday } from '../../core/time/orgCalendar.ts';
import type { DashboardContext } from './dashboard.ts';
import { useSurveyContext } from './useSurveyContext.ts';
import { parseFilters, queryAfterFilterPatch, type FilterPatch } from './filters.ts';
import { FilterBar } from './FilterBar.tsx';
import { Freshness } from './Freshness.tsx';
import { KpiTiles, CsiPanel } from './KpiTiles.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { BreakdownPanel } from './BreakdownPanel.tsx';
import { HeatTable } from './HeatTable.tsx';
import { DistributionPanel } from './DistributionPanel.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { DriversPanel } from './DriversPanel.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { TextPanels } from './TextPanels.tsx';
import { ErrorBox, Skeleton } from './ui.tsx';
import { localize } from '../../core/surveys/localize.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ResponseRateNote } from '../admin/invites/ResponseRateNote.tsx';
import { locationLabel } from './labels.ts';
import { SurveyTabs } from '../responses/SurveyTabs.tsx';
import { ViewsMenu } from './ViewsMenu.tsx';
import { ShareButton } from '../sharing/ShareDialog.tsx';
import { viewDefinition } from '../sharing/definition.ts';
import { DownloadPdf, viewReportDefinition } from './DownloadPdf.tsx';
import { SendViewButton } from '../reports/SendViewButton.tsx';
import { PartialNote } from './PartialNote.tsx';

export function SurveyDashboard() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const { me } = useSession();
  const timeZone = me?.org.timezone;
  // The organisation's date, not the browser's; fixed for the page's life (per zone) so that preset
  // ranges yield stable request paths.
  const today = useMemo(() => orgToday(timeZone, new Date()), [timeZone]);
  const setFilters = useCallback(
    (patch: FilterPatch) => setParams(() => queryAfterFilterPatch(patch), { replace: false }),
    [setParams],
  );
  const { surveyState, summaryState, summaryPath, ctx, barCtx } = useSurveyContext(id, filters, today, setFilters);

  if (surveyState.error && !surveyState.loading) {
    return <div className="an-page"><ErrorBox error={surveyState.error} onRetry={surveyState.reload} /><p><Link to="/app">{t('an.backToOverview')}</Link></p></div>;
  }
  const survey = surveyState.data?.survey;
  const locations = barCtx?.locations ?? [];
  const shownLocation = filters.location ? locations.find((l) => l.id === filters.location) : undefined;

  return (
    <div className="an-page">
      <div className="an-page-head">
        <PageTitle title={survey ? survey.name || localize(survey.title, 'en', survey.defaultLanguage) : t('an.dash.title')} />
        <Freshness failed={!!summaryState.error} refreshKey={summaryPath} />
        <div className="an-page-actions">
          <ViewsMenu surveyId={id} />
          {survey && <ShareButton definition={() => viewDefinition(id, filters, today)} defaultTitle={survey.name || localize(survey.title, 'en', survey.defaultLanguage)} />}
          <DownloadPdf surveyId={id} filters={filters} today={today} />
          {survey && <SendViewButton definition={() => viewReportDefinition(id, filters, today)} defaultTitle={survey.name || localize(survey.title, 'en', survey.defaultLanguage)} />}
        </div>
      </div>
      <SurveyTabs surveyId={id} />
      {barCtx ? <FilterBar ctx={barCtx} /> : <Skeleton height={64} />}
      {shownLocation && (
        <p className="an-scope-note" data-testid="location-scope">
          <span>{t('an.dash.showing', { name: locationLabel(shownLocation.name, shownLocation.code) })}</span>{' '}
          <button type="button" className="link-button" onClick={() => setFilters({ location: undefined, parent: undefined })}>{t('an.dash.allLocations')}</button>
        </p>
      )}
      {summaryState.error && <ErrorBox error={summaryState.error} onRetry={summaryState.reload} />}
      {summaryState.error ? null : !ctx ? <Skeleton height={480} /> : (
        <div aria-busy={summaryState.loading}>
          <p className="muted an-responses" data-testid="responses-count">
            {t('an.dash.responses', { n: ctx.summary.responses })}
            {ctx.summary.source === 'raw' && <> · <span title={t('an.dash.rawTitle')}>{t('an.dash.raw')}</span></>}
          </p>
          {survey && <PartialNote counted={survey.countPartial ?? false} />}
          <ResponseRateNote surveyId={id} />
          {ctx.summary.responses === 0 ? <EmptyDashboard ctx={ctx} /> : <Panels ctx={ctx} />}
        </div>
      )}
    </div>
  );
}

function Panels({ ctx }: { ctx: DashboardContext }) {
  const { t, lang } = useI18n();
  return (
    <>
      <KpiTiles ctx={ctx} />
      {ctx.summary.csi && <CsiPanel csi={ctx.summary.csi} questions={ctx.summary.questions} />}
      {ctx.rated.length > 0 && ctx.question && (
        <div className="toolbar an-question">
          <label>
            {t('an.dash.question')}
            <select value={ctx.question.questionId} onChange={(e) => ctx.setFilters({ question: e.target.value })} data-testid="question-select">
              {ctx.rated.map((q) => (
                <option key={q.questionId} value={q.questionId}>{localize(q.text, lang, 'en') || q.key}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {ctx.question && (
        <>
          <TrendPanel ctx={ctx} question={ctx.question} />
          <BreakdownPanel ctx={ctx} question={ctx.question} />
        </>
      )}
      <HeatTable ctx={ctx} />
      <DistributionPanel ctx={ctx} />
      {ctx.question && (
        <>
          {/* Keyed by the URL's comparison: opening a saved view of the same survey restores it. */}
          <ComparePanel key={JSON.stringify(ctx.filters.compare ?? null)} ctx={ctx} question={ctx.question} />
          <DriversPanel ctx={ctx} question={ctx.question} />
        </>
      )}
      <CommentsPanel ctx={ctx} />
      <TextPanels ctx={ctx} />
    </>
  );
}

function EmptyDashboard({ ctx }: { ctx: DashboardContext }) {
  const { t } = useI18n();
  const { filters } = ctx;
  // Say which filter hides the responses: a segment, location, channel, language, sentiment or theme, or only the period.
  const narrowed = !!(filters.location || filters.channel || filters.language || filters.dim || filters.sentiment || filters.themes?.length);
  const periodOnly = !narrowed && filters.range !== 'all';
  const title = narrowed ? 'an.dash.emptyFilteredTitle' : periodOnly ? 'an.dash.emptyPeriodTitle' : 'an.dash.emptyTitle';
  return (
    <div className="card an-empty" data-testid="dashboard-empty">
      <h2>{t(title)}</h2>
      <p>{narrowed || periodOnly ? t('an.dash.emptyFiltered') : t('an.dash.emptyText')}</p>
      {(narrowed || periodOnly) && <button type="button" className="secondary" onClick={() => ctx.setFilters({ range: 'all', location: undefined, parent: undefined, channel: undefined, language: undefined, dim: undefined, sentiment: undefined, themes: undefined, from: undefined, to: undefined })}>{t('an.dash.showAll')}</button>}
    </div>
  );
}
