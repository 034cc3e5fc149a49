/**
 * /app/action-plans/:id: the plan (status, owner, dates, locations, target, root cause) and its effect: the
 * metric before and since the start date as tiles, the change with its interval and p-value, the verdict in
 * words ("significant improvement", "not significant: n too small"...), and the trend with a marker at the start.
 */
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { Loading } from '../components/Loading.tsx';
import { Loadable, MetricValue, Panel } from '../analytics/ui.tsx';
import { metricFigure } from '../analytics/metricDetails.ts';
import { Chart } from '../charts/Chart.tsx';
import type { ActionPlan, ActionPlanAnswer, ActionPlanEffectAnswer } from '../../core/api/actionPlans.ts';
import { periodStart } from '../../core/time/orgCalendar.ts';
import { planTrendOption } from './chartOptions.ts';
import { causeName, type I18n } from './format.ts';
import './caseReports.css';

const METRIC_NAMES: Partial<Record<string, string>> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

export function PlanPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const plan = useLoad<ActionPlanAnswer>(`/action-plans/${id}`);
  if (plan.error) return <ErrorMessage message={plan.error instanceof ApiError && plan.error.status === 404 ? t('plan.notFound') : plan.error.message} />;
  if (!plan.data) return <Loading />;
  return <PlanView plan={plan.data.plan} />;
}

function PlanView({ plan }: { plan: ActionPlan }) {
  const i18n = useI18n();
  const { t, date, lang, num } = i18n;
  const { can } = useSession();
  const navigate = useNavigate();
  const effect = useLoad<ActionPlanEffectAnswer>(`/action-plans/${plan.id}/effect`);
  const day = (d: string) => date(`${d}T12:00:00Z`);
  const editable = can('plan.manage') && plan.canEdit;
  // The target is in the metric's own unit: say which metric ("25 (NPS)"), not a bare number.
  const metric = effect.data?.question?.metric;
  const targetMetric = metric ? METRIC_NAMES[metric] : undefined;
  const remove = async () => {
    await api.delete(`/action-plans/${plan.id}`);
    navigate('/app/action-plans');
  };
  return (
    <div className="an-page">
      <p><Link to="/app/action-plans">{t('plan.back')}</Link></p>
      <div className="an-page-head">
        <PageTitle title={plan.title} />
        {editable && (
          <div className="plan-actions">
            <Link to={`/app/action-plans/${plan.id}/edit`} className="button secondary" data-testid="plan-edit">{t('plan.edit')}</Link>
            <ConfirmButton label={t('plan.delete')} question={t('plan.deleteConfirm')} onConfirm={remove} />
          </div>
        )}
      </div>
      {plan.description && <p className="plan-description" dir="auto">{plan.description}</p>}
      <ul className="plan-meta muted" data-testid="plan-meta">
        <li><span className={`badge plan-status-${plan.status}`}>{t(`plan.status.${plan.status}`)}</span></li>
        <li>{t('plan.col.owner')}: <bdi>{plan.owner ? plan.owner.name ?? plan.owner.email : t('plan.noOwner')}</bdi></li>
        <li>{t('plan.col.start')}: {day(plan.startDate)}</li>
        {plan.dueDate && <li>{t('plan.col.due')}: {day(plan.dueDate)}</li>}
        <li>{t('plan.col.locations')}: <bdi>{plan.locations.length ? plan.locations.map((l) => l.name).join(', ') : t('plan.allLocations')}</bdi></li>
        {plan.targetValue !== null && (
          <li>{targetMetric ? t('plan.targetOf', { value: num(plan.targetValue), metric: targetMetric }) : t('plan.target', { value: num(plan.targetValue) })}</li>
        )}
        {plan.rootCause && <li>{t('plan.rootCause', { name: causeName(plan.rootCause, '', lang) })}</li>}
      </ul>
      {can('plan.manage') && !plan.canEdit && <p className="muted">{t('plan.readOnly')}</p>}
      <Panel title={t('plan.effect.title')} id="plan-effect">
        <Loadable state={effect} height={220}>{(e) => <Effect effect={e} i18n={i18n} />}</Loadable>
      </Panel>
    </div>
  );
}

