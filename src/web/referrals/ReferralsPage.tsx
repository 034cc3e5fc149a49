/**
 * /app/stores/referrals: the "bring a friend" loop (docs/store-economics.md "Bring a friend" referrals). Admins turn
 * the codes on or off, with a preview of the promoter's thank-you block; everyone who reads metrics sees the funnel
 * codes issued -> link visits -> referred customers -> bought -> revenue, per location of their own, and the latest
 * referrals (no personal data). Period and location live in the address.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { withFilters } from '../components/filterParams.ts';
import { PeriodLocationFields, periodOf } from '../components/PeriodLocationFields.tsx';
import { Panel } from '../analytics/ui.tsx';
import { FreshLoadable, SupportTable } from '../support/load.tsx';
import { orgToday } from '../../core/time/orgCalendar.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import type { ReferralFunnelT, ReferralReportAnswer, ReferralSettings } from '../../core/api/referrals.ts';
import '../support/support.css';
import './referrals.css';

const FILTER_KEYS = ['period', 'from', 'to', 'location'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** A made-up code for the preview (the alphabet of real ones). */
const SAMPLE_CODE = 'K7M2QX9A';

export function ReferralsPage() {
  const { t } = useI18n();
  const { me, can } = useSession();
  const [params, setParams] = useSearchParams();
  const f = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const { preset, range } = periodOf(f, orgToday(me?.org.timezone, new Date()));
  const setFilter = (next: Partial<Record<FilterKey, string | undefined>>) => setParams((prev) => withFilters(prev, FILTER_KEYS, next));
  const report = useLoad<ReferralReportAnswer>(`/referrals/report${qs({ from: range.from, to: range.to, location: f.location })}`);
  const locations = useLoad<LocationsAnswer>('/locations');
  const admin = can('org.manage');

  return (
    <div className="an-page rf-page">
      <div className="an-page-head">
        <PageTitle title={t('rf.title')} />
      </div>
      <p className="muted">{t('rf.intro')}</p>
      {admin && <Settings onChange={report.reload} />}
      <form className="card sp-filters" aria-label={t('rf.filters')} onSubmit={(e) => e.preventDefault()} data-testid="rf-filters">
        <PeriodLocationFields prefix="rf" f={f} preset={preset} range={range} locations={locations.data?.locations ?? []} setFilter={setFilter} />
        <div className="sp-filter-actions">
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>{t('rf.reset')}</button>
        </div>
      </form>
      <div aria-live="polite">
        <FreshLoadable state={report} height={320}>{(data) => <Report data={data} admin={admin} />}</FreshLoadable>
      </div>
    </div>
  );
}

