/**
 * /app/stores/loyalty (docs/store-economics.md "Loyalty economics"): headline figures, the Lorenz curve with
 * the 20/80 point (and its table), retention by period, cohorts by first-purchase month, revenue per
 * customer by NPS group and the what-if with its formulas, recomputed as the assumptions change.
 */
import { useMemo, useState, type CSSProperties } from 'react';
import type { EChartsOption } from 'echarts';
import { Link } from 'react-router';
import { qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { EmptyState, PageTitle, useLoad } from '../components/index.ts';
import { Chart } from '../charts/Chart.tsx';
import { Loadable, Panel } from '../analytics/ui.tsx';
import type { LoyaltySummaryAnswer, NpsValueAnswer, WhatIfAnswer, WhatIfAssumptionsAnswer } from '../../core/api/loyalty.ts';
import './loyalty.css';

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
type Period = (typeof PERIODS)[number];

export function LoyaltyPage() {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<Period>('month');
  const filters = { from: from || undefined, to: to || undefined };
  const summary = useLoad<LoyaltySummaryAnswer>(`/loyalty/summary${qs({ ...filters, period })}`);
  return (
    <div className="ly-page">
      <PageTitle title={t('ly.title')} />
      <p className="muted">{t('ly.intro')}</p>
      <form className="ly-filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          {t('ly.from')}
          <input type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} data-testid="ly-from" />
        </label>
        <label className="field">
          {t('ly.to')}
          <input type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} data-testid="ly-to" />
        </label>
        <label className="field">
          {t('ly.period')}
          <select value={period} onChange={(e) => setPeriod(PERIODS.find((p) => p === e.target.value) ?? 'month')} data-testid="ly-period">
            {PERIODS.map((p) => <option key={p} value={p}>{t(`ly.period.${p}` as MessageKey)}</option>)}
          </select>
        </label>
      </form>
      <Loadable state={summary} height={240}>
        {(data) => (data.customers === 0 ? (
          <EmptyState title={t('ly.empty.title')}>
            <p>{t('ly.empty.body')} <Link to="/app/stores/imports">{t('ly.empty.link')}</Link></p>
          </EmptyState>
        ) : (
          <>
            <Headline data={data} />
            <Lorenz data={data} />
            <Retention data={data} />
            <Cohorts data={data} />
            <NpsValue filters={filters} />
            <WhatIf filters={filters} />
          </>
        ))}
      </Loadable>
    </div>
  );
}