function Verdict({ effect, i18n }: { effect: ActionPlanEffectAnswer; i18n: I18n }) {
  const { t, num } = i18n;
  const c = effect.change;
  const before = effect.before?.result;
  if (!c || !before) return null;
  const figure = (v: number) => metricFigure(before, v, i18n);
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${figure(Math.abs(v))}`;
  // A rise is an improvement, except on the legacy "effort" CES scale (lower is easier).
  const kind = c.significant && c.diff !== null ? ((c.diff > 0) === (effect.question?.higherIsBetter ?? true) ? 'better' : 'worse') : '';
  const verdict = kind ? t(kind === 'better' ? 'plan.effect.better' : 'plan.effect.worse') : c.reason ? t(`plan.effect.reason.${c.reason.code}`) : t('plan.effect.notSignificant');
  return (
    <div data-testid="plan-verdict-box">
      <p className={`plan-verdict ${kind}`} data-testid="plan-verdict" role="status">{verdict}</p>
      <ul className="plan-meta">
        {c.diff !== null && <li data-testid="plan-diff">{t('plan.effect.change', { diff: signed(c.diff) })}</li>}
        {c.ci95 && <li>{t('plan.effect.ci', { low: signed(c.ci95[0]), high: signed(c.ci95[1]) })}</li>}
        {c.pValue !== null && <li>{c.pValue < 0.001 ? t('plan.effect.pSmall') : t('plan.effect.p', { p: num(c.pValue, 3) })}</li>}
        <li className="muted">{t('plan.effect.test', { test: c.test })}</li>
      </ul>
    </div>
  );
}

function Effect({ effect, i18n }: { effect: ActionPlanEffectAnswer; i18n: I18n }) {
  const { t, date, lang } = i18n;
  const day = (d: string) => date(`${d}T12:00:00Z`);
  if (effect.state === 'no_metric') return <p className="muted" data-testid="plan-no-metric">{t('plan.effect.noMetric')}</p>;
  if (effect.state === 'not_started') return <p className="muted" data-testid="plan-not-started">{t('plan.effect.notStarted', { date: day(effect.startDate) })}</p>;
  return (
    <div data-testid="plan-effect">
      {effect.question && <h3 className="an-kpi-question"><bdi>{causeName(effect.question.text, effect.question.key, lang)}</bdi></h3>}
      <ul className="plan-sides">
        {effect.before && (
          <li className="card an-kpi" data-testid="plan-before">
            <span className="an-kpi-label">{t('plan.effect.before', { from: day(effect.before.from), to: day(effect.before.to) })}</span>
            <MetricValue result={effect.before.result} size="large" />
          </li>
        )}
        {effect.after && (
          <li className="card an-kpi" data-testid="plan-after">
            <span className="an-kpi-label">{t('plan.effect.after', { from: day(effect.after.from), to: day(effect.after.to) })}</span>
            <MetricValue result={effect.after.result} size="large" />
          </li>
        )}
      </ul>
      <Verdict effect={effect} i18n={i18n} />
      {effect.locations.length > 0 && <p className="muted">{t('plan.effect.locations', { names: effect.locations.map((l) => l.name).join(', ') })}</p>}
      <Trend effect={effect} i18n={i18n} />
    </div>
  );
}

function Trend({ effect, i18n }: { effect: ActionPlanEffectAnswer; i18n: I18n }) {
  const { t, num, dir, date } = i18n;
  const chart = useMemo(() => {
    const interval = effect.interval ?? 'week';
    const start = periodStart(effect.startDate, interval);
    const periods = effect.trend.map((p) => p.period);
    const labels = periods.map((p) => date(`${p}T12:00:00Z`, interval === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }));
    const values = effect.trend.map((p) => (p.result && p.result.value !== null ? Math.round(p.result.value * 10) / 10 : null));
    const metric = effect.question ? effect.trend.find((p) => p.result)?.result?.definition ?? effect.question.metric : '';
    return {
      option: planTrendOption(labels, values, periods.indexOf(start), effect.targetValue, { value: metric, start: t('plan.effect.startMark'), target: t('plan.effect.targetLine') }, { num, rtl: dir === 'rtl' }),
      summary: t('plan.effect.trendSummary', { metric, interval: t(`plan.effect.interval.${interval}`), n: periods.length, date: date(`${effect.startDate}T12:00:00Z`) }),
      table: {
        caption: t('plan.effect.trend'),
        columns: [t('plan.effect.period'), t('plan.effect.value'), t('plan.effect.answers')],
        rows: effect.trend.map((p, i) => [labels[i], values[i], p.result?.n ?? 0]),
      },
    };
  }, [effect, t, num, dir, date]);
  if (effect.trend.length === 0) return null;
  return (
    <section aria-label={t('plan.effect.trend')} data-testid="plan-trend">
      <h3>{t('plan.effect.trend')}</h3>
      <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName="action-plan-trend" height={260} />
    </section>
  );
}
