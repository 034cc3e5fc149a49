/**
 * /app/cases/report: the closed loop of the caller's locations (docs/closed-loop.md "Case metrics", "Root causes
 * and Pareto"). Period and location filters live in the URL; KPI tiles (time to first action and to resolve, SLA
 * attainment, recovery rate with n, open and overdue cases), the Pareto chart of root causes with its table, the
 * comment themes behind each cause, and compensation per location or root cause.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { withFilters } from '../components/filterParams.ts';
import { Panel } from '../analytics/ui.tsx';
import { FreshLoadable, fresh, SupportTable } from '../support/load.tsx';
import { Chart } from '../charts/Chart.tsx';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { PeriodLocationFields, periodOf } from '../components/PeriodLocationFields.tsx';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { CaseMetricsAnswer, CompensationAnswer, ParetoAnswer } from '../../core/api/caseReports.ts';
import type { MetricResult } from '../../core/stats/result.ts';
import { paretoOption } from './chartOptions.ts';
import { causeName, duration, money, type I18n } from './format.ts';
import '../support/support.css';
import './caseReports.css';

const FILTER_KEYS = ['period', 'from', 'to', 'location', 'by'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function CaseReportPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const { preset, range } = periodOf(f, orgToday(me?.org.timezone, new Date()));
  const filters = { from: range.from, to: range.to, location: f.location };
  const by = f.by === 'root_cause' ? 'root_cause' : 'location';
  const setFilter = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));

  const metrics = useLoad<CaseMetricsAnswer>(`/cases/metrics${qs({ ...filters, interval: preset === '12m' ? 'month' : 'week' })}`);
  const pareto = useLoad<ParetoAnswer>(`/cases/root-causes${qs(filters)}`);
  const compensation = useLoad<CompensationAnswer>(`/cases/compensation${qs({ ...filters, by })}`);
  const locations = useLoad<LocationsAnswer>('/locations');

  return (
    <div className="an-page clr-page">
      <div className="an-page-head">
        <PageTitle title={t('clr.title')} />
      </div>
      <p className="muted">{t('clr.intro')}</p>
      <form className="card sp-filters" aria-label={t('clr.filters')} onSubmit={(e) => e.preventDefault()} data-testid="clr-filters">
        <PeriodLocationFields prefix="clr" f={f} preset={preset} range={range} locations={locations.data?.locations ?? []} setFilter={setFilter} />
        <div className="sp-filter-actions">
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>{t('clr.reset')}</button>
        </div>
      </form>
      <Tiles state={metrics} />
      <Panel title={t('clr.pareto.title')} id="clr-pareto">
        <p className="muted">{t('clr.pareto.intro')}</p>
        <FreshLoadable state={pareto} height={300}>{(p) => <Pareto data={p} />}</FreshLoadable>
      </Panel>
      <Panel title={t('clr.themes.title')} id="clr-themes">
        <p className="muted">{t('clr.themes.intro')}</p>
        <FreshLoadable state={pareto} height={160}>{(p) => <Themes data={p} />}</FreshLoadable>
      </Panel>
      <Panel
        title={t('clr.comp.title')}
        id="clr-comp"
        actions={(
          <label className="clr-inline">
            {t('clr.comp.by')}
            <select value={by} onChange={(e) => setFilter({ by: e.target.value === 'location' ? undefined : e.target.value })} data-testid="clr-comp-by">
              <option value="location">{t('clr.comp.by.location')}</option>
              <option value="root_cause">{t('clr.comp.by.root_cause')}</option>
            </select>
          </label>
        )}
      >
        <FreshLoadable state={compensation} height={160}>{(c) => <Compensation data={c} />}</FreshLoadable>
      </Panel>
    </div>
  );
}

function shareText(i18n: I18n, r: MetricResult): string {
  return r.value === null ? i18n.t('clr.none') : i18n.pct(r.value, 1);
}

function Tiles({ state }: { state: ReturnType<typeof useLoad<CaseMetricsAnswer>> }) {
  const i18n = useI18n();
  const { t, num, pct } = i18n;
  const m = fresh(state);
  if (state.error && !state.loading) return <FreshLoadable state={state} height={0}>{() => null}</FreshLoadable>;
  const interval = (r: MetricResult) => (r.ci95 ? t('clr.kpi.interval', { low: pct(r.ci95[0], 0), high: pct(r.ci95[1], 0) }) : null);
  const tiles = m && [
    { id: 'first-action', label: t('clr.kpi.firstAction'), value: duration(i18n, m.time_to_first_action.median_s), details: [m.time_to_first_action.p90_s === null ? null : t('clr.kpi.p90', { value: duration(i18n, m.time_to_first_action.p90_s) }), t('clr.kpi.cases', { n: m.time_to_first_action.n })] },
    { id: 'resolve', label: t('clr.kpi.resolve'), value: duration(i18n, m.time_to_resolve.median_s), details: [m.time_to_resolve.p90_s === null ? null : t('clr.kpi.p90', { value: duration(i18n, m.time_to_resolve.p90_s) }), t('clr.kpi.cases', { n: m.time_to_resolve.n })] },
    { id: 'sla', label: t('clr.kpi.sla'), value: shareText(i18n, m.sla_attainment), details: [t('clr.kpi.ofJudged', { part: Number(m.sla_attainment.details?.successes ?? 0), whole: m.sla_attainment.n }), interval(m.sla_attainment)], small: m.sla_attainment.n > 0 && m.sla_attainment.smallSample, definition: m.sla_attainment.definition },
    { id: 'recovery', label: t('clr.kpi.recovery'), value: shareText(i18n, m.recovery_rate), details: [t('clr.kpi.ofAnswered', { part: Number(m.recovery_rate.details?.recovered ?? 0), whole: m.recovery_rate.n }), interval(m.recovery_rate)], small: m.recovery_rate.n > 0 && m.recovery_rate.smallSample, definition: m.recovery_rate.definition },
    { id: 'open', label: t('clr.kpi.open'), value: num(m.open, 0), details: [t('clr.kpi.openNow')] },
    { id: 'overdue', label: t('clr.kpi.overdue'), value: num(m.overdue, 0), details: [t('clr.kpi.openNow')], warn: m.overdue > 0 },
  ];
  return (
    <section aria-labelledby="clr-kpi-title">
      <h2 id="clr-kpi-title" className="visually-hidden">{t('clr.kpi.title')}</h2>
      <ul className="an-kpis sp-kpis" aria-busy={m === null}>
        {tiles
          ? tiles.map((tile) => (
              <li key={tile.id} className={`card an-kpi sp-kpi${'warn' in tile && tile.warn ? ' clr-warn' : ''}`} data-testid={`clr-kpi-${tile.id}`}>
                <span className="an-kpi-label">{tile.label}</span>
                <span className="sp-kpi-value" data-testid="clr-kpi-value">{tile.value}</span>
                {tile.details.filter(Boolean).map((d) => <span key={d} className="muted sp-kpi-detail">{d}</span>)}
                {'definition' in tile && tile.definition && <span className="badge definition">{tile.definition}</span>}
                {'small' in tile && tile.small && <span className="badge small-sample">{t('clr.kpi.smallSample')}</span>}
              </li>
            ))
          : Array.from({ length: 6 }, (_, i) => <li key={i} className="card an-kpi"><div className="skeleton" style={{ blockSize: 90 }} /></li>)}
      </ul>
      {m && <p className="muted clr-created" data-testid="clr-created">{t('clr.kpi.createdResolved', { created: m.created, resolved: m.resolved })}</p>}
    </section>
  );
}

function Pareto({ data }: { data: ParetoAnswer }) {
  const i18n = useI18n();
  const { t, num, pct, dir, lang } = i18n;
  const chart = useMemo(() => {
    const names = data.causes.map((c) => causeName(c.name, c.key, lang) + (c.archived ? ` ${t('clr.pareto.archived')}` : ''));
    const top = data.causes[0];
    return {
      option: paretoOption(names, data.causes.map((c) => c.count), data.causes.map((c) => c.cumulative_share), { cases: t('clr.pareto.cases'), cumulative: t('clr.pareto.cumulative') }, { num, pct: (v: number) => pct(v, 0), rtl: dir === 'rtl' }),
      summary: top ? t('clr.pareto.summary', { n: data.causes.length, total: data.total, top: names[0], share: pct(top.share * 100, 0) }) : '',
      table: {
        caption: t('clr.pareto.title'),
        columns: [t('clr.pareto.cause'), t('clr.pareto.cases'), t('clr.pareto.share'), t('clr.pareto.cumulative'), t('clr.pareto.controllable'), t('clr.pareto.notControllable'), t('clr.pareto.compensation')],
        rows: data.causes.map((c, i) => [names[i], c.count, pct(c.share * 100, 1), pct(c.cumulative_share * 100, 1), c.controllable, c.not_controllable, c.compensation.map((m) => money(i18n, m.amount, m.currency)).join(', ') || '—']),
      },
    };
  }, [data, t, num, pct, dir, lang, i18n]);
  if (data.causes.length === 0) return <p className="muted an-empty" data-testid="clr-pareto-empty">{t('clr.pareto.empty')}</p>;
  return (
    <div data-testid="clr-pareto">
      <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName="root-causes-pareto" height={300} />
      <ul className="clr-vital" aria-label={t('clr.pareto.vital')}>
        {data.causes.filter((c) => c.vital).map((c) => <li key={c.id} className="badge">{t('clr.pareto.vital')}: <bdi>{causeName(c.name, c.key, lang)}</bdi></li>)}
      </ul>
    </div>
  );
}

function Themes({ data }: { data: ParetoAnswer }) {
  const { t, lang } = useI18n();
  if (data.causes.length === 0) return <p className="muted an-empty">{t('clr.pareto.empty')}</p>;
  return (
    <SupportTable testId="clr-themes" caption={t('clr.themes.title')}>
      <thead>
        <tr><th scope="col">{t('clr.pareto.cause')}</th><th scope="col">{t('clr.themes.themes')}</th></tr>
      </thead>
      <tbody>
        {data.causes.map((c) => (
          <tr key={c.id}>
            <th scope="row"><bdi>{causeName(c.name, c.key, lang)}</bdi><span className="muted clr-sub">{t('clr.themes.withComment', { n: c.with_comment })}</span></th>
            <td>
              {c.themes.length === 0
                ? <span className="muted">{t('clr.themes.none')}</span>
                : <ul className="clr-themes">{c.themes.map((th) => <li key={th.theme}><bdi>{t('clr.themes.item', { name: causeName(th.name, th.theme, lang), n: th.count })}</bdi></li>)}</ul>}
            </td>
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function Compensation({ data }: { data: CompensationAnswer }) {
  const i18n = useI18n();
  const { t, num, lang } = i18n;
  if (data.rows.length === 0) return <p className="muted an-empty" data-testid="clr-comp-empty">{t('clr.comp.empty')}</p>;
  const label = (r: CompensationAnswer['rows'][number]) => {
    if (r.label === null) return t(data.by === 'location' ? 'clr.comp.noLocation' : 'clr.comp.noCause');
    return typeof r.label === 'string' ? r.label : causeName(r.label, '', lang);
  };
  return (
    <SupportTable testId="clr-comp" caption={t('clr.comp.title')}>
      <thead>
        <tr>
          <th scope="col">{t(`clr.comp.by.${data.by}`)}</th>
          <th scope="col" className="num">{t('clr.comp.amount')}</th>
          <th scope="col" className="num">{t('clr.comp.count')}</th>
          <th scope="col" className="num">{t('clr.comp.cases')}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={`${r.key}-${r.currency}`}>
            <th scope="row"><bdi>{label(r)}</bdi></th>
            <td className="num">{money(i18n, r.amount, r.currency)}</td>
            <td className="num">{num(r.count, 0)}</td>
            <td className="num">{num(r.cases, 0)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        {data.totals.map((x) => (
          <tr key={x.currency}>
            <th scope="row">{t('clr.comp.total')}</th>
            <td className="num" data-testid="clr-comp-total">{money(i18n, x.amount, x.currency)}</td>
            <td className="num">{num(x.count, 0)}</td>
            <td />
          </tr>
        ))}
      </tfoot>
    </SupportTable>
  );
}
