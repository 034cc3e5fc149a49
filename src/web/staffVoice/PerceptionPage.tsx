/**
 * /app/staff/perception (docs/staff.md "The perception gap"): per location and team of 5+ staff, the staff's estimate
 * of the customers' NPS and CSAT next to the customers' actual answers (paired bars; the numbers are in the table),
 * the gap in plain words, and the customers' top complaints staff do not see. Filters in the address: the staff and
 * customer surveys, the period and the location.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { withFilters } from '../components/filterParams.ts';
import { PeriodLocationFields, periodOf } from '../components/PeriodLocationFields.tsx';
import { Panel } from '../analytics/ui.tsx';
import { FreshLoadable, fresh, SupportTable } from '../support/load.tsx';
import { orgToday } from '../../core/time/orgCalendar.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { StaffPerceptionAnswer, StaffPerceptionGroup } from '../../core/api/staffPerception.ts';
import '../support/support.css';
import './perception.css';

const FILTER_KEYS = ['survey', 'customerSurvey', 'period', 'from', 'to', 'location'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type I18n = ReturnType<typeof useI18n>;

/** A gap in points with its sign ("+25.7 pts", "−43.3 pts"). */
function signedPoints(i18n: I18n, v: number | null): string {
  if (v === null) return i18n.t('pg.none');
  const rounded = Math.round(v * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return i18n.t('pg.points', { value: `${sign}${i18n.num(Math.abs(rounded), 1)}` });
}

const groupLabel = (t: I18n['t'], g: StaffPerceptionGroup) => (g.team === null ? g.name : t('pg.teamOf', { name: g.name, team: g.team }));

export function PerceptionPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const { preset, range } = periodOf(f, orgToday(me?.org.timezone, new Date()));
  const setFilter = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));
  const state = useLoad<StaffPerceptionAnswer>(`/staff/perception${qs({ survey: f.survey, customerSurvey: f.customerSurvey, from: range.from, to: range.to, location: f.location })}`);
  const locations = useLoad<LocationsAnswer>('/locations');
  const d = fresh(state);
  // The pickers keep the last answer's lists while a new one loads, so they do not jump.
  const lists = state.data;

  return (
    <div className="an-page pg-page">
      <div className="an-page-head">
        <PageTitle title={t('pg.title')} />
      </div>
      <p className="muted">{t('pg.intro')}</p>
      <form className="card sp-filters" aria-label={t('pg.filters')} onSubmit={(e) => e.preventDefault()} data-testid="pg-filters">
        <label className="field">
          {t('pg.survey')}
          <select value={f.survey ?? lists?.survey?.id ?? ''} onChange={(e) => setFilter({ survey: e.target.value || undefined })} data-testid="pg-filter-survey">
            {(lists?.surveys.staff ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="field">
          {t('pg.customerSurvey')}
          <select value={f.customerSurvey ?? lists?.customerSurvey?.id ?? ''} onChange={(e) => setFilter({ customerSurvey: e.target.value || undefined })} data-testid="pg-filter-customer-survey">
            {!lists?.customerSurvey && <option value="">{t('pg.noCustomerSurvey')}</option>}
            {(lists?.surveys.customers ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <PeriodLocationFields prefix="pg" f={f} preset={preset} range={range} locations={locations.data?.locations ?? []} setFilter={setFilter} />
        <div className="sp-filter-actions">
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>{t('pg.reset')}</button>
        </div>
      </form>
      <div aria-live="polite" className="visually-hidden" data-testid="pg-status">{d ? t('pg.status', { n: d.groups.length }) : ''}</div>
      {state.loading && <p role="status" className="visually-hidden">{t('pg.title')}…</p>}
      <FreshLoadable state={state} height={240}>{(data) => <Results data={data} canCreate={me?.permissions.includes('survey.create') ?? false} />}</FreshLoadable>
    </div>
  );
}

function Results({ data, canCreate }: { data: StaffPerceptionAnswer; canCreate: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const min = data.thresholds.minGroup;
  if (!data.survey) {
    return (
      <div data-testid="pg-empty">
        <EmptyState title={t('pg.empty.noStaff.title')}>
          <p>{t('pg.empty.noStaff.body')}</p>
          {canCreate && <p><Link className="button" to="/app/surveys/new">{t('pg.empty.create')}</Link></p>}
        </EmptyState>
      </div>
    );
  }
  if (!data.asks.nps && !data.asks.csat && !data.asks.complaints) {
    return (
      <div data-testid="pg-empty">
        <EmptyState title={t('pg.empty.noQuestions.title')}><p>{t('pg.empty.noQuestions.body')}</p></EmptyState>
      </div>
    );
  }
  return (
    <>
      <p className="pg-note" role="note" data-testid="pg-anonymity">
        {t('pg.anonymity', { min })}
        {data.hidden > 0 && <> {t('pg.hidden', { n: data.hidden })}</>}
      </p>
      {!data.customerSurvey && <p className="pg-note" role="note">{t('pg.empty.noCustomers')}</p>}
      {data.groups.length === 0 ? (
        <div data-testid="pg-empty">
          <EmptyState title={t('pg.empty.noGroups.title')}><p>{t('pg.empty.noGroups.body', { min })}</p></EmptyState>
        </div>
      ) : (
        <>
          <Panel title={t('pg.table.title')} id="pg-gap">
            <p className="muted">{t('pg.readingNote', { points: i18n.num(data.thresholds.alignedWithin, 0) })}</p>
            <GapTable data={data} />
          </Panel>
          {data.asks.complaints || data.groups.some((g) => g.complaints.length > 0) ? (
            <Panel title={t('pg.unseen.title')} id="pg-unseen">
              <p className="muted">{t('pg.unseen.intro', { top: i18n.num(data.thresholds.topThemes, 0), share: i18n.pct(data.thresholds.unseenBelowShare * 100, 0) })}</p>
              {!data.asks.complaints && <p className="pg-note" role="note">{t('pg.unseen.notAsked')}</p>}
              {data.groups.map((g) => <Complaints key={`${g.locationId}:${g.team ?? ''}`} group={g} />)}
            </Panel>
          ) : null}
        </>
      )}
    </>
  );
}

/** Two bars on one scale, the staff's above the customers' (decoration: the numbers are the cell's text). */
function PairedBars({ staff, customers, min, max, unit }: { staff: number | null; customers: number | null; min: number; max: number; unit: 'points' | 'percent' }) {
  const i18n = useI18n();
  const { t } = i18n;
  const width = (v: number | null) => `${v === null ? 0 : Math.max(0, Math.min(100, ((v - min) / (max - min)) * 100))}%`;
  const show = (v: number | null) => (v === null ? t('pg.none') : unit === 'percent' ? i18n.pct(v, 1) : i18n.num(v, 1));
  return (
    <div className="pg-pair">
      <span className="pg-bar-row">
        <span className="pg-bar pg-bar-staff" aria-hidden="true"><span style={{ inlineSize: width(staff) }} /></span>
        <span className="pg-bar-label">{t('pg.staffSays')}</span> <bdi data-testid="pg-expected">{show(staff)}</bdi>
      </span>
      <span className="pg-bar-row">
        <span className="pg-bar pg-bar-customers" aria-hidden="true"><span style={{ inlineSize: width(customers) }} /></span>
        <span className="pg-bar-label">{t('pg.customersSay')}</span> <bdi data-testid="pg-actual">{show(customers)}</bdi>
      </span>
    </div>
  );
}

function GapCell({ gap, reading, testId }: { gap: number | null; reading: StaffPerceptionGroup['reading']['nps']; testId: string }) {
  const i18n = useI18n();
  return (
    <td className={`pg-gap${reading ? ` pg-${reading}` : ''}`} data-testid={testId}>
      <bdi className="pg-gap-value">{signedPoints(i18n, gap)}</bdi>
      {reading && <span className="pg-reading">{i18n.t(`pg.reading.${reading}` as MessageKey)}</span>}
    </td>
  );
}

function GapTable({ data }: { data: StaffPerceptionAnswer }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  return (
    <SupportTable testId="pg-table" caption={t('pg.table.title')} wide>
      <thead>
        <tr>
          <th scope="col">{t('pg.col.group')}</th>
          <th scope="col" className="num">{t('pg.col.staff')}</th>
          {data.asks.nps && <><th scope="col">{t('pg.col.nps')}</th><th scope="col">{t('pg.col.npsGap')}</th></>}
          {data.asks.csat && <><th scope="col">{t('pg.col.csat')}</th><th scope="col">{t('pg.col.csatGap')}</th></>}
          <th scope="col" className="num">{t('pg.col.customers')}</th>
        </tr>
      </thead>
      <tbody>
        {data.groups.map((g) => (
          <tr key={`${g.locationId}:${g.team ?? ''}`} data-testid="pg-row">
            <th scope="row"><bdi>{groupLabel(t, g)}</bdi></th>
            <td className="num" data-testid="pg-staff-n">{num(g.staffN, 0)}</td>
            {data.asks.nps && (
              <>
                <td data-testid="pg-nps"><PairedBars staff={g.expected.nps} customers={g.actual.nps} min={-100} max={100} unit="points" /></td>
                <GapCell gap={g.gap.nps} reading={g.reading.nps} testId="pg-nps-gap" />
              </>
            )}
            {data.asks.csat && (
              <>
                <td data-testid="pg-csat"><PairedBars staff={g.expected.csat} customers={g.actual.csat} min={0} max={100} unit="percent" /></td>
                <GapCell gap={g.gap.csat} reading={g.reading.csat} testId="pg-csat-gap" />
              </>
            )}
            <td className="num" data-testid="pg-customers-n">{num(g.actual.n, 0)}</td>
          </tr>
        ))}
      </tbody>
    </SupportTable>
  );
}

function Complaints({ group }: { group: StaffPerceptionGroup }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const label = groupLabel(t, group);
  const unseen = group.complaints.filter((c) => c.unseen);
  const id = `pg-c-${group.locationId}-${group.team ?? ''}`.replace(/[^a-zA-Z0-9-]/g, '_');
  return (
    <section className="pg-group" aria-labelledby={id} data-testid="pg-complaints">
      <h3 id={id} className="pg-group-title"><bdi>{label}</bdi></h3>
      {group.complaints.length === 0 ? (
        <p className="muted">{t('pg.unseen.noComplaints')}</p>
      ) : (
        <>
          <p className={unseen.length > 0 ? 'pg-unseen-count pg-warn' : 'pg-unseen-count'} data-testid="pg-unseen-count">{t('pg.unseen.count', { n: unseen.length })}</p>
          <SupportTable testId="pg-complaints-table" caption={`${t('pg.unseen.title')}: ${label}`}>
            <thead>
              <tr>
                <th scope="col">{t('pg.col.theme')}</th>
                <th scope="col" className="num">{t('pg.col.customerShare')}</th>
                <th scope="col" className="num">{t('pg.col.staffShare')}</th>
                <th scope="col">{t('pg.col.seen')}</th>
              </tr>
            </thead>
            <tbody>
              {group.complaints.map((c) => {
                return (
                  <tr key={c.theme} className={c.unseen ? 'pg-unseen' : undefined} data-testid={c.unseen ? 'pg-unseen-row' : 'pg-complaint-row'}>
                    <th scope="row"><bdi>{c.name[lang] || c.name.en || c.theme}</bdi></th>
                    <td className="num">{i18n.pct(c.customerShare * 100, 0)}</td>
                    <td className="num">{c.staffShare === null ? t('pg.none') : i18n.pct(c.staffShare * 100, 0)}</td>
                    <td>{c.unseen ? <strong>{t('pg.seen.no')}</strong> : c.top ? t('pg.seen.yes') : t('pg.seen.other')}</td>
                  </tr>
                );
              })}
            </tbody>
          </SupportTable>
        </>
      )}
    </section>
  );
}