/** The switch, saved at once, with the promoter's block as it will look. */
function Settings({ onChange }: { onChange(): void }) {
  const { t } = useI18n();
  const settings = useLoad<ReferralSettings>('/referrals/settings');
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ text: string; kind: 'success' | 'error' } | null>(null);
  const enabled = settings.data?.enabled ?? false;
  const save = async (next: boolean) => {
    setSaving(true);
    setStatus(null);
    try {
      settings.setData(await api.put<ReferralSettings>('/referrals/settings', { enabled: next }));
      setStatus({ text: t(next ? 'rf.saved.on' : 'rf.saved.off'), kind: 'success' });
      onChange();
    } catch (err) {
      setStatus({ text: t('rf.saveFailed', { message: err instanceof Error ? err.message : String(err) }), kind: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Panel title={t('rf.settings')} id="rf-settings">
      <label className="rf-switch">
        <input type="checkbox" checked={enabled} disabled={saving || settings.data === null} onChange={(e) => void save(e.target.checked)} data-testid="rf-enabled" aria-describedby="rf-enabled-hint" />
        {t('rf.enabled')}
      </label>
      <p className="muted" id="rf-enabled-hint">{t('rf.enabledHint')}</p>
      <LiveStatus message={status?.text ?? null} kind={status?.kind} />
      <figure className="rf-preview" data-testid="rf-preview">
        <figcaption className="muted">{t('rf.preview')}</figcaption>
        <div className="rf-block">
          <p className="rf-block-title">{t('rf.preview.title')}</p>
          <p>{t('rf.preview.text')}</p>
          <p>{t('rf.preview.code')}: <strong className="rf-code" dir="ltr">{SAMPLE_CODE}</strong></p>
          <p>{t('rf.preview.link')}: <bdi className="rf-url">{`${window.location.origin}/r/${SAMPLE_CODE}`}</bdi></p>
          <span className="rf-fake-button" aria-hidden="true">{t('rf.preview.copy')}</span>
        </div>
      </figure>
    </Panel>
  );
}

const STEPS = ['issued', 'visits', 'referred', 'converted'] as const;

function Report({ data, admin }: { data: ReferralReportAnswer; admin: boolean }) {
  const { t, num, pct, date } = useI18n();
  const money = (v: number) => num(v, 2, true);
  const locName = (name: string | null, id: string | null) => (id === null ? t('rf.noLocation') : (name ?? t('rf.none')));
  const empty = STEPS.every((s) => data.totals[s] === 0);
  if (empty) {
    return (
      <EmptyState title={t('rf.empty')}>
        <p className="muted">{t('rf.empty.how')}</p>
        {!data.enabled && <p>{t(admin ? 'rf.empty.off' : 'rf.empty.offNoAdmin')}</p>}
      </EmptyState>
    );
  }
  const top = Math.max(1, ...STEPS.map((s) => data.totals[s]));
  const cells = (r: ReferralFunnelT) => (
    <>
      {STEPS.map((s) => <td key={s}>{num(r[s], 0)}</td>)}
      <td>{r.conversion === null ? t('rf.none') : pct(r.conversion * 100, 0)}</td>
      <td>{money(r.revenue)}</td>
    </>
  );
  const when = (iso: string) => date(iso, { dateStyle: 'medium' });
  return (
    <>
      <Panel title={t('rf.funnel')} id="rf-funnel">
        <ol className="rf-funnel" data-testid="rf-funnel">
          {STEPS.map((s) => (
            <li key={s}>
              <span className="rf-step">{t(`rf.funnel.${s}` as MessageKey)}</span>
              <span className="rf-bar" style={{ inlineSize: `${(100 * data.totals[s]) / top}%` }} />
              <strong className="rf-n">{num(data.totals[s], 0)}</strong>
            </li>
          ))}
          <li className="rf-revenue">
            <span className="rf-step">{t('rf.funnel.revenue')}</span>
            <strong className="rf-n">{money(data.totals.revenue)}</strong>
          </li>
        </ol>
        {data.totals.conversion !== null && <p className="muted">{t('rf.funnel.conversion', { pct: pct(data.totals.conversion * 100, 0) })}</p>}
      </Panel>
      <Panel title={t('rf.byLocation')} id="rf-locations">
        <SupportTable testId="rf-locations" caption={t('rf.byLocation')} wide>
          <thead>
            <tr>
              <th scope="col">{t('rf.col.location')}</th>
              {STEPS.map((s) => <th scope="col" key={s}>{t(`rf.funnel.${s}` as MessageKey)}</th>)}
              <th scope="col">{t('rf.col.conversion')}</th>
              <th scope="col">{t('rf.col.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {data.locations.map((r) => (
              <tr key={r.location_id ?? 'none'}>
                <th scope="row"><bdi>{locName(r.location_name, r.location_id)}</bdi></th>
                {cells(r)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('rf.total')}</th>
              {cells(data.totals)}
            </tr>
          </tfoot>
        </SupportTable>
      </Panel>
      {data.latest.length > 0 && (
        <Panel title={t('rf.latest')} id="rf-latest">
          <SupportTable testId="rf-latest" caption={t('rf.latest')}>
            <thead>
              <tr>
                <th scope="col">{t('rf.col.code')}</th>
                <th scope="col">{t('rf.col.location')}</th>
                <th scope="col">{t('rf.col.referredAt')}</th>
                <th scope="col">{t('rf.col.firstPurchase')}</th>
                <th scope="col">{t('rf.col.revenue')}</th>
              </tr>
            </thead>
            <tbody>
              {data.latest.map((r) => (
                <tr key={`${r.code}-${r.referred_at}`}>
                  <th scope="row" dir="ltr" className="rf-code-cell">{r.code}</th>
                  <td><bdi>{r.location_name ?? t('rf.noLocation')}</bdi></td>
                  <td>{when(r.referred_at)}</td>
                  <td>{r.first_purchase_at ? when(r.first_purchase_at) : <span className="muted">{t('rf.notYet')}</span>}</td>
                  <td>{money(r.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </SupportTable>
        </Panel>
      )}
    </>
  );
}
