/**
 * /app/settings: organisation name, time zone and dimensions (PATCH /org). Saving a change of time
 * zone or dimensions starts a rollup rebuild, shown as a progress bar until it is done. Branding
 * (accent colour, logo) has its own endpoints and section.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { ErrorMessage, Field, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { HiddenKeysAnswer, OrgSettingsView, UpdateOrgAnswer } from '../../../core/api/org.ts';
import { DimensionsEditor } from './DimensionsEditor.tsx';
import { ContactGapSetting } from '../invites/ContactGapSetting.tsx';
import { BrandingSettings } from './BrandingSettings.tsx';
import { RootCausesSettings } from '../../caseReports/RootCausesSettings.tsx';
import { RollupProgress } from './RollupProgress.tsx';
import { WholeOrgAdminOnly } from '../WholeOrgAdminOnly.tsx';
import { useRollupJob } from './useRollupJob.ts';
import './settings.css';

export function SettingsPage() {
  const { t } = useI18n();
  // PATCH /org also needs the whole organisation: location-scoped admins get an explanation instead.
  return (
    <WholeOrgAdminOnly title={t('settings.title')} refusal={t('settings.noAccess')}>
      <SettingsForm />
    </WholeOrgAdminOnly>
  );
}

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...all])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

function SettingsForm() {
  const { t } = useI18n();
  const { refresh, can } = useSession();
  const org = useLoad<OrgSettingsView>('/org');
  const keys = useLoad<HiddenKeysAnswer>('/org/hidden-keys');
  const { job, track } = useRollupJob();
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState('UTC');
  const [dimensions, setDimensions] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!org.data) return;
    setName(org.data.name);
    setTimezone(org.data.timezone);
    setDimensions(org.data.dimensions);
  }, [org.data]);
  const zones = useMemo(() => timeZones(org.data?.timezone ?? 'UTC'), [org.data?.timezone]);

  // Announce the end of a rebuild this page watched (not every tick: the bar carries the numbers).
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (job?.status === 'running') setWatching(true);
    else if (watching && job?.status === 'done') {
      setWatching(false);
      setStatus(t('settings.progressDone'));
    } else if (watching && job?.status === 'failed') {
      setWatching(false);
      setError(t('settings.progressFailed'));
    }
  }, [job?.status, watching, t]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldErrors({});
    setStatus(null);
    try {
      const res = await api.patch<UpdateOrgAnswer>('/org', { name, timezone, dimensions });
      org.setData(res.org);
      if (res.rollupJob) track(res.rollupJob);
      setStatus(res.rollupJob ? t('settings.savedRebuilding') : t('settings.saved'));
      await refresh(); // the organisation's name is in the header
    } catch (err) {
      const field = err instanceof ApiError ? String((err.details as { field?: string } | undefined)?.field ?? '').split('.')[0] : '';
      const message = err instanceof Error ? err.message : String(err);
      if (['name', 'timezone', 'dimensions'].includes(field)) setFieldErrors({ [field]: message });
      else setError(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-page">
      <PageTitle title={t('settings.title')} />
      <ErrorMessage message={org.error ? t('shell.error', { message: org.error.message }) : error} />
      {org.loading && !org.data && <Loading lines={6} />}
      {org.data && (
        <form onSubmit={save} noValidate>
          <section className="card settings-section" aria-labelledby="settings-general-h">
            <h2 id="settings-general-h">{t('settings.general')}</h2>
            <Field label={t('settings.name')} error={fieldErrors.name}>
              {(p) => <input {...p} value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label={t('settings.timezone')} hint={t('settings.timezoneHint')} error={fieldErrors.timezone}>
              {(p) => (
                <select {...p} dir="ltr" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
                  {zones.map((z) => <option key={z} value={z}>{z}</option>)}
                </select>
              )}
            </Field>
          </section>
          <section className="card settings-section">
            <DimensionsEditor value={dimensions} onChange={setDimensions} seen={keys.data?.keys ?? []} error={fieldErrors.dimensions} />
          </section>
          <div className="settings-actions">
            <button type="submit" disabled={busy}>{busy ? t('settings.saving') : t('settings.save')}</button>
          </div>
        </form>
      )}
      <LiveStatus message={status} kind="success" />
      {job && <RollupProgress job={job} />}
      {org.data && <BrandingSettings />}
      {org.data && <ContactGapSetting />}
      {org.data && can('case.configure') && <RootCausesSettings />}
      {/* The links to the other settings pages together, after the sections of this one. */}
      {can('case.configure') && <p className="settings-jobs-link"><Link to="/app/case-settings">{t('co.link')}</Link></p>}
      <p className="settings-jobs-link"><Link to="/app/jobs">{t('jobs.link')}</Link></p>
      <p className="settings-jobs-link"><Link to="/app/integrations">{t('int.link')}</Link></p>
      <p className="settings-jobs-link"><Link to="/app/channels">{t('ch.link')}</Link></p>
    </section>
  );
}
