/**
 * /app/support: support operations of the caller's locations (docs/support.md "Dashboard and API"). Filters
 * (period, location, channel, team, priority, repeat window) are kept in the URL; KPI tiles with the
 * change against the previous period of equal length and a weekly sparkline; response and resolution
 * time distributions; a table by agent / team / location / channel / category / priority sortable from the
 * keyboard; CSAT after contacts by agent and resolution time; customers who came back; SLA breaches; complaints
 * next to the NPS of the same locations. A link to the import page stays in the header.
 * While new filters load, panels show a placeholder rather than the previous filters' numbers.
 */
import { useMemo } from 'react';
import { withFilters } from '../components/filterParams.ts';
import { Link, useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad, type Loaded } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ErrorBox } from '../analytics/ui.tsx';
import { fresh } from './load.tsx';
import { orgToday, previousPeriod } from '../../core/time/orgCalendar.ts';
import { PeriodLocationFields, periodOf } from '../components/PeriodLocationFields.tsx';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { SupportKpisAnswer, SupportTrendAnswer } from '../../core/api/supportKpis.ts';
import { KpiTiles } from './KpiTiles.tsx';
import { DistributionPanel } from './DistributionPanel.tsx';
import { GroupTable } from './GroupTable.tsx';
import { RepeatsPanel, SlaBreachesPanel } from './ListPanels.tsx';
import { ComplaintsPanel } from './ComplaintsPanel.tsx';
import { SatisfactionPanel } from './SatisfactionPanel.tsx';
import './support.css';

const WINDOWS = [3, 7, 14, 30] as const;
const FILTER_KEYS = ['period', 'from', 'to', 'location', 'channel', 'team', 'priority', 'repeat'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function SupportPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const { preset, range } = periodOf(f, orgToday(me?.org.timezone, new Date()));
  const repeatWindow = `${WINDOWS.find((w) => String(w) === f.repeat) ?? 7}d`;
  const filters = { from: range.from, to: range.to, location: f.location, channel: f.channel, team: f.team, priority: f.priority, repeatWindow };
  const previous = range.from && range.to ? previousPeriod(range.from, range.to) : null;

  const kpis = useLoad<SupportKpisAnswer>(`/support/kpis${qs(filters)}`);
  const before = useLoad<SupportKpisAnswer>(previous ? `/support/kpis${qs({ ...filters, ...previous })}` : null);
  const trend = useLoad<SupportTrendAnswer>(`/support/trend${qs({ ...filters, interval: preset === '30d' ? 'day' : 'week' })}`);
  // Everything the caller has (no filters): whether to show the import hint, and the values the filters offer.
  const options = useLoad<SupportKpisAnswer>(`/support/kpis${qs({ by: 'channel' })}`);
  const teams = useLoad<SupportKpisAnswer>(`/support/kpis${qs({ by: 'team' })}`);
  const priorities = useLoad<SupportKpisAnswer>(`/support/kpis${qs({ by: 'priority' })}`);
  const locations = useLoad<LocationsAnswer>('/locations');

  const setFilter = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));

  const nothingYet = options.data !== null && options.data.kpis.contacts === 0;
  const keysOf = (a: Loaded<SupportKpisAnswer>) => (a.data?.groups ?? []).map((g) => g.key).filter((k) => k !== '');
  const select = (key: 'channel' | 'team' | 'priority', values: string[]) => (
    <label className="field">
      {t(`sp.${key}`)}
      <select value={f[key] ?? ''} onChange={(e) => setFilter({ [key]: e.target.value || undefined })} data-testid={`sp-filter-${key}`}>
        <option value="">{t('sp.any')}</option>
        {values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    </label>
  );

  return (
    <div className="an-page sp-page">
      <div className="an-page-head">
        <PageTitle title={t('sp.title')} />
        {!nothingYet && can('support.import') && <Link to="/app/support/import" className="button secondary" data-testid="sp-import">{t('sp.importMore')}</Link>}
      </div>
      <p className="muted">{t('sp.intro')}</p>
      {nothingYet ? (
        <section className="card sp-empty" data-testid="sp-none">
          <p>{t('sp.none')}</p>
          <p><Link to="/app/support/import" className="button primary">{t('sp.importLink')}</Link></p>
        </section>
      ) : (
        <>
          <form className="card sp-filters" aria-label={t('sp.filters')} onSubmit={(e) => e.preventDefault()} data-testid="sp-filters">
            <PeriodLocationFields prefix="sp" f={f} preset={preset} range={range} locations={locations.data?.locations ?? []} setFilter={setFilter} />
            {select('channel', keysOf(options))}
            {select('team', keysOf(teams))}
            {select('priority', keysOf(priorities))}
            <label className="field">
              {t('sp.repeatWindow')}
              <select value={repeatWindow.slice(0, -1)} onChange={(e) => setFilter({ repeat: e.target.value === '7' ? undefined : e.target.value })} data-testid="sp-filter-repeat">
                {WINDOWS.map((w) => <option key={w} value={w}>{t('sp.days', { n: w })}</option>)}
              </select>
            </label>
            <div className="sp-filter-actions">
              <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>{t('sp.reset')}</button>
            </div>
          </form>
          {kpis.error && !kpis.loading ? <ErrorBox error={kpis.error} onRetry={kpis.reload} /> : null}
          {fresh(kpis)?.kpis.contacts === 0 && <p className="card muted an-empty" data-testid="sp-empty">{t('sp.empty')}</p>}
          <KpiTiles current={kpis} previous={before} trend={trend} />
          <DistributionPanel filters={filters} />
          <GroupTable filters={filters} />
          <SatisfactionPanel filters={filters} />
          {can('response.read') && <RepeatsPanel filters={filters} />}
          {can('response.read') && <SlaBreachesPanel filters={filters} byPriority={fresh(kpis)?.sla_by_priority ?? null} />}
          <ComplaintsPanel filters={filters} />
        </>
      )}
    </div>
  );
}
