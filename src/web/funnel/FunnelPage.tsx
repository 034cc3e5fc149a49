/**
 * /app/stores: the store funnel (docs/store-economics.md "The funnel"). Filters (period, location, points by
 * hour / day / week) are kept in the address; the funnel as three steps with capture rate, conversion and
 * average check and their change against the previous period; capture and conversion over time; the stores
 * beside NPS, wait complaints and the audit's checkout score with the reading; conversion by hour of day against
 * the staff on shift. While new filters load, panels show a placeholder rather than the previous numbers.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { withFilters } from '../components/filterParams.ts';
import { PeriodLocationFields, periodOf } from '../components/PeriodLocationFields.tsx';
import { Chart } from '../charts/Chart.tsx';
import { FreshLoadable, fresh } from '../support/load.tsx';
import { daysBetween, orgToday } from '../../core/time/orgCalendar.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { FunnelAnswer, FunnelFiguresDto, FunnelHoursAnswer, FunnelStoresAnswer } from '../../core/api/funnel.ts';
import { HOURLY_MAX_DAYS } from '../../core/economics/funnel.ts';
import { hoursOption, ratesOverTimeOption } from './chartOptions.ts';
import { StoresTable } from './StoresTable.tsx';
import { share } from './format.ts';
import './funnel.css';

const FILTER_KEYS = ['period', 'from', 'to', 'location', 'by'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const GRANULARITIES = ['hour', 'day', 'week'] as const;
type I18n = ReturnType<typeof useI18n>;


export function FunnelPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const { preset, range } = periodOf(f, orgToday(me?.org.timezone, new Date()));
  const wanted = GRANULARITIES.find((g) => g === f.by) ?? 'day';
  const tooLongForHours = wanted === 'hour' && range.from !== undefined && range.to !== undefined && daysBetween(range.from, range.to) + 1 > HOURLY_MAX_DAYS;
  const granularity = tooLongForHours ? 'day' : wanted;
  const filters = { from: range.from, to: range.to, location: f.location };
  const funnel = useLoad<FunnelAnswer>(`/store/funnel${qs({ ...filters, granularity })}`);
  const stores = useLoad<FunnelStoresAnswer>(`/store/funnel/stores${qs(filters)}`);
  const hours = useLoad<FunnelHoursAnswer>(`/store/funnel/hours${qs(filters)}`);
  const locations = useLoad<LocationsAnswer>('/locations');
  const setFilter = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));
  const current = fresh(funnel);
  const empty = current !== null && current.totals.visitors === null && current.totals.transactions === null;

  return (
    <div className="an-page fn-page">
      <PageTitle title={t('fn.title')} />
      <p className="muted">{t('fn.intro')}</p>
      <form className="card fn-filters" aria-label={t('fn.filters')} onSubmit={(e) => e.preventDefault()} data-testid="fn-filters">
        <PeriodLocationFields prefix="fn" f={f} preset={preset} range={range} locations={locations.data?.locations ?? []} setFilter={setFilter} />
        <label className="field">
          {t('fn.granularity')}
          <select value={wanted} onChange={(e) => setFilter({ by: e.target.value === 'day' ? undefined : e.target.value })} data-testid="fn-filter-by">
            {GRANULARITIES.map((g) => <option key={g} value={g}>{t(`fn.granularity.${g}`)}</option>)}
          </select>
        </label>
      </form>
      {tooLongForHours && <p className="muted" role="status">{t('fn.hourlyLimit', { n: HOURLY_MAX_DAYS })}</p>}
      <div aria-live="polite">
        {empty ? (
          <div data-testid="fn-empty">
            <EmptyState title={t('fn.empty.title')}>
              <p>{t('fn.empty.text')}</p>
              <p><Link to="/app/stores/imports" className="button primary">{t('fn.empty.link')}</Link></p>
            </EmptyState>
          </div>
        ) : (
          <FreshLoadable state={funnel} height={180}>
            {(a) => <FunnelSteps answer={a} />}
          </FreshLoadable>
        )}
      </div>
      {!empty && (
        <>
          <section className="card" aria-labelledby="fn-series-title">
            <h2 id="fn-series-title">{t('fn.series.title')}</h2>
            <FreshLoadable state={funnel} height={280}>
              {(a) => <SeriesChart answer={a} />}
            </FreshLoadable>
          </section>
          <section className="card" aria-labelledby="fn-stores-title">
            <h2 id="fn-stores-title">{t('fn.stores.title')}</h2>
            <FreshLoadable state={stores} height={200}>
              {(a) => <StoresTable answer={a} />}
            </FreshLoadable>
          </section>
          <section className="card" aria-labelledby="fn-hours-title">
            <h2 id="fn-hours-title">{t('fn.hours.title')}</h2>
            <FreshLoadable state={hours} height={280}>
              {(a) => <HoursChart answer={a} />}
            </FreshLoadable>
          </section>
        </>
      )}
    </div>
  );
}

/** "+3.2 pp vs previous period" / "−4.1% vs previous period", or that there is nothing to compare. */
function trendText(i: I18n, v: number | null, kind: 'points' | 'percent'): string {
  if (v === null) return i.t('fn.trend.none');
  const sign = v > 0 ? '+' : '';
  return kind === 'points' ? i.t('fn.trend.points', { sign, value: i.num(v) }) : i.t('fn.trend.percent', { sign, value: i.pct(v) });
}

