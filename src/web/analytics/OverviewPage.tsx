/** /app — one card per survey with its headline metrics, or directions when there is nothing yet. */
import { Link } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { Freshness } from './Freshness.tsx';
import type { OverviewSurvey } from './types.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, MetricValue } from './ui.tsx';
import { MetricDetails } from './KpiTiles.tsx';

// CSI before CSAT: a CSI survey's overall-satisfaction question is secondary to its index.
const HEADLINES = ['nps', 'csi', 'csat', 'ces'] as const;

export function OverviewPage() {
  const { t } = useI18n();
  const state = useLoad<{ surveys: OverviewSurvey[] }>('/analytics/overview');
  return (
    <div className="an-page">
      <div className="an-page-head">
        <h1>{t('an.overview.title')}</h1>
        <Freshness />
      </div>
      <Loadable state={state} height={220}>
        {(d) => (d.surveys.length === 0 ? <EmptyOverview /> : (
          <ul className="grid an-cards" aria-label={t('an.overview.list')}>
            {d.surveys.map((s) => <SurveyCard key={s.surveyId} survey={s} />)}
          </ul>
        ))}
      </Loadable>
    </div>
  );
}

function SurveyCard({ survey }: { survey: OverviewSurvey }) {
  const { t, tn, num } = useI18n();
  const metrics = HEADLINES.filter((m) => survey.metrics[m]);
  return (
    <li className="card an-survey-card">
      <h2><Link to={`/app/surveys/${encodeURIComponent(survey.surveyId)}`}>{survey.name}</Link></h2>
      <p className="muted">
        <span className={`badge status-${survey.status}`}>{t(`an.status.${survey.status}`)}</span>{' '}
        {tn('an.overview.responses', survey.responses, { n: num(survey.responses, 0) })}
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
      <p className="muted">{t('an.overview.demoHint')} <code dir="ltr">npx sarafan demo</code></p>
    </div>
  );
}
