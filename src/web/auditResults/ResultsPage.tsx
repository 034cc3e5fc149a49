/**
 * /app/audits: the audit results of the caller's locations (docs/audits.md "Results"). Filters in the address
 * (period, location, checklist); KPI tiles, for a store's manager the items to fix, scores by standard and by
 * section, the trend, the sortable locations table (linked to their visits), employees, what fails most often,
 * the autofails, the competitor benchmark and the audits beside the customers' NPS / CSAT with the correlation
 * per standard and its caveat. Tables only (no chart code is loaded).
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad, type Loaded } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { withFilters } from '../components/filterParams.ts';
import { PeriodLocationFields, periodOf } from '../components/PeriodLocationFields.tsx';
import { Panel } from '../analytics/ui.tsx';
import { FreshLoadable, fresh, SupportTable } from '../support/load.tsx';
import { orgToday } from '../../core/time/orgCalendar.ts';
import { STANDARD_KEYS } from '../../core/audits/checklist.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type {
  AuditAutofailsAnswer, AuditBenchmarkAnswer, AuditByEmployeeAnswer, AuditByLocationAnswer, AuditCustomerLinkAnswer, AuditItemsAnswer,
  AuditResultOptionsAnswer, AuditSummaryAnswer, AuditToFixAnswer, AuditTrendAnswer, AuditVisitWithItems,
} from '../../core/api/auditResults.ts';
import type { CorrelationResult } from '../../core/stats/correlation.ts';
import type { MetricResult } from '../../core/stats/result.ts';
import '../support/support.css';
import './auditResults.css';

const FILTER_KEYS = ['period', 'from', 'to', 'location', 'checklistId'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type I18n = ReturnType<typeof useI18n>;

/** A standard's name: the known keys translated, an organisation's own key as written. */
function standardName(t: I18n['t'], key: string): string {
  return (STANDARD_KEYS as readonly string[]).includes(key) ? t(`ar.std.${key}` as MessageKey) : key;
}

const score = (i18n: I18n, v: number | null | undefined) => (v === null || v === undefined ? i18n.t('ar.none') : i18n.pct(v, 1));