function FunnelSteps({ answer }: { answer: FunnelAnswer }) {
  const i = useI18n();
  const { t, num } = i;
  const { totals, trend } = answer;
  const count = (v: number | null) => (v === null ? t('fn.step.notMeasured') : num(v, 0));
  const step = (id: string, label: string, value: number | null) => (
    <li className="fn-step" data-testid={`fn-step-${id}`}>
      <span className="fn-step-label">{label}</span>
      <strong className="fn-step-value">{count(value)}</strong>
    </li>
  );
  const rate = (id: string, label: string, value: string, change: string) => (
    <li className="fn-rate" data-testid={`fn-rate-${id}`}>
      <span className="fn-rate-label">{label}</span>
      <strong className="fn-rate-value">{value}</strong>
      <span className="muted fn-rate-trend">{change}</span>
    </li>
  );
  return (
    <section className="card" aria-labelledby="fn-steps-title" data-testid="fn-steps">
      <h2 id="fn-steps-title">{t('fn.steps')}</h2>
      <ol className="fn-funnel">
        {step('passersBy', t('fn.step.passersBy'), totals.passersBy)}
        {rate('capture', t('fn.rate.capture'), share(i, totals.captureRate), trendText(i, trend.captureRate, 'points'))}
        {step('visitors', t('fn.step.visitors'), totals.visitors)}
        {rate('conversion', t('fn.rate.conversion'), share(i, totals.conversion), trendText(i, trend.conversion, 'points'))}
        {step('buyers', t('fn.step.buyers'), totals.transactions)}
        {rate('average-check', t('fn.rate.averageCheck'), totals.averageCheck === null ? '—' : num(totals.averageCheck, 2), trendText(i, trend.averageCheck, 'percent'))}
      </ol>
      <p className="muted">{t('fn.previous', { from: i.date(answer.previousPeriod.from), to: i.date(answer.previousPeriod.to) })}</p>
    </section>
  );
}

const pctOf = (v: number | null) => (v === null ? null : v * 100);

function SeriesChart({ answer }: { answer: FunnelAnswer }) {
  const { t, num, dir } = useI18n();
  const rtl = dir === 'rtl';
  const buckets = answer.series.map((p) => p.bucket);
  const capture = answer.series.map((p) => pctOf(p.captureRate));
  const conversion = answer.series.map((p) => pctOf(p.conversion));
  const labels = { capture: t('fn.rate.capture'), conversion: t('fn.rate.conversion') };
  const option = useMemo(() => ratesOverTimeOption(buckets, capture, conversion, labels, { num, rtl }), [answer, num, rtl]); // labels follow num (the language)
  return (
    <Chart
      option={option}
      summary={t('fn.series.summary', { n: buckets.length, first: buckets[0] ?? '', last: buckets.at(-1) ?? '' })}
      fileName="funnel"
      table={{
        caption: t('fn.series.caption'),
        columns: [t('fn.series.bucket'), t('fn.step.passersBy'), t('fn.step.visitors'), t('fn.step.buyers'), `${t('fn.rate.capture')}, %`, `${t('fn.rate.conversion')}, %`, t('fn.rate.averageCheck')],
        rows: answer.series.map((p: FunnelFiguresDto & { bucket: string }) => [p.bucket, p.passersBy, p.visitors, p.transactions, pctOf(p.captureRate), pctOf(p.conversion), p.averageCheck]),
      }}
    />
  );
}

function HoursChart({ answer }: { answer: FunnelHoursAnswer }) {
  const i = useI18n();
  const { t, num } = i;
  const rtl = i.dir === 'rtl';
  const hours = answer.hours.map((h) => `${num(h.hour, 0)}:00`);
  const conversion = answer.hours.map((h) => pctOf(h.conversion));
  const staff = answer.shifts ? answer.hours.map((h) => h.staffOnShift) : null;
  const labels = { conversion: t('fn.rate.conversion'), staff: t('fn.hours.staff') };
  const option = useMemo(() => hoursOption(hours, conversion, staff, labels, { num, rtl }), [answer, num, rtl]); // labels follow num (the language)
  const best = answer.hours.reduce<(typeof answer.hours)[number] | null>((b, h) => (h.conversion !== null && (b === null || h.conversion > b.conversion!) ? h : b), null);
  return (
    <>
      {!answer.shifts && <p className="muted" data-testid="fn-no-shifts">{t('fn.hours.noShifts')}</p>}
      <Chart
        option={option}
        summary={t('fn.hours.summary', { best: best ? `${num(best.hour, 0)}:00 (${share(i, best.conversion)})` : '—' })}
        fileName="funnel-hours"
        table={{
          caption: t('fn.hours.caption'),
          columns: [t('fn.hours.hour'), t('fn.step.visitors'), t('fn.step.buyers'), `${t('fn.rate.conversion')}, %`, t('fn.hours.staff')],
          rows: answer.hours.map((h) => [h.hour, h.visitors, h.transactions, pctOf(h.conversion), h.staffOnShift]),
        }}
      />
    </>
  );
}