function Headline({ data }: { data: LoyaltySummaryAnswer }) {
  const { t, num, pct, date } = useI18n();
  const share = (v: number | null) => (v === null ? t('ly.none') : pct(v * 100, 1));
  const figures: [MessageKey, string, string][] = [
    ['ly.customers', num(data.customers, 0), 'customers'],
    ['ly.transactions', num(data.transactions, 0), 'transactions'],
    ['ly.revenue', num(data.revenue, 2), 'revenue'],
    ['ly.valuePerCustomer', data.valuePerCustomer === null ? t('ly.none') : num(data.valuePerCustomer, 2), 'value'],
    ['ly.top20', share(data.top20_revenue_share), 'top20'],
    ['ly.repeat', share(data.repeat_customer_rate), 'repeat'],
  ];
  return (
    <Panel title={t('ly.headline')} id="ly-headline">
      <dl className="ly-figures">
        {figures.map(([label, value, id]) => (
          <div key={id}>
            <dt>{t(label)}</dt>
            <dd data-testid={`ly-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('ly.freshness', { when: date(data.computedAt, { dateStyle: 'medium', timeStyle: 'short' }), zone: data.timeZone })}</p>
    </Panel>
  );
}

function Lorenz({ data }: { data: LoyaltySummaryAnswer }) {
  const { t, num, pct, dir } = useI18n();
  const chart = useMemo(() => {
    const top = Math.ceil(data.customers / 5) / data.customers;
    const share = data.top20_revenue_share ?? 0;
    const pareto: [number, number] = [(1 - top) * 100, (1 - share) * 100];
    const rtl = dir === 'rtl';
    const option: EChartsOption = {
      animation: false,
      grid: { left: 56, right: 24, top: 24, bottom: 48 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', min: 0, max: 100, inverse: rtl, name: t('ly.lorenz.x'), nameLocation: 'middle', nameGap: 30, axisLabel: { formatter: (v: number) => pct(v, 0) } },
      yAxis: { type: 'value', min: 0, max: 100, position: rtl ? 'right' : 'left', name: t('ly.lorenz.y'), nameLocation: 'middle', nameGap: 40, axisLabel: { formatter: (v: number) => pct(v, 0) } },
      series: [
        { type: 'line', name: t('ly.lorenz.equality'), data: [[0, 0], [100, 100]], symbol: 'none', lineStyle: { type: 'dashed', color: '#888' }, silent: true },
        { type: 'line', name: t('ly.lorenz.curve'), data: data.lorenz.map((p) => [p.customers * 100, p.revenue * 100]), symbol: 'none', lineStyle: { width: 3, color: '#1f5fa8' }, areaStyle: { opacity: 0.08 } },
        {
          type: 'scatter', name: t('ly.lorenz.pareto'), data: [pareto], symbolSize: 12, itemStyle: { color: '#b3261e' },
          label: { show: true, position: 'top', formatter: () => t('ly.lorenz.paretoLabel', { share: pct(share * 100, 0) }) },
        },
      ],
    };
    return {
      option,
      summary: t('ly.lorenz.summary', { share: pct(share * 100, 1) }),
      table: {
        caption: t('ly.lorenz.caption'),
        columns: [t('ly.lorenz.x'), t('ly.lorenz.y')],
        rows: data.lorenz.map((p) => [num(p.customers * 100, 1), num(p.revenue * 100, 1)]),
      },
    };
  }, [data, t, num, pct, dir]);
  return (
    <Panel title={t('ly.lorenz.title')} id="ly-lorenz">
      <p className="muted">{t('ly.lorenz.note')}</p>
      <Chart option={chart.option} summary={chart.summary} table={chart.table} fileName="loyalty-lorenz" height={320} />
    </Panel>
  );
}

function Retention({ data }: { data: LoyaltySummaryAnswer }) {
  const { t, num, pct } = useI18n();
  return (
    <Panel title={t('ly.retention.title')} id="ly-retention">
      {data.retention.length === 0 ? (
        <p className="muted">{t('ly.retention.empty')}</p>
      ) : (
        <div className="ly-scroll">
          <table className="table" data-testid="ly-retention">
            <caption>{t('ly.retention.caption', { period: t(`ly.period.${data.period}` as MessageKey) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ly.col.period')}</th>
                <th scope="col">{t('ly.col.active')}</th>
                <th scope="col">{t('ly.col.retained')}</th>
                <th scope="col">{t('ly.col.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {data.retention.map((r) => (
                <tr key={r.period}>
                  <th scope="row"><bdi>{r.period}</bdi></th>
                  <td>{num(r.active, 0)}</td>
                  <td>{num(r.retained, 0)}</td>
                  <td>{pct(r.rate * 100, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function Cohorts({ data }: { data: LoyaltySummaryAnswer }) {
  const { t, num, pct } = useI18n();
  const width = Math.max(...data.cohorts.map((c) => c.active.length));
  return (
    <Panel title={t('ly.cohorts.title')} id="ly-cohorts">
      <p className="muted">{t('ly.cohorts.note')}</p>
      <div className="ly-scroll">
        <table className="table ly-cohorts" data-testid="ly-cohorts">
          <caption>{t('ly.cohorts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ly.col.cohort')}</th>
              <th scope="col">{t('ly.col.size')}</th>
              {Array.from({ length: width }, (_, k) => <th key={k} scope="col">{t('ly.col.month', { k })}</th>)}
            </tr>
          </thead>
          <tbody>
            {data.cohorts.map((c) => (
              <tr key={c.cohort}>
                <th scope="row"><bdi>{c.cohort}</bdi></th>
                <td>{num(c.size, 0)}</td>
                {Array.from({ length: width }, (_, k) => (
                  <td key={k} className="ly-heat" style={k < c.share.length ? { '--ly-heat': String(c.share[k]) } as CSSProperties : undefined}>
                    {k < c.share.length ? pct(c.share[k] * 100, 0) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

const GROUPS = ['promoter', 'passive', 'detractor', 'unknown'] as const;

function NpsValue({ filters }: { filters: Record<string, string | undefined> }) {
  const { t, num } = useI18n();
  const state = useLoad<NpsValueAnswer>(`/loyalty/nps-value${qs(filters)}`);
  return (
    <Panel title={t('ly.nps.title')} id="ly-nps">
      <p className="muted">{t('ly.nps.note')}</p>
      <Loadable state={state} height={160}>
        {(data) => (
          <table className="table" data-testid="ly-nps">
            <caption>{t('ly.nps.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ly.col.group')}</th>
                <th scope="col">{t('ly.col.customers')}</th>
                <th scope="col">{t('ly.col.revenue')}</th>
                <th scope="col">{t('ly.col.perCustomer')}</th>
              </tr>
            </thead>
            <tbody>
              {GROUPS.map((g) => {
                const row = data.groups.find((x) => x.group === g);
                return (
                  <tr key={g}>
                    <th scope="row">{t(`ly.nps.${g}` as MessageKey)}</th>
                    <td>{num(row?.customers ?? 0, 0)}</td>
                    <td>{num(row?.revenue ?? 0, 2)}</td>
                    <td>{row?.revenuePerCustomer == null ? t('ly.none') : num(row.revenuePerCustomer, 2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Loadable>
    </Panel>
  );
}

const INPUTS: (keyof WhatIfAssumptionsAnswer)[] = [
  'retentionPoints', 'customers', 'revenuePerRetainedCustomer', 'detractorsToPassives', 'passiveValue', 'detractorValue', 'acquisitionCost', 'acquisitionToRetention',
];

function WhatIf({ filters }: { filters: Record<string, string | undefined> }) {
  const { t, num } = useI18n();
  const [given, setGiven] = useState<Partial<Record<keyof WhatIfAssumptionsAnswer, string>>>({});
  const valid = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v.trim() !== '' && Number.isFinite(Number(v))));
  const state = useLoad<WhatIfAnswer>(`/loyalty/what-if${qs({ ...filters, ...valid })}`);
  const d = state.data;
  return (
    <Panel title={t('ly.whatIf.title')} id="ly-whatif">
      <p className="muted">{t('ly.whatIf.note')}</p>
      <form className="ly-whatif-form" onSubmit={(e) => e.preventDefault()}>
        {INPUTS.map((k) => (
          <label key={k} className="field">
            {t(`ly.term.${k}` as MessageKey)}
            <input
              type="number" inputMode="decimal" min={k === 'acquisitionToRetention' ? 1 : 0} max={k === 'retentionPoints' ? 100 : undefined} step="any"
              value={given[k] ?? ''} placeholder={d ? num(d.defaults[k], 2) : ''}
              onChange={(e) => setGiven((g) => ({ ...g, [k]: e.target.value }))} data-testid={`ly-in-${k}`}
            />
          </label>
        ))}
      </form>
      {state.error && !state.loading && <p role="alert" className="error">{state.error.message}</p>}
      <div aria-live="polite" aria-busy={state.loading} className="ly-whatif-result" data-testid="ly-whatif-result">
        {d && (
          <>
            <p className="ly-total">{t('ly.whatIf.total', { value: num(d.totalGain, 2) })}</p>
            <ul className="ly-formulas">
              {(['extraCustomers', 'retention', 'detractors', 'saving', 'total'] as const).map((f) => (
                <li key={f} data-testid={`ly-formula-${f}`}><Formula parts={d.formulas[f]} /></li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Panel>
  );
}

function Formula({ parts }: { parts: WhatIfAnswer['formulas']['total'] }) {
  const { t, num } = useI18n();
  return (
    <span className="ly-formula">
      {parts.map((p, i) => {
        if (p.kind === 'term') return <span key={i} className="ly-term">{t(`ly.term.${p.term}` as MessageKey)} <b>({num(p.value, 2)})</b></span>;
        if (p.kind === 'number') return <b key={i}>{num(p.value, 0)}</b>;
        if (p.kind === 'op') return <span key={i} className="ly-op"> {p.op} </span>;
        return <span key={i}>{p.kind === 'open' ? '(' : ')'}</span>;
      })}
    </span>
  );
}