export function ResultsPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const { preset, range } = periodOf(f, orgToday(me?.org.timezone, new Date()));
  const filters = { from: range.from, to: range.to, location: f.location, checklistId: f.checklistId, lang };
  const q = qs(filters);
  const setFilter = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));
  const restricted = me?.locationPaths !== null && me?.locationPaths !== undefined;
  const [interval, setTrendInterval] = useState<'month' | 'week'>(preset === '12m' ? 'month' : 'week');

  const summary = useLoad<AuditSummaryAnswer>(`/audits/summary${q}`);
  const byLocation = useLoad<AuditByLocationAnswer>(`/audits/by-location${q}`);
  const byEmployee = useLoad<AuditByEmployeeAnswer>(`/audits/by-employee${q}`);
  const trend = useLoad<AuditTrendAnswer>(`/audits/trend${qs({ ...filters, interval })}`);
  const items = useLoad<AuditItemsAnswer>(`/audits/items${q}`);
  const autofails = useLoad<AuditAutofailsAnswer>(`/audits/autofails${q}`);
  const benchmark = useLoad<AuditBenchmarkAnswer>(`/audits/benchmark${q}`);
  const customers = useLoad<AuditCustomerLinkAnswer>(`/audits/customer-link${q}`);
  const toFix = useLoad<AuditToFixAnswer>(restricted ? `/audits/to-fix${q}` : null);
  const options = useLoad<AuditResultOptionsAnswer>('/audits/result-options');
  const locations = useLoad<LocationsAnswer>('/locations');

  const s = fresh(summary);
  const b = fresh(benchmark);
  const empty = s !== null && b !== null && s.n === 0 && b.competitors.n === 0;

  return (
    <div className="an-page ar-page">
      <div className="an-page-head">
        <PageTitle title={t('ar.title')} />
      </div>
      <p className="muted">{t('ar.intro')}</p>
      <form className="card sp-filters" aria-label={t('ar.filters')} onSubmit={(e) => e.preventDefault()} data-testid="ar-filters">
        <PeriodLocationFields prefix="ar" f={f} preset={preset} range={range} locations={locations.data?.locations ?? []} setFilter={setFilter} />
        <label className="field">
          {t('ar.checklist')}
          <select value={f.checklistId ?? ''} onChange={(e) => setFilter({ checklistId: e.target.value || undefined })} data-testid="ar-filter-checklist">
            <option value="">{t('ar.anyChecklist')}</option>
            {(options.data?.checklists ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <div className="sp-filter-actions">
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>{t('ar.reset')}</button>
        </div>
      </form>
      <div aria-live="polite" className="visually-hidden" data-testid="ar-status">{s ? t('ar.kpi.autofails', { n: s.autofails }) : ''}</div>
      {empty ? (
        <div data-testid="ar-empty">
          <EmptyState title={t('ar.empty.title')}>
            <p>{t('ar.empty.body')}</p>
            {me?.permissions.includes('audit.manage') && <p><Link to="/app/audits/waves">{t('ar.empty.plan')}</Link></p>}
          </EmptyState>
        </div>
      ) : (
        <>
          <Tiles state={summary} />
          {restricted && (
            <Panel title={t('ar.mine.title')} id="ar-mine">
              <p className="muted">{t('ar.mine.intro')}</p>
              <FreshLoadable state={toFix} height={120}>{(d) => <ToFix visits={d.visits} />}</FreshLoadable>
            </Panel>
          )}
          <Panel title={t('ar.std.title')} id="ar-std">
            <p className="muted">{t('ar.std.intro')}</p>
            <FreshLoadable state={summary} height={160}>{(d) => <Standards data={d} />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.sec.title')} id="ar-sec">
            <FreshLoadable state={summary} height={120}>{(d) => <Sections data={d} />}</FreshLoadable>
          </Panel>
          <Panel
            title={t('ar.trend.title')}
            id="ar-trend"
            actions={(
              <label className="ar-inline">
                {t('ar.trend.interval')}
                <select value={interval} onChange={(e) => setTrendInterval(e.target.value === 'month' ? 'month' : 'week')} data-testid="ar-trend-interval">
                  <option value="week">{t('ar.trend.byWeek')}</option>
                  <option value="month">{t('ar.trend.byMonth')}</option>
                </select>
              </label>
            )}
          >
            <FreshLoadable state={trend} height={120}>{(d) => <Trend data={d} />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.loc.title')} id="ar-loc">
            <FreshLoadable state={byLocation} height={160}>{(d) => <Locations rows={d.locations} />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.emp.title')} id="ar-emp">
            <FreshLoadable state={byEmployee} height={120}>{(d) => <Employees rows={d.employees} />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.fail.title')} id="ar-fail">
            <p className="muted">{t('ar.fail.intro')}</p>
            <FreshLoadable state={items} height={160}>{(d) => <Failing data={d} />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.auto.title')} id="ar-auto">
            <p className="muted">{t('ar.auto.intro')}</p>
            <FreshLoadable state={autofails} height={120}>{(d) => <VisitList visits={d.visits} empty={t('ar.auto.none')} testId="ar-autofails" />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.bench.title')} id="ar-bench">
            <p className="muted">{t('ar.bench.intro')}</p>
            <FreshLoadable state={benchmark} height={160}>{(d) => <Benchmark data={d} />}</FreshLoadable>
          </Panel>
          <Panel title={t('ar.cust.title')} id="ar-cust">
            <p className="muted">{t('ar.cust.intro')}</p>
            <p className="ar-caveat" role="note" data-testid="ar-caveat">{t('ar.cust.caveat')}</p>
            <FreshLoadable state={customers} height={160}>{(d) => <Customers data={d} />}</FreshLoadable>
          </Panel>
        </>
      )}
    </div>
  );
}

function Tiles({ state }: { state: Loaded<AuditSummaryAnswer> }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const s = fresh(state);
  if (state.error && !state.loading) return <FreshLoadable state={state} height={0}>{() => null}</FreshLoadable>;
  const change = s?.change ?? null;
  const tiles = s && [
    { id: 'visits', label: t('ar.kpi.visits'), value: num(s.n, 0), details: [] as string[] },
    { id: 'mean', label: t('ar.kpi.mean'), value: score(i18n, s.mean), details: [t('ar.kpi.meanNote'), ...(s.company ? [t('ar.kpi.company', { mean: score(i18n, s.company.mean) })] : [])] },
    { id: 'autofail', label: t('ar.kpi.autofail'), value: score(i18n, s.autofailRate), details: [t('ar.kpi.autofails', { n: s.autofails })], warn: s.autofails > 0 },
    {
      id: 'change', label: t('ar.kpi.change'),
      value: change === null ? t('ar.none') : t('ar.kpi.points', { value: `${change > 0 ? '+' : change < 0 ? '−' : ''}${num(Math.abs(change), 1)}` }),
      details: [s.previous && s.previous.n > 0 ? t('ar.kpi.previous', { mean: score(i18n, s.previous.mean), n: s.previous.n }) : t('ar.kpi.noPrevious')],
    },
  ];
  return (
    <section aria-labelledby="ar-kpi-title">
      <h2 id="ar-kpi-title" className="visually-hidden">{t('ar.kpi.title')}</h2>
      <ul className="an-kpis sp-kpis" aria-busy={s === null}>
        {tiles
          ? tiles.map((tile) => (
              <li key={tile.id} className={`card an-kpi sp-kpi${'warn' in tile && tile.warn ? ' ar-warn' : ''}`} data-testid={`ar-kpi-${tile.id}`}>
                <span className="an-kpi-label">{tile.label}</span>
                <span className="sp-kpi-value" data-testid="ar-kpi-value"><bdi>{tile.value}</bdi></span>
                {tile.details.map((d) => <span key={d} className="muted sp-kpi-detail">{d}</span>)}
              </li>
            ))
          : Array.from({ length: 4 }, (_, i) => <li key={i} className="card an-kpi"><div className="skeleton" style={{ blockSize: 90 }} /></li>)}
      </ul>
    </section>
  );
}

/** A score with a bar (the bar is decoration: the number is the text). */
function ScoreCell({ value }: { value: number | null }) {
  const i18n = useI18n();
  return (
    <td className="num ar-score">
      <span className="ar-bar" aria-hidden="true"><span style={{ inlineSize: `${Math.max(0, Math.min(100, value ?? 0))}%` }} /></span>
      <bdi>{score(i18n, value)}</bdi>
    </td>
  );
}

/** A table of pooled scores (standards, sections): name (with an optional note), score, items checked, visits. */
function PooledTable({ testId, caption, column, rows }: {
  testId: string;
  caption: string;
  column: string;
  rows: { id: string; name: string; note?: string; score: number | null; items: number; visits: number }[];
}) {
  const { t, num } = useI18n();
  if (rows.length === 0) return <p className="muted an-empty">{t('ar.fail.none')}</p>;
  return (
    <SupportTable testId={testId} caption={caption}>
      <thead><tr><th scope="col">{column}</th><th scope="col" className="num">{t('ar.score')}</th><th scope="col" className="num">{t('ar.items')}</th><th scope="col" className="num">{t('ar.visits')}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row"><bdi>{r.name}</bdi>{r.note && <span className="muted ar-note"><bdi>{r.note}</bdi></span>}</th>
            <ScoreCell value={r.score} /><td className="num">{num(r.items, 0)}</td><td className="num">{num(r.visits, 0)}</td>
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function Standards({ data }: { data: AuditSummaryAnswer }) {
  const { t } = useI18n();
  const rows = data.standards.map((s) => ({ ...s, id: s.key, name: standardName(t, s.key) }));
  return <PooledTable testId="ar-standards" caption={t('ar.std.title')} column={t('ar.std.standard')} rows={rows} />;
}

function Sections({ data }: { data: AuditSummaryAnswer }) {
  const { t } = useI18n();
  const several = new Set(data.sections.map((s) => s.checklistId)).size > 1;
  const rows = data.sections.map((s) => ({ ...s, id: `${s.checklistId}-${s.key}`, note: several ? s.checklistName : undefined }));
  return <PooledTable testId="ar-sections" caption={t('ar.sec.title')} column={t('ar.sec.section')} rows={rows} />;
}

function Trend({ data }: { data: AuditTrendAnswer }) {
  const i18n = useI18n();
  const { t, num, date } = i18n;
  if (data.points.length === 0) return <p className="muted an-empty">{t('ar.empty.title')}</p>;
  const label = (day: string) => (data.interval === 'month' ? date(`${day}T12:00:00Z`, { year: 'numeric', month: 'long', timeZone: 'UTC' }) : date(`${day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }));
  return (
    <SupportTable testId="ar-trend" caption={t('ar.trend.title')}>
      <thead><tr><th scope="col">{t(data.interval === 'month' ? 'ar.trend.month' : 'ar.trend.week')}</th><th scope="col" className="num">{t('ar.kpi.mean')}</th><th scope="col" className="num">{t('ar.visits')}</th><th scope="col" className="num">{t('ar.loc.autofails')}</th></tr></thead>
      <tbody>
        {data.points.map((p) => <tr key={p.period}><th scope="row">{label(p.period)}</th><ScoreCell value={p.mean} /><td className="num">{num(p.n, 0)}</td><td className="num">{num(p.autofails, 0)}</td></tr>)}
      </tbody>
    </SupportTable>
  );
}

type LocRow = AuditByLocationAnswer['locations'][number];
const LOC_COLUMNS = ['name', 'mean', 'n', 'autofails', 'latest'] as const;
type LocColumn = (typeof LOC_COLUMNS)[number];

function Locations({ rows }: { rows: LocRow[] }) {
  const i18n = useI18n();
  const { t, num, date } = i18n;
  const [sort, setSort] = useState<{ by: LocColumn; desc: boolean }>({ by: 'mean', desc: false });
  const sorted = useMemo(() => {
    const value = (r: LocRow) => (sort.by === 'mean' ? r.mean ?? -1 : r[sort.by]);
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
      return (sort.desc ? -c : c) || a.name.localeCompare(b.name);
    });
  }, [rows, sort]);
  if (rows.length === 0) return <p className="muted an-empty">{t('ar.empty.title')}</p>;
  const label: Record<LocColumn, string> = { name: t('ar.loc.location'), mean: t('ar.kpi.mean'), n: t('ar.visits'), autofails: t('ar.loc.autofails'), latest: t('ar.loc.latest') };
  return (
    <SupportTable testId="ar-locations" caption={t('ar.loc.title')}>
      <thead>
        <tr>
          {LOC_COLUMNS.map((c) => (
            <th key={c} scope="col" className={c === 'name' || c === 'latest' ? undefined : 'num'} aria-sort={sort.by === c ? (sort.desc ? 'descending' : 'ascending') : undefined}>
              <button type="button" className="link-button ar-sort" onClick={() => setSort((s) => ({ by: c, desc: s.by === c ? !s.desc : c !== 'name' && c !== 'mean' }))} aria-label={t('ar.loc.sort', { column: label[c] })} data-testid={`ar-sort-${c}`}>
                {label[c]}{sort.by === c && <span aria-hidden="true">{sort.desc ? ' ▼' : ' ▲'}</span>}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.id}>
            <th scope="row"><Link to={`/app/audits/visits?locationId=${encodeURIComponent(r.id)}`} aria-label={t('ar.loc.open', { name: r.name })}><bdi>{r.name}</bdi></Link></th>
            <ScoreCell value={r.mean} />
            <td className="num">{num(r.n, 0)}</td>
            <td className="num">{num(r.autofails, 0)}</td>
            <td>{date(`${r.latest}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function Employees({ rows }: { rows: AuditByEmployeeAnswer['employees'] }) {
  const { t, num } = useI18n();
  if (rows.length === 0) return <p className="muted an-empty">{t('ar.emp.none')}</p>;
  return (
    <SupportTable testId="ar-employees" caption={t('ar.emp.title')}>
      <thead><tr><th scope="col">{t('ar.emp.employee')}</th><th scope="col" className="num">{t('ar.kpi.mean')}</th><th scope="col" className="num">{t('ar.visits')}</th><th scope="col" className="num">{t('ar.loc.autofails')}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.employeeId}-${r.name}`}>
            <th scope="row"><bdi>{r.name}</bdi>{r.locationName && <span className="muted ar-note"><bdi>{r.locationName}</bdi></span>}</th>
            <ScoreCell value={r.mean} /><td className="num">{num(r.n, 0)}</td><td className="num">{num(r.autofails, 0)}</td>
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function Failing({ data }: { data: AuditItemsAnswer }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (data.items.length === 0) return <p className="muted an-empty">{t('ar.fail.none')}</p>;
  return (
    <SupportTable testId="ar-failing" caption={t('ar.fail.title')}>
      <thead><tr><th scope="col">{t('ar.fail.item')}</th><th scope="col" className="num">{t('ar.fail.rate')}</th><th scope="col" className="num">{t('ar.score')}</th></tr></thead>
      <tbody>
        {data.items.slice(0, 15).map((r) => (
          <tr key={`${r.checklistId}-${r.key}`}>
            <th scope="row">
              <bdi>{r.text}</bdi>
              {r.critical && <> <span className="badge">{t('ar.fail.critical')}</span></>}
              {r.standard && <span className="muted ar-note"><bdi>{standardName(t, r.standard)}</bdi></span>}
            </th>
            <td className="num"><bdi>{score(i18n, r.failRate)}</bdi><span className="muted ar-note">{t('ar.fail.detail', { failed: r.failed, applicable: r.applicable })}</span></td>
            <ScoreCell value={r.score} />
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function VisitList({ visits, empty, testId }: { visits: AuditVisitWithItems[]; empty: string; testId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  if (visits.length === 0) return <p className="muted an-empty" data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <ul className="ar-visits" data-testid={testId}>
      {visits.map((v) => (
        <li key={v.visitId}>
          <p className="ar-visit-head">
            <Link to={`/app/audits/visits/${encodeURIComponent(v.visitId)}`}>
              <bdi>{t('ar.auto.visit', { day: date(`${v.day}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }), location: `\u2068${v.location?.name ?? t('ar.auto.noLocation')}\u2069` })}</bdi>
            </Link>
            {' '}<span className="muted"><bdi>{v.checklistName}</bdi> · {score(i18n, v.score)}</span>
          </p>
          <ul className="ar-failed">
            {v.items.map((i) => <li key={i.key}><bdi>{i.text}</bdi>{i.critical && <> <span className="badge">{t('ar.fail.critical')}</span></>}</li>)}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function ToFix({ visits }: { visits: AuditVisitWithItems[] }) {
  const { t } = useI18n();
  const withItems = visits.filter((v) => v.items.length > 0);
  return <VisitList visits={withItems} empty={visits.length === 0 ? t('ar.empty.title') : t('ar.mine.none')} testId="ar-tofix" />;
}

function Benchmark({ data }: { data: AuditBenchmarkAnswer }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  if (data.competitors.n === 0) return <p className="muted an-empty" data-testid="ar-bench-none">{t('ar.bench.none')}</p>;
  const gap = (a: number | null, b: number | null) => (a === null || b === null ? t('ar.none') : `${a - b > 0 ? '+' : a - b < 0 ? '−' : ''}${num(Math.abs(a - b), 1)}`);
  return (
    <>
      <SupportTable testId="ar-benchmark" caption={t('ar.bench.title')}>
        <thead><tr><th scope="col">{t('ar.std.standard')}</th><th scope="col" className="num">{t('ar.bench.own')}</th><th scope="col" className="num">{t('ar.bench.competitors')}</th><th scope="col" className="num">{t('ar.bench.gap')}</th></tr></thead>
        <tbody>
          <tr className="ar-total">
            <th scope="row">{t('ar.kpi.mean')}<span className="muted ar-note">{t('ar.bench.n', { n: data.own.n })} / {t('ar.bench.n', { n: data.competitors.n })}</span></th>
            <ScoreCell value={data.own.mean} /><ScoreCell value={data.competitors.mean} /><td className="num"><bdi>{gap(data.own.mean, data.competitors.mean)}</bdi></td>
          </tr>
          {data.standards.map((s) => (
            <tr key={s.key}>
              <th scope="row"><bdi>{standardName(t, s.key)}</bdi></th>
              <ScoreCell value={s.own.score} /><ScoreCell value={s.competitors.score} /><td className="num"><bdi>{gap(s.own.score, s.competitors.score)}</bdi></td>
            </tr>
          ))}
        </tbody>
      </SupportTable>
      <SupportTable testId="ar-competitors" caption={t('ar.bench.competitors')}>
        <thead><tr><th scope="col">{t('ar.bench.competitor')}</th><th scope="col" className="num">{t('ar.kpi.mean')}</th><th scope="col" className="num">{t('ar.visits')}</th></tr></thead>
        <tbody>
          {data.competitorLocations.map((c) => <tr key={c.id}><th scope="row"><bdi>{c.name}</bdi></th><ScoreCell value={c.mean} /><td className="num">{num(c.n, 0)}</td></tr>)}
        </tbody>
      </SupportTable>
    </>
  );
}

function metricText(i18n: I18n, r: MetricResult, kind: 'nps' | 'csat') {
  if (r.value === null) return i18n.t('ar.none');
  return kind === 'nps' ? `${r.value > 0 ? '+' : ''}${i18n.num(r.value, 0)}` : i18n.pct(r.value, 0);
}

function correlationText(i18n: I18n, c: CorrelationResult) {
  const { t, num } = i18n;
  if (c.reason === 'too_few') return t('ar.corr.tooFew', { n: c.n });
  if (c.r === null || c.pValue === null || c.ci95 === null) return t('ar.corr.noVariance', { n: c.n });
  return t('ar.corr.value', { r: num(c.r, 2, true), n: c.n, p: num(c.pValue, 3, true), low: num(c.ci95[0], 2, true), high: num(c.ci95[1], 2, true) });
}

function Customers({ data }: { data: AuditCustomerLinkAnswer }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (data.locations.length === 0) return <p className="muted an-empty">{t('ar.cust.none')}</p>;
  return (
    <>
      <SupportTable testId="ar-customers" caption={t('ar.cust.title')}>
        <thead><tr><th scope="col">{t('ar.loc.location')}</th><th scope="col" className="num">{t('ar.cust.audit')}</th><th scope="col" className="num">{t('ar.cust.nps')}</th><th scope="col" className="num">{t('ar.cust.csat')}</th></tr></thead>
        <tbody>
          {data.locations.map((l) => (
            <tr key={l.id}>
              <th scope="row"><bdi>{l.name}</bdi></th>
              <td className="num"><bdi>{score(i18n, l.audit.mean)}</bdi><span className="muted ar-note">{t('ar.bench.n', { n: l.audit.n })}</span></td>
              <td className="num"><bdi>{metricText(i18n, l.nps, 'nps')}</bdi><span className="muted ar-note">{t('ar.cust.answers', { n: l.nps.n })}</span></td>
              <td className="num"><bdi>{metricText(i18n, l.csat, 'csat')}</bdi><span className="muted ar-note">{t('ar.cust.answers', { n: l.csat.n })}</span></td>
            </tr>
          ))}
        </tbody>
      </SupportTable>
      <h3 className="ar-sub">{t('ar.corr.title')}</h3>
      <p className="muted">{t('ar.corr.intro', { min: i18n.num(data.minLocations, 0) })}</p>
      <SupportTable testId="ar-correlations" caption={t('ar.corr.title')}>
        <thead><tr><th scope="col">{t('ar.std.standard')}</th><th scope="col">{t('ar.cust.nps')}</th><th scope="col">{t('ar.cust.csat')}</th></tr></thead>
        <tbody>
          {data.correlations.map((c) => (
            <tr key={c.standard}>
              <th scope="row"><bdi>{standardName(t, c.standard)}</bdi></th>
              <td><bdi>{correlationText(i18n, c.nps)}</bdi></td>
              <td><bdi>{correlationText(i18n, c.csat)}</bdi></td>
            </tr>
          ))}
        </tbody>
      </SupportTable>
    </>
  );
}
